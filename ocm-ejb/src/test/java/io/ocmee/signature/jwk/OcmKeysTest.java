package io.ocmee.signature.jwk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.testing.Conformance;
import io.ocmee.signature.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OcmKeysTest {

    @ParameterizedTest
    @EnumSource(
            value = SignatureAlgorithm.class,
            names = "HMAC_SHA256",
            mode = EnumSource.Mode.EXCLUDE)
    void generatesAKeyWhosePublicJwkHasKidAndAlgAndConvertsBack(SignatureAlgorithm algorithm) {
        GeneratedKey key = OcmKeys.generate(algorithm, "https://host/ocm#k1");

        assertThat(key.publicJwk().getKeyID()).isEqualTo("https://host/ocm#k1");
        assertThat(key.publicJwk().getAlgorithm().getName()).isEqualTo(algorithm.jwkAlgorithm());
        assertThat(key.publicJwk().isPrivate()).isFalse();
        assertThat(OcmKeys.toKey(key.publicJwk())).isEqualTo(key.keyPair().getPublic());
        byte[] data = "x".getBytes(StandardCharsets.US_ASCII);
        assertThat(
                        algorithm
                                .verifier(OcmKeys.toKey(key.publicJwk()))
                                .verify(
                                        data,
                                        algorithm.signer(key.keyPair().getPrivate()).sign(data)))
                .isTrue();
    }

    @Test
    void ed25519JwkUsesTheRfc9864AlgName() {
        assertThat(OcmKeys.generate(SignatureAlgorithm.ED25519, "k").publicJwk().toJSONObject())
                .containsEntry("kty", "OKP")
                .containsEntry("crv", "Ed25519")
                .containsEntry("alg", "Ed25519");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "test-key-ed25519, test-key-ed25519.pub.pem, Ed25519",
        "test-key-ecc-p256, test-key-ecc-p256.pub.pem, EC",
        "test-key-rsa-pss, test-key-rsa-pss.pub.pem, RSA",
        "test-key-rsa, derived-pkcs8-spki/test-key-rsa.spki.pem, RSA"
    })
    void rfc9421_B_1_jwkAndPemDescribeTheSameKey(String name, String pem, String keyFactory)
            throws Exception {
        JWK jwk = JWK.parse(Conformance.text("rfc9421/keys/" + name + ".jwk.json"));

        PublicKey fromJwk = (PublicKey) OcmKeys.toKey(jwk);

        assertThat(fromJwk).isEqualTo(TestKeys.publicKey("rfc9421/keys/" + pem, keyFactory));
        assertThat(PemKeys.decode(Conformance.text("rfc9421/keys/" + pem))).isEqualTo(fromJwk);
    }

    @Test
    void pemRoundTripsAndMatchesThePublishedCavageKey() {
        PublicKey published = TestKeys.cavagePublic();

        assertThat(PemKeys.decode(Conformance.text("cavage-12/keys/test-key.pub.pem")))
                .isEqualTo(published);
        assertThat(PemKeys.decode(PemKeys.encode(published))).isEqualTo(published);
        assertThat(PemKeys.encode(published))
                .startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("\n-----END PUBLIC KEY-----\n");
    }

    @Test
    void indexesAJwkSetByKidAndDropsPrivateMembers() {
        String json =
                "{\"keys\":["
                        + Conformance.text("rfc9421/keys/test-key-ed25519.jwk.json")
                        + ","
                        + Conformance.text("rfc9421/keys/test-key-ecc-p256.jwk.json")
                        + "]}";

        JwkSetIndex index = JwkSetIndex.parse(json);

        assertThat(index.keys()).containsOnlyKeys("test-key-ed25519", "test-key-ecc-p256");
        assertThat(index.find("test-key-ed25519").orElseThrow().isPrivate()).isFalse();
        assertThat(index.find("unknown")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "'{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"a\",\"x\":\"JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs\"},{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"a\",\"x\":\"JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs\"}]}'"
                    + " | Key rejected: the JWK Set has two keys with kid 'a'",
                "'{\"keys\":{}}'                                                                   "
                    + "                       | Key rejected: not a valid JWK Set (Unexpected type"
                    + " of JSON object member keys)",
            })
    void rejectsInvalidJwkSets(String json, String message) {
        assertThatThrownBy(() -> JwkSetIndex.parse(json))
                .isInstanceOf(KeyFormatException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsUnsupportedCurvesAndBadPem() throws Exception {
        JWK ed448 =
                JWK.parse(
                        "{\"kty\":\"OKP\",\"crv\":\"Ed448\",\"kid\":\"x\",\"x\":\""
                                + "A".repeat(76)
                                + "\"}");

        assertThatThrownBy(() -> OcmKeys.toKey(ed448))
                .isInstanceOf(KeyFormatException.class)
                .hasMessage("Key rejected: JWK 'x' is on curve Ed448, only Ed25519 is supported");
        assertThatThrownBy(
                        () ->
                                PemKeys.decode(
                                        "-----BEGIN RSA PUBLIC KEY-----\n"
                                                + "AAAA\n"
                                                + "-----END RSA PUBLIC KEY-----\n"))
                .isInstanceOf(KeyFormatException.class)
                .hasMessage(
                        "Key rejected: expected one PEM block '-----BEGIN PUBLIC KEY-----' …"
                                + " '-----END PUBLIC KEY-----'");
        assertThatThrownBy(
                        () ->
                                PemKeys.decode(
                                        "-----BEGIN PUBLIC KEY-----\n"
                                                + "AAAA\n"
                                                + "-----END PUBLIC KEY-----"))
                .isInstanceOf(KeyFormatException.class)
                .hasMessage("Key rejected: the PEM body is not a SubjectPublicKeyInfo");
        assertThatThrownBy(() -> OcmKeys.generate(SignatureAlgorithm.HMAC_SHA256, "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Key rejected: OCM keys must be asymmetric, not hmac-sha256");
    }
}
