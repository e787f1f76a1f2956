package io.ocmee.trust;

import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.Peers;
import io.ocmee.delivery.http.PeerHttpException;
import io.ocmee.delivery.http.PeerHttpResponse;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.settings.OcmSettings;
import io.ocmee.signature.ResolvedKey;
import io.ocmee.signature.jwk.JwkSetIndex;
import io.ocmee.signature.jwk.KeyFormatException;
import io.ocmee.signature.jwk.PemKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Peers' public keys: the JWK Set at their discovery {@code jwksUri} (falling back to {@code
 * /.well-known/jwks.json}, where Nextcloud 35 publishes and where OCM 1.3 to -06 put it), and the
 * legacy discovery {@code publicKey} for draft-cavage signatures. JWK Sets are cached for the
 * discovery TTL; a refetch forced by an unknown key id happens at most once per {@code
 * ocm.signature.jwks-refetch-interval-seconds} per peer, so that a stream of bogus key ids cannot
 * make this server hammer a peer. Thread-safe.
 */
@ApplicationScoped
public class PeerKeys {

    private static final Logger LOG = Logger.getLogger(PeerKeys.class.getName());

    @Inject private Peers peers;

    @Inject private OcmSettings settings;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, CachedSet> sets = new ConcurrentHashMap<>();

    private record CachedSet(JwkSetIndex index, Instant fetchedAt) {}

    /**
     * @param peer the signer
     * @param keyId the RFC 9421 {@code keyid}
     * @param refresh whether to refetch (discovery and JWK Set) when the cache has no such key
     * @return the key with its JWK {@code alg}, or empty if the peer publishes none with this id
     */
    public Optional<ResolvedKey> rfc9421Key(ProviderHost peer, String keyId, boolean refresh) {
        String authority = peer.authority();
        CachedSet cached = sets.get(authority);
        Instant now = clock.instant();
        boolean stale =
                cached == null
                        || cached.fetchedAt().plus(settings.discoveryCacheTtl()).isBefore(now);
        if (refresh && cached != null && !stale) {
            boolean tooSoon = cached.fetchedAt().plus(settings.jwksRefetchInterval()).isAfter(now);
            if (tooSoon) {
                return cached.index().find(keyId).map(ResolvedKey::fromJwk);
            }
        }
        if (cached == null || stale || refresh) {
            PeerDiscovery discovery = refresh ? peers.rediscover(peer) : peers.discover(peer);
            cached = new CachedSet(fetch(peer, discovery), now);
            sets.put(authority, cached);
        }
        return cached.index().find(keyId).map(ResolvedKey::fromJwk);
    }

    /**
     * @param peer the signer
     * @param keyId the cavage {@code keyId}
     * @param refresh whether to rediscover the peer first
     * @return the discovery {@code publicKey} if its {@code keyId} equals the request's
     */
    public Optional<ResolvedKey> cavageKey(ProviderHost peer, String keyId, boolean refresh) {
        PeerDiscovery discovery = refresh ? peers.rediscover(peer) : peers.discover(peer);
        return discovery
                .publicKey()
                .filter(key -> key.keyId().equals(keyId))
                .flatMap(
                        key -> {
                            try {
                                return Optional.of(
                                        ResolvedKey.fromPem(PemKeys.decode(key.publicKeyPem())));
                            } catch (KeyFormatException e) {
                                LOG.log(
                                        Level.WARNING,
                                        "OCM-0311 Peer {0} publishes an unusable publicKey: {1}",
                                        new Object[] {peer.authority(), e.getMessage()});
                                return Optional.empty();
                            }
                        });
    }

    private JwkSetIndex fetch(ProviderHost peer, PeerDiscovery discovery) {
        URI fallback = discovery.baseUri().resolve("/.well-known/jwks.json");
        URI primary = discovery.jwksUri().orElse(fallback);
        try {
            return download(primary);
        } catch (PeerHttpException | KeyFormatException e) {
            if (primary.equals(fallback)) {
                return failed(peer, e);
            }
            try {
                return download(fallback);
            } catch (PeerHttpException | KeyFormatException again) {
                return failed(peer, again);
            }
        }
    }

    private JwkSetIndex download(URI uri) {
        PeerHttpResponse response = peers.http().get(uri, Map.of("Accept", "application/json"));
        response.requireSuccess();
        return JwkSetIndex.parse(new String(response.body(), StandardCharsets.UTF_8));
    }

    private static JwkSetIndex failed(ProviderHost peer, RuntimeException e) {
        LOG.log(
                Level.WARNING,
                "OCM-0310 No usable JWK Set from {0}: {1}",
                new Object[] {peer.authority(), e.getMessage()});
        return JwkSetIndex.parse("{\"keys\":[]}");
    }
}
