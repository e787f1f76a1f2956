package io.ocmee.delivery.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response from a peer whose body is still being received: status and headers are complete, the
 * body is read as a stream (see {@link PeerHttpClient#stream}). Closing it releases the connection,
 * also when the body was not read to its end.
 *
 * <p>Not thread-safe: one reader. {@link #toString()} never shows the URI's path or query.
 */
public final class PeerHttpStream implements AutoCloseable {

    private final URI uri;
    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream body;

    /**
     * @param uri the URI that produced this response
     * @param status the HTTP status code
     * @param headers response headers; names compare case-insensitively
     * @param body the body stream
     */
    public PeerHttpStream(
            URI uri, int status, Map<String, List<String>> headers, InputStream body) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.status = status;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = Objects.requireNonNull(body, "body");
    }

    /**
     * @return the URI that produced this response (after redirects)
     */
    public URI uri() {
        return uri;
    }

    /**
     * @return the HTTP status code
     */
    public int status() {
        return status;
    }

    /**
     * @return the response headers, names case-insensitive
     */
    public Map<String, List<String>> headers() {
        return headers;
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
     * @return the body; read it once, then close this response
     */
    public InputStream body() {
        return body;
    }

    /**
     * Reads at most {@code max} bytes of the body (for an error answer) and closes the response.
     *
     * @param max how many bytes to keep
     * @return the first bytes of the body; empty if reading fails
     */
    public byte[] readCappedAndClose(int max) {
        try (this) {
            return body.readNBytes(max);
        } catch (IOException | UncheckedIOException e) {
            return new byte[0];
        }
    }

    /** Releases the connection; the unread rest of the body is discarded. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    @Override
    public String toString() {
        return "PeerHttpStream[" + PeerHttpClient.authorityOf(uri) + ", status=" + status + "]";
    }
}
