package io.ocmee.share;

import jakarta.ejb.ApplicationException;

/**
 * A request of a local user to the sharing API cannot be carried out; answered as a problem
 * document with {@link #status()} and the message as {@code detail}. The transaction rolls back, so
 * no share and no message to a peer are left behind.
 */
@ApplicationException(rollback = true)
public class ShareRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status 400 bad input, 403 a receiver blocked by the trust policy, 404 unknown share,
     *     409 wrong state, 502 unusable peer
     * @param message the house wording, "<what> rejected: <reason>"
     */
    public ShareRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * @return the HTTP status to answer
     */
    public int status() {
        return status;
    }
}
