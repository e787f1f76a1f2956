package io.ocmee.delivery;

import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.http.PeerHttpClient;
import io.ocmee.delivery.http.PeerHttpSettings;
import io.ocmee.discovery.DiscoveryClient;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.discovery.PeerDirectory;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.settings.OcmSettings;
import io.ocmee.trust.PeerService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server's one way to other OCM servers: the shared {@link PeerHttpClient} (timeouts, size
 * cap, address policy from the {@code ocm.outbound.*} settings) and the cached {@link
 * PeerDirectory} of their discovery documents. Every discovery is recorded in the peer registry
 * ({@link PeerService}), successes and failures alike.
 *
 * <p>Thread-safe: the client and the directory are.
 */
@ApplicationScoped
public class Peers {

    private static final Logger LOG = Logger.getLogger(Peers.class.getName());

    @Inject private OcmSettings settings;

    @Inject private PeerService registry;

    private PeerHttpClient http;
    private PeerDirectory directory;

    @PostConstruct
    void init() {
        PeerHttpSettings httpSettings =
                new PeerHttpSettings(
                        settings.outboundConnectTimeout(),
                        settings.outboundReadTimeout(),
                        settings.outboundMaxResponseBytes(),
                        PeerHttpSettings.defaults().maxRedirects(),
                        settings.outboundAllowHttp(),
                        settings.outboundAllowLoopback(),
                        settings.outboundAllowPrivate());
        http = new PeerHttpClient(httpSettings);
        directory =
                new PeerDirectory(
                        new DiscoveryClient(http),
                        Clock.systemUTC(),
                        settings.discoveryCacheTtl(),
                        settings.discoveryFailureTtl());
    }

    /**
     * @return the shared outbound client; callers add their own (signing) headers
     */
    public PeerHttpClient http() {
        return http;
    }

    /**
     * Discovers a peer, from the cache when fresh, and records the outcome.
     *
     * @param peer the peer's {@code host[:port]}
     * @return its discovery document, normalised
     * @throws DiscoveryException if it cannot be discovered (typed by {@link
     *     DiscoveryException#kind()})
     */
    public PeerDiscovery discover(ProviderHost peer) {
        return record(peer, () -> directory.lookup(peer));
    }

    /**
     * Discovers a peer again, bypassing the cache (after an unknown key id, for example).
     *
     * @param peer the peer's {@code host[:port]}
     * @return its fresh discovery document
     * @throws DiscoveryException if it cannot be discovered
     */
    public PeerDiscovery rediscover(ProviderHost peer) {
        return record(peer, () -> directory.refresh(peer));
    }

    private PeerDiscovery record(ProviderHost peer, java.util.function.Supplier<PeerDiscovery> op) {
        String authority = peer.authority();
        try {
            PeerDiscovery found = op.get();
            bookkeeping(
                    authority,
                    () ->
                            registry.recordDiscovery(
                                    authority,
                                    found.apiVersion(),
                                    found.endPoint().toString(),
                                    found.provider().orElse(null),
                                    found.capabilities(),
                                    found.criteria()));
            return found;
        } catch (DiscoveryException e) {
            LOG.log(
                    Level.INFO,
                    "OCM-0301 Discovery of {0} failed ({1}): {2}",
                    new Object[] {authority, e.kind(), e.getMessage()});
            bookkeeping(
                    authority,
                    () -> registry.recordFailure(authority, e.kind() + ": " + e.getMessage()));
            throw e;
        }
    }

    /** Recording a peer must never fail the exchange it describes (e.g. two first sightings). */
    private static void bookkeeping(String authority, Runnable record) {
        try {
            record.run();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "OCM-0302 Could not record peer " + authority + " in the registry",
                    e);
        }
    }
}
