package io.ocmee.share;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.OcmAddress;
import io.ocmee.delivery.Peers;
import io.ocmee.delivery.outbox.OutboundMessage;
import io.ocmee.delivery.outbox.Outbox;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.notification.NotificationType;
import io.ocmee.persistence.Clocks;
import io.ocmee.settings.OcmSettings;
import io.ocmee.spi.Access;
import io.ocmee.spi.InvalidResourcePathException;
import io.ocmee.spi.LocalUser;
import io.ocmee.spi.ResourceInfo;
import io.ocmee.spi.ResourcePath;
import io.ocmee.spi.ResourceStorage;
import io.ocmee.spi.UserDirectory;
import io.ocmee.trust.PeerService;
import io.ocmee.trust.TrustDecision;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sending role (OCM-NOTES §3.2–§3.4, §4): a local user shares a file or folder of their space
 * with a user or group of another server, changes its permissions, or revokes it.
 *
 * <p>A share is made in one transaction: the receiver is discovered first (§3.2, see {@link
 * SharePlan}), a secret of 256 random bits and a new {@code providerId} are drawn, the share is
 * stored with the secret's SHA-256 only, and the Share Creation Notification is queued in the
 * outbox in the same transaction (checklist S45, Q18); the secret exists in clear only in that
 * queued body. {@link ShareDeliveryObserver} then records the delivery outcome. Changes and
 * revocations are queued as {@code SHARE_CHANGE_PERMISSION} and {@code SHARE_UNSHARED}; a revoked
 * share is unusable at once, whether or not the notification arrives (S58); revoking it, or taking
 * a permission away, also revokes the access tokens issued for it ({@link TokenExchangeService}).
 */
@Stateless
@RolesAllowed("ocm-user")
public class OutgoingShareService {

    private static final Logger LOG = Logger.getLogger(OutgoingShareService.class.getName());

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @Resource private SessionContext session;

    @Inject private OcmSettings settings;

    @Inject private UserDirectory directory;

    @Inject private ResourceStorage storage;

    @Inject private Peers peers;

    @Inject private Outbox outbox;

    @Inject private ShareNotifier notifier;

    @Inject private io.ocmee.integration.HostEvents events;

    @Inject private PeerService trust;

    /**
     * Shares a file or folder of the caller.
     *
     * @param request what to share with whom
     * @return the new share, {@code pending}
     * @throws ShareRefusedException 400 for bad input or a share the receiver cannot take, 404 when
     *     nothing is at the path, 502 when the receiver is not a usable OCM server
     */
    public OutgoingShareView create(NewShareRequest request) {
        String owner = caller();
        OcmAddress shareWith = recipient(request.shareWith());
        Set<Permissions> permissions = permissions(request.permissions());
        Optional<Instant> expiration = expiration(request.expiration());
        String shareType = shareType(request.shareType());
        ResourceInfo resource = resource(owner, request.path());
        String resourceType = resource.folder() ? "folder" : "file";

        SharePlan plan =
                SharePlan.plan(
                        discover(shareWith), resourceType, shareType, request.mustExchangeToken());
        LocalUser user =
                directory.find(owner).orElse(new LocalUser(owner, owner, Optional.empty()));
        ShareDraft draft =
                new ShareDraft(
                        Secrets.newProviderId(),
                        owner,
                        owner + "@" + settings.providerAuthority(),
                        user.displayName(),
                        shareWith,
                        resource.path(),
                        resourceType,
                        shareType,
                        permissions,
                        expiration,
                        plan);

        String secret = Secrets.newSecret();
        OutgoingShare share =
                new OutgoingShare(draft, Secrets.hash(secret), Clocks.storable().instant());
        em.persist(share);
        outbox.enqueue(
                new OutboundMessage(
                        share.peer(),
                        "/shares",
                        ShareCreationBody.bytes(draft, secret, settings.publicBase()),
                        ShareNotifier.KIND_SHARE,
                        share.id()));
        LOG.log(
                Level.INFO,
                "OCM-0520 Share {0} of {1} by {2} with {3} queued ({4}, {5}{6})",
                new Object[] {
                    share.id(),
                    resourceType,
                    owner,
                    shareWith.format(),
                    plan.shape(),
                    plan.sentResourceType(),
                    plan.discovered() ? "" : ", receiver not discoverable now"
                });
        return share.view(Clocks.storable().instant());
    }

