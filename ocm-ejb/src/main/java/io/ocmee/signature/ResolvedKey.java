package io.ocmee.signature;

import com.nimbusds.jose.jwk.JWK;
import io.ocmee.signature.jwk.OcmKeys;
import java.security.Key;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A signer's verification key as the server found it: the key and, for a JWK, its {@code alg}.
 *
 * @param key the public key (an {@code oct} JWK gives a secret key, which the verifier refuses
 *     unless its policy allows symmetric algorithms)
 * @param jwkAlgorithm the JWK {@code alg} exactly as published, or null when the key came without
 *     one (a draft-cavage PEM key)
 */
public record ResolvedKey(Key key, String jwkAlgorithm) {

    public ResolvedKey {
        Objects.requireNonNull(key, "key");
    }

    /**
     * @param jwk a JWK from the signer's JWK Set
     * @return the key with the JWK's {@code alg}
     * @throws io.ocmee.signature.jwk.KeyFormatException if the JWK's key type or values are not
     *     supported
     */
    public static ResolvedKey fromJwk(JWK jwk) {
        String alg = jwk.getAlgorithm() == null ? null : jwk.getAlgorithm().getName();
        return new ResolvedKey(OcmKeys.toKey(jwk), alg);
    }

    /**
     * @param publicKey a key from a draft-cavage {@code publicKeyPem}
     * @return the key, without a JWK {@code alg}
     */
    public static ResolvedKey fromPem(PublicKey publicKey) {
        return new ResolvedKey(publicKey, null);
    }

    /**
     * @return the JWK {@code alg}, if the key came with one
     */
    public Optional<String> algorithm() {
        return Optional.ofNullable(jwkAlgorithm);
    }

    /** Shows the key type and alg only. */
    @Override
    public String toString() {
        return "ResolvedKey[" + key.getAlgorithm() + ", alg=" + jwkAlgorithm + "]";
    }
}
