package io.ocmee.wayf;

/**
 * The server picked on the WAYF page cannot take the invite: the input is no server address, the
 * server cannot be discovered, it offers no usable invite acceptance dialog, or too many lookups
 * were asked for. The message is meant for the person on the page, in the house wording, and holds
 * no token.
 */
public final class WayfChoiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String inviteString;

    /**
     * @param message "<what> rejected: <reason>", for the person on the page
     * @param inviteString the invite string to paste at the chosen server instead, or {@code null}
     *     when that would not help
     */
    public WayfChoiceException(String message, String inviteString) {
        super(message);
        this.inviteString = inviteString;
    }

    /**
     * @return the invite string (OCM-NOTES §5.2) the person can enter at their server by hand when
     *     the redirect is impossible, or {@code null}
     */
    public String inviteString() {
        return inviteString;
    }
}
