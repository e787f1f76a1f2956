package io.ocmee.signature.crypto;

/**
 * A private key bound to an algorithm, prepared once and usable for many signatures.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface MessageSigner {

    /**
     * @param data the exact bytes to sign (a signature base or signing string)
     * @return the signature in the algorithm's wire format
     */
    byte[] sign(byte[] data);
}
