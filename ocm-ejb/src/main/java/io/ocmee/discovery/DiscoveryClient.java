package io.ocmee.discovery;

import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.http.PeerHttpClient;
import io.ocmee.delivery.http.PeerHttpException;
import io.ocmee.delivery.http.PeerHttpResponse;
import io.ocmee.discovery.DiscoveryException.Kind;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Fetches a peer's discovery document (notes §2.2, §11 Q1, Q2).
 *
 * <p>For each scheme in order, {@code GET <scheme>://<host[:port]>/.well-known/ocm}, then the
 * legacy {@code /ocm-provider/} (removed from the spec in -05, still the only path of Nextcloud ≤
 * 32 and older Reva). The default scheme order is {@code https}, then {@code http} only when the
 * HTTP client allows plain HTTP (test setups, notes §2.2 step 4); a test may fix the order, e.g.
 * {@code [http]} for a loopback server.
 *
 * <p>What ends the search:
 *
 * <ul>
 *   <li>a valid, enabled document: returned;
 *   <li>{@code OCM_DISABLED}, {@code TOO_LARGE} or {@code ADDRESS_REFUSED}: thrown at once (the
 *       peer answered for itself, or the address would be refused again);
 *   <li>{@code UNREACHABLE} or {@code TIMEOUT}: the next scheme is tried, skipping the other path,
 *       which would fail alike (an {@code https} handshake against a plain-HTTP test port hangs
 *       until the connect timeout, so the wait is at most one timeout per scheme);
 *   <li>{@code HTTP_ERROR}, {@code NOT_JSON}, {@code INVALID_DOCUMENT}: the next path is tried.
 * </ul>
 *
 * When every attempt fails, the most informative failure is thrown (a document that could not be
 * read beats an HTTP error, which beats a timeout, which beats no connection), with the others
 * attached as suppressed.
 *
 * <p>Every fetch is bounded by the HTTP client's timeouts and size cap. Thread-safe; does not cache
 * (see {@link PeerDirectory}).
 */
public final class DiscoveryClient {

    /** The discovery paths tried, in order. */
    public static final List<String> PATHS = List.of("/.well-known/ocm", "/ocm-provider/");

    private static final Set<Kind> FINAL =
            Set.of(Kind.OCM_DISABLED, Kind.TOO_LARGE, Kind.ADDRESS_REFUSED);
    private static final List<Kind> INFORMATIVE =
            List.of(
                    Kind.UNREACHABLE,
                    Kind.TIMEOUT,
                    Kind.HTTP_ERROR,
                    Kind.NOT_JSON,
                    Kind.INVALID_DOCUMENT);

    private final PeerHttpClient http;
    private final List<String> schemes;
    private final DiscoveryDocumentParser parser = new DiscoveryDocumentParser();

    /**
     * Uses {@code https}, then {@code http} if {@code http} allows plain HTTP.
     *
     * @param http the shared peer HTTP client
     */
    public DiscoveryClient(PeerHttpClient http) {
        this(http, http.settings().allowHttp() ? List.of("https", "http") : List.of("https"));
    }

    /**
     * @param http the shared peer HTTP client
     * @param schemes schemes to try, in order, e.g. {@code [http]} for a loopback test server
     * @throws IllegalArgumentException if {@code schemes} is empty, holds something other than
     *     {@code https}/{@code http}, or holds {@code http} while {@code http} forbids plain HTTP
     */
    public DiscoveryClient(PeerHttpClient http, List<String> schemes) {
        this.http = Objects.requireNonNull(http, "http");
        this.schemes = List.copyOf(schemes);
        if (this.schemes.isEmpty() || !Set.of("https", "http").containsAll(this.schemes)) {
            throw new IllegalArgumentException(
                    "schemes rejected: " + schemes + " must be a non-empty list of https/http");
        }
        if (this.schemes.contains("http") && !http.settings().allowHttp()) {
            throw new IllegalArgumentException(
                    "schemes rejected: http is listed but the HTTP client forbids plain HTTP");
        }
    }

    /**
     * @param provider the peer to discover
     * @return its normalised discovery document
     * @throws DiscoveryException if no attempt succeeds; its kind says why (see the type
     *     description)
     */
    public PeerDiscovery discover(ProviderHost provider) {
        List<DiscoveryException> failures = new ArrayList<>();
        for (String scheme : schemes) {
            for (String path : PATHS) {
                try {
                    return fetch(provider, provider.baseUri(scheme), path);
                } catch (DiscoveryException e) {
                    failures.add(e);
                    if (FINAL.contains(e.kind())) {
                        throw withSuppressed(e, failures);
                    }
                    if (e.kind() == Kind.UNREACHABLE || e.kind() == Kind.TIMEOUT) {
                        break;
                    }
                }
            }
        }
        throw withSuppressed(mostInformative(failures), failures);
    }

    /**
     * @param authority {@code host[:port]}, possibly with a scheme, as found in an OCM address,
     *     {@code recipientProvider}, {@code senderDomain} or {@code client_id}
     * @return its normalised discovery document
     * @throws io.ocmee.address.InvalidOcmAddressException if {@code authority} is not a host
     * @throws DiscoveryException as for {@link #discover(ProviderHost)}
     */
    public PeerDiscovery discover(String authority) {
        return discover(ProviderHost.parse(authority));
    }

    private PeerDiscovery fetch(ProviderHost provider, URI base, String path) {
        URI uri = URI.create(base + path);
        PeerHttpResponse response = get(provider, uri);
        if (!response.isSuccess()) {
            throw failure(Kind.HTTP_ERROR, provider, uri, "HTTP status " + response.status(), null);
        }
        return parser.parse(base, response.body());
    }

    private PeerHttpResponse get(ProviderHost provider, URI uri) {
        try {
            return http.get(uri, Map.of("Accept", "application/json"));
        } catch (PeerHttpException e) {
            throw failure(kindOf(e), provider, uri, e.getMessage(), e);
        }
    }

    private static Kind kindOf(PeerHttpException e) {
        return switch (e.kind()) {
            case ADDRESS_REFUSED, SCHEME_REFUSED -> Kind.ADDRESS_REFUSED;
            case TIMEOUT -> Kind.TIMEOUT;
            case TOO_LARGE -> Kind.TOO_LARGE;
            case REDIRECT_REFUSED, HTTP_STATUS -> Kind.HTTP_ERROR;
            case CONNECT_FAILED, IO_FAILED -> Kind.UNREACHABLE;
        };
    }

    private static DiscoveryException failure(
            Kind kind, ProviderHost provider, URI uri, String reason, Throwable cause) {
        return new DiscoveryException(
                kind,
                provider.authority(),
                "Discovery of " + provider.authority() + " failed: GET " + uri + ": " + reason,
                cause);
    }

    private static DiscoveryException mostInformative(List<DiscoveryException> failures) {
        return failures.stream()
                .max(Comparator.comparingInt(e -> INFORMATIVE.indexOf(e.kind())))
                .orElseThrow();
    }

    private static DiscoveryException withSuppressed(
            DiscoveryException chosen, List<DiscoveryException> failures) {
        failures.stream().filter(f -> f != chosen).forEach(chosen::addSuppressed);
        return chosen;
    }
}
