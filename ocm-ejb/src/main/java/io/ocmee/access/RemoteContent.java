package io.ocmee.access;

import io.ocmee.delivery.http.PeerHttpStream;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A download from the sending server that is still arriving: the status ({@code 200}, or {@code
 * 206} for a range) and the headers worth passing on, and the body as a stream. The caller copies
 * the body to its client and must {@link #close()} it, also when it stops early.
 *
 * <p>Header values come from a peer: the content type is passed on only when it is a plain {@code
 * type/subtype[; parameters]} value, lengths only when numeric.
 */
public final class RemoteContent implements AutoCloseable {

    private final PeerHttpStream response;

    RemoteContent(PeerHttpStream response) {
        this.response = Objects.requireNonNull(response, "response");
    }

    /**
     * @return {@code 200} for the whole content, {@code 206} for a range
     */
    public int status() {
        return response.status();
    }

    /**
     * @return the media type the sender gave, if it is well-formed
     */
    public Optional<String> contentType() {
        return response.firstHeader("Content-Type")
                .map(String::strip)
                .filter(
                        t ->
                                t.length() <= 200
                                        && t.matches(
                                                "[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+"
                                                        + "(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+="
                                                        + "(\"[^\"\\\\\\p{Cntrl}]*\"|"
                                                        + "[A-Za-z0-9!#$&^_.+-]+))*"));
    }

    /**
     * @return the body's length, if the sender declared it
     */
    public OptionalLong contentLength() {
        return response.firstHeader("Content-Length")
                .map(String::strip)
                .filter(v -> v.matches("\\d{1,18}"))
                .map(v -> OptionalLong.of(Long.parseLong(v)))
                .orElse(OptionalLong.empty());
    }

    /**
     * @return {@code Content-Range} of a 206, if well-formed
     */
    public Optional<String> contentRange() {
        return response.firstHeader("Content-Range")
                .map(String::strip)
                .filter(v -> v.matches("bytes (\\d{1,18}-\\d{1,18}|\\*)/(\\d{1,18}|\\*)"));
    }

    /**
     * @return {@code ETag}, if sent and printable
     */
    public Optional<String> etag() {
        return printable(response.firstHeader("ETag"));
    }

    /**
     * @return {@code Last-Modified}, if sent and printable
     */
    public Optional<String> lastModified() {
        return printable(response.firstHeader("Last-Modified"));
    }

    /**
     * @return {@code true} if the sender announced {@code Accept-Ranges: bytes}
     */
    public boolean acceptsRanges() {
        return response.firstHeader("Accept-Ranges")
                .map(v -> v.strip().equalsIgnoreCase("bytes"))
                .orElse(false);
    }

    /**
     * @return the body; read once
     */
    public InputStream body() {
        return response.body();
    }

    /** Releases the connection to the sender. */
    @Override
    public void close() {
        response.close();
    }

    private static Optional<String> printable(Optional<String> value) {
        return value.map(String::strip)
                .filter(v -> v.length() <= 256 && v.matches("[\\x20-\\x7E]+"));
    }
}
