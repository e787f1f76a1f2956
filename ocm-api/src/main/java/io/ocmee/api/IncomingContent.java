package io.ocmee.api;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The whole content of a file of a received share, as {@link Inbox#read} fetched it from the
 * sending server.
 *
 * @param contentType the media type the sender gave, or {@code null} when it gave none or a
 *     malformed one
 * @param bytes the content; at most {@link Inbox#MAX_READ_BYTES} bytes; a copy on the way in and
 *     out
 */
public record IncomingContent(String contentType, byte[] bytes) implements Serializable {

    /**
     * @throws NullPointerException if {@code bytes} is {@code null}
     */
    public IncomingContent {
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * @return the number of bytes
     */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncomingContent that
                && Objects.equals(contentType, that.contentType)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(contentType) + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "IncomingContent[contentType=" + contentType + ", length=" + bytes.length + "]";
    }
}
