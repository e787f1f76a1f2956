package io.ocmee.signature.rfc9421;

/**
 * Thrown when {@code Signature-Input}, {@code Signature}, a component identifier or a signature
 * parameter is syntactically or semantically invalid (RFC 9421 §2, §2.3, §4). "Input is bad": the
 * same input always fails the same way.
 */
public class MalformedSignatureException extends IllegalArgumentException {

    /**
     * @param message what is wrong, in the form "Signature rejected: …"
     */
    public MalformedSignatureException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause the parse error underneath
     */
    public MalformedSignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
