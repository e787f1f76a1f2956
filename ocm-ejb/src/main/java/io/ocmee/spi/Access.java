package io.ocmee.spi;

/** What a user wants to do with a file or folder (see {@link ResourceStorage#permits}). */
public enum Access {
    /** Read a file or list a folder. */
    READ,
    /** Change, create or delete. */
    WRITE,
    /** Share it with users of other servers. */
    SHARE
}
