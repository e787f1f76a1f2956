package io.ocmee.invite;

/**
 * An invite string, token or provider domain given by a user cannot be read. Plain Java; the
 * services turn it into a 400 for the user.
 */
public class InvalidInviteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the house wording, "Invite rejected: ..."
     */
    public InvalidInviteException(String message) {
        super(message);
    }
}
