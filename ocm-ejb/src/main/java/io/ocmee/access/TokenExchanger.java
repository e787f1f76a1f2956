package io.ocmee.access;

import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.http.PeerHttpResponse;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The receiving server's half of the code flow (OCM-NOTES §6, checklist R101, R107): sends {@code
 * grant_type=authorization_code}, {@code client_id=<our host[:port]>} and {@code code=<shared
 * secret>} form-encoded to the sender's {@code tokenEndPoint}, signed the way the sender's
 * discovery asks for (through {@link SignedPoster}, in production {@code Peers.post}), and reads
 * {@code {"access_token", "token_type", "expires_in"}}.
 *
 * <p>Accepted answers: 200 with a non-empty token of visible ASCII characters, {@code token_type}
 * {@code Bearer} (any case; a missing type is taken as Bearer) and a positive {@code expires_in}. A
 * missing {@code expires_in} counts as {@value #DEFAULT_LIFETIME_SECONDS} s; longer lifetimes than
 * a day are shortened to a day (the token is then simply exchanged again). Anything else is a
 * refusal carrying the status and, when the sender gave one, its RFC 6749 {@code error} code
 * (Nextcloud answers 401 rather than 400, §11 Q17).
 *
 * <p>Thread-safe. The code and the token are never put in messages.
 */
public final class TokenExchanger {

    /** Lifetime assumed when the sender gives no {@code expires_in}. */
    static final long DEFAULT_LIFETIME_SECONDS = 300;

    private static final Duration MAX_LIFETIME = Duration.ofDays(1);

    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,8192}");

    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    /** Sends a signed POST to a peer; {@code Peers::post} in production. */
    @FunctionalInterface
    public interface SignedPoster {
        /**
         * @param peer the peer
         * @param url the endpoint
         * @param contentType the body's media type
         * @param body the exact body bytes
         * @return the peer's response, whatever its status
         */
        PeerHttpResponse post(ProviderHost peer, URI url, String contentType, byte[] body);
    }

    /** What an exchange produced. */
    public sealed interface Outcome {}

    /**
     * The sender issued a token.
     *
     * @param token the token and its expiry
     * @param lifetime the lifetime it was issued with
     */
    public record Issued(ExchangedToken token, Duration lifetime) implements Outcome {}

    /**
     * The sender refused, or answered something unusable.
     *
     * @param status the HTTP status
     * @param error the RFC 6749 {@code error} code, if the sender gave a plausible one
     */
    public record Refused(int status, Optional<String> error) implements Outcome {

        /**
         * @return e.g. {@code HTTP 400 invalid_grant}
         */
        public String describe() {
            return "HTTP " + status + error.map(e -> " " + e).orElse("");
        }
    }

    private final SignedPoster poster;
    private final String clientId;
    private final Clock clock;

    /**
     * @param poster sends the signed request
     * @param clientId our {@code host[:port]}, the {@code client_id}
     * @param clock the time source for the expiry
     */
    public TokenExchanger(SignedPoster poster, String clientId, Clock clock) {
        this.poster = Objects.requireNonNull(poster, "poster");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param sender the sending server
     * @param tokenEndPoint its advertised {@code tokenEndPoint}
     * @param sharedSecret the share's secret, sent as {@code code}
     * @return the token, or the refusal
     * @throws io.ocmee.delivery.http.PeerHttpException if the exchange itself fails
     * @throws io.ocmee.discovery.DiscoveryException if the sender cannot be discovered for signing
     */
    public Outcome exchange(ProviderHost sender, URI tokenEndPoint, String sharedSecret) {
        byte[] body = formBody(clientId, sharedSecret);
        PeerHttpResponse response =
                poster.post(sender, tokenEndPoint, "application/x-www-form-urlencoded", body);
        return read(response);
    }

    /**
     * @param clientId our host
     * @param code the shared secret
     * @return {@code grant_type=authorization_code&client_id=...&code=...}, form-encoded UTF-8
     */
    static byte[] formBody(String clientId, String code) {
        String form =
                "grant_type=authorization_code&client_id="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                        + "&code="
                        + URLEncoder.encode(code, StandardCharsets.UTF_8);
        return form.getBytes(StandardCharsets.UTF_8);
    }

    private Outcome read(PeerHttpResponse response) {
        Optional<JsonObject> json = object(response.body());
        if (response.status() != 200 || json.isEmpty()) {
            return new Refused(response.status(), json.flatMap(TokenExchanger::errorCode));
        }
        JsonObject answer = json.get();
        Optional<String> token =
                text(answer, "access_token").filter(t -> TOKEN.matcher(t).matches());
        Optional<String> type = text(answer, "token_type");
        if (token.isEmpty() || (type.isPresent() && !type.get().equalsIgnoreCase("Bearer"))) {
            return new Refused(response.status(), Optional.empty());
        }
        Optional<Duration> lifetime = lifetime(answer);
        if (lifetime.isEmpty()) {
            return new Refused(response.status(), Optional.empty());
        }
        return new Issued(
                new ExchangedToken(token.get(), clock.instant().plus(lifetime.get())),
                lifetime.get());
    }

    private static Optional<Duration> lifetime(JsonObject answer) {
        JsonValue value = answer.get("expires_in");
        if (value == null || value == JsonValue.NULL) {
            return Optional.of(Duration.ofSeconds(DEFAULT_LIFETIME_SECONDS));
        }
        long seconds;
        if (value instanceof JsonNumber number && number.isIntegral()) {
            seconds = number.longValue();
        } else if (value instanceof JsonString text && text.getString().matches("\\d{1,9}")) {
            seconds = Long.parseLong(text.getString());
        } else {
            return Optional.empty();
        }
        if (seconds <= 0) {
            return Optional.empty();
        }
        Duration lifetime = Duration.ofSeconds(Math.min(seconds, MAX_LIFETIME.toSeconds()));
        return Optional.of(lifetime);
    }

    private static Optional<String> errorCode(JsonObject json) {
        return text(json, "error").filter(e -> ERROR_CODE.matcher(e).matches());
    }

    private static Optional<String> text(JsonObject json, String name) {
        return json.get(name) instanceof JsonString text
                ? Optional.of(text.getString())
                : Optional.empty();
    }

    private static Optional<JsonObject> object(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue() instanceof JsonObject json
                    ? Optional.of(json)
                    : Optional.empty();
        } catch (RuntimeException e) { // parser failures of any kind, nesting limit included
            return Optional.empty();
        }
    }
}
