package io.ocmee.signature;

import io.ocmee.signature.crypto.SignatureAlgorithm;
import java.time.Instant;
import java.util.Arrays;

/**
 * A signature that verified. The server checks next that the payload belongs to the signer (the key
 * id's host against {@code sender}/{@code owner}, OCM-NOTES §7.3 step 6), and may keep {@link
 * #signature()} in a replay cache until {@code created} leaves the window.
 *
 * @param keyId the signer's key id ({@code keyid} or cavage {@code keyId})
 * @param algorithm the algorithm the signature was verified with
 * @param scheme RFC 9421 or draft-cavage
 * @param created when the signer says it signed: {@code created}, or for cavage without {@code
 *     created} the {@code Date} header
 * @param signature the raw signature bytes (copied in and out)
 */
public record VerifiedSignature(
        String keyId,
        SignatureAlgorithm algorithm,
        SignatureScheme scheme,
        Instant created,
        byte[] signature) {

    public VerifiedSignature {
        signature = signature.clone();
    }

    /**
     * @return a copy of the raw signature bytes
     */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifiedSignature that
                && keyId.equals(that.keyId)
                && algorithm == that.algorithm
                && scheme == that.scheme
                && created.equals(that.created)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(signature);
    }

    /** Omits the signature bytes. */
    @Override
    public String toString() {
        return "VerifiedSignature[keyId="
                + keyId
                + ", algorithm="
                + algorithm
                + ", scheme="
                + scheme
                + ", created="
                + created
                + "]";
    }
}
