package io.ocmee.share;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Objects;

/**
 * A request from a peer to an OCM endpoint ({@code /shares}, {@code /notifications}, {@code
 * /invite-accepted}) cannot be carried out. The REST layer answers it in the protocol's error
 * format, {@code {"message", "validationErrors": [{"name", "message"}]}} (OCM-NOTES §3.5), with
 * {@link #status()}. Nothing the request would have changed is kept: the transaction rolls back.
 */
@ApplicationException(rollback = true)
public class OcmRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One field problem.
     *
     * @param name the payload field, e.g. {@code shareWith} or {@code protocol.webdav.uri}
     * @param message a stable code: {@code MISSING}, {@code INVALID}, {@code TOO_LONG}, {@code
     *     NOT_FOUND}, {@code UNSUPPORTED}
     */
    public record FieldError(String name, String message) {}

    private final int status;
    private final transient List<FieldError> errors;

    /**
     * @param status the HTTP status: 400 bad input, 404 unknown share, 403 refused, 409 conflict
     *     (an invite accepted by someone else), 501 unsupported
     * @param message the house wording, "<what> rejected: <reason>"
     * @param errors the field problems, possibly none
     */
    public OcmRequestException(int status, String message, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
    }

    /**
     * @return a 400 with one field problem
     */
    public static OcmRequestException invalid(String message, String field, String code) {
        return new OcmRequestException(400, message, List.of(new FieldError(field, code)));
    }

    /**
     * @return a 501 with one field problem
     */
    public static OcmRequestException unsupported(String message, String field) {
        return new OcmRequestException(501, message, List.of(new FieldError(field, "UNSUPPORTED")));
    }

    /**
     * @return the HTTP status to answer
     */
    public int status() {
        return status;
    }

    /**
     * @return the field problems
     */
    public List<FieldError> errors() {
        return errors;
    }
}
