package io.ocmee.signature;

import static io.ocmee.signature.OcmTestFixtures.BODY;
import static io.ocmee.signature.OcmTestFixtures.CLOCK;
import static io.ocmee.signature.OcmTestFixtures.TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.digest.ContentDigest;
import io.ocmee.signature.digest.DigestAlgorithm;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.testing.TestKeys;
import org.junit.jupiter.api.Test;

class OcmRequestSignerTest {

    @Test
    void addsContentHeadersAndAnOcmSignatureInTheProfileForm() {
        SigningKey key =
                new SigningKey(
                        TestKeys.ed25519Private(),
                        "https://sender.example.net/ocm#ed25519-1",
                        SignatureAlgorithm.ED25519);

        HeaderFields headers = new OcmRequestSigner(key, CLOCK).sign("POST", TARGET, BODY);

        assertThat(headers.lines())
                .extracting(HeaderFields.FieldLine::name)
                .containsExactly(
                        "Content-Digest", "Content-Length", "Date", "Signature-Input", "Signature");
        assertThat(headers.combined("Content-Digest"))
                .contains(ContentDigest.compute(DigestAlgorithm.SHA_256, BODY));
        assertThat(headers.combined("Content-Length")).contains(Integer.toString(BODY.length));
        assertThat(headers.combined("Date")).contains("Tue, 01 Sep 2026 10:00:00 GMT");
        assertThat(headers.combined("Signature-Input").orElseThrow())
                .matches(
                        "ocm=\\(\"@method\" \"@target-uri\" \"content-digest\" \"content-length\""
                                + " \"date\"\\);"
                                + "created=1788256800;nonce=\"[A-Za-z0-9_-]{22}\";"
                                + "keyid=\"https://sender\\.example\\.net/ocm#ed25519-1\";"
                                + "alg=\"ed25519\";tag=\"ocm\"");
        assertThat(headers.combined("Signature").orElseThrow()).startsWith("ocm=:").endsWith(":");
    }

    @Test
    void theSameRequestSignedTwiceInOneSecondGivesTwoSignatures() {
        // Otherwise a receiver's replay check refuses the second of two identical requests (the
        // same user accepting one invite twice within a second).
        SigningKey key = new SigningKey(TestKeys.ed25519Private(), "k", SignatureAlgorithm.ED25519);
        OcmRequestSigner signer = new OcmRequestSigner(key, CLOCK);

        HeaderFields first = signer.sign("POST", TARGET, BODY);
        HeaderFields second = signer.sign("POST", TARGET, BODY);

        assertThat(first.combined("Date")).isEqualTo(second.combined("Date"));
        assertThat(first.combined("Signature")).isNotEqualTo(second.combined("Signature"));
        assertThat(first.combined("Signature-Input"))
                .isNotEqualTo(second.combined("Signature-Input"));
    }

    @Test
    void omitsAlgParameterWhenTheAlgorithmHasNoRfc9421Name() {
        SigningKey key =
                new SigningKey(TestKeys.rsaPrivate(), "k", SignatureAlgorithm.RSA_V1_5_SHA512);

        HeaderFields headers = new OcmRequestSigner(key, CLOCK).sign("POST", TARGET, BODY);

        assertThat(headers.combined("Signature-Input").orElseThrow())
                .endsWith(";keyid=\"k\";tag=\"ocm\"")
                .doesNotContain("alg=");
    }

    @Test
    void signsAnEmptyBody() {
        SigningKey key = new SigningKey(TestKeys.ed25519Private(), "k", SignatureAlgorithm.ED25519);

        HeaderFields headers = new OcmRequestSigner(key, CLOCK).sign("POST", TARGET, new byte[0]);

        assertThat(headers.combined("Content-Length")).contains("0");
        assertThat(headers.combined("Content-Digest"))
                .contains("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:");
    }

    @Test
    void refusesSymmetricKeysAndKeysOfTheWrongType() {
        assertThatThrownBy(
                        () ->
                                new SigningKey(
                                        TestKeys.rsaPrivate(), "k", SignatureAlgorithm.HMAC_SHA256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Signing key rejected: OCM forbids symmetric algorithms such as"
                                + " hmac-sha256");
        SigningKey rsaAsEd25519 =
                new SigningKey(TestKeys.rsaPrivate(), "k", SignatureAlgorithm.ED25519);
        assertThatThrownBy(() -> new OcmRequestSigner(rsaAsEd25519, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Key rejected: ed25519 needs an Ed25519 private key, got a RSA private"
                                + " key");
    }

    @Test
    void signingKeyToStringOmitsThePrivateKey() {
        SigningKey key = new SigningKey(TestKeys.ed25519Private(), "k", SignatureAlgorithm.ED25519);

        assertThat(key.toString()).isEqualTo("SigningKey[keyId=k, algorithm=ED25519]");
    }
}
