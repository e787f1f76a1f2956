package io.ocmee.api.event;

import java.io.Serializable;
import java.time.Instant;

/**
 * A share was removed: for {@link ShareDirection#OUTGOING} the remote party did it (or, for {@code
 * removed}, the local owner revoked it); for {@link ShareDirection#INCOMING} the local recipient
 * did it (or, for {@code removed}, the sending server ended it).
 *
 * @param shareId the module's id of the share (outgoing or incoming, see {@code direction})
 * @param direction which side of the share this server is on
 * @param localUser the local user's login name (the owner or the recipient)
 * @param remoteParty the OCM address of the other side
 * @param at when it happened here
 */
public record ShareRemoved(
        String shareId, ShareDirection direction, String localUser, String remoteParty, Instant at)
        implements Serializable {}
