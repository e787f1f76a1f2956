package io.ocmee.signature.jwk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/** Generates OCM signing keys and converts between JWKs and JCA keys. Stateless and thread-safe. */
public final class OcmKeys {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4); the raw 32-byte key follows. */
    private static final byte[] ED25519_SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private static final int RSA_BITS = 2048;

    private OcmKeys() {}

    /**
     * Generates a key pair for an asymmetric algorithm: Ed25519, P-256 or RSA-2048.
     *
     * @param algorithm the algorithm the key is for; its JWK {@code alg} is written to the JWK
     *     ({@code Ed25519}, {@code ES256}, {@code PS512}, {@code RS256} or {@code RS512})
     * @param keyId the {@code kid}, for example {@code https://host/ocm#ed25519-1}
     * @return the key pair with its public JWK
     * @throws IllegalArgumentException if the algorithm is symmetric
     */
    public static GeneratedKey generate(SignatureAlgorithm algorithm, String keyId) {
        KeyPair pair = newKeyPair(algorithm);
        return new GeneratedKey(pair, algorithm, toPublicJwk(pair.getPublic(), keyId, algorithm));
    }

    /**
     * Expresses a public key as a JWK with {@code kid} and {@code alg}.
     *
     * @param publicKey an Ed25519, EC P-256 or RSA public key
     * @param keyId the {@code kid}
     * @param algorithm the algorithm whose JWK {@code alg} to write
     * @return the public JWK
     * @throws KeyFormatException if the key type is not supported
     */
    public static JWK toPublicJwk(PublicKey publicKey, String keyId, SignatureAlgorithm algorithm) {
        JWSAlgorithm alg = JWSAlgorithm.parse(algorithm.jwkAlgorithm());
        if (publicKey instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).keyID(keyId).algorithm(alg).build();
        }
        if (publicKey instanceof ECPublicKey ec) {
            return new ECKey.Builder(Curve.P_256, ec).keyID(keyId).algorithm(alg).build();
        }
        if ("X.509".equals(publicKey.getFormat()) && isEd25519Spki(publicKey.getEncoded())) {
            byte[] spki = publicKey.getEncoded();
            byte[] raw = Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length);
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw))
                    .keyID(keyId)
                    .algorithm(alg)
                    .build();
        }
        throw new KeyFormatException(
                "Key rejected: cannot express a " + publicKey.getAlgorithm() + " key as a JWK");
    }

    /**
     * Converts the public part of a JWK into a JCA key. A symmetric ({@code oct}) JWK gives a
     * secret key, so that a verifier can refuse it by policy rather than fail to parse it.
     *
     * @param jwk an OKP (Ed25519), EC (P-256), RSA or oct JWK
     * @return the public key, or the secret key of an oct JWK
     * @throws KeyFormatException if the key type or curve is not supported or the values are
     *     invalid
     */
    public static Key toKey(JWK jwk) {
        try {
            if (jwk instanceof OctetKeyPair okp) {
                return ed25519PublicKey(okp);
            }
            if (jwk instanceof ECKey ec) {
                requireCurve(jwk, ec.getCurve(), Curve.P_256);
                return ec.toECPublicKey();
            }
            if (jwk instanceof RSAKey rsa) {
                return rsa.toRSAPublicKey();
            }
            if (jwk instanceof OctetSequenceKey oct) {
                return oct.toSecretKey();
            }
        } catch (JOSEException e) {
            throw new KeyFormatException(
                    "Key rejected: JWK '" + jwk.getKeyID() + "' has invalid key values", e);
        }
        throw new KeyFormatException(
                "Key rejected: JWK '"
                        + jwk.getKeyID()
                        + "' has unsupported key type "
                        + jwk.getKeyType());
    }

    private static PublicKey ed25519PublicKey(OctetKeyPair okp) {
        requireCurve(okp, okp.getCurve(), Curve.Ed25519);
        byte[] raw = okp.getDecodedX();
        if (raw.length != 32) {
            throw new KeyFormatException(
                    "Key rejected: JWK '" + okp.getKeyID() + "' has an Ed25519 x of wrong length");
        }
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException(
                    "Key rejected: JWK '" + okp.getKeyID() + "' is not a valid Ed25519 key", e);
        }
    }

    private static void requireCurve(JWK jwk, Curve actual, Curve expected) {
        if (!expected.equals(actual)) {
            throw new KeyFormatException(
                    "Key rejected: JWK '"
                            + jwk.getKeyID()
                            + "' is on curve "
                            + actual
                            + ", only "
                            + expected
                            + " is supported");
        }
    }

    private static boolean isEd25519Spki(byte[] spki) {
        return spki.length == ED25519_SPKI_PREFIX.length + 32
                && Arrays.equals(
                        Arrays.copyOf(spki, ED25519_SPKI_PREFIX.length), ED25519_SPKI_PREFIX);
    }

    private static KeyPair newKeyPair(SignatureAlgorithm algorithm) {
        try {
            return switch (algorithm) {
                case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                case ECDSA_P256_SHA256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                    yield generator.generateKeyPair();
                }
                case RSA_PSS_SHA512, RSA_V1_5_SHA256, RSA_V1_5_SHA512 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(RSA_BITS);
                    yield generator.generateKeyPair();
                }
                case HMAC_SHA256 ->
                        throw new IllegalArgumentException(
                                "Key rejected: OCM keys must be asymmetric, not "
                                        + algorithm.label());
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate " + algorithm + " keys", e);
        }
    }
}
