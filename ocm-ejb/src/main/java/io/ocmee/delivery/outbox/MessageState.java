package io.ocmee.delivery.outbox;

/** Where an outbox message is in its life. Stored by name. */
public enum MessageState {
    /** Waiting for its next attempt at {@code next_attempt_at}. */
    PENDING,
    /** Claimed by a sender; back to {@link #PENDING} if the sender does not report in time. */
    IN_FLIGHT,
    /** The peer answered 2xx. Its body has been erased. */
    DELIVERED,
    /** The peer refused it (4xx other than 408/429), or it can never be sent as it is. */
    FAILED,
    /** Every attempt until the retry horizon failed. */
    DEAD
}
