package io.ocmee.delivery.outbox;

import java.util.Optional;

/**
 * A CDI event fired when an outbox message has reached its end: delivered (any 2xx) or failed (a
 * 4xx, or the retry horizon passed). Observers (e.g. the share service) update their state; the
 * event is fired inside the transaction that records the outcome.
 *
 * @param messageId the outbox message id returned by {@link Outbox#enqueue}
 * @param kind the message's {@link OutboundMessage#kind()}
 * @param subjectId the message's {@link OutboundMessage#subjectId()}
 * @param delivered whether the peer accepted it
 * @param httpStatus the peer's last status, if it answered
 * @param responseBody the peer's last response body (for 2xx: e.g. {@code recipientDisplayName})
 * @param error why it failed, in words fit for a user ("peer answered 400: ..."), if it failed
 */
public record DeliveryOutcome(
        String messageId,
        String kind,
        String subjectId,
        boolean delivered,
        Optional<Integer> httpStatus,
        Optional<String> responseBody,
        Optional<String> error) {}
