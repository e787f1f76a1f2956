package io.ocmee.share;

import java.util.Locale;

/** Where a share made by a local user stands. */
public enum OutgoingState {
    /** Committed; the Share Creation Notification waits in the outbox (or for the peer). */
    PENDING,
    /** The receiving server accepted the notification (201/200). */
    DELIVERED,
    /** The recipient accepted it ({@code SHARE_ACCEPTED}). */
    ACCEPTED,
    /** The recipient declined it ({@code SHARE_DECLINED}). */
    DECLINED,
    /** The receiving server refused the notification, or it could not be delivered in time. */
    FAILED,
    /** The owner revoked it, or it expired. */
    REMOVED;

    /**
     * @return the wire and stored form, e.g. {@code delivered}
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutgoingState of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }

    /**
     * @return whether the recipient can (still) use the share in this state
     */
    boolean live() {
        return this == PENDING || this == DELIVERED || this == ACCEPTED;
    }
}