    /**
     * @return the caller's shares, newest first
     */
    public List<OutgoingShareView> list() {
        Instant now = Clocks.storable().instant();
        return em.createNamedQuery(OutgoingShare.BY_OWNER, OutgoingShare.class)
                .setParameter("owner", caller())
                .getResultStream()
                .map(s -> s.view(now))
                .toList();
    }

    /**
     * @param id our id of the share
     * @return the share
     * @throws ShareRefusedException 404 if the caller has no such share
     */
    public OutgoingShareView get(String id) {
        return owned(id).view(Clocks.storable().instant());
    }

    /**
     * Changes the permissions of a live share and tells the receiver ({@code
     * SHARE_CHANGE_PERMISSION}).
     *
     * @param id our id of the share
     * @param requested the new permissions (wire names)
     * @return the share after the change
     * @throws ShareRefusedException 400 for bad permissions, 404 for an unknown share, 409 when the
     *     share is declined, failed or removed
     */
    public OutgoingShareView changePermissions(String id, List<String> requested) {
        Set<Permissions> next = permissions(requested);
        Instant now = Clocks.storable().instant();
        OutgoingShare share = owned(id);
        OutgoingState state = share.state(now);
        if (!state.live()) {
            throw new ShareRefusedException(
                    409, "Change rejected: the share is " + state.wire() + "; nothing to change");
        }
        if (next.equals(share.permissions())) {
            return share.view(now);
        }
        if (!next.containsAll(share.permissions())) {
            revokeTokens(share);
        }
        share.changePermissions(next, now);
        notifier.notify(
                share.peer(),
                NotificationType.SHARE_CHANGE_PERMISSION,
                share.sentResourceType(),
                share.shareType(),
                share.providerId(),
                Optional.of(next),
                Optional.empty(),
                share.id(),
                "Permissions changed to " + String.join(", ", Permissions.wire(next)));
        LOG.log(
                Level.INFO,
                "OCM-0521 Share {0}: permissions changed to {1}",
                new Object[] {share.id(), Permissions.column(next)});
        return share.view(now);
    }

    /**
     * Revokes a share at once and tells the receiver ({@code SHARE_UNSHARED}) unless it never
     * reached it. Revoking a removed share changes nothing.
     *
     * @param id our id of the share
     * @throws ShareRefusedException 404 for an unknown share
     */
    public void revoke(String id) {
        Instant now = Clocks.storable().instant();
        OutgoingShare share = owned(id);
        OutgoingState state = OutgoingState.of(share.view(now).state());
        if (state == OutgoingState.REMOVED) {
            share.changeState(OutgoingState.REMOVED, now);
            return;
        }
        share.changeState(OutgoingState.REMOVED, now);
        events.removed(
                share.id(),
                io.ocmee.api.event.ShareDirection.OUTGOING,
                share.ownerName(),
                share.shareWith(),
                now);
        revokeTokens(share);
        if (state != OutgoingState.FAILED) {
            notifier.notify(
                    share.peer(),
                    NotificationType.SHARE_UNSHARED,
                    share.sentResourceType(),
                    share.shareType(),
                    share.providerId(),
                    Optional.empty(),
                    Optional.empty(),
                    share.id(),
                    "The share was removed by its owner");
        }
        LOG.log(Level.INFO, "OCM-0522 Share {0} revoked by its owner", share.id());
    }

    /**
     * Access tokens issued for the share stop working at once (issue 5: fewer permissions,
     * unshare).
     */
    private void revokeTokens(OutgoingShare share) {
        int revoked =
                em.createNamedQuery(AccessToken.DELETE_OF_SHARE)
                        .setParameter("shareId", share.id())
                        .executeUpdate();
        if (revoked > 0) {
            LOG.log(
                    Level.INFO,
                    "OCM-0542 Share {0}: {1} access token(s) revoked",
                    new Object[] {share.id(), revoked});
        }
    }

