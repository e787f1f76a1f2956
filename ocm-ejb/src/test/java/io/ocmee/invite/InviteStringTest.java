package io.ocmee.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.address.ProviderHost;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InviteStringTest {

    /** The example of OCM-NOTES §5.2. */
    @Test
    void encodesTheSpecExampleWithoutPadding() {
        InviteString invite =
                new InviteString(
                        "a55a966e-15c1-4cb9-a39d-4e4c54399baf",
                        ProviderHost.parse("cloud.example.org"));

        assertThat(invite.encode())
                .isEqualTo(
                        "YTU1YTk2NmUtMTVjMS00Y2I5LWEzOWQtNGU0YzU0Mzk5YmFmQGNsb3VkLmV4YW1wbGUub3Jn");
    }

    @Test
    void decodesTheSpecExample() {
        InviteString invite =
                InviteString.decode(
                        "YTU1YTk2NmUtMTVjMS00Y2I5LWEzOWQtNGU0YzU0Mzk5YmFmQGNsb3VkLmV4YW1wbGUub3Jn");

        assertThat(invite.token()).isEqualTo("a55a966e-15c1-4cb9-a39d-4e4c54399baf");
        assertThat(invite.provider().authority()).isEqualTo("cloud.example.org");
    }

    @ParameterizedTest(name = "{0}@{1}")
    @CsvSource({
        "tok, cloud.example.org",
        "tok1, cloud.example.org:8443",
        "t, localhost:9200",
        "with@at@sign, cloud.example.org",
        "trailing@, cloud.example.org"
    })
    void decodesWithAndWithoutPaddingSplittingOnTheLastAt(String token, String provider) {
        String plain = token + "@" + provider;
        String padded =
                Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        String unpadded = padded.replace("=", "");

        for (String text : new String[] {padded, unpadded, " " + unpadded + "\n"}) {
            InviteString invite = InviteString.decode(text);
            assertThat(invite.token()).isEqualTo(token);
            assertThat(invite.provider().authority()).isEqualTo(provider);
        }
        assertThat(new InviteString(token, ProviderHost.parse(provider)).encode())
                .isEqualTo(unpadded);
    }

    @Test
    void acceptsTheStandardAlphabetToo() {
        // "???@x.example" encodes with '/' in the standard alphabet and '_' in base64url
        String plain = "???@x.example";
        String standard =
                Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        assertThat(standard).contains("/");

        assertThat(InviteString.decode(standard).token()).isEqualTo("???");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|Invite rejected: the invite string is empty",
                "'!!!!'|Invite rejected: the invite string is not base64url",
                "bm8tYXQtc2lnbg|Invite rejected: the invite string does not decode to token@host",
                "QGhvc3QuZXhhbXBsZQ|Invite rejected: the token is empty",
                "dG9rQA|Invite rejected: the inviting server is not host[:port]",
                "dG9rQGh0dHBzOi8vaG9zdC9wYXRo|Invite rejected: the inviting server is not"
                        + " host[:port]",
                "_w|Invite rejected: the invite string does not decode to UTF-8 text"
            })
    void rejectsUnreadableInviteStringsSayingWhy(String text, String message) {
        assertThatThrownBy(() -> InviteString.decode(text))
                .isInstanceOf(InvalidInviteException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok\nen", "\u0000"})
    void rejectsTokensWithControlCharacters(String token) {
        String text =
                Base64.getUrlEncoder()
                        .encodeToString((token + "@x.example").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> InviteString.decode(text))
                .isInstanceOf(InvalidInviteException.class)
                .hasMessage("Invite rejected: the token is empty or contains control characters");
    }

    @Test
    void refusesOverlongInviteStrings() {
        assertThatThrownBy(() -> InviteString.decode("A".repeat(InviteString.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidInviteException.class)
                .hasMessage("Invite rejected: the invite string is longer than 2048");
    }
}
