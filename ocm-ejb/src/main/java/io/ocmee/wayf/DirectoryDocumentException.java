package io.ocmee.wayf;

/**
 * A Directory Service document was refused: it is no compact JWS, its signature does not verify
 * with the configured keys, or its payload is not a directory. The message says which, in the house
 * wording, and never quotes the document.
 */
public final class DirectoryDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message "Directory document rejected: <reason>"
     */
    public DirectoryDocumentException(String message) {
        super(message);
    }

    /**
     * @param message "Directory document rejected: <reason>"
     * @param cause what failed underneath
     */
    public DirectoryDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
