package io.ocmee.signature.rfc9421;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.message.HttpMessage;
import io.ocmee.signature.testing.Conformance;
import io.ocmee.signature.testing.HttpFile;
import io.ocmee.signature.testing.TestKeys;
import java.security.Key;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known-answer tests from RFC 9421 Appendix B, read in place from {@code
 * shared/conformance/rfc9421}. Every case rebuilds the signature base byte for byte from the signed
 * message and verifies the published signature; deterministic algorithms are also re-signed and
 * must reproduce the published {@code Signature} value exactly.
 */
class Rfc9421AppendixBTest {

    @Test
    void rfc9421_B_2_1_minimalSignature_rsaPssSha512() {
        MessageSignature signature =
                checkBaseAndVerify(
                        "b21", SignatureAlgorithm.RSA_PSS_SHA512, TestKeys.rsaPssPublic());

        assertThat(signature.parameters().components()).isEmpty();
        assertThat(signature.parameters().nonce()).contains("b3k2pp5k7z-50gnwp.yemd");
    }

    @Test
    void rfc9421_B_2_2_selectiveComponents_rsaPssSha512() {
        MessageSignature signature =
                checkBaseAndVerify(
                        "b22", SignatureAlgorithm.RSA_PSS_SHA512, TestKeys.rsaPssPublic());

        assertThat(signature.parameters().tag()).contains("header-example");
    }

    @Test
    void rfc9421_B_2_3_fullCoverage_rsaPssSha512() {
        checkBaseAndVerify("b23", SignatureAlgorithm.RSA_PSS_SHA512, TestKeys.rsaPssPublic());
    }

    @Test
    void rfc9421_B_2_4_response_ecdsaP256Sha256() {
        MessageSignature signature =
                checkBaseAndVerify(
                        "b24", SignatureAlgorithm.ECDSA_P256_SHA256, TestKeys.p256Public());

        assertThat(signature.signature()).hasSize(64);
    }

    @Test
    void rfc9421_B_2_5_hmacSha256_isReproducedByteForByte() {
        checkBaseAndVerify("b25", SignatureAlgorithm.HMAC_SHA256, TestKeys.sharedSecret());
        checkResign("b25", SignatureAlgorithm.HMAC_SHA256, TestKeys.sharedSecret());
    }

    @Test
    void rfc9421_B_2_6_ed25519_isReproducedByteForByte() {
        checkBaseAndVerify("b26", SignatureAlgorithm.ED25519, TestKeys.ed25519Public());
        checkResign("b26", SignatureAlgorithm.ED25519, TestKeys.ed25519Private());
    }

    @Test
    void rfc9421_B_3_tlsTerminatingProxy_ecdsaP256Sha256() {
        MessageSignature signature =
                checkBaseAndVerify(
                        "b3", SignatureAlgorithm.ECDSA_P256_SHA256, TestKeys.p256Public());

        assertThat(java.util.Base64.getEncoder().encodeToString(signature.signature()))
                .isEqualTo(Conformance.text("rfc9421/b3/signature-value.b64"));
    }

    @Test
    void rfc9421_B_3_proxySignsTheUnsignedRequestItReceived() {
        HttpFile unsigned = HttpFile.read("rfc9421/b3/proxy-unsigned-request.http");
        MessageSignature published = signaturesOf("b3").get(0);

        MessageSignature resigned =
                MessageSignature.sign(
                        "ttrp",
                        unsigned.message(),
                        published.parameters(),
                        SignatureAlgorithm.ECDSA_P256_SHA256.signer(TestKeys.p256Private()));

        assertThat(
                        resigned.verify(
                                unsigned.message(),
                                SignatureAlgorithm.ECDSA_P256_SHA256.verifier(
                                        TestKeys.p256Public())))
                .isTrue();
        assertThat(resigned.signatureInputValue())
                .isEqualTo(Conformance.text("rfc9421/b3/signature-input.txt"));
    }

