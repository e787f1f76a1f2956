package io.ocmee.access;

import jakarta.ejb.ApplicationException;
import java.util.Locale;
import java.util.Objects;

/**
 * Reaching the resource of an incoming share failed, or the request was refused before anything was
 * sent. The user API answers it as a problem document with {@link #status()}, the message as {@code
 * detail} and the {@link Reason} as extension member {@code reason}. Messages name the sending
 * server but never a URL path, a token or a secret.
 */
@ApplicationException(rollback = true)
public class ShareAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why access failed; the wire form is the lower-case name with dashes. */
    public enum Reason {
        /** The local request is not acceptable (sub-path, range, method for this share). */
        INVALID_REQUEST(400),
        /** The request needs a file but the share's item is a folder (or the reverse). */
        WRONG_TYPE(409),
        /** The share does not allow writing; refused here, nothing was sent. */
        NO_WRITE_PERMISSION(403),
        /** The sending server refused our credentials (HTTP 401), even after a new exchange. */
        REMOTE_UNAUTHORIZED(403),
        /** The sending server refused the operation (HTTP 403). */
        REMOTE_FORBIDDEN(403),
        /** Nothing at that path on the sending server (HTTP 404/410), or not inside the share. */
        REMOTE_NOT_FOUND(404),
        /** The sending server reports a conflict (HTTP 405/409/412), e.g. a folder in the way. */
        REMOTE_CONFLICT(409),
        /** The requested range cannot be served (HTTP 416). */
        RANGE_NOT_SATISFIABLE(416),
        /** The sending server refused the token exchange for a share that requires it. */
        TOKEN_REFUSED(502),
        /** The sending server answered with an unexpected status or an unreadable answer. */
        REMOTE_ERROR(502),
        /** The sending server cannot be discovered or reached, or refused by the address policy. */
        REMOTE_UNREACHABLE(502),
        /** The sending server did not answer in time. */
        REMOTE_TIMEOUT(504);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        /**
         * @return the HTTP status the user API answers with
         */
        public int status() {
            return status;
        }

        /**
         * @return e.g. {@code remote-unauthorized}
         */
        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    /**
     * @param reason why access failed
     * @param message the house wording, "<what> rejected: <reason>" or "<what> failed: <reason>"
     */
    public ShareAccessException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * @param reason why access failed
     * @param message the house wording
     * @param cause the underlying failure, or {@code null}
     */
    public ShareAccessException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @return why access failed
     */
    public Reason reason() {
        return reason;
    }

    /**
     * @return the HTTP status to answer
     */
    public int status() {
        return reason.status();
    }
}
