package io.ocmee.signature.testing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The published test keys of RFC 9421 B.1 and draft-cavage-12, loaded from their PKCS#8 / SPKI PEM
 * files (the pack's derived copies where the published file is PKCS#1 or SEC1).
 */
public final class TestKeys {

    private TestKeys() {}

    public static PublicKey ed25519Public() {
        return publicKey("rfc9421/keys/test-key-ed25519.pub.pem", "Ed25519");
    }

    public static PrivateKey ed25519Private() {
        return privateKey("rfc9421/keys/test-key-ed25519.key.pem", "Ed25519");
    }

    public static PublicKey p256Public() {
        return publicKey("rfc9421/keys/test-key-ecc-p256.pub.pem", "EC");
    }

    public static PrivateKey p256Private() {
        return privateKey("rfc9421/keys/derived-pkcs8-spki/test-key-ecc-p256.pkcs8.pem", "EC");
    }

    public static PublicKey rsaPssPublic() {
        return publicKey("rfc9421/keys/test-key-rsa-pss.pub.pem", "RSA");
    }

    /** The B.1.2 private key carries the RSASSA-PSS OID, so it needs that key factory. */
    public static PrivateKey rsaPssPrivate() {
        return privateKey("rfc9421/keys/test-key-rsa-pss.key.pem", "RSASSA-PSS");
    }

    public static PublicKey rsaPublic() {
        return publicKey("rfc9421/keys/derived-pkcs8-spki/test-key-rsa.spki.pem", "RSA");
    }

    public static PrivateKey rsaPrivate() {
        return privateKey("rfc9421/keys/derived-pkcs8-spki/test-key-rsa.pkcs8.pem", "RSA");
    }

    /** B.1.5: the HMAC key is the 64 bytes the base64 text decodes to. */
    public static SecretKey sharedSecret() {
        byte[] secret =
                Base64.getDecoder().decode(Conformance.text("rfc9421/keys/test-shared-secret.b64"));
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    public static PublicKey cavagePublic() {
        return publicKey("cavage-12/keys/test-key.pub.pem", "RSA");
    }

    public static PrivateKey cavagePrivate() {
        return privateKey("cavage-12/keys/derived-pkcs8-spki/test-key.pkcs8.pem", "RSA");
    }

    public static PublicKey publicKey(String relative, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePublic(new X509EncodedKeySpec(pemBody(relative)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load " + relative, e);
        }
    }

    public static PrivateKey privateKey(String relative, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(relative)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load " + relative, e);
        }
    }

    private static byte[] pemBody(String relative) {
        String base64 =
                Conformance.text(relative)
                        .replaceAll("-----[A-Z ]+-----", "")
                        .replaceAll("\\s", "");
        return Base64.getMimeDecoder().decode(base64);
    }
}
