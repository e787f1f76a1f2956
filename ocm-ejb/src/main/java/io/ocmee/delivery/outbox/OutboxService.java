package io.ocmee.delivery.outbox;

import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.outbox.OutboxRequestException.Reason;
import io.ocmee.persistence.Clocks;
import io.ocmee.settings.OcmSettings;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox: takes messages for peers in the caller's transaction, and lets administrators watch
 * and steer delivery. Delivery itself is done by the {@link OutboxDispatcher}.
 *
 * <p>Guarantees: a message is stored if and only if the caller's transaction commits, and only then
 * sent; it is sent at least once until the peer answers 2xx, refuses it with a 4xx, or the retry
 * horizon passes; each of these ends is reported once as a {@link DeliveryOutcome} event (again if
 * an administrator revives a dead letter). Messages to one peer are not ordered.
 */
@Stateless
@Local(Outbox.class)
@LocalBean
public class OutboxService implements Outbox {

    private static final Logger LOG = Logger.getLogger(OutboxService.class.getName());

    private static final Object KICK_KEY = new Object();

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @Resource private TransactionSynchronizationRegistry transactions;

    @EJB private OutboxDispatcher dispatcher;

    @Inject private OcmSettings settings;

    private final Clock clock = Clocks.storable();

    /**
     * Stores a message as {@link MessageState#PENDING}, due at once, in the caller's transaction
     * (or a new one). After the commit a delivery pass is started; nothing is sent if the
     * transaction rolls back.
     *
     * @param message what to send
     * @return the message id
     * @throws IllegalArgumentException if the peer is not {@code host[:port]}, the endpoint path is
     *     empty or longer than 300 characters, or the body is not UTF-8 or longer than {@value
     *     OutboxMessage#BODY_LIMIT} characters (through the EJB container: an {@code EJBException}
     *     caused by it, and the caller's transaction is marked for rollback)
     */
    @Override
    @PermitAll
    public String enqueue(OutboundMessage message) {
        String peer = ProviderHost.parse(message.peer()).authority();
        checkEndpointPath(message.endpointPath());
        String body = utf8(message.body());

        Instant now = clock.instant();
        OutboxMessage stored =
                new OutboxMessage(
                        message, peer, body, now, now.plus(settings.outboxRetryHorizon()));
        em.persist(stored);

        kickAfterCommit();
        LOG.log(
                Level.FINE,
                "OCM-0701 Message {0} ({1}) queued for {2}{3}",
                new Object[] {stored.id(), message.kind(), peer, message.endpointPath()});
        return stored.id();
    }

    /**
     * @return how many messages wait for delivery or are being sent
     */
    @RolesAllowed("ocm-admin")
    public long depth() {
        Map<MessageState, Long> counts = countByState();
        return counts.get(MessageState.PENDING) + counts.get(MessageState.IN_FLIGHT);
    }

