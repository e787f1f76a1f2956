package io.ocmee.invite;

import jakarta.ejb.ApplicationException;

/**
 * A request of a local user to the invite or contact API cannot be carried out; answered as a
 * problem document with {@link #status()} and the message as {@code detail}. Remote refusals of an
 * acceptance are turned into one of these with a message the user can act on. The transaction rolls
 * back.
 */
@ApplicationException(rollback = true)
public class InviteRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status 400 bad input or an invite the sender does not know (any more), 403 a server
     *     this one does not trust or that does not trust this one, 404 no such invite or contact of
     *     the caller, 409 the invite was accepted by someone else, 502 the sender cannot be reached
     *     or is no usable OCM server
     * @param message the house wording, "<what> rejected: <reason>"
     */
    public InviteRefusedException(int status, String message) {
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