    @Test
    void rfc9421_B_4_transform_ed25519_isReproducedByteForByte() {
        checkBaseAndVerify("b4", SignatureAlgorithm.ED25519, TestKeys.ed25519Public());
        checkResign("b4", SignatureAlgorithm.ED25519, TestKeys.ed25519Private());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "transformed-1-valid-added-accept-language-and-query.http",
                "transformed-2-valid-date-removed-referer-added-accept-combined.http",
                "transformed-3-valid-fields-reordered.http"
            })
    void rfc9421_B_4_validTransformationsStillVerify(String file) {
        HttpFile transformed = HttpFile.read("rfc9421/b4/" + file);
        MessageSignature signature = signaturesOf(transformed.message()).get(0);

        SignatureBase base =
                SignatureBaseBuilder.build(transformed.message(), signature.parameters());

        assertThat(base.text()).isEqualTo(Conformance.text("rfc9421/b4/signature-base.txt"));
        assertThat(
                        signature.verify(
                                transformed.message(),
                                SignatureAlgorithm.ED25519.verifier(TestKeys.ed25519Public())))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "transformed-4-INVALID-method-and-authority-changed.http",
                "transformed-5-INVALID-accept-order-swapped.http"
            })
    void rfc9421_B_4_invalidTransformationsFail(String file) {
        HttpFile transformed = HttpFile.read("rfc9421/b4/" + file);
        MessageSignature signature = signaturesOf(transformed.message()).get(0);

        assertThat(SignatureBaseBuilder.build(transformed.message(), signature.parameters()).text())
                .isNotEqualTo(Conformance.text("rfc9421/b4/signature-base.txt"));
        assertThat(
                        signature.verify(
                                transformed.message(),
                                SignatureAlgorithm.ED25519.verifier(TestKeys.ed25519Public())))
                .isFalse();
    }

    @Test
    void rfc9421_B_2_4_responseWithoutStatusComponentSourceIsRejected() {
        HttpFile request = HttpFile.read("rfc9421/messages/test-request.http");
        MessageSignature signature = signaturesOf("b24").get(0);

        assertThatThrownBy(
                        () -> SignatureBaseBuilder.build(request.message(), signature.parameters()))
                .isInstanceOf(MissingComponentException.class)
                .hasMessage("Signature rejected: \"@status\" does not apply to a request");
    }

    private static MessageSignature checkBaseAndVerify(
            String dir, SignatureAlgorithm algorithm, Key publicKey) {
        HttpFile signed = HttpFile.read("rfc9421/" + dir + "/signed-message.http");
        MessageSignature signature = signaturesOf(signed.message()).get(0);

        SignatureBase base = SignatureBaseBuilder.build(signed.message(), signature.parameters());

        assertThat(base.text())
                .isEqualTo(Conformance.text("rfc9421/" + dir + "/signature-base.txt"));
        assertThat(signature.signatureInputValue())
                .isEqualTo(Conformance.text("rfc9421/" + dir + "/signature-input.txt"));
        assertThat(signature.signatureValue())
                .isEqualTo(Conformance.text("rfc9421/" + dir + "/signature.txt"));
        assertThat(signature.verify(signed.message(), algorithm.verifier(publicKey))).isTrue();
        return signature;
    }

    private static void checkResign(String dir, SignatureAlgorithm algorithm, Key privateKey) {
        HttpFile signed = HttpFile.read("rfc9421/" + dir + "/signed-message.http");
        MessageSignature published = signaturesOf(signed.message()).get(0);

        MessageSignature resigned =
                MessageSignature.sign(
                        published.label(),
                        signed.message(),
                        published.parameters(),
                        algorithm.signer(privateKey));

        assertThat(resigned.signatureValue())
                .isEqualTo(Conformance.text("rfc9421/" + dir + "/signature.txt"));
    }

    private static List<MessageSignature> signaturesOf(String dir) {
        return signaturesOf(HttpFile.read("rfc9421/" + dir + "/signed-message.http").message());
    }

    private static List<MessageSignature> signaturesOf(HttpMessage message) {
        return MessageSignatures.parse(
                message.fields().combined("Signature-Input").orElseThrow(),
                message.fields().combined("Signature").orElseThrow());
    }
}
