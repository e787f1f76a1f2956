package io.ocmee.integration;

import io.ocmee.api.event.DeliveryFailed;
import io.ocmee.api.event.IncomingShareReceived;
import io.ocmee.api.event.InviteAccepted;
import io.ocmee.api.event.ShareAccepted;
import io.ocmee.api.event.ShareDeclined;
import io.ocmee.api.event.ShareDirection;
import io.ocmee.api.event.ShareRemoved;
import io.ocmee.delivery.outbox.DeliveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Fires the events of {@code io.ocmee.api.event} for the host, synchronously in the caller's
 * transaction (hosts observe them {@code during = AFTER_SUCCESS}), and turns the outbox's internal
 * {@link DeliveryOutcome} of an undelivered message into {@link DeliveryFailed}.
 */
@ApplicationScoped
public class HostEvents {

    @Inject private Event<IncomingShareReceived> received;

    @Inject private Event<ShareAccepted> accepted;

    @Inject private Event<ShareDeclined> declined;

    @Inject private Event<ShareRemoved> removed;

    @Inject private Event<DeliveryFailed> failed;

    @Inject private Event<InviteAccepted> invites;

    /**
     * @param localUser the local user with a new contact
     * @param contactAddress the contact's OCM address
     * @param contactName the contact's display name
     * @param byLocalUser whether the local user accepted (else a remote user accepted theirs)
     */
    public void inviteAccepted(
            String localUser, String contactAddress, String contactName, boolean byLocalUser) {
        invites.fire(
                new InviteAccepted(
                        localUser,
                        contactAddress,
                        contactName,
                        byLocalUser,
                        io.ocmee.persistence.Clocks.storable().instant()));
    }

    /**
     * @param event a new received share
     */
    public void received(IncomingShareReceived event) {
        received.fire(event);
    }

    /**
     * @param id the share
     * @param direction which side this server is on
     * @param localUser the local owner or recipient
     * @param remoteParty the other side's OCM address
     * @param at when
     */
    public void accepted(
            String id, ShareDirection direction, String localUser, String remoteParty, Instant at) {
        accepted.fire(new ShareAccepted(id, direction, localUser, remoteParty, at));
    }

    /**
     * @param id the share
     * @param direction which side this server is on
     * @param localUser the local owner or recipient
     * @param remoteParty the other side's OCM address
     * @param at when
     */
    public void declined(
            String id, ShareDirection direction, String localUser, String remoteParty, Instant at) {
        declined.fire(new ShareDeclined(id, direction, localUser, remoteParty, at));
    }

    /**
     * @param id the share
     * @param direction which side this server is on
     * @param localUser the local owner or recipient
     * @param remoteParty the other side's OCM address
     * @param at when
     */
    public void removed(
            String id, ShareDirection direction, String localUser, String remoteParty, Instant at) {
        removed.fire(new ShareRemoved(id, direction, localUser, remoteParty, at));
    }

    void outcome(@Observes DeliveryOutcome outcome) {
        if (!outcome.delivered()) {
            failed.fire(
                    new DeliveryFailed(
                            outcome.messageId(),
                            outcome.kind(),
                            outcome.subjectId(),
                            outcome.httpStatus().orElse(null),
                            outcome.error().orElse(null)));
        }
    }
}
