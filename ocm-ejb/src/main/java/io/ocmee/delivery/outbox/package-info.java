/**
 * The durable outbox: every message this server sends to a peer (share creation notifications,
 * notifications, ...) is written to a table in the caller's transaction and delivered by a
 * container-managed timer, with retries, so that a message is sent only if its cause commits, and
 * survives restarts and peer outages. {@link io.ocmee.delivery.outbox.Outbox} takes messages;
 * {@link io.ocmee.delivery.outbox.DeliveryOutcome} events report how each one ended.
 *
 * <p>{@link io.ocmee.delivery.outbox.OutboxService} implements the outbox and the administrators'
 * operations; {@link io.ocmee.delivery.outbox.OutboxDispatcher} runs the delivery passes, with
 * {@link io.ocmee.delivery.outbox.OutboxLedger} doing each step's bookkeeping in its own
 * transaction; {@link io.ocmee.delivery.outbox.RetryPolicy} decides, without I/O, whether an
 * attempt delivered the message, is retried, or ended it; {@link
 * io.ocmee.delivery.outbox.OutboxMessage} is the row.
 */
package io.ocmee.delivery.outbox;
