package io.ocmee.spi;

/** No file or folder exists at the path (or it is hidden from the user, see the storage rules). */
public class ResourceNotFoundException extends ResourceStorageException {

    private static final long serialVersionUID = 1L;

    private final ResourcePath path;

    /**
     * @param path the path that was looked up
     */
    public ResourceNotFoundException(ResourcePath path) {
        super("Path '" + path + "' rejected: no file or folder exists there");
        this.path = path;
    }

    /**
     * @return the path that was looked up
     */
    public ResourcePath path() {
        return path;
    }
}
