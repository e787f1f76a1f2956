package io.ocmee.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The notification types this server understands (OCM-NOTES §4.1, §4.2, §11 Q8, Q27). Any other
 * {@code notificationType} is answered 501.
 */
public enum NotificationType {
    /** Receiver → sender: the recipient accepted a share. */
    SHARE_ACCEPTED(Direction.TO_SENDER),
    /** Receiver → sender: the recipient declined a share. */
    SHARE_DECLINED(Direction.TO_SENDER),
    /** Receiver → sender: asks the owner to share with a third party; refused here. */
    REQUEST_RESHARE(Direction.TO_SENDER),
    /** Sender → receiver: the share was removed. */
    SHARE_UNSHARED(Direction.TO_RECEIVER),
    /** Sender → receiver: the permissions changed. */
    SHARE_CHANGE_PERMISSION(Direction.TO_RECEIVER),
    /** Nextcloud's name for a permission change (no longer registered). */
    RESHARE_CHANGE_PERMISSION(Direction.TO_RECEIVER),
    /** Sender → receiver: a re-share was undone, i.e. removed (no longer registered). */
    RESHARE_UNDO(Direction.TO_RECEIVER),
    /** Either way: a user of the notifying server was removed. */
    USER_REMOVED(Direction.RECIPIENT);

    /** Which of our shares a type can touch. */
    public enum Direction {
        /** Our outgoing shares: the notifying server received them. */
        TO_SENDER,
        /** Our incoming shares: the notifying server sent them. */
        TO_RECEIVER,
        /** Shares of either kind involving a party of the notifying server. */
        RECIPIENT
    }

    private final Direction direction;

    NotificationType(Direction direction) {
        this.direction = direction;
    }

    /**
     * @return which shares this type can touch
     */
    public Direction direction() {
        return direction;
    }

    /**
     * @param wire a {@code notificationType}
     * @return the type, or empty if not understood here
     */
    public static Optional<NotificationType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.name().equals(wire)).findFirst();
    }
}
