package io.ocmee.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.access.TokenExchanger.Issued;
import io.ocmee.access.TokenExchanger.Outcome;
import io.ocmee.access.TokenExchanger.Refused;
import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.http.PeerHttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenExchangerTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final URI ENDPOINT = URI.create("https://sender.example/ocm/token");

    @Test
    void formBodyEncodesEveryValue() {
        byte[] body = TokenExchanger.formBody("host:8080", "a+b/c=d&e f");

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(
                        "grant_type=authorization_code&client_id=host%3A8080"
                                + "&code=a%2Bb%2Fc%3Dd%26e+f");
    }

    @Test
    void issuedTokenExpiresAfterExpiresIn() {
        Outcome outcome =
                answer(
                        200,
                        "{\"access_token\":\"t-1\",\"token_type\":\"bearer\",\"expires_in\":60}");

        assertThat(outcome)
                .isEqualTo(
                        new Issued(
                                new ExchangedToken("t-1", NOW.plusSeconds(60)),
                                Duration.ofSeconds(60)));
    }

    @Test
    void missingExpiresInCountsAsFiveMinutesAndHugeOnesAsADay() {
        assertThat(((Issued) answer(200, "{\"access_token\":\"t\"}")).lifetime())
                .isEqualTo(Duration.ofSeconds(TokenExchanger.DEFAULT_LIFETIME_SECONDS));
        assertThat(
                        ((Issued) answer(200, "{\"access_token\":\"t\",\"expires_in\":99999999}"))
                                .lifetime())
                .isEqualTo(Duration.ofDays(1));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "400|{\"error\":\"invalid_grant\"}|HTTP 400 invalid_grant",
                "400|{\"error\":\"unsupported_grant_type\"}|HTTP 400 unsupported_grant_type",
                "401|{\"message\":\"Invalid token\"}|HTTP 401",
                "400|{\"error\":\"<script>\"}|HTTP 400",
                "200|{\"access_token\":\"t\",\"token_type\":\"mac\"}|HTTP 200",
                "200|{\"access_token\":\"has space\"}|HTTP 200",
                "200|{\"access_token\":\"\"}|HTTP 200",
                "200|{\"access_token\":\"t\",\"expires_in\":0}|HTTP 200",
                "200|{\"access_token\":\"t\",\"expires_in\":\"soon\"}|HTTP 200",
                "200|not json|HTTP 200",
                "500|oops|HTTP 500",
            })
    void anythingButAUsableBearerTokenIsARefusal(int status, String body, String described) {
        Outcome outcome = answer(status, body);

        assertThat(outcome).isInstanceOf(Refused.class);
        assertThat(((Refused) outcome).describe()).isEqualTo(described);
    }

    @Test
    void tokenNeverShowsInToString() {
        assertThat(new ExchangedToken("very-secret", NOW).toString()).doesNotContain("very-secret");
    }

    @Test
    void tokenIsDueForRenewalWithinAFifthOfItsLifetimeAtMostAMinute() {
        ExchangedToken hour = new ExchangedToken("t", NOW.plusSeconds(3600));
        assertThat(hour.dueForRenewal(NOW.plusSeconds(3539), Duration.ofHours(1))).isFalse();
        assertThat(hour.dueForRenewal(NOW.plusSeconds(3540), Duration.ofHours(1))).isTrue();
        ExchangedToken short10 = new ExchangedToken("t", NOW.plusSeconds(10));
        assertThat(short10.dueForRenewal(NOW.plusSeconds(7), Duration.ofSeconds(10))).isFalse();
        assertThat(short10.dueForRenewal(NOW.plusSeconds(8), Duration.ofSeconds(10))).isTrue();
    }

    private static Outcome answer(int status, String body) {
        TokenExchanger exchanger =
                new TokenExchanger(
                        (peer, url, type, form) ->
                                new PeerHttpResponse(
                                        url,
                                        status,
                                        Map.of("Content-Type", List.of("application/json")),
                                        body.getBytes(StandardCharsets.UTF_8)),
                        "receiver.example",
                        Clock.fixed(NOW, ZoneOffset.UTC));
        return exchanger.exchange(ProviderHost.parse("sender.example"), ENDPOINT, "code");
    }

    @Test
    void refusalWithoutErrorCodeHasNone() {
        assertThat(((Refused) answer(401, "")).error()).isEqualTo(Optional.empty());
    }
}
