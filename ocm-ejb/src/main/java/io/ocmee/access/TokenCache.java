package io.ocmee.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exchanged tokens of incoming shares, in memory only (never persisted: OCM-NOTES §6 forbids
 * keeping them beyond their lifetime, and a restart merely costs one new exchange). Keyed by our
 * share id. A token is handed out only while it is not {@linkplain ExchangedToken#dueForRenewal due
 * for renewal}; expired entries are dropped whenever a token is stored, and the cache never holds
 * more than {@value #MAX_ENTRIES} tokens (the soonest-expiring go first).
 *
 * <p>Thread-safe.
 */
public final class TokenCache {

    /** Most tokens held at once. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(ExchangedToken token, Duration lifetime) {}

    /** How long a failed exchange keeps a share that may fall back on its secret from retrying. */
    static final Duration FAILURE_MEMORY = Duration.ofSeconds(60);

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    /**
     * @param clock the time source for expiry
     */
    public TokenCache(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param shareId our id of the share
     * @return its token, if one is held and not due for renewal
     */
    public Optional<ExchangedToken> valid(String shareId) {
        Entry entry = tokens.get(shareId);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.token().dueForRenewal(clock.instant(), entry.lifetime())) {
            tokens.remove(shareId, entry);
            return Optional.empty();
        }
        return Optional.of(entry.token());
    }

    /**
     * @param shareId our id of the share
     * @param token its new token
     * @param lifetime the {@code expires_in} it came with
     */
    public void put(String shareId, ExchangedToken token, Duration lifetime) {
        Instant now = clock.instant();
        tokens.values().removeIf(e -> !now.isBefore(e.token().expiresAt()));
        while (tokens.size() >= MAX_ENTRIES) {
            tokens.entrySet().stream()
                    .min(
                            (a, b) ->
                                    a.getValue()
                                            .token()
                                            .expiresAt()
                                            .compareTo(b.getValue().token().expiresAt()))
                    .ifPresent(oldest -> tokens.remove(oldest.getKey()));
        }
        tokens.put(shareId, new Entry(token, lifetime));
    }

    /**
     * Forgets a share's token, e.g. after the sender refused it (401).
     *
     * @param shareId our id of the share
     * @param token the token that failed; a newer one stored meanwhile is kept
     */
    public void discard(String shareId, ExchangedToken token) {
        tokens.computeIfPresent(shareId, (id, e) -> e.token().equals(token) ? null : e);
    }

    /**
     * Remembers that an exchange for a share failed, so that a share which may use its secret
     * instead does not repeat a doomed exchange before each request for {@link #FAILURE_MEMORY}.
     *
     * @param shareId our id of the share
     */
    public void exchangeFailed(String shareId) {
        Instant now = clock.instant();
        failures.values().removeIf(until -> !now.isBefore(until));
        if (failures.size() < MAX_ENTRIES) {
            failures.put(shareId, now.plus(FAILURE_MEMORY));
        }
    }

    /**
     * @param shareId our id of the share
     * @return {@code true} if an exchange for it failed less than {@link #FAILURE_MEMORY} ago
     */
    public boolean exchangeFailedRecently(String shareId) {
        Instant until = failures.get(shareId);
        return until != null && clock.instant().isBefore(until);
    }

    /**
     * @return how many tokens are held
     */
    int size() {
        return tokens.size();
    }
}
