package io.ocmee.api;

import jakarta.ejb.ApplicationException;

/**
 * A request through the API cannot be carried out. The caller's transaction is marked for rollback,
 * so nothing the call did (a share, a message queued for a peer) survives.
 *
 * <p>{@link #status()} classifies the failure like the REST API does: 400 bad input, 404 nothing of
 * the caller's under that id or path, 403 the other server refuses access, 409 a state that forbids
 * the change, 413 content too large to return whole, 502 the other server cannot be used, 504 it
 * did not answer in time. The message is fit for end users and never carries secrets.
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
     * @return 400, 403, 404, 409, 413, 416, 502 or 504
     */
    public int status() {
        return status;
    }
}
