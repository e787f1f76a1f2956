package io.ocmee.delivery.outbox;

/**
 * Takes messages for peers. Implemented by a stateless EJB; {@link #enqueue} joins the caller's
 * transaction, so a message whose cause rolls back is never sent.
 */
public interface Outbox {

    /**
     * @param message what to send
     * @return the message id
     */
    String enqueue(OutboundMessage message);
}
