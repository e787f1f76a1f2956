package io.ocmee.spi;

/** A byte range that starts at or beyond the end of a non-empty file (HTTP 416). */
public class ResourceRangeException extends ResourceStorageException {

    private static final long serialVersionUID = 1L;

    private final long size;

    /**
     * @param path the file
     * @param size its size in bytes
     */
    public ResourceRangeException(ResourcePath path, long size) {
        super("Range of '" + path + "' rejected: the file has only " + size + " bytes");
        this.size = size;
    }

    /**
     * @return the size of the file in bytes, for a {@code Content-Range: bytes *}{@code /size}
     */
    public long size() {
        return size;
    }
}
