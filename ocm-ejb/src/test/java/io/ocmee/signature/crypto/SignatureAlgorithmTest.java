package io.ocmee.signature.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.signature.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SignatureAlgorithmTest {

    private static final byte[] DATA = "\"@method\": POST".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "EdDSA, ED25519",
        "Ed25519, ED25519",
        "ES256, ECDSA_P256_SHA256",
        "PS512, RSA_PSS_SHA512",
        "RS256, RSA_V1_5_SHA256",
        "RS512, RSA_V1_5_SHA512",
        "HS256, HMAC_SHA256"
    })
    void mapsJwkAlgorithmNames(String jwkAlg, SignatureAlgorithm expected) {
        assertThat(SignatureAlgorithm.fromJwkAlgorithm(jwkAlg)).contains(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"none", "eddsa", "ES384", "PS256", "''"})
    void doesNotMapUnknownOrUnsafeJwkAlgorithms(String jwkAlg) {
        assertThat(SignatureAlgorithm.fromJwkAlgorithm(jwkAlg)).isEmpty();
    }

    @Test
    void mapsRfc9421AndCavageNames() {
        assertThat(SignatureAlgorithm.fromRfc9421Name("ecdsa-p256-sha256"))
                .contains(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(SignatureAlgorithm.fromRfc9421Name("ED25519")).isEmpty();
        assertThat(SignatureAlgorithm.fromCavageName("rsa-sha512"))
                .contains(SignatureAlgorithm.RSA_V1_5_SHA512);
        assertThat(SignatureAlgorithm.RSA_V1_5_SHA512.rfc9421Name()).isEqualTo(Optional.empty());
        assertThat(SignatureAlgorithm.HMAC_SHA256.isSymmetric()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = SignatureAlgorithm.class,
            names = {"HMAC_SHA256"},
            mode = EnumSource.Mode.EXCLUDE)
    void signsAndVerifiesWithAFreshKeyPair(SignatureAlgorithm algorithm) throws Exception {
        KeyPair pair = generate(algorithm);

        byte[] signature = algorithm.signer(pair.getPrivate()).sign(DATA);

        MessageVerifier verifier = algorithm.verifier(pair.getPublic());
        assertThat(verifier.verify(DATA, signature)).isTrue();
        assertThat(verifier.verify("other".getBytes(StandardCharsets.US_ASCII), signature))
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void reportsWrongLengthOrGarbageSignatureAsInvalid(SignatureAlgorithm algorithm) {
        Key key =
                algorithm == SignatureAlgorithm.HMAC_SHA256
                        ? TestKeys.sharedSecret()
                        : publicKeyFor(algorithm);

        assertThat(algorithm.verifier(key).verify(DATA, new byte[] {1, 2, 3})).isFalse();
    }

    @Test
    void ecdsaSignatureIsRawRAndSOf64Bytes() throws Exception {
        KeyPair pair = generate(SignatureAlgorithm.ECDSA_P256_SHA256);

        assertThat(SignatureAlgorithm.ECDSA_P256_SHA256.signer(pair.getPrivate()).sign(DATA))
                .hasSize(64);
    }

    @Test
    void ed25519ThroughBouncyCastleEqualsTheJdkSignature() throws Exception {
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(TestKeys.ed25519Private());
        jdk.update(DATA);

        assertThat(SignatureAlgorithm.ED25519.signer(TestKeys.ed25519Private()).sign(DATA))
                .isEqualTo(jdk.sign());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ED25519           | Key rejected: ed25519 needs an Ed25519 public key, got a RSA"
                        + " public key",
                "ECDSA_P256_SHA256 | Key rejected: ecdsa-p256-sha256 needs a P-256 EC public key,"
                        + " got a RSA public key",
                "HMAC_SHA256       | Key rejected: hmac-sha256 needs a secret key, got a RSA public"
                        + " key",
            })
    void rejectsKeyOfTheWrongType(SignatureAlgorithm algorithm, String message) {
        assertThatThrownBy(() -> algorithm.verifier(TestKeys.rsaPublic()))
                .isInstanceOf(UnsuitableKeyException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsP384KeyForP256Algorithm() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));

        assertThatThrownBy(
                        () ->
                                SignatureAlgorithm.ECDSA_P256_SHA256.signer(
                                        generator.generateKeyPair().getPrivate()))
                .isInstanceOf(UnsuitableKeyException.class)
                .hasMessage(
                        "Key rejected: ecdsa-p256-sha256 needs a P-256 EC private key, got a EC"
                                + " private key");
    }

    @Test
    void rejectsPublicKeyWhereAPrivateKeyIsNeeded() {
        assertThatThrownBy(() -> SignatureAlgorithm.RSA_PSS_SHA512.signer(TestKeys.rsaPssPublic()))
                .isInstanceOf(UnsuitableKeyException.class)
                .hasMessage(
                        "Key rejected: rsa-pss-sha512 needs an RSA private key, got a RSA public"
                                + " key");
    }

    private static Key publicKeyFor(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> TestKeys.ed25519Public();
            case ECDSA_P256_SHA256 -> TestKeys.p256Public();
            case RSA_PSS_SHA512 -> TestKeys.rsaPssPublic();
            default -> TestKeys.rsaPublic();
        };
    }

    private static KeyPair generate(SignatureAlgorithm algorithm) throws Exception {
        return switch (algorithm) {
            case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            case ECDSA_P256_SHA256 -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                yield generator.generateKeyPair();
            }
            default -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                yield generator.generateKeyPair();
            }
        };
    }
}
