package io.ocmee.discovery;

import io.ocmee.address.ProviderHost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Caches peers' discovery documents per provider ({@code host[:port]}), so the server fetches each
 * peer's discovery once per TTL rather than once per share (house style §12).
 *
 * <ul>
 *   <li>A success is kept for {@code successTtl}; a {@link DiscoveryException} is kept for {@code
 *       failureTtl} and re-thrown (as a new exception of the same kind, caused by the original) to
 *       every caller in that window, so an unreachable or disabled peer is not hammered.
 *   <li>Single flight: concurrent lookups of one provider share one fetch; the first caller runs it
 *       on its own thread, the others wait for its outcome (bounded by the HTTP timeouts).
 *   <li>{@link #refresh(ProviderHost)} fetches again at once, e.g. when a peer's signature names a
 *       key id we do not know (key rotation); a refresh already under way is joined rather than
 *       duplicated. Callers reacting to peer input should prefer {@link
 *       #refreshIfOlderThan(ProviderHost, Duration)} so a peer cannot force a fetch per request.
 *   <li>Unexpected failures (anything but {@link DiscoveryException}) are not cached.
 * </ul>
 *
 * <p>Expiry is judged with the injected {@link Clock}. Entries are not evicted on their own; call
 * {@link #purgeExpired()} periodically (known gap: there is no size bound, which is acceptable for
 * the few hundred peers a federation has, not for arbitrary user-supplied hosts).
 *
 * <p>Thread-safe.
 */
public final class PeerDirectory {

    private final DiscoveryClient client;
    private final Clock clock;
    private final Duration successTtl;
    private final Duration failureTtl;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param client fetches documents
     * @param clock judges expiry
     * @param successTtl how long a document is reused; zero disables caching of successes
     * @param failureTtl how long a failure is reused; zero disables negative caching
     * @throws IllegalArgumentException if a TTL is negative
     */
    public PeerDirectory(
            DiscoveryClient client, Clock clock, Duration successTtl, Duration failureTtl) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.successTtl = requireNotNegative(successTtl, "successTtl");
        this.failureTtl = requireNotNegative(failureTtl, "failureTtl");
    }

    /**
     * Returns the cached document, fetching it if absent or expired.
     *
     * @param provider the peer
     * @return its discovery document
     * @throws DiscoveryException if the fetch failed now or within {@code failureTtl}
     */
    public PeerDiscovery lookup(ProviderHost provider) {
        String key = provider.authority();
        while (true) {
            Entry current = entries.get(key);
            if (current != null && !current.isExpired(clock.instant())) {
                return current.await();
            }
            Entry fresh = new Entry();
            if (claim(key, current, fresh)) {
                return fetchInto(fresh, key, provider);
            }
        }
    }

    /**
     * @param authority {@code host[:port]}, possibly with a scheme (see {@link ProviderHost#parse})
     * @return as {@link #lookup(ProviderHost)}
     * @throws io.ocmee.address.InvalidOcmAddressException if {@code authority} is not a host
     * @throws DiscoveryException as {@link #lookup(ProviderHost)}
     */
    public PeerDiscovery lookup(String authority) {
        return lookup(ProviderHost.parse(authority));
    }

    /**
     * Fetches the document again now, whatever is cached, and caches the outcome. Joins a fetch of
     * the same provider that is already under way.
     *
     * @param provider the peer
     * @return its fresh discovery document
     * @throws DiscoveryException if the fetch fails
     */
    public PeerDiscovery refresh(ProviderHost provider) {
        return refreshIfOlderThan(provider, Duration.ZERO);
    }

    /**
     * Fetches the document again unless the cached outcome is younger than {@code minAge}.
     *
     * @param provider the peer
     * @param minAge cached outcomes younger than this are reused
     * @return the discovery document
     * @throws DiscoveryException if the fetch (or the reused outcome) failed
     */
    public PeerDiscovery refreshIfOlderThan(ProviderHost provider, Duration minAge) {
        String key = provider.authority();
        while (true) {
            Entry current = entries.get(key);
            if (current != null && current.isYoungerThan(minAge, clock.instant())) {
                return current.await();
            }
            Entry fresh = new Entry();
            if (claim(key, current, fresh)) {
                return fetchInto(fresh, key, provider);
            }
        }
    }

    /**
     * Forgets what is cached for a provider; the next lookup fetches.
     *
     * @param provider the peer
     */
    public void invalidate(ProviderHost provider) {
        entries.remove(provider.authority());
    }

    /**
     * @param provider the peer
     * @return the cached, unexpired document, without fetching
     */
    public Optional<PeerDiscovery> cached(ProviderHost provider) {
        Entry entry = entries.get(provider.authority());
        if (entry == null || entry.isExpired(clock.instant()) || !entry.isSuccess()) {
            return Optional.empty();
        }
        return Optional.of(entry.result.join());
    }

    /** Removes every expired entry; fetches under way are kept. */
    public void purgeExpired() {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> entry.isExpired(now));
    }

    private boolean claim(String key, Entry current, Entry fresh) {
        return current == null
                ? entries.putIfAbsent(key, fresh) == null
                : entries.replace(key, current, fresh);
    }

    private PeerDiscovery fetchInto(Entry entry, String key, ProviderHost provider) {
        try {
            PeerDiscovery discovery = client.discover(provider);
            entry.complete(discovery, clock.instant(), successTtl);
            return discovery;
        } catch (DiscoveryException e) {
            entry.fail(e, clock.instant(), failureTtl);
            throw e;
        } catch (RuntimeException | Error e) {
            entries.remove(key, entry);
            entry.result.completeExceptionally(e);
            throw e;
        }
    }

    private static Duration requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " rejected: " + value + " is negative");
        }
        return value;
    }

    /** One provider's fetch: in flight until {@link #completedAt} is set. */
    private static final class Entry {

        final CompletableFuture<PeerDiscovery> result = new CompletableFuture<>();
        private volatile Instant completedAt;
        private volatile Instant expiresAt;

        void complete(PeerDiscovery discovery, Instant now, Duration ttl) {
            stamp(now, ttl);
            result.complete(discovery);
        }

        void fail(DiscoveryException failure, Instant now, Duration ttl) {
            stamp(now, ttl);
            result.completeExceptionally(failure);
        }

        private void stamp(Instant now, Duration ttl) {
            expiresAt = now.plus(ttl);
            completedAt = now;
        }

        boolean isExpired(Instant now) {
            Instant completed = completedAt; // read first: expiresAt is written before it
            return completed != null && !now.isBefore(expiresAt);
        }

        boolean isYoungerThan(Duration minAge, Instant now) {
            Instant completed = completedAt;
            return completed == null || now.isBefore(completed.plus(minAge));
        }

        boolean isSuccess() {
            return result.isDone() && !result.isCompletedExceptionally();
        }

        PeerDiscovery await() {
            try {
                return result.join();
            } catch (CompletionException e) {
                throw rethrowable(e.getCause());
            }
        }

        private static RuntimeException rethrowable(Throwable cause) {
            if (cause instanceof DiscoveryException original) {
                return new DiscoveryException(
                        original.kind(), original.provider(), original.getMessage(), original);
            }
            return cause instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("discovery failed unexpectedly", cause);
        }
    }
}
