package io.ocmee.signature.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.function.Predicate;

/**
 * RSA and ECDSA signatures through the JDK's providers.
 *
 * <p>ECDSA uses the JDK's {@code SHA256withECDSAinP1363Format}, which reads and writes the
 * fixed-width r‖s form RFC 9421 §3.3.4 puts on the wire (32 + 32 bytes for P-256), so no DER
 * transcoding is needed in this code base.
 */
final class JcaEngine {

    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    static final JcaEngine RSA_PSS_SHA512 =
            new JcaEngine(
                    "RSASSA-PSS",
                    new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1),
                    key -> key instanceof RSAKey,
                    "an RSA",
                    -1);
    static final JcaEngine RSA_V1_5_SHA256 =
            new JcaEngine("SHA256withRSA", null, key -> key instanceof RSAKey, "an RSA", -1);
    static final JcaEngine RSA_V1_5_SHA512 =
            new JcaEngine("SHA512withRSA", null, key -> key instanceof RSAKey, "an RSA", -1);
    static final JcaEngine ECDSA_P256_SHA256 =
            new JcaEngine(
                    "SHA256withECDSAinP1363Format",
                    null,
                    key -> key instanceof ECKey ec && P256_ORDER.equals(ec.getParams().getOrder()),
                    "a P-256 EC",
                    64);

    private final String jcaName;
    private final AlgorithmParameterSpec parameters;
    private final Predicate<Key> keyCheck;
    private final String expectedKey;
    private final int signatureLength;

    private JcaEngine(
            String jcaName,
            AlgorithmParameterSpec parameters,
            Predicate<Key> keyCheck,
            String expectedKey,
            int signatureLength) {
        this.jcaName = jcaName;
        this.parameters = parameters;
        this.keyCheck = keyCheck;
        this.expectedKey = expectedKey;
        this.signatureLength = signatureLength;
    }

    MessageSigner signer(Key key, String algorithmName) {
        PrivateKey privateKey = requireKey(key, PrivateKey.class, algorithmName, "private");
        return data -> {
            try {
                Signature signature = newSignature();
                signature.initSign(privateKey);
                signature.update(data);
                return signature.sign();
            } catch (InvalidKeyException e) {
                throw unsuitable(key, algorithmName, "private");
            } catch (SignatureException e) {
                throw new IllegalStateException(
                        "Signing failed: " + algorithmName + " could not sign", e);
            }
        };
    }

    MessageVerifier verifier(Key key, String algorithmName) {
        PublicKey publicKey = requireKey(key, PublicKey.class, algorithmName, "public");
        return (data, signatureBytes) -> {
            if (signatureLength > 0 && signatureBytes.length != signatureLength) {
                return false;
            }
            try {
                Signature signature = newSignature();
                signature.initVerify(publicKey);
                signature.update(data);
                return signature.verify(signatureBytes);
            } catch (InvalidKeyException e) {
                throw unsuitable(key, algorithmName, "public");
            } catch (SignatureException e) {
                return false;
            }
        };
    }

    private <K extends Key> K requireKey(
            Key key, Class<K> kind, String algorithmName, String kindName) {
        if (!kind.isInstance(key) || !keyCheck.test(key)) {
            throw unsuitable(key, algorithmName, kindName);
        }
        return kind.cast(key);
    }

    private UnsuitableKeyException unsuitable(Key key, String algorithmName, String kindName) {
        return new UnsuitableKeyException(
                "Key rejected: "
                        + algorithmName
                        + " needs "
                        + expectedKey
                        + " "
                        + kindName
                        + " key"
                        + ", got "
                        + KeyDescriptions.of(key));
    }

    private Signature newSignature() throws SignatureException {
        try {
            Signature signature = Signature.getInstance(jcaName);
            if (parameters != null) {
                signature.setParameter(parameters);
            }
            return signature;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK lacks the " + jcaName + " algorithm", e);
        } catch (GeneralSecurityException e) {
            throw new SignatureException("Cannot configure " + jcaName, e);
        }
    }
}
