package io.ocmee.signature;

import io.ocmee.signature.crypto.SignatureAlgorithm;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * This server's private signing key with its published key id.
 *
 * @param privateKey the private key; never logged ({@link #toString()} omits it)
 * @param keyId the {@code kid} under which the public key is published, for example {@code
 *     https://files.example.net/ocm#ed25519-1}
 * @param algorithm the algorithm the key is published for (its JWK {@code alg})
 */
public record SigningKey(PrivateKey privateKey, String keyId, SignatureAlgorithm algorithm) {

    /**
     * @throws IllegalArgumentException if the algorithm is symmetric or the key id is blank
     */
    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(algorithm, "algorithm");
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("Signing key rejected: the key id is blank");
        }
        if (algorithm.isSymmetric()) {
            throw new IllegalArgumentException(
                    "Signing key rejected: OCM forbids symmetric algorithms such as "
                            + algorithm.label());
        }
    }

    /** Omits the private key. */
    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", algorithm=" + algorithm + "]";
    }
}
