package io.ocmee.delivery;

import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.http.PeerHttpClient;
import io.ocmee.delivery.http.PeerHttpResponse;
import io.ocmee.delivery.http.PeerHttpSettings;
import io.ocmee.discovery.DiscoveryClient;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.discovery.PeerDirectory;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.keys.ServerKeyService;
import io.ocmee.settings.OcmSettings;
import io.ocmee.signature.OcmCavageRequestSigner;
import io.ocmee.signature.OcmRequestSigner;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.trust.PeerService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Inject private ServerKeyService keys;

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

    /**
     * Sends a request body to a peer, signed the way its discovery asks for (issue "Signed
     * requests", Outbound): RFC 9421 with our Ed25519 key when it advertises {@code http-sig};
     * draft-cavage with our RSA key when it only publishes a legacy {@code publicKey}; unsigned
     * only when it publishes neither.
     *
     * @param peer the receiving server
     * @param url the endpoint, normally below its discovery {@code endPoint}
     * @param contentType the body's media type
     * @param body the exact body bytes
     * @return the peer's response, whatever its status
     * @throws DiscoveryException if the peer cannot be discovered
     * @throws io.ocmee.delivery.http.PeerHttpException if the exchange fails
     */
    public PeerHttpResponse post(ProviderHost peer, URI url, String contentType, byte[] body) {
        PeerDiscovery discovery = discover(peer);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Accept", "application/json");
        signatureHeaders(discovery, url, body).lines().stream()
                .filter(line -> !isSetByClient(line.name(), line.value(), url))
                .forEach(line -> headers.put(line.name(), line.value()));
        return http.post(url, headers, body);
    }

    private HeaderFields signatureHeaders(PeerDiscovery discovery, URI url, byte[] body) {
        if (discovery.hasCapability("http-sig")) {
            return new OcmRequestSigner(keys.rfc9421SigningKey(), Clock.systemUTC())
                    .sign("POST", url, body);
        }
        if (discovery.publicKey().isPresent()) {
            return new OcmCavageRequestSigner(keys.cavageSigningKey(), Clock.systemUTC())
                    .sign("POST", url, body);
        }
        return HeaderFields.EMPTY;
    }

    /**
     * The JDK client sets {@code Host} and {@code Content-Length} itself; the signed values must be
     * the ones it sends, which is checked here rather than assumed.
     */
    private static boolean isSetByClient(String name, String value, URI url) {
        if (name.equalsIgnoreCase("Host")) {
            String sent = url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
            if (!sent.equalsIgnoreCase(value)) {
                throw new IllegalStateException("signed Host " + value + " differs from " + sent);
            }
            return true;
        }
        return false;
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
                                    found.criteria(),
                                    found.inviteAcceptDialog().map(URI::toString).orElse(null)));
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
