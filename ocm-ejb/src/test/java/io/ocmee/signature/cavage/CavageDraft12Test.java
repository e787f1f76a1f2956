package io.ocmee.signature.cavage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.testing.Conformance;
import io.ocmee.signature.testing.HttpFile;
import io.ocmee.signature.testing.TestKeys;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known-answer tests from draft-cavage-http-signatures-12 Appendix C ({@code cavage-12/}). */
class CavageDraft12Test {

    private static final HttpFile REQUEST = HttpFile.read("cavage-12/request.http");

    @Test
    void cavage12_C_1_defaultTest_signsDateOnly() {
        CavageSignatureHeader header =
                CavageSignatureHeader.parse(
                        Conformance.text("cavage-12/default-test/signature-header-value.txt"));

        assertThat(header.headers()).containsExactly("date");
        checkSigningStringAndSignature("default-test", header);
    }

    @Test
    void cavage12_C_2_basicTest_signsRequestTargetHostDate() {
        CavageSignatureHeader header =
                CavageSignatureHeader.parseAuthorization(
                        Conformance.text("cavage-12/basic-test/authorization-header-value.txt"));

        assertThat(header.headers()).containsExactly("(request-target)", "host", "date");
        checkSigningStringAndSignature("basic-test", header);
    }

    /**
     * The published header lists (created) and (expires), but the published signature is over the
     * six-line string without them (README, caveats): checked as string-to-signature only.
     */
    @Test
    void cavage12_C_3_allHeadersTest_signingStringToSignature() {
        CavageSignatureHeader header =
                CavageSignatureHeader.parse(
                        Conformance.text("cavage-12/all-headers-test/signature-header-value.txt"));
        List<String> withoutPseudo =
                header.headers().stream()
                        .filter(h -> !h.equals("(created)") && !h.equals("(expires)"))
                        .toList();

        assertThat(header.createdTime()).contains(1402170695L);
        assertThat(header.expiresTime()).contains(1402170699L);
        assertThat(CavageSigningString.build(REQUEST.message(), withoutPseudo, null, null))
                .isEqualTo(Conformance.text("cavage-12/all-headers-test/signing-string.txt"));
        assertSignature("all-headers-test", header.signature());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"default-test", "all-headers-test"})
    void authorizationAndSignatureFormsCarryTheSameParameters(String dir) {
        CavageSignatureHeader fromSignature =
                CavageSignatureHeader.parse(
                        Conformance.text("cavage-12/" + dir + "/signature-header-value.txt"));
        CavageSignatureHeader fromAuthorization =
                CavageSignatureHeader.parseAuthorization(
                        Conformance.text("cavage-12/" + dir + "/authorization-header-value.txt"));

        assertThat(fromAuthorization).isEqualTo(fromSignature);
        assertThat(CavageSignatureHeader.parse(fromSignature.toSignatureValue()))
                .isEqualTo(fromSignature);
        assertThat(CavageSignatureHeader.parseAuthorization(fromSignature.toAuthorizationValue()))
                .isEqualTo(fromSignature);
    }

    @Test
    void producesTheBasicTestAuthorizationValueExactly() {
        String published = Conformance.text("cavage-12/basic-test/authorization-header-value.txt");

        assertThat(CavageSignatureHeader.parseAuthorization(published).toAuthorizationValue())
                .isEqualTo(published);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "algorithm=\"rsa-sha256\",signature=\"AA==\"          | Signature rejected:"
                        + " parameter 'keyId' is missing",
                "keyId=\"k\"                                         | Signature rejected:"
                        + " parameter 'signature' is missing",
                "keyId=\"k\",signature=\"***\"                       | Signature rejected:"
                        + " parameter 'signature' is not base64",
                "keyId=\"k\",keyId=\"j\",signature=\"AA==\"          | Signature rejected:"
                        + " parameter 'keyId' is repeated",
                "keyId=\"k\" signature=\"AA==\"                      | Signature rejected: expected"
                        + " ',' after parameter 'keyId'",
                "keyId=\"k,signature=\"AA==\"                        | Signature rejected: expected"
                        + " ',' after parameter 'keyId'",
                "keyId=\"k\",signature=\"AA==\",                     | Signature rejected: a"
                        + " trailing ',' must be followed by a parameter",
                "keyId=\"k\",created=soon,signature=\"AA==\"         | Signature rejected:"
                        + " parameter 'created' is not a Unix time",
                "keyId=\"k\",headers=\"date date\",signature=\"AA==\" | Signature rejected:"
                        + " 'headers' lists a header twice",
                "keyId=\"k\",headers=\"\",signature=\"AA==\"          | Signature rejected: headers"
                        + " is empty",
                "=\"k\"                                              | Signature rejected: expected"
                        + " name=value at position 0",
                "keyId=\"unterminated                                | Signature rejected: a quoted"
                        + " value is not closed",
            })
    void rejectsMalformedSignatureHeader(String value, String message) {
        assertThatThrownBy(() -> CavageSignatureHeader.parse(value))
                .isInstanceOf(MalformedCavageSignatureException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsAuthorizationWithAnotherScheme() {
        assertThatThrownBy(() -> CavageSignatureHeader.parseAuthorization("Bearer abc"))
                .isInstanceOf(MalformedCavageSignatureException.class)
                .hasMessage("Signature rejected: the Authorization scheme is not 'Signature'");
    }

    @Test
    void ignoresUnknownParameters() {
        CavageSignatureHeader header =
                CavageSignatureHeader.parse("keyId=\"k\",future=\"x\",signature=\"AA==\"");

        assertThat(header.keyId()).isEqualTo("k");
    }

    @Test
    void reportsAListedHeaderThatIsAbsent() {
        assertThatThrownBy(
                        () ->
                                CavageSigningString.build(
                                        REQUEST.message(), List.of("x-missing"), null, null))
                .isInstanceOf(MissingHeaderException.class)
                .hasMessage(
                        "Signature rejected: signed header 'x-missing' is not present in the"
                                + " message");
        assertThatThrownBy(
                        () ->
                                CavageSigningString.build(
                                        REQUEST.message(), List.of("(created)"), null, null))
                .isInstanceOf(MissingHeaderException.class)
                .hasMessage("Signature rejected: (created) is signed but the parameter is absent");
    }

    private static void checkSigningStringAndSignature(String dir, CavageSignatureHeader header) {
        String signingString =
                CavageSigningString.build(
                        REQUEST.message(), header.headers(), header.created(), header.expires());

        assertThat(signingString)
                .isEqualTo(Conformance.text("cavage-12/" + dir + "/signing-string.txt"));
        assertThat(header.algorithm()).isEqualTo("rsa-sha256");
        assertThat(
                        SignatureAlgorithm.RSA_V1_5_SHA256
                                .verifier(TestKeys.cavagePublic())
                                .verify(
                                        CavageSigningString.bytes(signingString),
                                        header.signature()))
                .isTrue();
        assertSignature(dir, header.signature());
    }

    /** RSASSA-PKCS1-v1_5 is deterministic: re-signing must reproduce the published bytes. */
    private static void assertSignature(String dir, byte[] published) {
        byte[] signingString = Conformance.bytes("cavage-12/" + dir + "/signing-string.txt");

        byte[] resigned =
                SignatureAlgorithm.RSA_V1_5_SHA256
                        .signer(TestKeys.cavagePrivate())
                        .sign(signingString);

        assertThat(Base64.getEncoder().encodeToString(resigned))
                .isEqualTo(Conformance.text("cavage-12/" + dir + "/signature.b64"));
        assertThat(resigned).isEqualTo(published);
    }
}
