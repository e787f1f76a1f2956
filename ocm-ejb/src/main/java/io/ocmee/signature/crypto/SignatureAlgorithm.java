package io.ocmee.signature.crypto;

import java.security.Key;
import java.util.Arrays;
import java.util.Optional;

/**
 * A signature algorithm, with its names in RFC 9421 §6.2 (HTTP Signature Algorithms registry), in
 * JOSE (the {@code alg} of a JWK) and in draft-cavage-http-signatures-12.
 *
 * <p>OCM decides the algorithm from the signer's JWK {@code alg} (OCM-NOTES §7.2): use {@link
 * #fromJwkAlgorithm(String)}, then compare with the {@code alg} signature parameter through {@link
 * #rfc9421Name()}. {@link #HMAC_SHA256} exists only to reproduce the RFC 9421 example; OCM refuses
 * symmetric algorithms ({@link #isSymmetric()}).
 */
public enum SignatureAlgorithm {
    /** EdDSA over Ed25519 (RFC 8032); 64-byte signature. JWK {@code Ed25519} or {@code EdDSA}. */
    ED25519("ed25519", "Ed25519", null),
    /** ECDSA over P-256 with SHA-256; raw r‖s, 64 bytes (RFC 9421 §3.3.4). JWK {@code ES256}. */
    ECDSA_P256_SHA256("ecdsa-p256-sha256", "ES256", null),
    /** RSASSA-PSS with SHA-512, MGF1-SHA512, salt 64 (RFC 9421 §3.3.1). JWK {@code PS512}. */
    RSA_PSS_SHA512("rsa-pss-sha512", "PS512", null),
    /** RSASSA-PKCS1-v1_5 with SHA-256 (RFC 9421 §3.3.2). JWK {@code RS256}; cavage rsa-sha256. */
    RSA_V1_5_SHA256("rsa-v1_5-sha256", "RS256", "rsa-sha256"),
    /**
     * RSASSA-PKCS1-v1_5 with SHA-512. No RFC 9421 name (so no {@code alg} parameter is sent); JWK
     * {@code RS512}; cavage {@code rsa-sha512}, the Nextcloud default.
     */
    RSA_V1_5_SHA512(null, "RS512", "rsa-sha512"),
    /** HMAC with SHA-256 (RFC 9421 §3.3.3). Symmetric: never acceptable for OCM. */
    HMAC_SHA256("hmac-sha256", "HS256", null);

    private final String rfc9421Name;
    private final String jwkAlgorithm;
    private final String cavageName;

    SignatureAlgorithm(String rfc9421Name, String jwkAlgorithm, String cavageName) {
        this.rfc9421Name = rfc9421Name;
        this.jwkAlgorithm = jwkAlgorithm;
        this.cavageName = cavageName;
    }

    /**
     * @return the RFC 9421 {@code alg} value, or empty if the registry has none
     */
    public Optional<String> rfc9421Name() {
        return Optional.ofNullable(rfc9421Name);
    }

    /**
     * @return the JOSE {@code alg} this library writes into JWKs it publishes
     */
    public String jwkAlgorithm() {
        return jwkAlgorithm;
    }

    /**
     * @return the draft-cavage {@code algorithm} value, or empty if the draft has none
     */
    public Optional<String> cavageName() {
        return Optional.ofNullable(cavageName);
    }

    /**
     * @return whether signer and verifier share one secret key
     */
    public boolean isSymmetric() {
        return this == HMAC_SHA256;
    }

    /**
     * @param name an RFC 9421 algorithm name, case-sensitive
     * @return the algorithm, or empty if unknown
     */
    public static Optional<SignatureAlgorithm> fromRfc9421Name(String name) {
        return Arrays.stream(values()).filter(a -> name.equals(a.rfc9421Name)).findFirst();
    }

    /**
     * Maps a JWK {@code alg} to the algorithm. Both the RFC 9864 name {@code Ed25519} and the RFC
     * 8037 name {@code EdDSA} (Nextcloud publishes the latter, OCM-NOTES §11 Q23) map to {@link
     * #ED25519}; the caller must still check that an {@code EdDSA} key is on curve Ed25519.
     *
     * @param alg a JOSE algorithm name, case-sensitive
     * @return the algorithm, or empty if unknown or {@code none}
     */
    public static Optional<SignatureAlgorithm> fromJwkAlgorithm(String alg) {
        if ("EdDSA".equals(alg)) {
            return Optional.of(ED25519);
        }
        return Arrays.stream(values()).filter(a -> a.jwkAlgorithm.equals(alg)).findFirst();
    }

    /**
     * @param name a draft-cavage {@code algorithm} value, case-sensitive
     * @return the algorithm, or empty if unknown
     */
    public static Optional<SignatureAlgorithm> fromCavageName(String name) {
        return Arrays.stream(values()).filter(a -> name.equals(a.cavageName)).findFirst();
    }

    /**
     * Prepares a signer; do this once per key and reuse it.
     *
     * @param key a private key of the right type (for {@link #HMAC_SHA256}: a secret key)
     * @return a thread-safe signer
     * @throws UnsuitableKeyException if the key does not fit this algorithm
     */
    public MessageSigner signer(Key key) {
        return switch (this) {
            case ED25519 -> Ed25519Engine.signer(key);
            case ECDSA_P256_SHA256 -> JcaEngine.ECDSA_P256_SHA256.signer(key, label());
            case RSA_PSS_SHA512 -> JcaEngine.RSA_PSS_SHA512.signer(key, label());
            case RSA_V1_5_SHA256 -> JcaEngine.RSA_V1_5_SHA256.signer(key, label());
            case RSA_V1_5_SHA512 -> JcaEngine.RSA_V1_5_SHA512.signer(key, label());
            case HMAC_SHA256 -> HmacEngine.signer(key);
        };
    }

    /**
     * Prepares a verifier.
     *
     * @param key a public key of the right type (for {@link #HMAC_SHA256}: a secret key)
     * @return a thread-safe verifier
     * @throws UnsuitableKeyException if the key does not fit this algorithm
     */
    public MessageVerifier verifier(Key key) {
        return switch (this) {
            case ED25519 -> Ed25519Engine.verifier(key);
            case ECDSA_P256_SHA256 -> JcaEngine.ECDSA_P256_SHA256.verifier(key, label());
            case RSA_PSS_SHA512 -> JcaEngine.RSA_PSS_SHA512.verifier(key, label());
            case RSA_V1_5_SHA256 -> JcaEngine.RSA_V1_5_SHA256.verifier(key, label());
            case RSA_V1_5_SHA512 -> JcaEngine.RSA_V1_5_SHA512.verifier(key, label());
            case HMAC_SHA256 -> HmacEngine.verifier(key);
        };
    }

    /**
     * @return a human-readable name for messages: the RFC 9421 name, else the cavage name
     */
    public String label() {
        return rfc9421Name != null ? rfc9421Name : cavageName;
    }
}
