package io.ocmee.signature.crypto;

/**
 * Thrown when a key's type or size does not fit the algorithm it is used with (for example an RSA
 * key for {@code ed25519}, or a P-384 key for {@code ecdsa-p256-sha256}). The message names the
 * algorithm and the key type, never key material.
 */
public class UnsuitableKeyException extends IllegalArgumentException {

    /**
     * @param message what does not fit
     */
    public UnsuitableKeyException(String message) {
        super(message);
    }
}
