package io.ocmee.trust;

import io.ocmee.address.HostPattern;
import io.ocmee.address.ProviderHost;
import io.ocmee.persistence.Clocks;
import io.ocmee.settings.OcmSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The registry of remote OCM servers and the trust policy over it (OCM-NOTES §9.1). Recording is
 * done by the discovery machinery on behalf of any caller; listing every peer and changing trust
 * are administrator operations. Views show the effective trust: the administrator's decision for a
 * server, else the {@code ocm.trust.deny} and {@code ocm.trust.allow} settings, else an accepted
 * invite (see {@link #decide}).
 *
 * <p>Security: open to every caller ({@code @PermitAll} on the class), also the outbox's timer and
 * unauthenticated protocol requests; the administrator operations say {@code @RolesAllowed}. The
 * class-level {@code @PermitAll} is needed for portability: WildFly denies unannotated methods of a
 * bean that has any {@code @RolesAllowed} method, Payara leaves them unchecked.
 */
@Stateless
@PermitAll
public class PeerService {

    private static final Logger LOG = Logger.getLogger(PeerService.class.getName());

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    /** How stale {@code lastSeen} may get before a signed request updates it. */
    private static final Duration LAST_SEEN_GRANULARITY = Duration.ofSeconds(60);

    @Inject private OcmSettings settings;

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
        return recordDiscovery(
                authority, apiVersion, endPoint, providerName, capabilities, criteria, null);
    }

    /**
     * Records a successful discovery of a peer, creating its row on first sight.
     *
     * @param authority {@code host[:port]} of the peer
     * @param apiVersion its advertised {@code apiVersion}
     * @param endPoint its OCM {@code endPoint}
     * @param providerName its {@code provider} name, may be {@code null}
     * @param capabilities its normalised capabilities
     * @param criteria its normalised criteria
     * @param inviteAcceptDialog its absolute {@code inviteAcceptDialog}, may be {@code null}
     * @return the peer after the update
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public PeerView recordDiscovery(
            String authority,
            String apiVersion,
            String endPoint,
            String providerName,
            Collection<String> capabilities,
            Collection<String> criteria,
            String inviteAcceptDialog) {
        Instant now = clock.instant();
        Peer peer = findOrCreate(authority, now);
        boolean unchanged =
                peer.sameDiscovery(
                        apiVersion,
                        endPoint,
                        providerName,
                        PeerView.join(capabilities),
                        PeerView.join(criteria),
                        inviteAcceptDialog);
        if (unchanged && peer.lastSeen().isAfter(now.minus(LAST_SEEN_GRANULARITY))) {
            // A cached discovery is recorded on every request; rewriting the same row each time
            // would only make concurrent requests of one peer race for it.
            return view(peer);
        }
        peer.recordDiscovery(
                apiVersion,
                endPoint,
                providerName,
                PeerView.join(capabilities),
                PeerView.join(criteria),
                inviteAcceptDialog,
                now);
        return view(peer);
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
     * refused (OCM-NOTES §11 Q7). Also moves {@code lastSeen}, at most once a minute.
     *
     * @param authority {@code host[:port]} of the peer
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markSigned(String authority) {
        Instant now = clock.instant();
        Peer peer = findOrCreate(authority, now);
        if (!peer.hasSigned()) {
            LOG.info(
                    "OCM-0402 Peer "
                            + authority
                            + " signs its requests; unsigned ones are now refused");
        } else if (peer.lastSeen().isAfter(now.minus(LAST_SEEN_GRANULARITY))) {
            // Nothing to change: a busy peer's every request need not update its row (and
            // concurrent requests would only race for it).
            return;
        }
        peer.markSigned(now);
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
        return findEntity(authority).map(this::view);
    }

    /**
     * Decides how far a server is trusted now (see {@link TrustDecision} for the order of the
     * rules). Reads only; a server never seen is decided by the settings alone.
     *
     * @param server the server
     * @return the decision
     */
    public TrustDecision decide(ProviderHost server) {
        return decide(server, findEntity(server.authority()));
    }

    /**
     * Marks a server trusted because a user exchanged an invite with it (OCM-NOTES §5.3
     * "Afterwards": servers MAY allowlist each other), when {@code ocm.trust.invite-makes-trusted}
     * is on. An administrator's decision and a blocked server are left as they are. Joins the
     * caller's transaction, so it is undone with the acceptance it belongs to.
     *
     * @param server the other server of the invite
     * @return the decision after the change
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public TrustDecision trustByInvite(ProviderHost server) {
        Optional<Peer> existing = findEntity(server.authority());
        TrustDecision before = decide(server, existing);
        if (!settings.trustInviteMakesTrusted()
                || before.source() == TrustSource.ADMIN
                || before.blocked()) {
            return before;
        }
        Peer peer = existing.orElseGet(() -> findOrCreate(server.authority(), clock.instant()));
        if (peer.trustState() != TrustState.TRUSTED) {
            peer.changeTrust(TrustState.TRUSTED, TrustSource.INVITE);
            LOG.info(
                    "OCM-0403 Peer "
                            + server.authority()
                            + " is now TRUSTED (an invite was exchanged with it)");
        }
        return decide(server, Optional.of(peer));
    }

    /**
     * @return the servers trusted now, for pages that let users pick their server (the WAYF page);
     *     no administrator role needed, since it reveals only names and public URLs
     */
    @PermitAll
    public List<PeerView> listTrusted() {
        return em.createNamedQuery(Peer.ALL, Peer.class).getResultList().stream()
                .map(this::view)
                .filter(p -> p.trustState() == TrustState.TRUSTED)
                .toList();
    }

    /**
     * @return every known peer, ordered by authority
     */
    @RolesAllowed("ocm-admin")
    public List<PeerView> list() {
        return em.createNamedQuery(Peer.ALL, Peer.class).getResultList().stream()
                .map(this::view)
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
        return view(peer);
    }

    private PeerView view(Peer peer) {
        return peer.toView(decide(parse(peer), Optional.of(peer)));
    }

    private static ProviderHost parse(Peer peer) {
        return ProviderHost.parse(peer.toView().authority());
    }

    private TrustDecision decide(ProviderHost server, Optional<Peer> peer) {
        Optional<Peer> admin =
                peer.filter(
                        p ->
                                p.trustSource() == TrustSource.ADMIN
                                        && p.trustState() != TrustState.UNKNOWN);
        if (admin.isPresent()) {
            return new TrustDecision(
                    admin.get().trustState(), TrustSource.ADMIN, "set by an administrator");
        }
        if (HostPattern.anyMatches(settings.trustDeny(), server)) {
            return new TrustDecision(
                    TrustState.BLOCKED, TrustSource.SETTING, "on the deny list (ocm.trust.deny)");
        }
        if (HostPattern.anyMatches(settings.trustAllow(), server)) {
            return new TrustDecision(
                    TrustState.TRUSTED, TrustSource.SETTING, "on the allow list (ocm.trust.allow)");
        }
        if (peer.isPresent()
                && peer.get().trustState() == TrustState.TRUSTED
                && peer.get().trustSource() == TrustSource.INVITE) {
            return new TrustDecision(
                    TrustState.TRUSTED, TrustSource.INVITE, "an invite was exchanged with it");
        }
        return new TrustDecision(TrustState.UNKNOWN, null, "neither trusted nor blocked");
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