    /**
     * @return the number of messages in each state, every state present
     */
    @RolesAllowed("ocm-admin")
    public Map<MessageState, Long> countByState() {
        Map<MessageState, Long> counts = new EnumMap<>(MessageState.class);
        for (MessageState state : MessageState.values()) {
            counts.put(state, 0L);
        }
        for (Object[] row :
                em.createNamedQuery(OutboxMessage.COUNT_BY_STATE, Object[].class).getResultList()) {
            counts.put((MessageState) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * @return how long the oldest message still waiting for delivery (pending or in flight) has
     *     been in the outbox, or empty if none waits
     */
    @RolesAllowed("ocm-admin")
    public Optional<Duration> oldestPendingAge() {
        return inStates(List.of(MessageState.PENDING, MessageState.IN_FLIGHT), 1).stream()
                .findFirst()
                .map(oldest -> Duration.between(oldest.createdAt(), clock.instant()));
    }

    /**
     * @param max how many to return at most
     * @return messages that ended undelivered ({@link MessageState#FAILED} and {@link
     *     MessageState#DEAD}), oldest first, without bodies
     */
    @RolesAllowed("ocm-admin")
    public List<OutboxMessageView> deadLetters(int max) {
        return inStates(List.of(MessageState.FAILED, MessageState.DEAD), max).stream()
                .map(OutboxMessage::toView)
                .toList();
    }

    /**
     * Makes a message due now: a pending one skips its wait; a failed or dead one is revived with a
     * fresh retry horizon (its end is reported again when it ends again).
     *
     * @param id the message id
     * @return the message after the change
     * @throws OutboxRequestException {@code NOT_FOUND} if there is no such message; {@code
     *     WRONG_STATE} if it is delivered or being sent
     */
    @RolesAllowed("ocm-admin")
    public OutboxMessageView retryNow(String id) {
        OutboxMessage message = find(id);
        Instant now = clock.instant();
        if (!message.retryNow(now, now.plus(settings.outboxRetryHorizon()))) {
            throw new OutboxRequestException(
                    Reason.WRONG_STATE,
                    "Retry of outbox message "
                            + id
                            + " rejected: it is "
                            + message.state()
                            + "; only pending, failed or dead messages can be retried");
        }
        kickAfterCommit();
        LOG.log(Level.INFO, "OCM-0712 Outbox message {0} made due now by an administrator", id);
        return message.toView();
    }

    /**
     * Makes every pending, failed and dead message due now (see {@link #retryNow(String)}).
     *
     * @return how many messages were made due
     */
    @RolesAllowed("ocm-admin")
    public int retryAllNow() {
        Instant now = clock.instant();
        Instant giveUpAt = now.plus(settings.outboxRetryHorizon());
        List<MessageState> retriable =
                List.of(MessageState.PENDING, MessageState.FAILED, MessageState.DEAD);
        int count = 0;
        for (OutboxMessage message : inStates(retriable, Integer.MAX_VALUE)) {
            if (message.retryNow(now, giveUpAt)) {
                count++;
            }
        }
        kickAfterCommit();
        LOG.log(
                Level.INFO,
                "OCM-0712 {0} outbox message(s) made due now by an administrator",
                count);
        return count;
    }

    /**
     * Deletes a dead letter.
     *
     * @param id the message id
     * @throws OutboxRequestException {@code NOT_FOUND} if there is no such message; {@code
     *     WRONG_STATE} if it is not failed or dead
     */
    @RolesAllowed("ocm-admin")
    public void drop(String id) {
        OutboxMessage message = find(id);
        if (message.state() != MessageState.FAILED && message.state() != MessageState.DEAD) {
            throw new OutboxRequestException(
                    Reason.WRONG_STATE,
                    "Drop of outbox message "
                            + id
                            + " rejected: it is "
                            + message.state()
                            + "; only failed or dead messages can be dropped");
        }
        em.remove(message);
        LOG.log(Level.INFO, "OCM-0713 Outbox message {0} dropped by an administrator", id);
    }

    private OutboxMessage find(String id) {
        OutboxMessage message = id == null ? null : em.find(OutboxMessage.class, id);
        if (message == null) {
            throw new OutboxRequestException(
                    Reason.NOT_FOUND, "Outbox message " + id + " rejected: no such message");
        }
        return message;
    }

    private List<OutboxMessage> inStates(List<MessageState> states, int max) {
        return em.createNamedQuery(OutboxMessage.IN_STATES, OutboxMessage.class)
                .setParameter("states", states)
                .setMaxResults(max)
                .getResultList();
    }

    /** Starts a pass once the current transaction has committed; once per transaction. */
    private void kickAfterCommit() {
        if (transactions.getResource(KICK_KEY) != null) {
            return;
        }
        transactions.putResource(KICK_KEY, Boolean.TRUE);
        OutboxDispatcher target = dispatcher;
        transactions.registerInterposedSynchronization(
                new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            target.kick();
                        }
                    }
                });
    }

    private static void checkEndpointPath(String path) {
        String bare = path.replaceFirst("^/+", "");
        if (bare.isBlank() || path.length() > 300) {
            throw new IllegalArgumentException(
                    "Outbound message rejected: endpoint path '"
                            + path
                            + "' must name an endpoint such as /shares, in at most 300 characters");
        }
    }

    private static String utf8(byte[] body) {
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(body))
                            .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException(
                    "Outbound message rejected: the body is not UTF-8 text");
        }
        if (text.length() > OutboxMessage.BODY_LIMIT) {
            throw new IllegalArgumentException(
                    "Outbound message rejected: the body has more than "
                            + OutboxMessage.BODY_LIMIT
                            + " characters");
        }
        return text;
    }
}
