package io.ocmee.signature.jwk;

/**
 * Thrown when a JWK, JWK Set or PEM text is malformed or describes a key this library cannot use.
 * Messages name the problem and the {@code kid}, never key material.
 */
public class KeyFormatException extends IllegalArgumentException {

    /**
     * @param message what is wrong, in the form "Key rejected: …"
     */
    public KeyFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause the parse error underneath
     */
    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
