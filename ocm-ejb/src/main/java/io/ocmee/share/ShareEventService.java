package io.ocmee.share;

import io.ocmee.notification.NotificationType;
import io.ocmee.notification.ReceivedNotification;
import io.ocmee.persistence.Clocks;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies a received notification to the one share it is about (OCM-NOTES §4, checklist R118,
 * R119). A notification only touches shares whose counterpart is the peer the request comes from:
 * for {@code SHARE_ACCEPTED}/{@code SHARE_DECLINED} our outgoing shares made with that server, for
 * {@code SHARE_UNSHARED}/{@code SHARE_CHANGE_PERMISSION} (and the legacy {@code RESHARE_*} names)
 * our incoming shares from that server. The share is found by provider id, else by the legacy
 * {@code notification.sharedSecret}; anything else is 404 and changes nothing.
 */
@Stateless
@PermitAll
public class ShareEventService {

    private static final Logger LOG = Logger.getLogger(ShareEventService.class.getName());

    private static final String WHAT = "Notification";

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @jakarta.inject.Inject private io.ocmee.integration.HostEvents events;

    /**
     * @param peer the notifying server, {@code host[:port]}, as the signature check established it
     * @param notification the validated notification
     * @throws OcmRequestException 404 when no share of that server matches, 400 for an inconsistent
     *     notification, 403 for {@code REQUEST_RESHARE}
     */
    public void apply(String peer, ReceivedNotification notification) {
        Instant now = Clocks.storable().instant();
        switch (notification.type().direction()) {
            case TO_SENDER -> toSender(peer, notification, now);
            case TO_RECEIVER -> toReceiver(peer, notification, now);
            case RECIPIENT -> userRemoved(peer, notification, now);
        }
    }

    private void toSender(String peer, ReceivedNotification notification, Instant now) {
        if (notification.type() == NotificationType.REQUEST_RESHARE) {
            throw new OcmRequestException(
                    403,
                    WHAT
                            + " rejected: this server does not act on re-share requests; ask the"
                            + " owner to share with the third party directly",
                    List.of(new OcmRequestException.FieldError("notificationType", "REFUSED")));
        }
        OutgoingShare share = outgoing(peer, notification);
        checkTypes(notification, share.sentResourceType(), share.shareType());
        OutgoingState state = share.state(now);
        if (state == OutgoingState.REMOVED || state == OutgoingState.FAILED) {
            LOG.log(
                    Level.INFO,
                    "OCM-0530 {0} from {1} for share {2} ignored: the share is {3}",
                    new Object[] {notification.type(), peer, share.id(), state.wire()});
            return;
        }
        OutgoingState next =
                notification.type() == NotificationType.SHARE_ACCEPTED
                        ? OutgoingState.ACCEPTED
                        : OutgoingState.DECLINED;
        share.changeState(next, now);
        if (next == OutgoingState.ACCEPTED) {
            events.accepted(
                    share.id(),
                    io.ocmee.api.event.ShareDirection.OUTGOING,
                    share.ownerName(),
                    share.shareWith(),
                    now);
        } else {
            events.declined(
                    share.id(),
                    io.ocmee.api.event.ShareDirection.OUTGOING,
                    share.ownerName(),
                    share.shareWith(),
                    now);
        }
        LOG.log(
                Level.INFO,
                "OCM-0531 Share {0} {1} by its recipient at {2}",
                new Object[] {share.id(), next.wire(), peer});
    }

    private void toReceiver(String peer, ReceivedNotification notification, Instant now) {
        IncomingShare share = incoming(peer, notification);
        checkTypes(notification, share.resourceType(), share.shareType());
        if (share.state(now) == IncomingState.REMOVED) {
            return;
        }
        switch (notification.type()) {
            case SHARE_UNSHARED, RESHARE_UNDO -> {
                share.changeState(IncomingState.REMOVED, now);
                events.removed(
                        share.id(),
                        io.ocmee.api.event.ShareDirection.INCOMING,
                        share.recipient(),
                        share.sender(),
                        now);
                LOG.log(
                        Level.INFO,
                        "OCM-0532 Share {0} removed by its sender {1}",
                        new Object[] {share.id(), peer});
            }
            default -> {
                var permissions =
                        notification
                                .permissions()
                                .orElseThrow(
                                        () ->
                                                OcmRequestException.invalid(
                                                        WHAT
                                                                + " rejected: the new permissions"
                                                                + " are missing",
                                                        "notification.file.permissions",
                                                        "MISSING"));
                share.changePermissions(permissions, now);
                LOG.log(
                        Level.INFO,
                        "OCM-0533 Share {0}: permissions changed by {1} to {2}",
                        new Object[] {share.id(), peer, Permissions.column(permissions)});
            }
        }
    }

