package io.ocmee.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * A reverse proxy on 127.0.0.1 in front of one test server, standing where a real deployment's TLS
 * proxy stands: the server's {@code OCM_PUBLIC_URL} is the proxy's URL. It forwards every request
 * unchanged except {@code POST}s, which pass through a replaceable tampering step; it records each
 * forwarded POST and the server's answer.
 */
public final class TamperingProxy implements AutoCloseable {

    /** A POST as it arrived and as it is forwarded. */
    public record Exchange(Forward request, int status, String responseBody) {}

    /** What is forwarded: method, path with query, header lines, body. */
    public record Forward(String method, String pathAndQuery, List<String[]> headers, byte[] body) {

        /**
         * @return a copy with another body
         */
        public Forward withBody(byte[] newBody) {
            return new Forward(method, pathAndQuery, headers, newBody);
        }

        /**
         * @return a copy with another path and query
         */
        public Forward withPath(String newPath) {
            return new Forward(method, newPath, headers, body);
        }

        /**
         * @return a copy where each value of header {@code name} is replaced through {@code change}
         */
        public Forward withHeader(String name, UnaryOperator<String> change) {
            List<String[]> changed =
                    headers.stream()
                            .map(
                                    h ->
                                            h[0].equalsIgnoreCase(name)
                                                    ? new String[] {h[0], change.apply(h[1])}
                                                    : h)
                            .toList();
            return new Forward(method, pathAndQuery, changed, body);
        }

        /**
         * @return the first value of a header, or null
         */
        public String header(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .findFirst()
                    .orElse(null);
        }
    }

    private static final Set<String> HOP =
            Set.of(
                    "host",
                    "content-length",
                    "connection",
                    "transfer-encoding",
                    "expect",
                    "upgrade");
    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private final HttpServer server;
    private volatile int targetPort;
    private final List<Exchange> posts = new CopyOnWriteArrayList<>();
    private volatile UnaryOperator<Forward> tamper = UnaryOperator.identity();

    /** Starts the proxy; {@link #forwardTo} names the server behind once it is known. */
    public TamperingProxy() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::forward);
        server.start();
    }

    /**
     * @param port the port of the server behind, on 127.0.0.1
     */
    public void forwardTo(int port) {
        this.targetPort = port;
    }

    /**
     * @return {@code http://localhost:<proxy port>}: the public URL of the server behind
     */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /**
     * @param change what to do to the next POSTs (identity to stop tampering)
     */
    public void tamperWith(UnaryOperator<Forward> change) {
        this.tamper = change;
    }

    /**
     * @return every POST forwarded so far, oldest first
     */
    public List<Exchange> posts() {
        return List.copyOf(posts);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            List<String[]> headers = new CopyOnWriteArrayList<>();
            for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
                if (!HOP.contains(h.getKey().toLowerCase())) {
                    h.getValue().forEach(v -> headers.add(new String[] {h.getKey(), v}));
                }
            }
            URI received = exchange.getRequestURI();
            String path =
                    received.getRawPath()
                            + (received.getRawQuery() == null ? "" : "?" + received.getRawQuery());
            Forward original =
                    new Forward(exchange.getRequestMethod(), path, List.copyOf(headers), body);
            Forward sent = original.method().equals("POST") ? tamper.apply(original) : original;

            HttpResponse<byte[]> answer = send(sent);
            if (original.method().equals("POST")) {
                posts.add(
                        new Exchange(
                                sent,
                                answer.statusCode(),
                                new String(
                                        answer.body(), java.nio.charset.StandardCharsets.UTF_8)));
            }
            answer.headers()
                    .firstValue("Content-Type")
                    .ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
            exchange.sendResponseHeaders(
                    answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends a recorded request to the server behind once more, as an attacker replaying it would.
     *
     * @param forward a request from {@link #posts()}
     * @return the server's answer
     */
    public Exchange resend(Forward forward) {
        try {
            HttpResponse<byte[]> answer = send(forward);
            return new Exchange(
                    forward,
                    answer.statusCode(),
                    new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> send(Forward forward) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://127.0.0.1:" + targetPort + forward.pathAndQuery()))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                forward.method(),
                                forward.body().length == 0 && !forward.method().equals("POST")
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(forward.body()));
        for (String[] h : forward.headers()) {
            request.header(h[0], h[1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
