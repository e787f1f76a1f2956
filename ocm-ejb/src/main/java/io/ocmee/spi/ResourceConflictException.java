package io.ocmee.spi;

/**
 * The operation clashes with what is at the path: a file would replace a folder, a folder is
 * expected where a file is, a parent folder is missing for a move or copy, a target exists and may
 * not be overwritten, a folder would be moved into itself, or the user's root folder would be
 * deleted or replaced.
 */
public class ResourceConflictException extends ResourceStorageException {

    private static final long serialVersionUID = 1L;

    private final ResourcePath path;

    /**
     * @param path the path in conflict
     * @param reason what is in the way, e.g. {@code "it is a folder"}
     */
    public ResourceConflictException(ResourcePath path, String reason) {
        super("Path '" + (path.isRoot() ? "/" : path) + "' rejected: " + reason);
        this.path = path;
    }

    /**
     * @return the path in conflict
     */
    public ResourcePath path() {
        return path;
    }
}
