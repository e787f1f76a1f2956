package io.ocmee.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An open file being read: its description, the bytes actually served and the stream of them. The
 * caller owns the stream and must close it (closing this record closes it).
 *
 * @param info the file as it was when it was opened
 * @param offset the first byte the stream delivers
 * @param length how many bytes the stream delivers: the requested range cut to the file's end
 * @param body the bytes, read lazily from the storage; never the whole file in memory
 */
public record ResourceContent(ResourceInfo info, long offset, long length, InputStream body)
        implements AutoCloseable {

    /**
     * @throws NullPointerException if {@code info} or {@code body} is {@code null}
     */
    public ResourceContent {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(body, "body");
    }

    /**
     * @return {@code true} if the stream delivers less than the whole file
     */
    public boolean partial() {
        return offset > 0 || length < info.size();
    }

    /** Closes the stream. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing a file stream failed", e);
        }
    }
}
