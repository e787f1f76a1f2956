package io.ocmee.it.support;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A loopback HTTP client for tests: no redirects followed, short timeouts. */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private Http() {}

    /**
     * @param url where
     * @param headers header fields to send as given (the client sets Content-Length and Host)
     * @param body the exact body
     * @return the response to a POST
     */
    public static Reply post(String url, java.util.List<String[]> headers, byte[] body) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String[] header : headers) {
            builder.header(header[0], header[1]);
        }
        return send(builder.build());
    }

    /** A response with its body as text. */
    public record Reply(int status, String contentType, String body) {

        /**
         * @return the body parsed as JSON
         */
        public JsonStructure json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }
    }

    /**
     * A response with its body as bytes and all its headers.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the raw body
     */
    public record BytesReply(int status, HttpHeaders headers, byte[] body) {

        /**
         * @param name a header name
         * @return its first value, or the empty string
         */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        /**
         * @return the body as a {@link Reply}, for its JSON
         */
        public Reply asText() {
            return new Reply(
                    status, header("Content-Type"), new String(body, StandardCharsets.UTF_8));
        }
    }

    /**
     * @return the response to {@code PUT url} with raw bytes as the body
     */
    public static BytesReply put(String url, String user, String password, byte[] body) {
        return sendForBytes(
                request(url, user, password)
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
    }

    /**
     * @return the response to a request without a body, with the body kept as bytes
     */
    public static BytesReply bytes(String method, String url, String user, String password) {
        return sendForBytes(
                request(url, user, password)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build());
    }

    /**
     * @param url where
     * @param user a user name for BASIC authentication, or {@code null} for none
     * @param password the user's password
     * @return the response
     */
    public static Reply get(String url, String user, String password) {
        return send(request(url, user, password).GET().build());
    }

    /**
     * @return the unauthenticated GET response of {@code url}
     */
    public static Reply get(String url) {
        return get(url, null, null);
    }

    /**
     * @return the response to a request of the given method with a JSON body (or none when {@code
     *     json} is {@code null})
     */
    public static Reply send(String method, String url, String user, String password, String json) {
        HttpRequest.Builder builder = request(url, user, password);
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(builder.build());
    }

    /**
     * Any method (also WebDAV's PROPFIND, MKCOL, MOVE, COPY) with header fields given as they are.
     *
     * @param method the HTTP method
     * @param url where
     * @param headers name/value pairs (the client sets Content-Length and Host)
     * @param body the body, or {@code null} for none
     * @return the response with its body as bytes
     */
    public static BytesReply exchange(
            String method, String url, java.util.List<String[]> headers, byte[] body) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String[] header : headers) {
            builder.header(header[0], header[1]);
        }
        return sendForBytes(builder.build());
    }

    private static HttpRequest.Builder request(String url, String user, String password) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String token = user + ":" + password;
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(token.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static BytesReply sendForBytes(HttpRequest request) {
        try {
            HttpResponse<byte[]> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new BytesReply(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
