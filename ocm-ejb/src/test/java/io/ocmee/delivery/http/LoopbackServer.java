package io.ocmee.delivery.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server bound to 127.0.0.1 on a free port, for tests of outbound calls. Counts hits per
 * route; {@link #close()} releases handlers that are waiting ({@link #slow}) and stops the server.
 */
public final class LoopbackServer implements AutoCloseable {

    /** Longest a slow handler keeps a request open (the rules cap server slowness below 2 s). */
    public static final long SLOW_MILLIS = 1500;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private LoopbackServer() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    /**
     * @return a started server
     */
    public static LoopbackServer start() {
        return new LoopbackServer();
    }

    /**
     * @param path context path (prefix match, as in {@link HttpServer#createContext})
     * @param handler what to answer
     * @return this server
     */
    public LoopbackServer route(String path, HttpHandler handler) {
        AtomicInteger counter = hits.computeIfAbsent(path, p -> new AtomicInteger());
        server.createContext(
                path,
                exchange -> {
                    counter.incrementAndGet();
                    try (exchange) {
                        handler.handle(exchange);
                    } catch (IOException e) {
                        // the client went away (for example after a size-cap abort)
                    }
                });
        return this;
    }

    /**
     * @param path a route registered with {@link #route}
     * @return how many requests reached it
     */
    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /**
     * @param pathAndQuery path and optional query
     * @return {@code http://127.0.0.1:<port><pathAndQuery>}
     */
    public URI uri(String pathAndQuery) {
        return URI.create("http://" + authority() + pathAndQuery);
    }

    /**
     * @return {@code 127.0.0.1:<port>}
     */
    public String authority() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * @param status HTTP status
     * @param contentType value of Content-Type
     * @param body response body
     * @return a handler answering with these
     */
    public static HttpHandler respond(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        };
    }

    /**
     * @param body JSON text
     * @return a handler answering 200 with it
     */
    public static HttpHandler json(String body) {
        return respond(200, "application/json", body);
    }

    /**
     * @param status a 3xx status
     * @param location value of the Location header
     * @return a handler answering with a redirect
     */
    public static HttpHandler redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(status, -1);
        };
    }

    /**
     * @param size number of bytes to stream
     * @param declareLength whether to send Content-Length (otherwise chunked)
     * @return a handler streaming {@code size} bytes of {@code 'x'}
     */
    public static HttpHandler bytes(int size, boolean declareLength) {
        return exchange -> {
            exchange.sendResponseHeaders(200, declareLength ? size : 0);
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = exchange.getResponseBody()) {
                for (int sent = 0; sent < size; sent += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, size - sent));
                }
            }
        };
    }

    /**
     * A handler that holds the request open until the server closes (at most {@link #SLOW_MILLIS}),
     * then answers with {@code then}.
     *
     * @param then the eventual answer
     * @return the slow handler
     */
    public HttpHandler slow(HttpHandler then) {
        return exchange -> {
            try {
                released.await(SLOW_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            then.handle(exchange);
        };
    }

    /**
     * @return a loopback port nothing listens on (bound, then closed)
     */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