    private OutgoingShare owned(String id) {
        OutgoingShare share = id == null ? null : em.find(OutgoingShare.class, id);
        if (share == null || !share.ownerName().equals(caller())) {
            throw new ShareRefusedException(404, "Share rejected: you have no share " + id);
        }
        return share;
    }

    private OcmAddress recipient(String shareWith) {
        if (shareWith == null || shareWith.isBlank()) {
            throw new ShareRefusedException(400, "Share rejected: shareWith is missing");
        }
        OcmAddress address;
        try {
            address = OcmAddress.parse(shareWith);
        } catch (InvalidOcmAddressException e) {
            throw new ShareRefusedException(400, "Share rejected: shareWith: " + e.getMessage());
        }
        if (address.providerAuthority().equals(settings.providerAuthority())) {
            throw new ShareRefusedException(
                    400,
                    "Share rejected: "
                            + address.format()
                            + " is a user of this server; OCM shares go to other servers");
        }
        TrustDecision decision = trust.decide(address.provider());
        if (decision.blocked()) {
            throw new ShareRefusedException(
                    403,
                    "Share rejected: "
                            + address.providerAuthority()
                            + " is blocked by this server's trust policy ("
                            + decision.reason()
                            + ")");
        }
        return address;
    }

    private static Set<Permissions> permissions(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new ShareRefusedException(
                    400,
                    "Share rejected: permissions must list at least one of read, write, share");
        }
        Set<Permissions> set = EnumSet.noneOf(Permissions.class);
        for (String name : requested) {
            set.add(
                    Permissions.of(name)
                            .orElseThrow(
                                    () ->
                                            new ShareRefusedException(
                                                    400,
                                                    "Share rejected: permission '"
                                                            + name
                                                            + "' is not one of read, write,"
                                                            + " share")));
        }
        return set;
    }

    private static Optional<Instant> expiration(Optional<Long> seconds) {
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        Instant when = Instant.ofEpochSecond(Math.min(seconds.get(), 253_402_300_799L));
        if (!when.isAfter(Clocks.storable().instant())) {
            throw new ShareRefusedException(
                    400, "Share rejected: expiration must be in the future (Unix seconds)");
        }
        return Optional.of(when);
    }

    private static String shareType(Optional<String> shareType) {
        String type = shareType.orElse("user");
        if (!"user".equals(type) && !"group".equals(type)) {
            throw new ShareRefusedException(400, "Share rejected: shareType must be user or group");
        }
        return type;
    }

    private ResourceInfo resource(String owner, String path) {
        if (path == null || path.isBlank()) {
            throw new ShareRefusedException(400, "Share rejected: path is missing");
        }
        ResourcePath parsed;
        try {
            parsed = storage.resolve(owner, path);
        } catch (InvalidResourcePathException e) {
            throw new ShareRefusedException(400, e.getMessage());
        }
        if (parsed.isRoot()) {
            throw new ShareRefusedException(
                    400, "Share rejected: share a file or folder, not your whole space");
        }
        ResourceInfo found =
                storage.stat(owner, parsed)
                        .orElseThrow(
                                () ->
                                        new ShareRefusedException(
                                                404, "Share rejected: nothing is at " + parsed));
        if (!storage.permits(owner, parsed, Access.SHARE)) {
            throw new ShareRefusedException(
                    403, "Share rejected: you may not share " + parsed + " with other servers");
        }
        return found;
    }

    /**
     * @return the receiver's discovery, or empty when it is unreachable for now
     * @throws ShareRefusedException when it answers but is no usable OCM server
     */
    private Optional<PeerDiscovery> discover(OcmAddress shareWith) {
        try {
            return Optional.of(peers.discover(shareWith.provider()));
        } catch (DiscoveryException e) {
            switch (e.kind()) {
                case UNREACHABLE, TIMEOUT, HTTP_ERROR -> {
                    return Optional.empty();
                }
                case ADDRESS_REFUSED ->
                        throw new ShareRefusedException(
                                400,
                                "Share rejected: "
                                        + shareWith.providerAuthority()
                                        + " is an address this server may not contact");
                default ->
                        throw new ShareRefusedException(
                                502,
                                "Share rejected: "
                                        + shareWith.providerAuthority()
                                        + " is not a usable OCM server ("
                                        + e.kind()
                                        + ")");
            }
        }
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
