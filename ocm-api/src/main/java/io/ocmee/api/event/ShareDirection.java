package io.ocmee.api.event;

/** Which side of a share this server is on. */
public enum ShareDirection {
    /** A local user shared with a user of another server. */
    OUTGOING,
    /** A user of another server shared with a local user. */
    INCOMING
}
