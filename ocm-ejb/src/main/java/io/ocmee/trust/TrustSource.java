package io.ocmee.trust;

/** What made a peer trusted or blocked. Stored by name. */
public enum TrustSource {
    /** The allow or deny list in the settings. */
    SETTING,
    /** An invite exchanged with a user of that server. */
    INVITE,
    /** An administrator, through the admin API or the console. */
    ADMIN
}
