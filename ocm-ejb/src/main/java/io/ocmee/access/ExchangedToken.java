package io.ocmee.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token the sending server issued for one share in exchange for its secret (OCM-NOTES §6).
 * Opaque to us; held only in memory until it expires. {@link #toString()} never shows it.
 *
 * @param value the {@code access_token}
 * @param expiresAt when the sender said it expires ({@code expires_in} after receipt)
 */
public record ExchangedToken(String value, Instant expiresAt) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public ExchangedToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Whether the token should be exchanged again before use: it is re-exchanged when less than a
     * fifth of its lifetime, at most a minute, is left, so that a request never starts with a token
     * about to lapse (§6: no refresh tokens, repeat the exchange before expiry).
     *
     * @param now the current time
     * @param lifetime the lifetime it was issued with
     * @return {@code true} if it is expired or about to
     */
    boolean dueForRenewal(Instant now, Duration lifetime) {
        Duration margin = lifetime.dividedBy(5);
        if (margin.compareTo(Duration.ofMinutes(1)) > 0) {
            margin = Duration.ofMinutes(1);
        }
        return !now.isBefore(expiresAt.minus(margin));
    }

    @Override
    public String toString() {
        return "ExchangedToken[expiresAt=" + expiresAt + "]";
    }
}
