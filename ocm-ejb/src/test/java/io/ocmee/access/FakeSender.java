package io.ocmee.access;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ocmee.discovery.DiscoveryDocumentParser;
import io.ocmee.discovery.PeerDiscovery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A scripted sending server on 127.0.0.1 for the receiving side's tests: a WebDAV tree under {@code
 * /dav} (GET with single byte ranges, PROPFIND Depth 0/1, PUT) that accepts only the {@code
 * Authorization} values the test allows, and a token endpoint at {@code /ocm/token} that issues
 * {@code tok-1}, {@code tok-2} ... or answers what the test scripts. Records every request.
 */
final class FakeSender implements AutoCloseable {

    /** One recorded request. */
    record Request(
            String method,
            String path,
            String authorization,
            Map<String, String> headers,
            String body) {}

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Set<String> folders = ConcurrentHashMap.newKeySet();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> readOnly = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicReference<String> tokenAnswer = new AtomicReference<>();
    private final AtomicReference<Integer> tokenStatus = new AtomicReference<>(200);
    private volatile long expiresIn = 3600;
    private volatile boolean acceptIssuedTokens = true;
    private volatile Integer forcedDavStatus;
    private volatile String forcedDavBody = "";

    FakeSender() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/ocm/token", this::token);
        server.createContext("/", this::dav);
        server.start();
    }

    /**
     * @return {@code 127.0.0.1:<port>}
     */
    String authority() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * @return {@code http://127.0.0.1:<port>}
     */
    String base() {
        return "http://" + authority();
    }

    /**
     * @param exchangeToken whether to advertise {@code exchange-token}
     * @param tokenEndPoint whether to publish a {@code tokenEndPoint}
     * @return this server's discovery, as a peer directory would hand it out
     */
    PeerDiscovery discovery(boolean exchangeToken, boolean tokenEndPoint) {
        String json =
                "{\"enabled\":true,\"apiVersion\":\"1.5.0\",\"endPoint\":\""
                        + base()
                        + "/ocm\",\"resourceTypes\":[{\"name\":\"file\",\"shareTypes\":[\"user\"],"
                        + "\"protocols\":{\"webdav\":\"/dav/\"}},{\"name\":\"folder\","
                        + "\"shareTypes\":[\"user\"],\"protocols\":{\"webdav\":\"/dav/\"}}],"
                        + "\"capabilities\":["
                        + (exchangeToken ? "\"exchange-token\"" : "")
                        + "]"
                        + (tokenEndPoint ? ",\"tokenEndPoint\":\"" + base() + "/ocm/token\"" : "")
                        + "}";
        return new DiscoveryDocumentParser()
                .parse(URI.create(base()), json.getBytes(StandardCharsets.UTF_8));
    }

    FakeSender file(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    FakeSender folder(String path) {
        folders.add(path);
        return this;
    }

    /** Makes a folder refuse PUTs below it with 403. */
    FakeSender readOnly(String folder) {
        readOnly.add(folder);
        return this;
    }

    /**
     * @param authorization an {@code Authorization} value the WebDAV tree accepts
     */
    FakeSender accept(String authorization) {
        accepted.add(authorization);
        return this;
    }

    void refuse(String authorization) {
        accepted.remove(authorization);
    }

    void acceptIssuedTokens(boolean accept) {
        this.acceptIssuedTokens = accept;
    }

    void expiresIn(long seconds) {
        this.expiresIn = seconds;
    }

    /** Scripts the token endpoint's next answers. */
    void tokenAnswer(int status, String json) {
        tokenStatus.set(status);
        tokenAnswer.set(json);
    }

    /** Makes every WebDAV request answer this status and body. */
    void forceDav(int status, String body) {
        this.forcedDavStatus = status;
        this.forcedDavBody = body;
    }

    byte[] stored(String path) {
        return files.get(path);
    }

    int exchanges() {
        return (int) requests.stream().filter(r -> r.path().equals("/ocm/token")).count();
    }

    List<Request> davRequests() {
        return requests.stream().filter(r -> !r.path().equals("/ocm/token")).toList();
    }

    List<Request> tokenRequests() {
        return requests.stream().filter(r -> r.path().equals("/ocm/token")).toList();
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(record(exchange, body));
        if (tokenAnswer.get() != null) {
            answer(exchange, tokenStatus.get(), "application/json", tokenAnswer.get());
            return;
        }
        String token = "tok-" + issued.incrementAndGet();
        if (acceptIssuedTokens) {
            accepted.add("Bearer " + token);
        }
        answer(
                exchange,
                200,
                "application/json",
                "{\"access_token\":\""
                        + token
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                        + expiresIn
                        + "}");
    }

    private void dav(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(record(exchange, exchange.getRequestMethod().equals("PUT") ? "" : body));
        if (forcedDavStatus != null) {
            answer(exchange, forcedDavStatus, "application/xml", forcedDavBody);
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !accepted.contains(auth)) {
            answer(exchange, 401, "text/plain", "no");
            return;
        }
        String path = trim(exchange.getRequestURI().getPath());
        switch (exchange.getRequestMethod()) {
            case "GET" -> get(exchange, path);
            case "PROPFIND" -> propfind(exchange, path);
            case "PUT" -> put(exchange, path, body);
            default -> answer(exchange, 405, "text/plain", "");
        }
    }

    private void get(HttpExchange exchange, String path) throws IOException {
        byte[] content = files.get(path);
        if (content == null) {
            answer(exchange, folders.contains(path) ? 405 : 404, "text/plain", "");
            return;
        }
        exchange.getResponseHeaders().add("ETag", "\"e-" + content.length + "\"");
        exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null && range.matches("bytes=\\d+-\\d+")) {
            int from = Integer.parseInt(range.substring(6, range.indexOf('-')));
            int to =
                    Math.min(
                            Integer.parseInt(range.substring(range.indexOf('-') + 1)),
                            content.length - 1);
            if (from >= content.length) {
                answer(exchange, 416, "text/plain", "");
                return;
            }
            exchange.getResponseHeaders()
                    .add("Content-Range", "bytes " + from + "-" + to + "/" + content.length);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(206, to - from + 1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content, from, to - from + 1);
            }
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    private void put(HttpExchange exchange, String path, String body) throws IOException {
        String parent = path.substring(0, path.lastIndexOf('/'));
        if (readOnly.contains(parent)) {
            answer(exchange, 403, "text/plain", "");
            return;
        }
        boolean created = !files.containsKey(path);
        files.put(path, body.getBytes(StandardCharsets.UTF_8));
        answer(exchange, created ? 201 : 204, "text/plain", "");
    }

    private void propfind(HttpExchange exchange, String path) throws IOException {
        boolean folder = folders.contains(path);
        if (!folder && !files.containsKey(path)) {
            answer(exchange, 404, "text/plain", "");
            return;
        }
        StringBuilder xml =
                new StringBuilder("<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\">");
        xml.append(response(path, folder));
        if (folder && "1".equals(exchange.getRequestHeaders().getFirst("Depth"))) {
            TreeMap<String, Boolean> children = new TreeMap<>();
            files.keySet().stream()
                    .filter(p -> isChild(path, p))
                    .forEach(p -> children.put(p, false));
            folders.stream().filter(p -> isChild(path, p)).forEach(p -> children.put(p, true));
            children.forEach((p, f) -> xml.append(response(p, f)));
        }
        xml.append("</d:multistatus>");
        answer(exchange, 207, "application/xml; charset=utf-8", xml.toString());
    }

    private String response(String path, boolean folder) {
        String modified =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.parse("2026-12-01T10:00:00Z").atOffset(ZoneOffset.UTC));
        String href = path.replace(" ", "%20") + (folder ? "/" : "");
        return "<d:response><d:href>"
                + href
                + "</d:href><d:propstat><d:prop>"
                + (folder
                        ? "<d:resourcetype><d:collection/></d:resourcetype>"
                        : "<d:resourcetype/><d:getcontentlength>"
                                + files.get(path).length
                                + "</d:getcontentlength><d:getetag>\"e-"
                                + files.get(path).length
                                + "\"</d:getetag>")
                + "<d:getlastmodified>"
                + modified
                + "</d:getlastmodified></d:prop><d:status>HTTP/1.1 200"
                + " OK</d:status></d:propstat><d:propstat><d:prop><d:quota/></d:prop><d:status>HTTP/1.1"
                + " 404 Not Found</d:status></d:propstat></d:response>";
    }

    private static boolean isChild(String parent, String candidate) {
        return candidate.startsWith(parent + "/")
                && candidate.indexOf('/', parent.length() + 1) < 0;
    }

    private static String trim(String path) {
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.endsWith("/") ? decoded.substring(0, decoded.length() - 1) : decoded;
    }

    private static Request record(HttpExchange exchange, String body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
        return new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                Collections.unmodifiableMap(headers),
                body);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<String> authorizations(List<Request> requests) {
        List<String> list = new ArrayList<>();
        requests.forEach(r -> list.add(r.authorization()));
        return list;
    }
}