    /** {@code USER_REMOVED}: shares with or from that user of the notifying server end. */
    private void userRemoved(String peer, ReceivedNotification notification, Instant now) {
        String user = notification.userId().orElseThrow();
        String address = user.endsWith("@" + peer) ? user : user + "@" + peer;
        int count = 0;
        for (OutgoingShare share :
                em.createNamedQuery(OutgoingShare.BY_PEER_AND_RECIPIENT, OutgoingShare.class)
                        .setParameter("peer", peer)
                        .setParameter("shareWith", address)
                        .getResultList()) {
            share.changeState(OutgoingState.REMOVED, now);
            events.removed(
                    share.id(),
                    io.ocmee.api.event.ShareDirection.OUTGOING,
                    share.ownerName(),
                    share.shareWith(),
                    now);
            count++;
        }
        for (IncomingShare share :
                em.createNamedQuery(IncomingShare.BY_SERVER_AND_PARTY, IncomingShare.class)
                        .setParameter("server", peer)
                        .setParameter("address", address)
                        .getResultList()) {
            share.changeState(IncomingState.REMOVED, now);
            events.removed(
                    share.id(),
                    io.ocmee.api.event.ShareDirection.INCOMING,
                    share.recipient(),
                    share.sender(),
                    now);
            count++;
        }
        LOG.log(
                Level.INFO,
                "OCM-0534 User {0} removed at {1}: {2} share(s) ended",
                new Object[] {address, peer, count});
    }

    private OutgoingShare outgoing(String peer, ReceivedNotification notification) {
        Optional<OutgoingShare> byId =
                notification
                        .providerId()
                        .flatMap(
                                id ->
                                        em.createNamedQuery(
                                                        OutgoingShare.BY_PROVIDER_ID,
                                                        OutgoingShare.class)
                                                .setParameter("providerId", id)
                                                .getResultStream()
                                                .findFirst());
        Optional<OutgoingShare> bySecret =
                notification
                        .sharedSecret()
                        .flatMap(
                                secret ->
                                        em.createNamedQuery(
                                                        OutgoingShare.BY_SECRET,
                                                        OutgoingShare.class)
                                                .setParameter("hash", Secrets.hash(secret))
                                                .getResultStream()
                                                .findFirst());
        return byId.or(() -> bySecret)
                .filter(s -> s.peer().equals(peer))
                .orElseThrow(() -> unknownShare(peer));
    }

    private IncomingShare incoming(String peer, ReceivedNotification notification) {
        Optional<IncomingShare> byId =
                notification
                        .providerId()
                        .flatMap(
                                id ->
                                        em.createNamedQuery(
                                                        IncomingShare.BY_ORIGIN,
                                                        IncomingShare.class)
                                                .setParameter("server", peer)
                                                .setParameter("providerId", id)
                                                .getResultStream()
                                                .findFirst());
        return byId.or(
                        () ->
                                notification
                                        .sharedSecret()
                                        .flatMap(
                                                secret ->
                                                        em.createNamedQuery(
                                                                        IncomingShare.BY_SECRET,
                                                                        IncomingShare.class)
                                                                .setParameter(
                                                                        "hash",
                                                                        Secrets.hash(secret))
                                                                .getResultStream()
                                                                .filter(
                                                                        s ->
                                                                                s.senderServer()
                                                                                        .equals(
                                                                                                peer))
                                                                .findFirst()))
                .orElseThrow(() -> unknownShare(peer));
    }

    private static OcmRequestException unknownShare(String peer) {
        return new OcmRequestException(
                404,
                WHAT + " rejected: no share with this providerId is shared with " + peer,
                List.of(new OcmRequestException.FieldError("providerId", "NOT_FOUND")));
    }

    /**
     * {@code resourceType} must be the share's; {@code file} and {@code folder} are taken as the
     * same, since legacy servers send {@code file} for folders and ownCloud-Reva always sends
     * {@code file} (§11 Q13, Q27). {@code shareType}, when given, must be the share's.
     */
    private static void checkTypes(
            ReceivedNotification notification, String resourceType, String shareType) {
        boolean resourceOk =
                notification
                        .resourceType()
                        .map(t -> t.equals(resourceType) || t.equals("file") || t.equals("folder"))
                        .orElse(true);
        if (!resourceOk) {
            throw OcmRequestException.invalid(
                    WHAT + " rejected: resourceType does not match the share",
                    "resourceType",
                    "INVALID");
        }
        if (notification.shareType().filter(t -> !t.equals(shareType)).isPresent()) {
            throw OcmRequestException.invalid(
                    WHAT + " rejected: shareType does not match the share", "shareType", "INVALID");
        }
    }
}
