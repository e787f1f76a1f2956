package io.ocmee.trust;

import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.Peers;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.settings.OcmSettings;
import io.ocmee.signature.KeyResolver;
import io.ocmee.signature.OcmRequestVerifier;
import io.ocmee.signature.RejectionReason;
import io.ocmee.signature.SignatureRejectedException;
import io.ocmee.signature.SignatureScheme;
import io.ocmee.signature.VerificationPolicy;
import io.ocmee.signature.VerifiedSignature;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpMessage;
import io.ocmee.trust.RequestRejectedException.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which server an inbound OCM request comes from (OCM-NOTES §7.3, §10 R76–R87).
 *
 * <p>A signed request: the claimed sender (from the payload, see {@link SignerClaim}, else the host
 * of a URL-shaped key id) is discovered, its key found by key id ({@link PeerKeys}, one refetch on
 * an unknown id), the signature verified with the configured window, and its bytes checked against
 * replay. An unsigned request is accepted only from a claimed sender that does not advertise {@code
 * http-sig}, has never signed before, and only while {@code ocm.signature.must-use-http-sig} is
 * off.
 *
 * <p>A server that the trust policy blocks ({@link PeerService#decide}) is refused with {@code
 * PEER_BLOCKED}: the server the payload names is checked before any discovery, the established one
 * again after the check.
 *
 * <p>Every refusal is logged once at WARNING with the peer, the reason and the request path, never
 * with signature or key material. Thread-safe.
 */
@ApplicationScoped
public class RequestVerificationService {

    private static final Logger LOG = Logger.getLogger(RequestVerificationService.class.getName());

    @Inject private OcmSettings settings;

    @Inject private Peers peers;

    @Inject private PeerKeys keys;

    @Inject private PeerService registry;

    @Inject private SecretHolders secretHolders;

    @Inject private io.ocmee.operations.FederationCounters counters;

    private static final Pattern KEY_ID =
            Pattern.compile("keyid=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final Clock clock = Clock.systemUTC();
    private final ReplayCache replays = new ReplayCache();

    /**
     * @param request the received request
     * @param claim where its payload names its sender
     * @return the established peer
     * @throws RequestRejectedException if the request must be refused
     */
    public InboundPeer verify(InboundRequest request, SignerClaim claim) {
        try {
            Optional<ProviderHost> claimed = claim.claimed(request.body());
            claimed.ifPresent(this::requireNotBlocked);
            HeaderFields fields = fields(request.headers());
            InboundPeer established =
                    isSigned(fields)
                            ? signed(request, fields, claimed)
                            : unsigned(request, claimed.or(() -> holderOfSecret(request, claim)));
            requireNotBlocked(established.peer());
            return established;
        } catch (RequestRejectedException e) {
            counters.signatureFailure();
            LOG.warning(
                    "OCM-0320 "
                            + e.getMessage()
                            + " ["
                            + e.reason()
                            + ", "
                            + request.method()
                            + " "
                            + request.targetUri().getRawPath()
                            + "]");
            throw e;
        }
    }

    /**
     * A blocked server (OCM-NOTES §9.1; deny list or administrator) is refused before anything is
     * fetched from it or recorded about it.
     */
    private void requireNotBlocked(ProviderHost server) {
        TrustDecision trust = registry.decide(server);
        if (trust.blocked()) {
            throw reject(
                    Reason.PEER_BLOCKED,
                    server.authority()
                            + " is blocked by this server's trust policy ("
                            + trust.reason()
                            + ")");
        }
    }

    private InboundPeer unsigned(InboundRequest request, Optional<ProviderHost> claimed) {
        if (settings.mustUseHttpSig()) {
            throw reject(Reason.SIGNATURE_MISSING, "this server requires signed requests");
        }
        ProviderHost peer =
                claimed.orElseThrow(
                        () ->
                                reject(
                                        Reason.SIGNATURE_MISSING,
                                        "unsigned, and the payload names no sending server"));
        PeerDiscovery discovery = discover(peer, Reason.SIGNATURE_MISSING);
        if (discovery.hasCapability("http-sig")) {
            throw reject(
                    Reason.SIGNATURE_MISSING,
                    peer.authority() + " advertises http-sig but the request is unsigned");
        }
        if (registry.hasSigned(peer.authority())) {
            throw reject(
                    Reason.SIGNATURE_MISSING,
                    peer.authority() + " signed before; unsigned requests from it are refused");
        }
        return new InboundPeer(peer, Optional.empty());
    }

    /**
     * An unsigned legacy notification names no server; the share its {@code
     * notification.sharedSecret} belongs to does (see {@link SecretHolders}).
     */
    private Optional<ProviderHost> holderOfSecret(InboundRequest request, SignerClaim claim) {
        if (claim != SignerClaim.NOTIFICATION) {
            return Optional.empty();
        }
        return SignerClaim.legacySecret(request.body()).flatMap(secretHolders::counterpartOf);
    }

    private InboundPeer signed(
            InboundRequest request, HeaderFields fields, Optional<ProviderHost> claimed) {
        ProviderHost peer =
                claimed.or(() -> hostOfKeyId(fields))
                        .orElseThrow(
                                () ->
                                        reject(
                                                Reason.SIGNER_UNKNOWN,
                                                "cannot tell which server signed: the payload names"
                                                        + " none and the key id is not a URL"));
        KeyResolver resolver =
                (keyId, refresh, scheme) ->
                        scheme == SignatureScheme.CAVAGE
                                ? keys.cavageKey(peer, keyId, refresh)
                                : keys.rfc9421Key(peer, keyId, refresh);
        VerifiedSignature verified = verifySignature(request, fields, peer, resolver);
        checkNotReplayed(verified, peer);
        recordSigned(peer);
        return new InboundPeer(peer, Optional.of(verified.scheme()));
    }

    /**
     * Records that the peer signs. Concurrent first requests of one peer race for its row; the
     * loser's failure is harmless once the winner has recorded it, so only then is it ignored;
     * before that the loser tries again (at most three times in all).
     */
    private void recordSigned(ProviderHost peer) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                registry.markSigned(peer.authority());
                return;
            } catch (RuntimeException e) {
                // The winner may not have committed yet when the loser looks: try again, in a
                // new transaction, which then finds the winner's row.
                last = e;
                if (registry.hasSigned(peer.authority())) {
                    return;
                }
            }
        }
        throw last;
    }

    private VerifiedSignature verifySignature(
            InboundRequest request, HeaderFields fields, ProviderHost peer, KeyResolver resolver) {
        VerificationPolicy policy =
                VerificationPolicy.DEFAULT.withWindow(
                        settings.signatureMaxFutureSkew(), settings.signatureMaxAge());
        OcmRequestVerifier verifier = new OcmRequestVerifier(resolver, clock, policy);
        HttpMessage message = HttpMessage.request(request.method(), request.targetUri(), fields);
        try {
            return verifier.verify(message, request.body());
        } catch (SignatureRejectedException e) {
            throw reject(map(e.reason()), "from " + peer.authority() + ": " + e.getMessage());
        } catch (DiscoveryException e) {
            throw reject(
                    Reason.KEY_NOT_FOUND,
                    "the keys of " + peer.authority() + " could not be fetched: " + e.kind());
        }
    }

    private void checkNotReplayed(VerifiedSignature verified, ProviderHost peer) {
        Instant now = clock.instant();
        Instant expires = verified.created().plus(settings.signatureMaxAge());
        if (!replays.firstSight(verified.signature(), expires, now)) {
            throw reject(
                    Reason.SIGNATURE_REPLAYED,
                    "a signature from " + peer.authority() + " was presented twice");
        }
    }

    private PeerDiscovery discover(ProviderHost peer, Reason reason) {
        try {
            return peers.discover(peer);
        } catch (DiscoveryException e) {
            throw reject(
                    reason,
                    "unsigned, and "
                            + peer.authority()
                            + " cannot be discovered ("
                            + e.kind()
                            + ")");
        }
    }

    private static boolean isSigned(HeaderFields fields) {
        return fields.contains("Signature-Input")
                || fields.contains("Signature")
                || fields.values("Authorization").stream()
                        .anyMatch(v -> v.regionMatches(true, 0, "Signature ", 0, 10));
    }

    /** Nextcloud-style key ids are URLs of the signing server, {@code https://host/ocm#...}. */
    private static Optional<ProviderHost> hostOfKeyId(HeaderFields fields) {
        String all =
                String.join(",", fields.values("Signature-Input"))
                        + ","
                        + String.join(",", fields.values("Signature"))
                        + ","
                        + String.join(",", fields.values("Authorization"));
        Matcher keyId = KEY_ID.matcher(all);
        if (!keyId.find()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(keyId.group(1));
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(ProviderHost.parse(uri.getRawAuthority()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static HeaderFields fields(Map<String, List<String>> headers) {
        HeaderFields.Builder builder = HeaderFields.builder();
        headers.forEach((name, values) -> values.forEach(value -> builder.add(name, value)));
        return builder.build();
    }

    private static Reason map(RejectionReason reason) {
        return switch (reason) {
            case SIGNATURE_MISSING -> Reason.SIGNATURE_MISSING;
            case SIGNATURE_MALFORMED, PARAMETER_MISSING -> Reason.SIGNATURE_MALFORMED;
            case KEY_NOT_FOUND -> Reason.KEY_NOT_FOUND;
            case DIGEST_MISSING -> Reason.DIGEST_MISSING;
            case DIGEST_MALFORMED, DIGEST_MISMATCH, CONTENT_LENGTH_MISMATCH ->
                    Reason.DIGEST_MISMATCH;
            case SIGNATURE_EXPIRED -> Reason.SIGNATURE_EXPIRED;
            case SIGNATURE_FROM_FUTURE -> Reason.SIGNATURE_FROM_FUTURE;
            case COMPONENT_MISSING -> Reason.COMPONENT_MISSING;
            case MULTIPLE_SIGNATURES -> Reason.MULTIPLE_SIGNATURES;
            case ALGORITHM_MISMATCH -> Reason.ALGORITHM_MISMATCH;
            case ALGORITHM_REFUSED -> Reason.ALGORITHM_REFUSED;
            default -> Reason.SIGNATURE_INVALID;
        };
    }

    private static RequestRejectedException reject(Reason reason, String detail) {
        return new RequestRejectedException(reason, "Request rejected: " + detail);
    }
}
