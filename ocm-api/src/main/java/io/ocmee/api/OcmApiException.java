package io.ocmee.api;

import jakarta.ejb.ApplicationException;

/**
 * A request through the API cannot be carried out. The caller's transaction is marked for rollback,
 * so nothing the call did (a share, a message queued for a peer) survives.
 *
 * <p>{@link #status()} classifies the failure like the REST API does: 400 bad input, 404 nothing of
 * the caller's under that id or path, 409 a state that forbids the change, 502 the other server
 * cannot be used. The message is fit for end users and never carries secrets.
 */
@ApplicationException(rollback = true)
public class OcmApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the classification (see the class comment)
     * @param message what went wrong, in the module's wording
     */
    public OcmApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * @return 400, 403, 404, 409 or 502
     */
    public int status() {
        return status;
    }
}
