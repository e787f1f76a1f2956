package io.ocmee.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * What a storage knows about one file or folder.
 *
 * @param path where it is in the user's space
 * @param name its last name; the empty string for the root folder
 * @param folder {@code true} for a folder, {@code false} for a file
 * @param size the length of a file in bytes; 0 for a folder
 * @param lastModified when its content (a file) or its list of entries (a folder) last changed
 * @param etag an HTTP entity tag in its quoted form ({@code "..."}, RFC 9110 §8.8.3) that changes
 *     whenever a file's content changes; for a folder it changes when its own entries change
 */
public record ResourceInfo(
        ResourcePath path,
        String name,
        boolean folder,
        long size,
        Instant lastModified,
        String etag) {

    /**
     * @throws NullPointerException if a reference is {@code null}
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public ResourceInfo {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(etag, "etag");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
