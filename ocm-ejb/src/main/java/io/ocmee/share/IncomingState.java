package io.ocmee.share;

import java.util.Locale;

/** Where a received share stands for its local recipient. */
public enum IncomingState {
    /** Received, neither accepted nor declined yet. */
    PENDING,
    /** The recipient accepted it; {@code SHARE_ACCEPTED} was sent. */
    ACCEPTED,
    /** The recipient declined it; {@code SHARE_DECLINED} was sent. */
    DECLINED,
    /** The sender unshared it, or it expired. */
    REMOVED;

    /**
     * @return the wire and stored form, e.g. {@code pending}
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static IncomingState of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
