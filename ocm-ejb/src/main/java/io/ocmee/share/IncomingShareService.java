package io.ocmee.share;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.OcmAddress;
import io.ocmee.notification.NotificationType;
import io.ocmee.persistence.Clocks;
import io.ocmee.settings.OcmSettings;
import io.ocmee.spi.LocalUser;
import io.ocmee.spi.UserDirectory;
import io.ocmee.trust.ContactBook;
import io.ocmee.trust.InboundPeer;
import io.ocmee.trust.PeerService;
import io.ocmee.trust.TrustDecision;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The receiving role (OCM-NOTES §3.3–§3.7): takes Share Creation Notifications from peers, keeps
 * them in the recipient's inbox, and lets the recipient accept or decline them, which is reported
 * to the sending server through the outbox ({@code SHARE_ACCEPTED}/{@code SHARE_DECLINED}, R116).
 *
 * <p>Receiving is idempotent: the same (sending server, {@code providerId}) twice yields one share
 * and the same answer, also when both arrive at once (the unique key decides; the loser reads the
 * winner's row). A share whose {@code expiration} has passed reads as {@code removed}.
 */
@Stateless
public class IncomingShareService {

    private static final Logger LOG = Logger.getLogger(IncomingShareService.class.getName());

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @Resource private SessionContext session;

    @Inject private OcmSettings settings;

    @Inject private UserDirectory directory;

    @Inject private IncomingShareStore store;

    @Inject private ShareNotifier notifier;

    @Inject private io.ocmee.integration.HostEvents events;

    @Inject private PeerService trust;

    @Inject private ContactBook contacts;

    /**
     * Receives a Share Creation Notification.
     *
     * @param peer the server the request comes from, as the signature check established it
     * @param body the exact request body
     * @return the answer for the 201
     * @throws OcmRequestException 400 for bad input or an unknown recipient, 501 for unsupported
     *     types or protocols
     * @throws io.ocmee.trust.RequestRejectedException if a signed payload names another server as
     *     {@code sender} or {@code owner}
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ReceivedShare receive(InboundPeer peer, byte[] body) {
        ShareCreationNotification share =
                new ShareCreationParser(settings.providerAuthority()).parse(body);
        checkSigner(peer, share);
        checkExchangeRequired(share);
        LocalUser recipient = recipient(share);
        String server = peer.peer().authority();
        admit(peer, share, recipient);

        Optional<IncomingShareStore.Stored> earlier = store.find(server, share.providerId());
        if (earlier.isPresent()) {
            return repeated(earlier.get(), recipient);
        }
        try {
            String id = store.insert(share, recipient.name(), server);
            events.received(
                    new io.ocmee.api.event.IncomingShareReceived(
                            id,
                            recipient.name(),
                            share.owner().format(),
                            share.sender().format(),
                            share.name(),
                            share.resourceType(),
                            Clocks.storable().instant()));
            LOG.log(
                    Level.INFO,
                    "OCM-0510 Share {0} received from {1} for {2} ({3}, {4})",
                    new Object[] {
                        id, server, recipient.name(), share.resourceType(), share.webdav().shape()
                    });
            return new ReceivedShare(id, recipient.displayName(), true);
        } catch (EJBException | PersistenceException e) {
            return store.find(server, share.providerId())
                    .map(stored -> repeated(stored, recipient))
                    .orElseThrow(() -> e);
        }
    }

    /**
     * With {@code ocm.shares.must-exchange-token} on, this server advertises the criterion {@code
     * must-exchange-token} and takes only shares whose webdav requirements carry it (OCM-NOTES
     * §2.5); legacy {@code options} shares carry no requirements and are refused too.
     *
     * @throws OcmRequestException 400, field {@code protocol.webdav.requirements}, code {@code
     *     MISSING}
     */
    private void checkExchangeRequired(ShareCreationNotification share) {
        if (settings.mustExchangeToken()
                && !share.webdav().requirements().contains("must-exchange-token")) {
            throw OcmRequestException.invalid(
                    "Share rejected: this server requires token exchange (criterion"
                            + " must-exchange-token); protocol.webdav.requirements must list"
                            + " must-exchange-token",
                    "protocol.webdav.requirements",
                    "MISSING");
        }
    }

    /**
     * @return the caller's received shares, newest first
     */
    @RolesAllowed("ocm-user")
    public List<IncomingShareView> inbox() {
        Instant now = Clocks.storable().instant();
        Set<String> known = contacts.addressesOf(caller());
        return em.createNamedQuery(IncomingShare.BY_RECIPIENT, IncomingShare.class)
                .setParameter("recipient", caller())
                .getResultStream()
                .map(s -> s.view(now, fromContact(s, known)))
                .toList();
    }

    /**
     * Accepts a received share and tells its sender ({@code SHARE_ACCEPTED}). Accepting an accepted
     * share changes nothing.
     *
     * @param id our id of the share
     * @return the share after the change
     * @throws ShareRefusedException 404 if the caller has no such share, 409 if it was declined or
     *     removed
     */
    @RolesAllowed("ocm-user")
    public IncomingShareView accept(String id) {
        Instant now = Clocks.storable().instant();
        IncomingShare share = owned(id);
        IncomingState state = share.state(now);
        if (state == IncomingState.ACCEPTED) {
            return view(share, now);
        }
        if (state != IncomingState.PENDING) {
            throw new ShareRefusedException(
                    409, "Accept rejected: the share is " + state.wire() + ", not pending");
        }
        share.changeState(IncomingState.ACCEPTED, now);
        events.accepted(
                share.id(),
                io.ocmee.api.event.ShareDirection.INCOMING,
                share.recipient(),
                share.sender(),
                now);
        answer(share, NotificationType.SHARE_ACCEPTED, "Recipient accepted the share");
        return view(share, now);
    }

    /**
     * Declines a received share, pending or accepted, and tells its sender ({@code
     * SHARE_DECLINED}). Declining a declined share changes nothing.
     *
     * @param id our id of the share
     * @return the share after the change
     * @throws ShareRefusedException 404 if the caller has no such share, 409 if it was removed
     */
    @RolesAllowed("ocm-user")
    public IncomingShareView decline(String id) {
        Instant now = Clocks.storable().instant();
        IncomingShare share = owned(id);
        IncomingState state = share.state(now);
        if (state == IncomingState.DECLINED) {
            return view(share, now);
        }
        if (state == IncomingState.REMOVED) {
            throw new ShareRefusedException(409, "Decline rejected: the share was removed");
        }
        share.changeState(IncomingState.DECLINED, now);
        events.declined(
                share.id(),
                io.ocmee.api.event.ShareDirection.INCOMING,
                share.recipient(),
                share.sender(),
                now);
        answer(share, NotificationType.SHARE_DECLINED, "Recipient declined the share");
        return view(share, now);
    }

    private IncomingShareView view(IncomingShare share, Instant now) {
        return share.view(now, fromContact(share, contacts.addressesOf(share.recipient())));
    }

    /** Whether the share's sender or owner is one of the recipient's contacts. */
    private static boolean fromContact(IncomingShare share, Set<String> contactAddresses) {
        return normalised(share.sender()).map(contactAddresses::contains).orElse(false)
                || normalised(share.owner()).map(contactAddresses::contains).orElse(false);
    }

    private static Optional<String> normalised(String address) {
        try {
            return Optional.of(OcmAddress.parse(address).format());
        } catch (InvalidOcmAddressException e) {
            return Optional.empty();
        }
    }

    /**
     * What the caller needs to reach the resource of one of their received shares (OCM-NOTES §8.1),
     * for the receiving side's access service. Holds the shared secret: never return it to a client
     * or log it.
     *
     * @param id our id of the share
     * @return the share's access data
     * @throws ShareRefusedException 404 if the caller has no such share, 409 if it is not accepted
     *     (pending, declined, removed or expired)
     */
    @RolesAllowed("ocm-user")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public IncomingShareGrant grant(String id) {
        Instant now = Clocks.storable().instant();
        IncomingShare share = owned(id);
        IncomingState state = share.state(now);
        if (state != IncomingState.ACCEPTED) {
            throw new ShareRefusedException(
                    409, "Access rejected: the share is " + state.wire() + ", not accepted");
        }
        return share.grant();
    }

    private void answer(IncomingShare share, NotificationType type, String message) {
        notifier.notify(
                share.senderServer(),
                type,
                share.resourceType(),
                share.shareType(),
                share.providerId(),
                Optional.empty(),
                Optional.of(share.sharedSecret()),
                share.id(),
                message);
        LOG.log(
                Level.INFO,
                "OCM-0511 Share {0} {1} by {2}; {3} queued for {4}",
                new Object[] {
                    share.id(),
                    type == NotificationType.SHARE_ACCEPTED ? "accepted" : "declined",
                    share.recipient(),
                    type,
                    share.senderServer()
                });
    }

    private IncomingShare owned(String id) {
        IncomingShare share = id == null ? null : em.find(IncomingShare.class, id);
        if (share == null || !share.recipient().equals(caller())) {
            throw new ShareRefusedException(404, "Share rejected: you have no share " + id);
        }
        return share;
    }

    /**
     * The trust policy for shares (OCM-NOTES §3.6, §9.4): a blocked server is refused (the
     * signature filter refuses it already; checked again here), and in {@code must-invite} mode
     * only trusted servers and the recipient's contacts may share. Nothing is stored when refused.
     */
    private void admit(InboundPeer peer, ShareCreationNotification share, LocalUser recipient) {
        TrustDecision decision = trust.decide(peer.peer());
        if (decision.blocked()) {
            throw new OcmRequestException(
                    403,
                    "Share rejected: "
                            + peer.peer().authority()
                            + " is blocked by this server's trust policy ("
                            + decision.reason()
                            + ")",
                    List.of(new OcmRequestException.FieldError("sender", "BLOCKED")));
        }
        if (settings.trustMustInvite()
                && !decision.trusted()
                && !contacts.isContact(recipient.name(), share.sender())
                && !contacts.isContact(recipient.name(), share.owner())) {
            LOG.log(
                    Level.WARNING,
                    "OCM-0512 Share from {0} for {1} refused: not a contact (must-invite)",
                    new Object[] {share.sender().format(), recipient.name()});
            throw new OcmRequestException(
                    403,
                    "Share rejected: this server accepts shares only from users and servers that"
                            + " exchanged an invite with it (must-invite)",
                    List.of(new OcmRequestException.FieldError("sender", "NOT_INVITED")));
        }
    }

    /** A peer can only speak for itself (§7.3 step 6, checklist R85). */
    private static void checkSigner(InboundPeer peer, ShareCreationNotification share) {
        if (peer.signed()) {
            peer.requireSameServer(share.sender().provider(), "sender");
            peer.requireSameServer(share.owner().provider(), "owner");
        }
    }

    private LocalUser recipient(ShareCreationNotification share) {
        return directory
                .find(share.shareWith().identifier())
                .orElseThrow(
                        () ->
                                OcmRequestException.invalid(
                                        "Share rejected: shareWith names no user of this server",
                                        "shareWith",
                                        "NOT_FOUND"));
    }

    private static ReceivedShare repeated(IncomingShareStore.Stored stored, LocalUser recipient) {
        if (!stored.recipient().equals(recipient.name())) {
            throw OcmRequestException.invalid(
                    "Share rejected: this providerId was already used for another share",
                    "providerId",
                    "INVALID");
        }
        return new ReceivedShare(stored.id(), recipient.displayName(), false);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
