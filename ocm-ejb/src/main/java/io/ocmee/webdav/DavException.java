package io.ocmee.webdav;

import jakarta.ejb.ApplicationException;
import java.util.Optional;

/**
 * A WebDAV request cannot be carried out. The endpoint answers {@link #status()} with the message
 * as plain text, or, when {@link #precondition()} is present, with an RFC 4918 {@code DAV:error}
 * body naming it. Messages never contain secrets, tokens or server paths.
 */
@ApplicationException
public class DavException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String precondition;

    /**
     * @param status the HTTP status (400, 403, 404, 405, 409, 412, 416, ...)
     * @param message the house wording, "<what> rejected: <reason>"
     */
    public DavException(int status, String message) {
        this(status, message, null);
    }

    /**
     * @param status the HTTP status
     * @param message the house wording
     * @param precondition the local name of an RFC 4918 precondition element in the {@code DAV:}
     *     namespace, e.g. {@code propfind-finite-depth}, or {@code null}
     */
    public DavException(int status, String message, String precondition) {
        super(message);
        this.status = status;
        this.precondition = precondition;
    }

    /**
     * @return the HTTP status
     */
    public int status() {
        return status;
    }

    /**
     * @return the precondition element's local name, if any
     */
    public Optional<String> precondition() {
        return Optional.ofNullable(precondition);
    }
}
