package io.ocmee.trust;

import io.ocmee.persistence.Clocks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The registry of remote OCM servers. Recording is done by the discovery machinery on behalf of any
 * caller; listing and changing trust are administrator operations.
 */
@Stateless
public class PeerService {

    private static final Logger LOG = Logger.getLogger(PeerService.class.getName());

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    private final Clock clock = Clocks.storable();

    /**
     * Records a successful discovery of a peer, creating its row on first sight.
     *
     * @param authority {@code host[:port]} of the peer
     * @param apiVersion its advertised {@code apiVersion}
     * @param endPoint its OCM {@code endPoint}
     * @param providerName its {@code provider} name, may be {@code null}
     * @param capabilities its normalised capabilities
     * @param criteria its normalised criteria
     * @return the peer after the update
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public PeerView recordDiscovery(
            String authority,
            String apiVersion,
            String endPoint,
            String providerName,
            Collection<String> capabilities,
            Collection<String> criteria) {
        Instant now = clock.instant();
        Peer peer = findOrCreate(authority, now);
        peer.recordDiscovery(
                apiVersion,
                endPoint,
                providerName,
                PeerView.join(capabilities),
                PeerView.join(criteria),
                now);
        return peer.toView();
    }

    /**
     * Records that a discovery of a known peer failed. A server that was never discovered is not
     * recorded: any user can ask for a lookup, and failures must not fill the registry.
     *
     * @param authority {@code host[:port]} of the peer
     * @param error the reason, already free of secrets
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String authority, String error) {
        findEntity(authority).ifPresent(peer -> peer.recordFailure(error, clock.instant()));
    }

    /**
     * Remembers that a peer has sent a valid signature: from now on its unsigned requests are
     * refused (OCM-NOTES §11 Q7).
     *
     * @param authority {@code host[:port]} of the peer
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markSigned(String authority) {
        Peer peer = findOrCreate(authority, clock.instant());
        if (!peer.hasSigned()) {
            LOG.info(
                    "OCM-0402 Peer "
                            + authority
                            + " signs its requests; unsigned ones are now refused");
        }
        peer.markSigned(clock.instant());
    }

    /**
     * @param authority {@code host[:port]} of the peer
     * @return whether the peer has ever sent a valid signature
     */
    public boolean hasSigned(String authority) {
        return findEntity(authority).map(Peer::hasSigned).orElse(false);
    }

    /**
     * @param authority {@code host[:port]} of the peer
     * @return what is known of it, if anything
     */
    public Optional<PeerView> find(String authority) {
        return findEntity(authority).map(Peer::toView);
    }

    /**
     * @return every known peer, ordered by authority
     */
    @RolesAllowed("ocm-admin")
    public List<PeerView> list() {
        return em.createNamedQuery(Peer.ALL, Peer.class).getResultList().stream()
                .map(Peer::toView)
                .toList();
    }

    /**
     * The servers this one trusts now, for pages that offer them as known servers (the WAYF page).
     * Open to anonymous callers: it reveals only what such a page shows anyway.
     *
     * @return the trusted peers, ordered by authority
     */
    public List<PeerView> trusted() {
        return em.createQuery(
                        "SELECT p FROM Peer p WHERE p.trustState = :state ORDER BY p.authority",
                        Peer.class)
                .setParameter("state", TrustState.TRUSTED)
                .getResultStream()
                .map(Peer::toView)
                .toList();
    }

    /**
     * Sets the trust state of a peer as an administrator, creating its row if needed.
     *
     * @param authority {@code host[:port]} of the peer
     * @param state the new state
     * @return the peer after the change
     */
    @RolesAllowed("ocm-admin")
    public PeerView changeTrust(String authority, TrustState state) {
        Peer peer = findOrCreate(authority, clock.instant());
        peer.changeTrust(state, TrustSource.ADMIN);
        LOG.info("OCM-0401 Peer " + authority + " is now " + state + " (set by an administrator)");
        return peer.toView();
    }

    private Optional<Peer> findEntity(String authority) {
        return em.createNamedQuery(Peer.BY_AUTHORITY, Peer.class)
                .setParameter("authority", authority)
                .getResultStream()
                .findFirst();
    }

    private Peer findOrCreate(String authority, Instant now) {
        return findEntity(authority)
                .orElseGet(
                        () -> {
                            Peer created = new Peer(authority, now);
                            em.persist(created);
                            return created;
                        });
    }
}
