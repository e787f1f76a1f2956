package io.ocmee.signature.rfc9421;

/**
 * Thrown when a covered component cannot be resolved from the message: a header field that is
 * absent, a dictionary member that is absent, a query parameter that is absent or repeated, or a
 * derived component that does not apply to the message type (RFC 9421 §2.5 step 2.4).
 */
public class MissingComponentException extends IllegalArgumentException {

    private final String component;

    /**
     * @param component the serialised component identifier, for example {@code "date"}
     * @param message what is missing
     */
    public MissingComponentException(String component, String message) {
        super(message);
        this.component = component;
    }

    /**
     * @return the serialised component identifier that could not be resolved
     */
    public String component() {
        return component;
    }
}
