package io.ocmee.delivery.outbox;

import java.time.Instant;

/**
 * A message claimed for one attempt, detached from the database so that it can be sent outside any
 * transaction. {@link #toString()} leaves the body out: it may carry a shared secret.
 *
 * @param id the message id
 * @param peer the receiving server, {@code host[:port]}
 * @param endpointPath where it is posted below the peer's {@code endPoint}
 * @param kind what it is
 * @param body the exact body
 * @param attempts attempts made before this one
 * @param giveUpAt when retrying stops
 */
public record ClaimedMessage(
        String id,
        String peer,
        String endpointPath,
        String kind,
        byte[] body,
        int attempts,
        Instant giveUpAt) {

    @Override
    public String toString() {
        return "ClaimedMessage[" + id + " " + kind + " to " + peer + endpointPath + "]";
    }
}
