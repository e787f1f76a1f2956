package io.ocmee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal OCM peer on loopback for tests: it serves a discovery document that does not advertise
 * {@code http-sig} (so our servers talk to it unsigned and accept its unsigned requests, checklist
 * R84), records every {@code POST} to {@code /ocm/shares} and {@code /ocm/notifications}, and
 * answers them 201. Thread-safe; close it after the test.
 */
public final class RecordingPeer implements AutoCloseable {

    /**
     * A recorded request.
     *
     * @param path the request path
     * @param body the body as text
     * @param signed whether it carried a signature header
     */
    public record Received(String path, String body, boolean signed) {}

    private final HttpServer server;
    private final String apiVersion;
    private final int sharesStatus;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private RecordingPeer(String apiVersion, int sharesStatus) {
        this.apiVersion = apiVersion;
        this.sharesStatus = sharesStatus;
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/ocm", this::discovery);
        server.createContext("/ocm/", this::record);
        server.start();
    }

    /**
     * @param apiVersion the {@code apiVersion} to advertise, e.g. {@code 1.5.0} or Nextcloud's
     *     {@code 1.1.0}
     * @return a running peer
     */
    public static RecordingPeer start(String apiVersion) {
        return new RecordingPeer(apiVersion, 201);
    }

    /**
     * @param apiVersion the {@code apiVersion} to advertise
     * @param sharesStatus the status to answer on {@code /ocm/shares}; a 400 carries an OCM error
     * @return a running peer
     */
    public static RecordingPeer start(String apiVersion, int sharesStatus) {
        return new RecordingPeer(apiVersion, sharesStatus);
    }

    /**
     * @return {@code localhost:<port>}, the provider part of its users' addresses
     */
    public String authority() {
        return "localhost:" + server.getAddress().getPort();
    }

    /**
     * @param timeout how long to wait
     * @return the next recorded request
     * @throws AssertionError if none arrives in time
     */
    public Received next(Duration timeout) {
        try {
            Received next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                throw new AssertionError("no request reached " + authority() + " in " + timeout);
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * @return how many requests are recorded and not yet taken
     */
    public int pending() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String base = "http://" + authority();
        String json =
                "{\"enabled\":true,\"apiVersion\":\""
                        + apiVersion
                        + "\",\"endPoint\":\""
                        + base
                        + "/ocm\",\"provider\":\"Fake\",\"resourceTypes\":[{\"name\":\"file\","
                        + "\"shareTypes\":[\"user\"],\"protocols\":{\"webdav\":\"/dav/\","
                        + "\"webdav-receive\":{\"uri\":\"absolute\"}}},{\"name\":\"folder\","
                        + "\"shareTypes\":[\"user\"],\"protocols\":{\"webdav\":\"/dav/\","
                        + "\"webdav-receive\":{\"uri\":\"absolute\"}}}],"
                        + "\"capabilities\":[\"notifications\"]}";
        answer(exchange, 200, json);
    }

    private void record(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        boolean signed =
                exchange.getRequestHeaders().containsKey("Signature")
                        || exchange.getRequestHeaders().containsKey("Signature-input");
        received.add(
                new Received(
                        exchange.getRequestURI().getPath(),
                        new String(body, StandardCharsets.UTF_8),
                        signed));
        boolean share = exchange.getRequestURI().getPath().endsWith("/shares");
        if (share && sharesStatus >= 400) {
            answer(
                    exchange,
                    sharesStatus,
                    "{\"message\":\"Fake refuses every share\",\"validationErrors\":[]}");
            return;
        }
        answer(exchange, 201, share ? "{\"recipientDisplayName\":\"Fake Bob\"}" : "{}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
