package io.ocmee.delivery.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A complete response from a peer, after redirects and within the size cap.
 *
 * <p>Immutable: the body is copied in and out. Equality compares the body by content. {@link
 * #toString()} never shows the body or the URI's path and query.
 *
 * @param uri the URI that produced this response (the last one, after redirects)
 * @param status the HTTP status code
 * @param headers response headers; names compare case-insensitively
 * @param body the response body, possibly empty
 */
public record PeerHttpResponse(
        URI uri, int status, Map<String, List<String>> headers, byte[] body) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public PeerHttpResponse {
        Objects.requireNonNull(uri, "uri");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    /**
     * @return a copy of the body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * @return the body decoded as UTF-8
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @param name header name, any case
     * @return the first value of that header, if present
     */
    public Optional<String> firstHeader(String name) {
        return headers.getOrDefault(name, List.of()).stream().findFirst();
    }

    /**
     * @return {@code true} for a 2xx status
     */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * @return this response if {@link #isSuccess()}
     * @throws PeerHttpException of kind {@link PeerHttpException.Kind#HTTP_STATUS} otherwise
     */
    public PeerHttpResponse requireSuccess() {
        if (!isSuccess()) {
            throw PeerHttpException.httpStatus(PeerHttpClient.authorityOf(uri), status);
        }
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PeerHttpResponse that
                && uri.equals(that.uri)
                && status == that.status
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "PeerHttpResponse["
                + PeerHttpClient.authorityOf(uri)
                + ", status="
                + status
                + ", "
                + body.length
                + " bytes]";
    }
}
