package io.ocmee.delivery.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.delivery.http.PeerHttpException;
import io.ocmee.delivery.outbox.RetryPolicy.Decision;
import io.ocmee.delivery.outbox.RetryPolicy.Deliver;
import io.ocmee.delivery.outbox.RetryPolicy.GiveUp;
import io.ocmee.delivery.outbox.RetryPolicy.Retry;
import io.ocmee.discovery.DiscoveryException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant HORIZON = NOW.plus(Duration.ofDays(2));

    /** Base 2 s, cap 10 min, ±20 %, and a random source fixed at the middle: no spread. */
    private static RetryPolicy policy(double random) {
        return new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 20, () -> random);
    }

    private static final RetryPolicy MIDDLE = policy(0.5);

    private static Decision answer(int status) {
        return MIDDLE.afterResponse(status, Optional.empty(), "", 0, HORIZON, NOW);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void deliversOnAny2xx(int status) {
        assertThat(answer(status)).isEqualTo(new Deliver(status));
    }

    @ParameterizedTest
    @CsvSource({"1, 2000", "2, 4000", "3, 8000", "4, 16000", "9, 512000", "10, 600000"})
    void backoffDoublesFromTheBaseUpToTheCap(int failures, long millis) {
        assertThat(MIDDLE.backoff(failures)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void backoffStaysAtTheCapForVeryManyFailures() {
        assertThat(MIDDLE.backoff(10_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @ParameterizedTest
    @CsvSource({"0.0, 1600", "0.25, 1800", "0.75, 2200", "0.999999, 2400"})
    void jitterSpreadsTheBackoffByUpToTwentyPercentEitherWay(double random, long millis) {
        assertThat(policy(random).backoff(1)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void jitterNeverTakesTheWaitAboveTheCap() {
        assertThat(policy(0.999999).backoff(20)).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy(0.0).backoff(20)).isEqualTo(Duration.ofMinutes(8));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void retriesServerErrorsTimeoutsAndThrottlingWithBackoff(int status) {
        Decision decision = MIDDLE.afterResponse(status, Optional.empty(), "", 2, HORIZON, NOW);

        assertThat(decision).isInstanceOf(Retry.class);
        assertThat(((Retry) decision).at()).isEqualTo(NOW.plusSeconds(8));
        assertThat(((Retry) decision).error()).startsWith("Peer answered " + status);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void honoursRetryAfterSecondsInsteadOfTheBackoff(int status) {
        Decision decision = MIDDLE.afterResponse(status, Optional.of("120"), "", 0, HORIZON, NOW);

        assertThat(decision)
                .isEqualTo(
                        new Retry(
                                NOW.plusSeconds(120),
                                "Peer answered " + RetryPolicy.peerReason(status, "")));
    }

    @Test
    void honoursRetryAfterAsAnHttpDate() {
        Decision decision =
                MIDDLE.afterResponse(
                        503, Optional.of("Sun, 01 Mar 2026 10:05:00 GMT"), "", 0, HORIZON, NOW);

        assertThat(((Retry) decision).at()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void limitsRetryAfterToTheCap() {
        Decision decision = MIDDLE.afterResponse(503, Optional.of("86400"), "", 0, HORIZON, NOW);

        assertThat(((Retry) decision).at()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void ignoresRetryAfterOnOtherServerErrors() {
        Decision decision = MIDDLE.afterResponse(500, Optional.of("300"), "", 0, HORIZON, NOW);

        assertThat(((Retry) decision).at()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void fallsBackToTheBackoffWhenRetryAfterIsUnreadable() {
        Decision decision = MIDDLE.afterResponse(503, Optional.of("soon-ish"), "", 1, HORIZON, NOW);

        assertThat(((Retry) decision).at()).isEqualTo(NOW.plusSeconds(4));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|PT0S",
                "17|PT17S",
                "' 30 '|PT30S",
                "Sun, 01 Mar 2026 10:00:30 GMT|PT30S",
                "Sun, 01 Mar 2026 09:00:00 GMT|PT0S",
                "99999999999999999999999|PT2562047H47M16S"
            })
    void parsesRetryAfterAsSecondsOrHttpDate(String value, Duration expected) {
        assertThat(RetryPolicy.parseRetryAfter(value, NOW)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-5", "1.5", "tomorrow", "2026-03-01T10:00:00Z"})
    void refusesRetryAfterValuesThatAreNeitherSecondsNorADate(String value) {
        assertThat(RetryPolicy.parseRetryAfter(value, NOW)).isEmpty();
    }

    @Test
    void failsOnA4xxWithThePeersMessageAndValidationErrors() {
        String body =
                "{\"message\":\"Invalid share\",\"validationErrors\":["
                        + "{\"name\":\"shareWith\",\"message\":\"NOT_FOUND\"},"
                        + "{\"name\":\"protocol\",\"message\":\"REQUIRED\"}]}";

        Decision decision = MIDDLE.afterResponse(400, Optional.empty(), body, 0, HORIZON, NOW);

        assertThat(decision)
                .isEqualTo(
                        new GiveUp(
                                MessageState.FAILED,
                                "Peer answered 400: Invalid share (shareWith: NOT_FOUND,"
                                        + " protocol: REQUIRED)"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "401|''|Peer answered 401 Unauthorized",
                "403|<html>Forbidden</html>|Peer answered 403 Forbidden",
                "404|{\"error\":\"nope\"}|Peer answered 404 Not Found",
                "418|not json|Peer answered 418",
                "409|{\"message\":\"  Already shared  \"}|Peer answered 409: Already shared",
                "422|{\"validationErrors\":[{\"name\":\"owner\"}]}|Peer answered 422: owner",
                "400|[1,2]|Peer answered 400 Bad Request",
                "400|{\"message\":\"line\\none\"}|Peer answered 400: line one"
            })
    void failsOnOther4xxWithTheBestReasonAvailable(int status, String body, String error) {
        Decision decision = MIDDLE.afterResponse(status, Optional.empty(), body, 0, HORIZON, NOW);

        assertThat(decision).isEqualTo(new GiveUp(MessageState.FAILED, error));
    }

    @Test
    void shortensALongPeerMessage() {
        String body = "{\"message\":\"" + "x".repeat(1000) + "\"}";

        String error = ((GiveUp) answer400(body)).error();

        assertThat(error).hasSize("Peer answered 400: ".length() + RetryPolicy.REASON_LIMIT + 1);
        assertThat(error).endsWith("x…");
    }

    private static Decision answer400(String body) {
        return MIDDLE.afterResponse(400, Optional.empty(), body, 0, HORIZON, NOW);
    }

    @ParameterizedTest
    @EnumSource(
            value = PeerHttpException.Kind.class,
            names = {"CONNECT_FAILED", "TIMEOUT", "IO_FAILED"})
    void retriesWhenThePeerCannotBeReached(PeerHttpException.Kind kind) {
        PeerHttpException failure =
                new PeerHttpException(
                        kind,
                        "https://peer.example",
                        "Request to https://peer.example failed",
                        null);

        Decision decision = MIDDLE.afterFailure(failure, 0, HORIZON, NOW);

        assertThat(decision)
                .isEqualTo(new Retry(NOW.plusSeconds(2), "Request to https://peer.example failed"));
    }

    @ParameterizedTest
    @EnumSource(
            value = PeerHttpException.Kind.class,
            names = {"ADDRESS_REFUSED", "SCHEME_REFUSED", "TOO_LARGE", "REDIRECT_REFUSED"})
    void failsWhenRetryingCannotHelpTheExchange(PeerHttpException.Kind kind) {
        PeerHttpException failure =
                new PeerHttpException(
                        kind,
                        "https://peer.example",
                        "Request to https://peer.example rejected: refused",
                        null);

        Decision decision = MIDDLE.afterFailure(failure, 0, HORIZON, NOW);

        assertThat(decision)
                .isEqualTo(
                        new GiveUp(
                                MessageState.FAILED,
                                "Request to https://peer.example rejected: refused"));
    }

    @ParameterizedTest
    @EnumSource(
            value = DiscoveryException.Kind.class,
            names = {"UNREACHABLE", "TIMEOUT", "HTTP_ERROR", "NOT_JSON"})
    void retriesWhenDiscoveryFailsForNow(DiscoveryException.Kind kind) {
        DiscoveryException failure =
                new DiscoveryException(
                        kind, "peer.example", "Discovery of peer.example failed: down", null);

        Decision decision = MIDDLE.afterFailure(failure, 3, HORIZON, NOW);

        assertThat(decision)
                .isEqualTo(
                        new Retry(NOW.plusSeconds(16), "Discovery of peer.example failed: down"));
    }

    @ParameterizedTest
    @EnumSource(
            value = DiscoveryException.Kind.class,
            names = {"TOO_LARGE", "INVALID_DOCUMENT", "OCM_DISABLED", "ADDRESS_REFUSED"})
    void failsWhenThePeerOffersNoUsableOcmService(DiscoveryException.Kind kind) {
        DiscoveryException failure =
                new DiscoveryException(
                        kind, "peer.example", "Discovery of peer.example failed: no OCM", null);

        assertThat(MIDDLE.afterFailure(failure, 0, HORIZON, NOW))
                .isEqualTo(
                        new GiveUp(
                                MessageState.FAILED, "Discovery of peer.example failed: no OCM"));
    }

    @Test
    void failsAMessageWithAMalformedPeer() {
        Decision decision =
                MIDDLE.afterFailure(
                        new IllegalArgumentException("not a host: 'a b'"), 0, HORIZON, NOW);

        assertThat(decision)
                .isEqualTo(new GiveUp(MessageState.FAILED, "Message rejected: not a host: 'a b'"));
    }

    @Test
    void retriesAnUnexpectedFailureWithoutQuotingIt() {
        Decision decision =
                MIDDLE.afterFailure(new IllegalStateException("secret=abc"), 0, HORIZON, NOW);

        assertThat(decision)
                .isEqualTo(
                        new Retry(
                                NOW.plusSeconds(2),
                                "Unexpected failure while sending (IllegalStateException)"));
    }

    @Test
    void movesTheLastRetryToTheHorizon() {
        Instant soon = NOW.plusSeconds(30);

        Decision decision = MIDDLE.afterResponse(503, Optional.of("120"), "", 5, soon, NOW);

        assertThat(((Retry) decision).at()).isEqualTo(soon);
    }

    @Test
    void endsDeadWhenAnAttemptFailsAtOrAfterTheHorizon() {
        Decision atHorizon = MIDDLE.afterResponse(503, Optional.empty(), "", 9, NOW, NOW);
        Decision after =
                MIDDLE.afterFailure(
                        new PeerHttpException(
                                PeerHttpException.Kind.CONNECT_FAILED,
                                "https://peer.example",
                                "Request to https://peer.example failed: refused",
                                null),
                        9,
                        NOW.minusSeconds(1),
                        NOW);

        assertThat(atHorizon)
                .isEqualTo(
                        new GiveUp(
                                MessageState.DEAD,
                                "Delivery abandoned at the retry horizon: Peer answered 503"
                                        + " Service Unavailable"));
        assertThat(after)
                .isEqualTo(
                        new GiveUp(
                                MessageState.DEAD,
                                "Delivery abandoned at the retry horizon: Request to"
                                        + " https://peer.example failed: refused"));
    }

    @Test
    void deliversEvenAfterTheHorizon() {
        assertThat(MIDDLE.afterResponse(201, Optional.empty(), "{}", 9, NOW.minusSeconds(5), NOW))
                .isEqualTo(new Deliver(201));
    }

    @Test
    void refusesABackoffCapBelowItsBase() {
        assertThatThrownBy(
                        () ->
                                new RetryPolicy(
                                        Duration.ofSeconds(10), Duration.ofSeconds(5), 20, () -> 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Backoff rejected: cap PT5S is below base");
    }

    @Test
    void refusesJitterOverAHundredPercent() {
        assertThatThrownBy(
                        () ->
                                new RetryPolicy(
                                        Duration.ofSeconds(1), Duration.ofSeconds(5), 101, () -> 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Backoff rejected: jitter must be 0 to 100 percent");
    }
}
