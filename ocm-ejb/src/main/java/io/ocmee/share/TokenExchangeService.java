package io.ocmee.share;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.ProviderHost;
import io.ocmee.persistence.Clocks;
import io.ocmee.settings.OcmSettings;
import io.ocmee.trust.InboundPeer;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The token endpoint of the Code Flow (OCM-NOTES §6, checklist S46–S53): a receiving server trades
 * the shared secret of a share made with one of its users for a short-lived bearer token, which
 * then opens the share's WebDAV access.
 *
 * <p>Procedure: parse the form ({@link TokenRequest}); check {@code client_id} is a host and, when
 * the request was signed, the signer; find the share by the code's SHA-256; check the share is live
 * and unexpired ({@code invalid_grant}) and was made with a user of {@code client_id} ({@code
 * unauthorized_client}); issue 256 random bits, store their SHA-256 with an expiry of {@code
 * ocm.tokens.lifetime-seconds} (never past the share's own expiration), and count the exchange on
 * the share. Repeated exchanges are allowed and each gives a new token; earlier ones stay valid
 * until they expire. Expired tokens are purged at each exchange. Tokens of a share are revoked when
 * it is revoked or loses permissions ({@link #revokeAll}).
 *
 * <p>Logs {@code OCM-0540} (issued) and {@code OCM-0541} (refused, WARNING) with the share and
 * client, never the code or the token.
 */
@Stateless
// Open to anonymous callers: peers prove themselves by share credentials or signatures, checked
// here. Said explicitly because WildFly denies unannotated methods of beans in a security domain.
@PermitAll
public class TokenExchangeService {

    private static final Logger LOG = Logger.getLogger(TokenExchangeService.class.getName());

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @Inject private OcmSettings settings;

    /**
     * @param peer the server the signature check established (the claimed {@code client_id} for an
     *     unsigned request that policy allowed)
     * @param contentType the request's {@code Content-Type}
     * @param body the exact body
     * @return the new token
     * @throws TokenRefusedException with the RFC 6749 error code to answer
     */
    public IssuedToken exchange(InboundPeer peer, String contentType, byte[] body) {
        try {
            TokenRequest request = TokenRequest.parse(contentType, body);
            ProviderHost client = checkClient(peer, request.clientId());
            Instant now = Clocks.storable().instant();
            OutgoingShare share = findShare(request.code());
            checkGrant(share, client, now);
            return issue(share, client, now);
        } catch (TokenRefusedException e) {
            LOG.warning(
                    "OCM-0541 "
                            + e.getMessage()
                            + " ["
                            + e.error().wire()
                            + ", from "
                            + peer.peer().authority()
                            + "]");
            throw e;
        }
    }

    /**
     * Revokes every token of a share (it was revoked, or lost permissions).
     *
     * @param shareId our id of the share
     * @return how many tokens were revoked
     */
    public int revokeAll(String shareId) {
        return em.createNamedQuery(AccessToken.DELETE_OF_SHARE)
                .setParameter("shareId", shareId)
                .executeUpdate();
    }

    /**
     * Checks {@code client_id} (checklist S53): a host, and the signing server when signed.
     *
     * @return the client as a provider host
     * @throws TokenRefusedException {@code invalid_client}
     */
    static ProviderHost checkClient(InboundPeer peer, String clientId) {
        ProviderHost client;
        try {
            client = ProviderHost.parse(clientId);
        } catch (InvalidOcmAddressException e) {
            throw new TokenRefusedException(
                    TokenError.INVALID_CLIENT,
                    "Token request rejected: client_id is not a host[:port]");
        }
        if (peer.signed() && !peer.peer().authority().equals(client.authority())) {
            throw new TokenRefusedException(
                    TokenError.INVALID_CLIENT,
                    "Token request rejected: client_id names "
                            + client.authority()
                            + " but the request is signed by "
                            + peer.peer().authority());
        }
        return client;
    }

    /**
     * Checks that a share may be accessed by a client now.
     *
     * @param share the share the code belongs to, or {@code null} if it belongs to none
     * @throws TokenRefusedException {@code invalid_grant} for an unknown code or a share that is
     *     not live (revoked, declined, failed, expired); {@code unauthorized_client} for a share
     *     made with a user of another server
     */
    static void checkGrant(OutgoingShare share, ProviderHost client, Instant now) {
        if (share == null) {
            throw new TokenRefusedException(
                    TokenError.INVALID_GRANT, "Token request rejected: the code is not valid");
        }
        OutgoingState state = share.state(now);
        if (!state.live()) {
            throw new TokenRefusedException(
                    TokenError.INVALID_GRANT,
                    "Token request rejected: the share of this code is " + state.wire());
        }
        if (!share.peer().equals(client.authority())) {
            throw new TokenRefusedException(
                    TokenError.UNAUTHORIZED_CLIENT,
                    "Token request rejected: the share of this code was not made with a user of "
                            + client.authority());
        }
    }

    /**
     * @return when a token issued now expires: after the lifetime, but never after the share
     */
    static Instant expiry(Instant now, Duration lifetime, Optional<Instant> shareExpiry) {
        Instant end = now.plus(lifetime);
        return shareExpiry.filter(e -> e.isBefore(end)).orElse(end);
    }

    /** Locks the share row, so that concurrent exchanges of one code count one after the other. */
    private OutgoingShare findShare(String code) {
        return em.createNamedQuery(OutgoingShare.BY_SECRET, OutgoingShare.class)
                .setParameter("hash", Secrets.hash(code))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private IssuedToken issue(OutgoingShare share, ProviderHost client, Instant now) {
        em.createNamedQuery(AccessToken.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        String token = Secrets.newSecret();
        Instant expires = expiry(now, settings.tokenLifetime(), share.expiresAt());
        em.persist(
                new AccessToken(Secrets.hash(token), share.id(), client.authority(), now, expires));
        share.countTokenExchange();
        long seconds = Math.max(1, Duration.between(now, expires).toSeconds());
        LOG.log(
                Level.INFO,
                "OCM-0540 Access token issued for share {0} to {1}, valid {2} s",
                new Object[] {share.id(), client.authority(), seconds});
        return new IssuedToken(token, seconds);
    }
}
