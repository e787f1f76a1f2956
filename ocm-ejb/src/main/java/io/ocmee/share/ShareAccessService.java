package io.ocmee.share;

import io.ocmee.persistence.Clocks;
import io.ocmee.spi.ResourcePath;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Authorises a request for a share's resources on our WebDAV endpoint (OCM-NOTES §6, §8; checklist
 * S54–S58): the share is found by its opaque {@code providerId}, each presented credential (see
 * {@link PresentedCredentials}) is tried as an access token issued for that share by {@link
 * TokenExchangeService}, then as the share's secret; a share sent with {@code must-exchange-token}
 * refuses the secret. The share must still be live: revoked, declined, failed and expired shares
 * refuse everything. Every refusal is the same 401 for an unknown share and a wrong credential.
 */
@Stateless
// Open to anonymous callers: peers prove themselves by share credentials or signatures, checked
// here. Said explicitly because WildFly denies unannotated methods of beans in a security domain.
@PermitAll
public class ShareAccessService {

    private static final Logger LOG = Logger.getLogger(ShareAccessService.class.getName());

    private static final String INVALID =
            "Access rejected: no valid credentials for this share (send Authorization: Bearer"
                    + " <token>, or Basic with the shared secret as user name)";

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    /**
     * Finds the share a request addresses. When {@code providerId} names a share, the credentials
     * must open that share. When it names none (or is empty: the WebDAV root), the share is the one
     * whose secret or access token is presented, and the whole path lies inside it: the legacy
     * access of OCM-NOTES §8.1 step 5, where receivers that got the {@code options} shape (no
     * {@code uri}) address our WebDAV root with Basic {@code <secret>:} (Nextcloud, §11 Q9, Q20).
     *
     * @param providerId the first segment of the path below the WebDAV root (possibly empty)
     * @param authorization the request's {@code Authorization} field, or {@code null}
     * @return what the request may reach
     * @throws ShareAccessDeniedException (401) if it may reach nothing
     */
    public ShareGrant authorize(String providerId, String authorization) {
        List<String> candidates = PresentedCredentials.candidates(authorization);
        if (candidates.isEmpty()) {
            throw new ShareAccessDeniedException(INVALID);
        }
        Instant now = Clocks.storable().instant();
        OutgoingShare named =
                providerId == null || providerId.isEmpty()
                        ? null
                        : em.createNamedQuery(OutgoingShare.BY_PROVIDER_ID, OutgoingShare.class)
                                .setParameter("providerId", providerId)
                                .getResultStream()
                                .findFirst()
                                .orElse(null);
        OutgoingShare share = named != null ? named : shareOfCredential(candidates, now);
        if (share == null) {
            throw new ShareAccessDeniedException(INVALID);
        }
        boolean viaToken = check(share, candidates, now);
        OutgoingState state = share.state(now);
        if (!state.live()) {
            LOG.warning(
                    "OCM-0543 Access to share " + share.id() + " rejected: it is " + state.wire());
            throw new ShareAccessDeniedException(
                    "Access rejected: the share is " + state.wire() + " and can no longer be used");
        }
        return new ShareGrant(
                share.id(),
                share.providerId(),
                share.ownerName(),
                ResourcePath.parse(share.resourcePath()),
                share.resourceName(),
                "folder".equals(share.resourceType()),
                share.permissions(),
                viaToken,
                named == null);
    }

    /** The share whose access token or secret is among the candidates, if any. */
    private OutgoingShare shareOfCredential(List<String> candidates, Instant now) {
        for (String candidate : candidates) {
            String hash = Secrets.hash(candidate);
            AccessToken token = em.find(AccessToken.class, hash);
            if (token != null) {
                return em.find(OutgoingShare.class, token.shareId());
            }
            OutgoingShare bySecret =
                    em.createNamedQuery(OutgoingShare.BY_SECRET, OutgoingShare.class)
                            .setParameter("hash", hash)
                            .getResultStream()
                            .findFirst()
                            .orElse(null);
            if (bySecret != null) {
                return bySecret;
            }
        }
        return null;
    }

    /**
     * @return {@code true} if a token was accepted, {@code false} if the secret was
     * @throws ShareAccessDeniedException if no candidate is accepted
     */
    private boolean check(OutgoingShare share, List<String> candidates, Instant now) {
        boolean expiredToken = false;
        boolean strictSecret = false;
        for (String candidate : candidates) {
            String hash = Secrets.hash(candidate);
            AccessToken token = em.find(AccessToken.class, hash);
            if (token != null && token.shareId().equals(share.id())) {
                if (token.validAt(now)) {
                    return true;
                }
                expiredToken = true;
            } else if (sameHash(hash, share.secretHash())) {
                if (!share.mustExchangeToken()) {
                    return false;
                }
                strictSecret = true;
            }
        }
        if (strictSecret) {
            LOG.warning(
                    "OCM-0543 Access to share "
                            + share.id()
                            + " rejected: the raw secret was presented but the share requires an"
                            + " exchanged token");
            throw new ShareAccessDeniedException(
                    "Access rejected: this share requires an exchanged access token"
                            + " (must-exchange-token); the shared secret is not accepted here");
        }
        if (expiredToken) {
            throw new ShareAccessDeniedException(
                    "Access rejected: the access token has expired; exchange the code again");
        }
        throw new ShareAccessDeniedException(INVALID);
    }

    private static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
