/**
 * Shares in both OCM roles (OCM-NOTES §3, §4). Sending: {@link io.ocmee.share.OutgoingShareService}
 * plans the payload per receiver ({@link io.ocmee.share.SharePlan}), builds it ({@link
 * io.ocmee.share.ShareCreationBody}) and queues it in the outbox in the transaction that stores the
 * {@link io.ocmee.share.OutgoingShare}; {@link io.ocmee.share.ShareDeliveryObserver} records the
 * outcome. Receiving: {@link io.ocmee.share.ShareCreationParser} validates Share Creation
 * Notifications of every deployed dialect, {@link io.ocmee.share.IncomingShareService} stores them
 * idempotently as {@link io.ocmee.share.IncomingShare} and runs the inbox. {@link
 * io.ocmee.share.ShareEventService} applies received notifications to the share they name. Access
 * to our outgoing shares (OCM-NOTES §6, §8): {@link io.ocmee.share.TokenExchangeService} is the
 * token endpoint's logic (Code Flow, {@link io.ocmee.share.AccessToken} stored as hashes), {@link
 * io.ocmee.share.ShareAccessService} authorises WebDAV requests by token or secret ({@link
 * io.ocmee.share.PresentedCredentials}) into a {@link io.ocmee.share.ShareGrant}.
 */
package io.ocmee.share;
