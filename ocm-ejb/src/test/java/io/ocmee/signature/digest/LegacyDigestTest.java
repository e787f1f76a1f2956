package io.ocmee.signature.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.signature.testing.Conformance;
import io.ocmee.signature.testing.HttpFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyDigestTest {

    private static final byte[] HELLO =
            "{\"hello\": \"world\"}".getBytes(StandardCharsets.US_ASCII);

    @Test
    void cavage12_requestDigestIsReproduced() {
        HttpFile request = HttpFile.read("cavage-12/request.http");
        String published = request.message().fields().combined("Digest").orElseThrow();

        assertThat(LegacyDigest.compute(DigestAlgorithm.SHA_256, request.body()))
                .isEqualTo(published);
        assertThat(LegacyDigest.matches(published, request.body())).isTrue();
    }

    @Test
    void sha512MatchesTheRfc9530SampleValue() {
        String sfValue =
                Conformance.text(
                        "rfc9530/appendix-d-sample-digest-values/content-digest.sha-512.txt");
        String base64 = sfValue.substring("sha-512=:".length(), sfValue.length() - 1);

        assertThat(LegacyDigest.compute(DigestAlgorithm.SHA_512, HELLO))
                .isEqualTo("SHA-512=" + base64);
    }

    @Test
    void acceptsSeveralEntriesCaseInsensitiveNamesAndIgnoresUnknownOnes() {
        String value =
                "md5=abc, sha-256="
                        + LegacyDigest.compute(DigestAlgorithm.SHA_256, HELLO).substring(8);

        assertThat(LegacyDigest.matches(value, HELLO)).isTrue();
        assertThat(
                        LegacyDigest.matches(
                                LegacyDigest.compute(DigestAlgorithm.SHA_512, HELLO), new byte[0]))
                .isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MD5=abc                          | Digest rejected: no recognised algorithm"
                        + " (SHA-256, SHA-512)",
                "SHA-256                          | Digest rejected: an entry is not of the form"
                        + " <algorithm>=<base64>",
                "=abc                             | Digest rejected: an entry is not of the form"
                        + " <algorithm>=<base64>",
                "SHA-256=***                      | Digest rejected: the SHA-256 value is not"
                        + " base64",
                "SHA-512=AAAA                     | Digest rejected: a SHA-512 digest has 64 bytes,"
                        + " got 3",
            })
    void rejectsMalformedField(String value, String message) {
        assertThatThrownBy(() -> LegacyDigest.parse(value))
                .isInstanceOf(DigestFormatException.class)
                .hasMessage(message);
    }
}
