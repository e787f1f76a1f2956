package io.ocmee.delivery.outbox;

import java.util.Objects;

/**
 * A message to deliver to a peer.
 *
 * @param peer the receiving server, {@code host[:port]}
 * @param endpointPath where to POST it, relative to the peer's discovery {@code endPoint} (e.g.
 *     {@code /shares}, {@code /notifications}); resolved at delivery time from fresh discovery
 * @param body the exact JSON body
 * @param kind what the message is, for outcome observers (e.g. {@code share}, {@code notification})
 * @param subjectId the id of what it is about (e.g. an outgoing share's id), for observers
 */
public record OutboundMessage(
        String peer, String endpointPath, byte[] body, String kind, String subjectId) {

    public OutboundMessage {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(endpointPath, "endpointPath");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
    }
}
