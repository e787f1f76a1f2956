/**
 * The durable outbox: every message this server sends to a peer (share creation notifications,
 * notifications, ...) is written to a table in the caller's transaction and delivered by a
 * container-managed timer, with retries, so that a message is sent only if its cause commits, and
 * survives restarts and peer outages. {@link io.ocmee.delivery.outbox.Outbox} takes messages;
 * {@link io.ocmee.delivery.outbox.DeliveryOutcome} events report how each one ended.
 */
package io.ocmee.delivery.outbox;
