package io.ocmee.api.event;

import java.io.Serializable;
import java.time.Instant;

/**
 * Another server shared something with a local user (a new share, not a repeated delivery).
 *
 * @param shareId the module's id of the received share (see {@code io.ocmee.api.Inbox})
 * @param recipient the local user's login name
 * @param owner the owner's OCM address
 * @param sender the sharing user's OCM address
 * @param name the resource name the sender gave
 * @param resourceType {@code file} or {@code folder}, as the sender said
 * @param receivedAt when it arrived
 */
public record IncomingShareReceived(
        String shareId,
        String recipient,
        String owner,
        String sender,
        String name,
        String resourceType,
        Instant receivedAt)
        implements Serializable {}
