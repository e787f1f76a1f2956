package io.ocmee.signature.sf;

/**
 * Thrown when a text is not a valid RFC 8941 structured field of the expected type, or when a value
 * cannot be serialised (for example an integer outside the 15-digit range).
 *
 * <p>This is an "input is bad" error: retrying with the same input will fail the same way.
 */
public class StructuredFieldException extends IllegalArgumentException {

    private final int position;

    /**
     * @param message what is wrong, in the form "Structured field rejected: …"
     * @param position the zero-based character offset where parsing failed, or -1 when the error is
     *     not tied to a position (serialisation)
     */
    public StructuredFieldException(String message, int position) {
        super(message);
        this.position = position;
    }

    /**
     * @return the zero-based offset in the input where parsing failed, or -1 if not applicable
     */
    public int position() {
        return position;
    }
}
