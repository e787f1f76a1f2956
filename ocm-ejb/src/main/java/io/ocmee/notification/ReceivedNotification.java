package io.ocmee.notification;

import io.ocmee.share.Permissions;
import java.util.Optional;
import java.util.Set;

/**
 * A notification as received on {@code POST /ocm/notifications}, from any of the deployed dialects
 * (OCM-NOTES §4.1 ED-2026-08, §4.2 -05 and Nextcloud, §11 Q8 and Q27 ownCloud-Reva), validated by
 * {@link NotificationParser}.
 *
 * @param type wire {@code notificationType}
 * @param senderDomain wire {@code senderDomain} (ED-2026-08), absent in legacy notifications
 * @param resourceType wire {@code resourceType}
 * @param shareType wire {@code shareType}
 * @param providerId {@code notification.file.providerId} (or {@code .folder.}), else the legacy
 *     top-level {@code providerId}
 * @param sharedSecret legacy {@code notification.sharedSecret} (Nextcloud)
 * @param permissions {@code notification.file.permissions}, or the legacy {@code
 *     notification.permissions} / Reva's {@code notification.protocol} permissions
 * @param userId {@code notification.user.userId} of {@code USER_REMOVED}, else the legacy top-level
 *     {@code providerId}
 */
public record ReceivedNotification(
        NotificationType type,
        Optional<String> senderDomain,
        Optional<String> resourceType,
        Optional<String> shareType,
        Optional<String> providerId,
        Optional<String> sharedSecret,
        Optional<Set<Permissions>> permissions,
        Optional<String> userId) {

    @Override
    public String toString() {
        return "ReceivedNotification[type="
                + type
                + ", senderDomain="
                + senderDomain
                + ", providerId="
                + providerId
                + "]";
    }
}
