package io.ocmee.delivery.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message to a peer and how its delivery is going. Equality on the id.
 *
 * <p>The body is kept only while it may still be sent: it is erased once the peer has accepted the
 * message, since share bodies carry the share's secret.
 */
@Entity
@Table(name = "ocm_outbox_message")
@NamedQuery(
        name = OutboxMessage.DUE_IDS,
        query =
                "SELECT m.id FROM OutboxMessage m WHERE m.state = :state"
                        + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt")
@NamedQuery(
        name = OutboxMessage.CLAIM,
        query =
                "UPDATE OutboxMessage m SET m.state = :claimed, m.lastAttemptAt = :now,"
                        + " m.version = m.version + 1 WHERE m.id = :id AND m.state = :due")
@NamedQuery(
        name = OutboxMessage.RELEASE_STUCK,
        query =
                "UPDATE OutboxMessage m SET m.state = :due, m.nextAttemptAt = :now,"
                        + " m.version = m.version + 1"
                        + " WHERE m.state = :claimed AND m.lastAttemptAt < :cutoff")
@NamedQuery(
        name = OutboxMessage.PURGE,
        query = "DELETE FROM OutboxMessage m WHERE m.state = :state AND m.lastAttemptAt < :cutoff")
@NamedQuery(
        name = OutboxMessage.COUNT_BY_STATE,
        query = "SELECT m.state, COUNT(m) FROM OutboxMessage m GROUP BY m.state")
@NamedQuery(
        name = OutboxMessage.IN_STATES,
        query = "SELECT m FROM OutboxMessage m WHERE m.state IN :states ORDER BY m.createdAt")
public class OutboxMessage {

    static final String DUE_IDS = "OutboxMessage.dueIds";
    static final String CLAIM = "OutboxMessage.claim";
    static final String RELEASE_STUCK = "OutboxMessage.releaseStuck";
    static final String PURGE = "OutboxMessage.purge";
    static final String COUNT_BY_STATE = "OutboxMessage.countByState";
    static final String IN_STATES = "OutboxMessage.inStates";

    /** Longest body, in characters of its UTF-8 text (the column's length). */
    public static final int BODY_LIMIT = 1_048_576;

    /** Longest peer response kept, in characters. */
    static final int RESPONSE_LIMIT = 4000;

    /** Longest error kept, in characters. */
    static final int ERROR_LIMIT = 1000;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "peer", nullable = false, length = 300)
    private String peer;

    @Column(name = "endpoint_path", nullable = false, length = 300)
    private String endpointPath;

    @Column(name = "body", length = BODY_LIMIT)
    private String body;

    @Column(name = "kind", nullable = false, length = 64)
    private String kind;

    @Column(name = "subject_id", nullable = false, length = 200)
    private String subjectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private MessageState state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "give_up_at", nullable = false)
    private Instant giveUpAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error", length = ERROR_LIMIT)
    private String lastError;

    @Column(name = "response_body", length = RESPONSE_LIMIT)
    private String responseBody;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OutboxMessage() {}

    OutboxMessage(
            OutboundMessage message, String peer, String body, Instant now, Instant giveUpAt) {
        this.id = UUID.randomUUID().toString();
        this.peer = Objects.requireNonNull(peer, "peer");
        this.endpointPath = message.endpointPath();
        this.body = Objects.requireNonNull(body, "body");
        this.kind = message.kind();
        this.subjectId = message.subjectId();
        this.state = MessageState.PENDING;
        this.nextAttemptAt = now;
        this.giveUpAt = giveUpAt;
        this.createdAt = now;
    }

    /** The peer accepted the message: the body is no longer needed and is erased. */
    void delivered(int status, String response) {
        this.attempts++;
        this.state = MessageState.DELIVERED;
        this.lastStatus = status;
        this.lastError = null;
        this.responseBody = cap(response, RESPONSE_LIMIT);
        this.body = null;
    }

    /** The attempt failed for a passing reason; try again at {@code next}. */
    void retryAt(Instant next, Integer status, String error, String response) {
        this.attempts++;
        this.state = MessageState.PENDING;
        this.nextAttemptAt = next;
        recordFailure(status, error, response);
    }

    /**
     * The message has ended undelivered: refused ({@code FAILED}) or out of time ({@code DEAD}).
     */
    void ended(MessageState end, Integer status, String error, String response) {
        if (end != MessageState.FAILED && end != MessageState.DEAD) {
            throw new IllegalArgumentException("not an undelivered end state: " + end);
        }
        this.attempts++;
        this.state = end;
        recordFailure(status, error, response);
    }

    /**
     * An administrator asks for an attempt now. A dead letter is revived with a fresh retry
     * horizon.
     *
     * @return {@code false} if the message cannot be sent again (delivered, or being sent)
     */
    boolean retryNow(Instant now, Instant newGiveUpAt) {
        if (state == MessageState.FAILED || state == MessageState.DEAD) {
            this.state = MessageState.PENDING;
            this.giveUpAt = newGiveUpAt;
        }
        if (state != MessageState.PENDING) {
            return false;
        }
        this.nextAttemptAt = now;
        return true;
    }

    private void recordFailure(Integer status, String error, String response) {
        this.lastStatus = status;
        this.lastError = cap(error, ERROR_LIMIT);
        this.responseBody = cap(response, RESPONSE_LIMIT);
    }

    private static String cap(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        return text.substring(0, limit);
    }

    String id() {
        return id;
    }

    String peer() {
        return peer;
    }

    String endpointPath() {
        return endpointPath;
    }

    String body() {
        return body;
    }

    String kind() {
        return kind;
    }

    String subjectId() {
        return subjectId;
    }

    MessageState state() {
        return state;
    }

    int attempts() {
        return attempts;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant giveUpAt() {
        return giveUpAt;
    }

    Integer lastStatus() {
        return lastStatus;
    }

    String lastError() {
        return lastError;
    }

    String responseBody() {
        return responseBody;
    }

    OutboxMessageView toView() {
        return new OutboxMessageView(
                id,
                peer,
                endpointPath,
                kind,
                subjectId,
                state,
                attempts,
                createdAt,
                nextAttemptAt,
                giveUpAt,
                lastAttemptAt,
                lastStatus,
                lastError);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxMessage other && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
