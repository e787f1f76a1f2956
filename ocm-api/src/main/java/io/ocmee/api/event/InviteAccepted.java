package io.ocmee.api.event;

import java.io.Serializable;
import java.time.Instant;

/**
 * An invite was accepted and a local user has a new contact: either a user of another server
 * accepted the local user's invite ({@code byLocalUser} false), or the local user accepted another
 * server's invite ({@code byLocalUser} true).
 *
 * @param localUser the local user's login name
 * @param contactAddress the new contact's OCM address
 * @param contactName the contact's display name
 * @param byLocalUser whether the local user did the accepting
 * @param at when
 */
public record InviteAccepted(
        String localUser,
        String contactAddress,
        String contactName,
        boolean byLocalUser,
        Instant at)
        implements Serializable {}
