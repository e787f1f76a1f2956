package io.ocmee.address;

/**
 * Thrown when a string is not a valid OCM Address or provider host.
 *
 * <p>The message follows the house wording {@code "<what> rejected: <reason>"} and quotes the
 * offending input, which is public by nature (addresses are shown to users).
 */
public final class InvalidOcmAddressException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was rejected and why
     */
    public InvalidOcmAddressException(String message) {
        super(message);
    }
}
