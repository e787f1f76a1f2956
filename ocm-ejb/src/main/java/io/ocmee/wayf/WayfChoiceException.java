package io.ocmee.wayf;

/**
 * The server picked on the WAYF page cannot take the invite: the input is no server address, the
 * server cannot be discovered, it offers no usable invite acceptance dialog, or too many lookups
 * were asked for. The message is meant for the person on the page, in the house wording, and holds
 * no token.
 */
public final class WayfChoiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the choice cannot be followed. */
    public enum Reason {
        /** The token or the server address is malformed or missing. */
        BAD_INPUT,
        /** The server cannot be discovered or offers no usable invite acceptance dialog. */
        UNUSABLE_SERVER,
        /** Too many lookups of unlisted servers were asked for in the last minute. */
        TOO_MANY_LOOKUPS
    }

    private final Reason reason;
    private final String inviteString;

    /**
     * @param reason why
     * @param message "<what> rejected: <reason>", for the person on the page
     * @param inviteString the invite string to paste at the chosen server instead, or {@code null}
     *     when that would not help
     */
    public WayfChoiceException(Reason reason, String message, String inviteString) {
        super(message);
        this.reason = reason;
        this.inviteString = inviteString;
    }

    /**
     * @return why the choice cannot be followed
     */
    public Reason reason() {
        return reason;
    }

    /**
     * @return the invite string (OCM-NOTES §5.2) the person can enter at their server by hand when
     *     the redirect is impossible, or {@code null}
     */
    public String inviteString() {
        return inviteString;
    }
}
