package io.ocmee.signature.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.signature.testing.Conformance;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9530 Content-Digest, with the examples of {@code shared/conformance/rfc9530}. */
class ContentDigestTest {

    private static final byte[] HELLO =
            "{\"hello\": \"world\"}".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "appendix-d-sample-digest-values, SHA_256",
        "appendix-d-sample-digest-values, SHA_512",
        "section-2-content-digest, SHA_512",
        "appendix-b1-full-representation, SHA_256",
        "appendix-b2-empty-content, SHA_256",
        "appendix-b3-partial-content, SHA_256"
    })
    void rfc9530_examples_computeParseAndVerify(String dir, DigestAlgorithm algorithm) {
        byte[] body = Conformance.bytes("rfc9530/" + dir + "/body.bin");
        String expected =
                Conformance.text("rfc9530/" + dir + "/content-digest." + algorithm.key() + ".txt");

        assertThat(ContentDigest.compute(algorithm, body)).isEqualTo(expected);
        assertThat(ContentDigest.parse(expected)).containsOnlyKeys(algorithm);
        assertThat(ContentDigest.parse(expected).get(algorithm)).isEqualTo(algorithm.digest(body));
        assertThat(ContentDigest.matches(expected, body)).isTrue();
    }

    @Test
    void rfc9530_appendixD_bothAlgorithmsTogetherMustBothMatch() {
        String sha256 =
                Conformance.text(
                        "rfc9530/appendix-d-sample-digest-values/content-digest.sha-256.txt");
        String sha512 =
                Conformance.text(
                        "rfc9530/appendix-d-sample-digest-values/content-digest.sha-512.txt");

        assertThat(ContentDigest.matches(sha256 + ", " + sha512, HELLO)).isTrue();
        assertThat(
                        ContentDigest.serialize(
                                Map.of(
                                        DigestAlgorithm.SHA_512,
                                        DigestAlgorithm.SHA_512.digest(HELLO),
                                        DigestAlgorithm.SHA_256,
                                        DigestAlgorithm.SHA_256.digest(HELLO))))
                .isEqualTo(sha256 + ", " + sha512);
    }

    @Test
    void oneMismatchingRecognisedAlgorithmFailsTheWholeCheck() {
        String good = ContentDigest.compute(DigestAlgorithm.SHA_256, HELLO);
        String bad =
                ContentDigest.compute(
                        DigestAlgorithm.SHA_512, "other".getBytes(StandardCharsets.US_ASCII));

        assertThat(ContentDigest.matches(good + ", " + bad, HELLO)).isFalse();
    }

    @Test
    void unknownAlgorithmsAreIgnored() {
        String value =
                "md5=:AAAA:, "
                        + ContentDigest.compute(DigestAlgorithm.SHA_256, HELLO)
                        + ", unixsum=:AA==:";

        assertThat(ContentDigest.matches(value, HELLO)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "md5=:AAAA:                | true  | Content-Digest rejected: no recognised"
                        + " algorithm (sha-256, sha-512) in 'md5'",
                "''                        | true  | Content-Digest rejected: no recognised"
                        + " algorithm (sha-256, sha-512) in ''",
                "sha-256=abc               | false | Content-Digest rejected: the value of"
                        + " 'sha-256' is not a Byte Sequence",
                "sha-256=:AAAA:            | false | Content-Digest rejected: a sha-256 digest has"
                        + " 32 bytes, got 3",
                "SHA-256=:AAAA:            | false | Content-Digest rejected: not a"
                    + " Structured-Field Dictionary (Structured field rejected: a key must start"
                    + " with a lower-case letter or '*', found 'S' at position 0)",
                "sha-256=(:AAAA:)          | false | Content-Digest rejected: the value of"
                        + " 'sha-256' is not a Byte Sequence",
            })
    void rejectsMalformedField(String value, boolean noRecognisedAlgorithm, String message) {
        assertThatThrownBy(() -> ContentDigest.matches(value, HELLO))
                .isInstanceOf(DigestFormatException.class)
                .hasMessage(message)
                .satisfies(
                        e ->
                                assertThat(((DigestFormatException) e).noRecognisedAlgorithm())
                                        .isEqualTo(noRecognisedAlgorithm));
    }
}
