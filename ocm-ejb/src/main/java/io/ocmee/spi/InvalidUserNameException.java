package io.ocmee.spi;

/**
 * A user name that cannot own a space in this storage, for instance because it is not a safe folder
 * name. This points at the host's user realm rather than at the request.
 */
public class InvalidUserNameException extends ResourceStorageException {

    private static final long serialVersionUID = 1L;

    /**
     * @param reason why the name is refused
     */
    public InvalidUserNameException(String reason) {
        super("User rejected: " + reason);
    }
}
