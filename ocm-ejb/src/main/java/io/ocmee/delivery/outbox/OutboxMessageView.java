package io.ocmee.delivery.outbox;

import java.time.Instant;

/**
 * What an administrator sees of an outbox message: everything but its body, which may carry a
 * shared secret.
 *
 * @param id the message id
 * @param peer the receiving server, {@code host[:port]}
 * @param endpointPath where it is posted below the peer's {@code endPoint}
 * @param kind what it is (e.g. {@code share})
 * @param subjectId what it is about
 * @param state where it is in its life
 * @param attempts how many attempts have been made
 * @param createdAt when it was enqueued
 * @param nextAttemptAt when it is next due (meaningful while {@link MessageState#PENDING})
 * @param giveUpAt when retrying stops
 * @param lastAttemptAt when it was last tried, or {@code null}
 * @param lastStatus the peer's last HTTP status, or {@code null}
 * @param lastError why the last attempt failed, or {@code null}
 */
public record OutboxMessageView(
        String id,
        String peer,
        String endpointPath,
        String kind,
        String subjectId,
        MessageState state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant giveUpAt,
        Instant lastAttemptAt,
        Integer lastStatus,
        String lastError) {}
