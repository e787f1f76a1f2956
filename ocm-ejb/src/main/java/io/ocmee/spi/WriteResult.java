package io.ocmee.spi;

import java.util.Objects;

/**
 * The outcome of an operation that puts something at a path (write, create folder, move, copy).
 *
 * @param resource the file or folder now at the path
 * @param created {@code true} if nothing was at the path before (HTTP 201), {@code false} if
 *     something was replaced or was already there (HTTP 204); two concurrent writers of a new path
 *     may both see {@code true}
 */
public record WriteResult(ResourceInfo resource, boolean created) {

    /**
     * @throws NullPointerException if {@code resource} is {@code null}
     */
    public WriteResult {
        Objects.requireNonNull(resource, "resource");
    }
}
