package io.ocmee.signature.digest;

/**
 * Thrown when a digest header is malformed, or names no algorithm this library recognises. The
 * message says which; it never contains the body.
 */
public class DigestFormatException extends IllegalArgumentException {

    private final boolean noRecognisedAlgorithm;

    /**
     * @param message what is wrong
     * @param noRecognisedAlgorithm true if the header was well-formed but named only unknown
     *     algorithms
     */
    public DigestFormatException(String message, boolean noRecognisedAlgorithm) {
        super(message);
        this.noRecognisedAlgorithm = noRecognisedAlgorithm;
    }

    /**
     * @return true if the header was well-formed but named only unknown algorithms
     */
    public boolean noRecognisedAlgorithm() {
        return noRecognisedAlgorithm;
    }
}
