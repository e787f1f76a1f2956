package io.ocmee.signature.crypto;

/** A public (or, for HMAC, secret) key bound to an algorithm. Implementations are thread-safe. */
@FunctionalInterface
public interface MessageVerifier {

    /**
     * @param data the exact bytes that were signed
     * @param signature the signature in the algorithm's wire format
     * @return true if the signature is valid; false if it is not, including when it has the wrong
     *     length or encoding
     */
    boolean verify(byte[] data, byte[] signature);
}
