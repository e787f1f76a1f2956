package io.ocmee.share;

import io.ocmee.delivery.outbox.DeliveryOutcome;
import io.ocmee.persistence.Clocks;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records how the outbox delivered our messages (the {@link DeliveryOutcome} event, fired inside
 * the transaction that records it): a Share Creation Notification accepted by the receiver makes
 * the share {@code delivered} and keeps its {@code recipientDisplayName} (checklist S44); a refused
 * or undeliverable one makes it {@code failed} with the reason. A share that has moved on
 * (accepted, declined or removed meanwhile) keeps its state. Notification outcomes are only logged.
 */
@Stateless
@PermitAll
public class ShareDeliveryObserver {

    private static final Logger LOG = Logger.getLogger(ShareDeliveryObserver.class.getName());

    @jakarta.persistence.PersistenceContext(unitName = "ocm")
    private jakarta.persistence.EntityManager em;

    /**
     * @param outcome how a message ended
     */
    public void delivered(@Observes DeliveryOutcome outcome) {
        if (ShareNotifier.KIND_NOTIFICATION.equals(outcome.kind())) {
            logNotification(outcome);
            return;
        }
        if (!ShareNotifier.KIND_SHARE.equals(outcome.kind())) {
            return;
        }
        OutgoingShare share = em.find(OutgoingShare.class, outcome.subjectId());
        Instant now = Clocks.storable().instant();
        if (share == null || share.state(now) != OutgoingState.PENDING) {
            return;
        }
        if (outcome.delivered()) {
            share.delivered(
                    outcome.responseBody().flatMap(ShareDeliveryObserver::displayName), now);
            LOG.log(
                    Level.INFO,
                    "OCM-0523 Share {0} delivered to {1}",
                    new Object[] {share.id(), share.peer()});
        } else {
            String reason =
                    outcome.error()
                            .orElse(
                                    "the receiving server answered "
                                            + outcome.httpStatus().orElse(0));
            share.fail(reason, now);
            LOG.log(
                    Level.WARNING,
                    "OCM-0524 Share {0} could not be delivered to {1}: {2}",
                    new Object[] {share.id(), share.peer(), reason});
        }
    }

    private static void logNotification(DeliveryOutcome outcome) {
        if (!outcome.delivered()) {
            LOG.log(
                    Level.WARNING,
                    "OCM-0525 Notification about share {0} was not delivered: {1}",
                    new Object[] {outcome.subjectId(), outcome.error().orElse("unknown reason")});
        }
    }

    /**
     * {@code recipientDisplayName} of a 201/200 body, when it is one (Reva may send {@code {}}).
     */
    static Optional<String> displayName(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            if (reader.readValue() instanceof JsonObject json
                    && json.get("recipientDisplayName") instanceof JsonString name
                    && !name.getString().isBlank()) {
                String value = name.getString();
                return Optional.of(value.length() > 255 ? value.substring(0, 255) : value);
            }
        } catch (RuntimeException e) { // parser failures of any kind, nesting limit included
            // not JSON: no display name
        }
        return Optional.empty();
    }
}
