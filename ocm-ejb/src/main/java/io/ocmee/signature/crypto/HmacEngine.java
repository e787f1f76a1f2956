package io.ocmee.signature.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 (RFC 2104), kept so the RFC 9421 B.2.5 example can be reproduced. */
final class HmacEngine {

    private HmacEngine() {}

    static MessageSigner signer(Key key) {
        SecretKeySpec secret = secret(key);
        return data -> mac(secret, data);
    }

    static MessageVerifier verifier(Key key) {
        SecretKeySpec secret = secret(key);
        return (data, signature) -> MessageDigest.isEqual(mac(secret, data), signature);
    }

    private static SecretKeySpec secret(Key key) {
        if (!(key instanceof SecretKey) || key.getEncoded() == null) {
            throw new UnsuitableKeyException(
                    "Key rejected: hmac-sha256 needs a secret key, got " + KeyDescriptions.of(key));
        }
        return new SecretKeySpec(key.getEncoded(), "HmacSHA256");
    }

    private static byte[] mac(SecretKeySpec secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JDK", e);
        }
    }
}
