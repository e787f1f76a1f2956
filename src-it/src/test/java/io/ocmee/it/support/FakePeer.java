package io.ocmee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted OCM peer on 127.0.0.1: it serves a discovery document whose {@code endPoint} is {@code
 * http://localhost:<port>/ocm}, without {@code http-sig} or {@code publicKey} (so requests to it
 * are unsigned), and answers {@code POST /ocm/shares} and {@code POST /ocm/invite-accepted} with
 * the scripted replies in order, repeating the last one. It records every such request it receives.
 * Thread-safe.
 */
public final class FakePeer implements AutoCloseable {

    /**
     * One scripted answer.
     *
     * @param status the HTTP status
     * @param headers extra response headers
     * @param body the JSON body, possibly empty
     */
    public record Reply(int status, Map<String, String> headers, String body) {

        /**
         * @param status the HTTP status
         * @param body the JSON body
         * @return a reply without extra headers
         */
        public static Reply of(int status, String body) {
            return new Reply(status, Map.of(), body);
        }
    }

    /**
     * A request the peer received.
     *
     * @param contentType its {@code Content-Type}
     * @param body its body as text
     */
    public record Received(String contentType, String body) {}

    private final int port;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private FakePeer(int port, List<Reply> replies) {
        this.port = port;
        this.script.addAll(replies);
    }

    /**
     * Starts a peer on a free loopback port.
     *
     * @param replies the answers to share requests, in order; the last one repeats
     * @return the running peer
     */
    public static FakePeer start(Reply... replies) {
        return startOn(freePort(), replies);
    }

    /**
     * Starts a peer on a given loopback port (for a peer that comes back).
     *
     * @param port the port
     * @param replies the answers to share requests, in order; the last one repeats
     * @return the running peer
     */
    public static FakePeer startOn(int port, Reply... replies) {
        FakePeer peer = new FakePeer(port, List.of(replies));
        peer.listen();
        return peer;
    }

    /**
     * @return a loopback port nothing listens on right now
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * @return the peer's provider authority, {@code localhost:<port>}
     */
    public String authority() {
        return "localhost:" + port;
    }

    /**
     * @return the share requests received so far, in order
     */
    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void listen() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        server.createContext("/.well-known/ocm", this::discovery);
        server.createContext("/ocm-provider", this::discovery);
        server.createContext("/ocm/shares", this::share);
        server.createContext("/ocm/invite-accepted", this::share);
        server.start();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String document =
                "{\"enabled\":true,\"apiVersion\":\"1.5.0\",\"endPoint\":\"http://localhost:"
                        + port
                        + "/ocm\",\"provider\":\"Fake peer\",\"resourceTypes\":[{\"name\":\"file\","
                        + "\"shareTypes\":[\"user\"],\"protocols\":{\"webdav\":\"/webdav/\"}}]}";
        answer(exchange, Reply.of(200, document));
    }

    private void share(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, Reply.of(405, "{\"message\":\"POST only\"}"));
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), body));
        answer(exchange, next());
    }

    private synchronized Reply next() {
        return script.size() > 1 ? script.poll() : script.peek();
    }

    private static void answer(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
