package io.ocmee.signature.jwk;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * SPKI public keys in PEM ({@code -----BEGIN PUBLIC KEY-----}, RFC 7468 §13), the form of the
 * draft-cavage {@code publicKey.publicKeyPem} discovery field (OCM-NOTES §7.4).
 */
public final class PemKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final Map<String, String> KEY_FACTORY_BY_OID =
            Map.of(
                    "1.2.840.113549.1.1.1", "RSA",
                    "1.2.840.10045.2.1", "EC",
                    "1.3.101.112", "Ed25519");

    private PemKeys() {}

    /**
     * @param publicKey a public key with an X.509 (SPKI) encoding
     * @return the PEM text, lines of 64 characters, ending with a line feed
     */
    public static String encode(PublicKey publicKey) {
        String base64 =
                Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey.getEncoded());
        return BEGIN + '\n' + base64 + '\n' + END + '\n';
    }

    /**
     * @param pem one {@code PUBLIC KEY} PEM block; surrounding whitespace and CRLF are tolerated
     * @return the RSA, EC or Ed25519 public key
     * @throws KeyFormatException if the text is not such a block or the key type is unsupported
     */
    public static PublicKey decode(String pem) {
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new KeyFormatException(
                    "Key rejected: expected one PEM block '" + BEGIN + "' … '" + END + "'");
        }
        byte[] der = base64(text.substring(BEGIN.length(), text.length() - END.length()));
        String keyFactory = KEY_FACTORY_BY_OID.get(algorithmOid(der));
        if (keyFactory == null) {
            throw new KeyFormatException(
                    "Key rejected: unsupported public key algorithm " + algorithmOid(der));
        }
        try {
            return KeyFactory.getInstance(keyFactory).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("Key rejected: invalid " + keyFactory + " public key", e);
        }
    }

    private static byte[] base64(String body) {
        try {
            return Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("Key rejected: the PEM body is not base64", e);
        }
    }

    private static String algorithmOid(byte[] der) {
        try {
            return SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm().getId();
        } catch (RuntimeException e) {
            throw new KeyFormatException(
                    "Key rejected: the PEM body is not a SubjectPublicKeyInfo", e);
        }
    }
}
