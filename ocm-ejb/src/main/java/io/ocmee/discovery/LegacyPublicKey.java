package io.ocmee.discovery;

import java.util.Objects;

/**
 * The legacy discovery {@code publicKey} used for draft-cavage signatures (removed from the spec in
 * -05, still published by Nextcloud; notes §2.3, §7.4).
 *
 * @param keyId wire {@code publicKey.keyId} (older texts: {@code publicKey.id}), e.g. {@code
 *     https://cloud.example.org/ocm#signature}
 * @param publicKeyPem wire {@code publicKey.publicKeyPem}, a PEM {@code PUBLIC KEY} block, not
 *     validated here
 */
public record LegacyPublicKey(String keyId, String publicKeyPem) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public LegacyPublicKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKeyPem, "publicKeyPem");
    }
}
