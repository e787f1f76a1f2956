package io.ocmee.delivery.outbox;

import io.ocmee.delivery.outbox.RetryPolicy.Decision;
import io.ocmee.delivery.outbox.RetryPolicy.Deliver;
import io.ocmee.delivery.outbox.RetryPolicy.GiveUp;
import io.ocmee.delivery.outbox.RetryPolicy.Retry;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's bookkeeping for the {@link OutboxDispatcher}, each step in a transaction of its own
 * so that no transaction is open while a peer is called: claiming due messages, recording how an
 * attempt went (and reporting ended messages as {@link DeliveryOutcome} events in that same
 * transaction), releasing messages whose sender vanished, and deleting old delivered ones.
 *
 * <p>Claims are safe against concurrent senders (another pass, another node): a message is claimed
 * by a conditional update from {@link MessageState#PENDING} to {@link MessageState#IN_FLIGHT}, and
 * the database lets only one of two such updates change the row.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxLedger {

    private static final Logger LOG = Logger.getLogger(OutboxLedger.class.getName());

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @Inject private Event<DeliveryOutcome> outcomes;

    @Inject private io.ocmee.operations.FederationCounters counters;

    /**
     * Claims up to {@code max} messages that are due, oldest due first.
     *
     * @param now the time of the claim; messages due at or before it are taken
     * @param max how many to claim at most
     * @return the claimed messages, each now {@link MessageState#IN_FLIGHT}
     */
    public List<ClaimedMessage> claimDue(Instant now, int max) {
        List<String> candidates =
                em.createNamedQuery(OutboxMessage.DUE_IDS, String.class)
                        .setParameter("state", MessageState.PENDING)
                        .setParameter("now", now)
                        .setMaxResults(max)
                        .getResultList();
        List<ClaimedMessage> claimed = new ArrayList<>();
        for (String id : candidates) {
            claim(id, now).ifPresent(claimed::add);
        }
        return claimed;
    }

    /**
     * Records how an attempt went. A message that ends (delivered, refused, or out of time) is
     * reported as a {@link DeliveryOutcome} event inside this transaction, so that observers'
     * changes commit or roll back together with the message's new state.
     *
     * @param id the message id
     * @param decision what the retry policy decided
     * @param status the peer's HTTP status, or {@code null} if it did not answer
     * @param response the peer's response body, or {@code null}
     * @return {@code false} if the message was no longer in flight (dropped meanwhile)
     */
    public boolean record(String id, Decision decision, Integer status, String response) {
        OutboxMessage message = fresh(id);
        if (message == null || message.state() != MessageState.IN_FLIGHT) {
            LOG.log(
                    Level.INFO,
                    "OCM-0708 Outcome of message {0} not recorded: it is no longer in flight",
                    id);
            return false;
        }
        if (decision instanceof Deliver delivered) {
            message.delivered(delivered.status(), response);
            fire(message, true, Optional.of(delivered.status()), response, null);
        } else if (decision instanceof Retry retry) {
            message.retryAt(retry.at(), status, retry.error(), response);
        } else if (decision instanceof GiveUp end) {
            message.ended(end.end(), status, end.error(), response);
            fire(message, false, Optional.ofNullable(status), response, end.error());
        }
        return true;
    }

    /**
     * Puts messages back in line whose sender claimed them before {@code cutoff} and never reported
     * (it crashed or was stopped mid-send).
     *
     * @param cutoff claims older than this are released
     * @param now when the released messages become due
     * @return how many were released
     */
    public int releaseStuck(Instant cutoff, Instant now) {
        return em.createNamedQuery(OutboxMessage.RELEASE_STUCK)
                .setParameter("due", MessageState.PENDING)
                .setParameter("claimed", MessageState.IN_FLIGHT)
                .setParameter("now", now)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /**
     * Deletes delivered messages last attempted before {@code cutoff}.
     *
     * @param cutoff older ones are deleted
     * @return how many were deleted
     */
    public int purgeDelivered(Instant cutoff) {
        return em.createNamedQuery(OutboxMessage.PURGE)
                .setParameter("state", MessageState.DELIVERED)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    private Optional<ClaimedMessage> claim(String id, Instant now) {
        int changed =
                em.createNamedQuery(OutboxMessage.CLAIM)
                        .setParameter("claimed", MessageState.IN_FLIGHT)
                        .setParameter("due", MessageState.PENDING)
                        .setParameter("id", id)
                        .setParameter("now", now)
                        .executeUpdate();
        if (changed != 1) {
            return Optional.empty();
        }
        // Only fields a claim never changes are read here; the row itself is not written again.
        OutboxMessage message = fresh(id);
        String body = message.body() == null ? "" : message.body();
        return Optional.of(
                new ClaimedMessage(
                        message.id(),
                        message.peer(),
                        message.endpointPath(),
                        message.kind(),
                        body.getBytes(StandardCharsets.UTF_8),
                        message.attempts(),
                        message.giveUpAt()));
    }

    /** Reads a message from the database, never from a cache. */
    private OutboxMessage fresh(String id) {
        return em.find(
                OutboxMessage.class,
                id,
                Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS));
    }

    private void fire(
            OutboxMessage message,
            boolean delivered,
            Optional<Integer> status,
            String response,
            String error) {
        counters.deliveryEnded(
                message.kind(),
                delivered,
                java.time.Duration.between(
                        message.createdAt(), io.ocmee.persistence.Clocks.storable().instant()));
        outcomes.fire(
                new DeliveryOutcome(
                        message.id(),
                        message.kind(),
                        message.subjectId(),
                        delivered,
                        status,
                        Optional.ofNullable(response),
                        Optional.ofNullable(error)));
    }
}
