package io.ocmee.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.share.OcmRequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InviteAcceptanceTest {

    private static InviteAcceptance parse(String json) {
        return InviteAcceptance.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheSpecExample() {
        InviteAcceptance a =
                parse(
                        "{\"recipientProvider\":\"files.example.com\",\"token\":\"3b7c\","
                                + "\"userID\":\"u-83f1\",\"email\":\"bob@example.com\","
                                + "\"name\":\"Bob\"}");

        assertThat(a.recipientProvider().authority()).isEqualTo("files.example.com");
        assertThat(a.token()).isEqualTo("3b7c");
        assertThat(a.userId()).isEqualTo("u-83f1");
        assertThat(a.email()).contains("bob@example.com");
        assertThat(a.name()).isEqualTo("Bob");
    }

    @Test
    void takesUserIdForUserIdAndNormalisesAQualifiedId() {
        InviteAcceptance a =
                parse(
                        "{\"recipientProvider\":\"https://files.example.com/\",\"token\":\"t\","
                                + "\"userId\":\"u-1@https://files.example.com\"}");

        assertThat(a.recipientProvider().authority()).isEqualTo("files.example.com");
        assertThat(a.userId()).isEqualTo("u-1");
        assertThat(a.email()).isEmpty();
        assertThat(a.name()).isEqualTo("u-1");
    }

    @Test
    void prefersUserIDWhenBothSpellingsAreSent() {
        InviteAcceptance a =
                parse(
                        "{\"recipientProvider\":\"x.example\",\"token\":\"t\","
                                + "\"userID\":\"right\",\"userId\":\"wrong\"}");

        assertThat(a.userId()).isEqualTo("right");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{}|recipientProvider:MISSING,token:MISSING,userID:MISSING",
                "{\"recipientProvider\":\"x/y\",\"token\":\"t\",\"userID\":\"u\"}"
                        + "|recipientProvider:INVALID",
                "{\"recipientProvider\":\"x.example\",\"token\":\"\",\"userID\":\"u\"}"
                        + "|token:MISSING",
                "{\"recipientProvider\":\"x.example\",\"token\":7,\"userID\":\"u\"}|token:INVALID",
                "{\"recipientProvider\":\"x.example\",\"token\":\"t\",\"userID\":\"u\\n\"}"
                        + "|userID:INVALID",
                "{\"recipientProvider\":\"x.example\",\"token\":\"t\",\"userID\":\"u\","
                        + "\"email\":[]}|email:INVALID"
            })
    void listsEveryBadField(String json, String expected) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(
                        OcmRequestException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.getMessage()).startsWith("Invite acceptance rejected: ");
                            assertThat(
                                            String.join(
                                                    ",",
                                                    e.errors().stream()
                                                            .map(f -> f.name() + ":" + f.message())
                                                            .toList()))
                                    .isEqualTo(expected);
                        });
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThatThrownBy(() -> parse("[1]"))
                .isInstanceOf(OcmRequestException.class)
                .hasMessage("Invite acceptance rejected: the body is not a JSON object");
    }

    @Test
    void refusesJsonNestedBeyondTheParsersLimitAsBadInput() {
        // Parsson stops at 1000 levels with a plain RuntimeException; a peer's body nested
        // deeper is malformed input (400), not a server failure (breaker report, stop 3)
        assertThatThrownBy(() -> parse("[".repeat(100_000)))
                .isInstanceOfSatisfying(
                        OcmRequestException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("Invite acceptance rejected: the body is not a JSON object");
        assertThatThrownBy(() -> parse("{\"a\":".repeat(5_000)))
                .isInstanceOf(OcmRequestException.class)
                .hasMessage("Invite acceptance rejected: the body is not a JSON object");
    }

    @Test
    void refusesAnOverlongToken() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "{\"recipientProvider\":\"x.example\",\"token\":\""
                                                + "a".repeat(513)
                                                + "\",\"userID\":\"u\"}"))
                .isInstanceOfSatisfying(
                        OcmRequestException.class,
                        e -> assertThat(e.errors().get(0).message()).isEqualTo("TOO_LONG"));
    }
}
