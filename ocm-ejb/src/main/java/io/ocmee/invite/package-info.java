/**
 * Invites and contacts (OCM-NOTES §5): how two users of two servers become federated contacts, and
 * how their servers learn to trust each other (§9.4).
 *
 * <p>{@link io.ocmee.invite.InviteService} is the user's side in both roles: make, list and revoke
 * invites; accept another server's invite (by token and provider, or by {@link
 * io.ocmee.invite.InviteString}). {@link io.ocmee.invite.InviteAcceptanceService} answers peers'
 * Invite Acceptance Requests ({@link io.ocmee.invite.InviteAcceptance}); {@link
 * io.ocmee.invite.InviteLedger} holds the transactions in which concurrent acceptances are decided.
 * {@link io.ocmee.invite.ContactService} keeps the resulting contacts. Callers see {@link
 * io.ocmee.invite.InviteView} and {@link io.ocmee.invite.ContactView}, never the entities.
 */
package io.ocmee.invite;
