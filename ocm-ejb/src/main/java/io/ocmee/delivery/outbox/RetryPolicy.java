package io.ocmee.delivery.outbox;

import io.ocmee.delivery.http.PeerHttpException;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.signature.message.HttpDate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Decides what happens to an outbox message after one attempt: delivered, tried again later, or
 * ended undelivered. Pure: no I/O, time and randomness are passed in.
 *
 * <ul>
 *   <li>Any 2xx is a delivery (OCM-NOTES §10 item 44: some peers answer 200 instead of 201).
 *   <li>A passing failure is retried: no connection, a timeout, a broken exchange, a peer whose
 *       discovery cannot be fetched right now, 408, 429 and every 5xx. The wait doubles from {@code
 *       base} with each failed attempt up to {@code cap}, spread at random by up to {@code
 *       jitterPercent} either way. On 429 and 503 a {@code Retry-After} (seconds or HTTP-date,
 *       notes §3.5) replaces the backoff, limited to {@code cap}.
 *   <li>Any other 4xx ends the message {@link MessageState#FAILED} with the peer's reason, as do
 *       failures that retrying cannot cure (an address the policy refuses, a peer without OCM, a
 *       response over the size cap, a malformed peer name).
 *   <li>A retry is never scheduled after the message's give-up time; the last one is moved to that
 *       time, and a failure at or after it ends the message {@link MessageState#DEAD}.
 * </ul>
 *
 * <p>Immutable; thread-safe if the random source is.
 */
public final class RetryPolicy {

    /** Longest peer reason quoted in an error, in characters. */
    static final int REASON_LIMIT = 300;

    private static final Map<Integer, String> REASON_PHRASES =
            Map.ofEntries(
                    Map.entry(400, "Bad Request"),
                    Map.entry(401, "Unauthorized"),
                    Map.entry(403, "Forbidden"),
                    Map.entry(404, "Not Found"),
                    Map.entry(405, "Method Not Allowed"),
                    Map.entry(408, "Request Timeout"),
                    Map.entry(409, "Conflict"),
                    Map.entry(410, "Gone"),
                    Map.entry(413, "Content Too Large"),
                    Map.entry(415, "Unsupported Media Type"),
                    Map.entry(422, "Unprocessable Content"),
                    Map.entry(429, "Too Many Requests"),
                    Map.entry(500, "Internal Server Error"),
                    Map.entry(501, "Not Implemented"),
                    Map.entry(502, "Bad Gateway"),
                    Map.entry(503, "Service Unavailable"),
                    Map.entry(504, "Gateway Timeout"));

    private final Duration base;
    private final Duration cap;
    private final int jitterPercent;
    private final DoubleSupplier random;

    /**
     * @param base the wait after the first failed attempt
     * @param cap the longest wait
     * @param jitterPercent how far, in percent, a backoff may be spread either way (0 to 100)
     * @param random uniform values in {@code [0, 1)}
     * @throws IllegalArgumentException if {@code base} is not positive, {@code cap} is below it, or
     *     {@code jitterPercent} is outside 0–100
     */
    public RetryPolicy(Duration base, Duration cap, int jitterPercent, DoubleSupplier random) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("Backoff rejected: base must be positive");
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("Backoff rejected: cap " + cap + " is below base");
        }
        if (jitterPercent < 0 || jitterPercent > 100) {
            throw new IllegalArgumentException("Backoff rejected: jitter must be 0 to 100 percent");
        }
        this.jitterPercent = jitterPercent;
    }

    /** What to do with a message after an attempt. */
    public sealed interface Decision {}

    /**
     * The peer accepted the message.
     *
     * @param status its 2xx status
     */
    public record Deliver(int status) implements Decision {}

    /**
     * Try again.
     *
     * @param at when
     * @param error why this attempt failed
     */
    public record Retry(Instant at, String error) implements Decision {}

    /**
     * Stop trying: the message ended undelivered.
     *
     * @param end {@link MessageState#FAILED} (refused or unsendable) or {@link MessageState#DEAD}
     *     (retry horizon passed)
     * @param error why, fit for a user
     */
    public record GiveUp(MessageState end, String error) implements Decision {}

    /**
     * Judges the peer's answer to an attempt.
     *
     * @param status the HTTP status
     * @param retryAfter the {@code Retry-After} header, if sent
     * @param body the response body as text, possibly empty
     * @param attempts attempts made before this one
     * @param giveUpAt when retrying stops
     * @param now the time of the judgement
     * @return the decision
     */
    public Decision afterResponse(
            int status,
            Optional<String> retryAfter,
            String body,
            int attempts,
            Instant giveUpAt,
            Instant now) {
        if (status >= 200 && status < 300) {
            return new Deliver(status);
        }
        String error = "Peer answered " + peerReason(status, body);
        if (status == 429 || status == 503) {
            Optional<Duration> asked = retryAfter.flatMap(value -> parseRetryAfter(value, now));
            Duration wait = asked.map(this::limit).orElseGet(() -> backoff(attempts + 1));
            return retry(now.plus(wait), error, giveUpAt, now);
        }
        if (status == 408 || status >= 500) {
            return retry(now.plus(backoff(attempts + 1)), error, giveUpAt, now);
        }
        return new GiveUp(MessageState.FAILED, error);
    }

    /**
     * Judges an attempt that got no answer from the peer.
     *
     * @param failure what went wrong
     * @param attempts attempts made before this one
     * @param giveUpAt when retrying stops
     * @param now the time of the judgement
     * @return the decision: a retry for passing failures, {@link MessageState#FAILED} otherwise
     */
    public Decision afterFailure(
            RuntimeException failure, int attempts, Instant giveUpAt, Instant now) {
        String error = describe(failure);
        if (!isPassing(failure)) {
            return new GiveUp(MessageState.FAILED, error);
        }
        return retry(now.plus(backoff(attempts + 1)), error, giveUpAt, now);
    }

    /**
     * The wait after the {@code failures}-th failed attempt: {@code base × 2^(failures − 1)},
     * limited to {@code cap}, spread by the jitter and limited to {@code cap} again.
     *
     * @param failures failed attempts so far, at least 1
     * @return the wait, never negative, never above {@code cap}
     */
    public Duration backoff(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 40));
        double plain = Math.min(base.toMillis() * Math.pow(2, doublings), cap.toMillis());
        double spread = (2 * random.getAsDouble() - 1) * jitterPercent / 100.0;
        long millis = Math.round(plain * (1 + spread));
        return limit(Duration.ofMillis(Math.max(0, millis)));
    }

    /**
     * Parses a {@code Retry-After} value (RFC 9110 §10.2.3): delay seconds or an HTTP-date.
     *
     * @param value the header value
     * @param now the time the answer arrived, for a date
     * @return the wait (zero for a date in the past), or empty if the value is neither form
     */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String trimmed = value.strip();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
            } catch (NumberFormatException tooLong) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
            }
        }
        return HttpDate.parse(trimmed)
                .map(date -> date.isAfter(now) ? Duration.between(now, date) : Duration.ZERO);
    }

    /**
     * The peer's reason for a status, for errors shown to users: its OCM error {@code message} with
     * the {@code validationErrors} (notes §3.5), else the status and its standard phrase. Control
     * characters are removed and the reason is shortened to {@value #REASON_LIMIT} characters.
     *
     * @param status the HTTP status
     * @param body the response body as text, possibly empty
     * @return e.g. {@code 400: Invalid share (shareWith: NOT_FOUND)} or {@code 404 Not Found}
     */
    public static String peerReason(int status, String body) {
        String phrase =
                status
                        + Optional.ofNullable(REASON_PHRASES.get(status))
                                .map(p -> " " + p)
                                .orElse("");
        return ocmError(body).map(reason -> status + ": " + clean(reason)).orElse(phrase);
    }

    private static Optional<String> ocmError(String body) {
        if (body == null || body.isBlank() || body.strip().charAt(0) != '{') {
            return Optional.empty();
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (
                RuntimeException
                        notAnObject) { // parser failures of any kind, nesting limit included
            return Optional.empty();
        }
        Optional<String> message = text(json.get("message"));
        List<String> details = new ArrayList<>();
        JsonValue errors = json.get("validationErrors");
        if (errors != null && errors.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue item : errors.asJsonArray()) {
                if (item.getValueType() == JsonValue.ValueType.OBJECT) {
                    JsonObject entry = item.asJsonObject();
                    String name = text(entry.get("name")).orElse("?");
                    details.add(name + text(entry.get("message")).map(m -> ": " + m).orElse(""));
                }
            }
        }
        if (message.isEmpty() && details.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join(", ", details);
        return Optional.of(
                message.map(m -> details.isEmpty() ? m : m + " (" + joined + ")").orElse(joined));
    }

    private static Optional<String> text(JsonValue value) {
        return value instanceof JsonString s && !s.getString().isBlank()
                ? Optional.of(s.getString().strip())
                : Optional.empty();
    }

    private static String clean(String reason) {
        String printable = reason.replaceAll("\\p{Cntrl}+", " ").strip();
        return printable.length() <= REASON_LIMIT
                ? printable
                : printable.substring(0, REASON_LIMIT) + "…";
    }

    private Decision retry(Instant at, String error, Instant giveUpAt, Instant now) {
        if (!now.isBefore(giveUpAt)) {
            return new GiveUp(
                    MessageState.DEAD, "Delivery abandoned at the retry horizon: " + error);
        }
        return new Retry(at.isAfter(giveUpAt) ? giveUpAt : at, error);
    }

    private Duration limit(Duration wait) {
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    private static boolean isPassing(RuntimeException failure) {
        if (failure instanceof DiscoveryException e) {
            return switch (e.kind()) {
                case UNREACHABLE, TIMEOUT, HTTP_ERROR, NOT_JSON -> true;
                case TOO_LARGE, INVALID_DOCUMENT, OCM_DISABLED, ADDRESS_REFUSED -> false;
            };
        }
        if (failure instanceof PeerHttpException e) {
            return switch (e.kind()) {
                case CONNECT_FAILED, TIMEOUT, IO_FAILED -> true;
                case HTTP_STATUS -> e.status().orElse(500) >= 500;
                case ADDRESS_REFUSED, SCHEME_REFUSED, TOO_LARGE, REDIRECT_REFUSED -> false;
            };
        }
        return !(failure instanceof IllegalArgumentException);
    }

    private static String describe(RuntimeException failure) {
        if (failure instanceof DiscoveryException || failure instanceof PeerHttpException) {
            return failure.getMessage();
        }
        if (failure instanceof IllegalArgumentException) {
            return "Message rejected: " + failure.getMessage();
        }
        return "Unexpected failure while sending (" + failure.getClass().getSimpleName() + ")";
    }
}
