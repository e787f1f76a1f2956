package io.ocmee.trust;

/** How far this server trusts a remote OCM server. Stored by name. */
public enum TrustState {
    /** Explicitly trusted: by a setting, an accepted invite or an administrator. */
    TRUSTED,
    /** Refused: every inbound request from it is answered 403. */
    BLOCKED,
    /** Seen, but neither trusted nor blocked. */
    UNKNOWN
}
