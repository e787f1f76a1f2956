package io.ocmee.notification;

import io.ocmee.share.JsonBodies;
import io.ocmee.share.OcmRequestException;
import io.ocmee.share.Permissions;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a received notification (OCM-NOTES §4, checklist R118–R120) into a {@link
 * ReceivedNotification}. Reads the ED-2026-08 fields ({@code senderDomain}, {@code
 * notification.file.providerId}) and the legacy ones (top-level {@code providerId}, {@code
 * notification.sharedSecret}; ownCloud-Reva's {@code notification.protocol}).
 *
 * <p>A body that is not a JSON object or has no {@code notificationType} answers 400; a type this
 * server does not understand, or a {@code resourceType} other than {@code file}, {@code folder} (or
 * {@code user} for {@code USER_REMOVED}), answers 501; a share event naming no share (no provider
 * id and no shared secret) answers 400. Stateless and thread-safe.
 */
public final class NotificationParser {

    private static final String WHAT = "Notification";

    private NotificationParser() {}

    /**
     * @param body the exact request body
     * @return the notification
     * @throws OcmRequestException 400 or 501 as described above
     */
    public static ReceivedNotification parse(byte[] body) {
        JsonObject json = JsonBodies.object(body, WHAT);
        String wire =
                JsonBodies.text(json, "notificationType")
                        .orElseThrow(
                                () ->
                                        OcmRequestException.invalid(
                                                WHAT + " rejected: notificationType is missing",
                                                "notificationType",
                                                "MISSING"));
        NotificationType type =
                NotificationType.of(wire)
                        .orElseThrow(
                                () ->
                                        OcmRequestException.unsupported(
                                                WHAT
                                                        + " rejected: type '"
                                                        + printable(wire)
                                                        + "' is not supported here",
                                                "notificationType"));
        Optional<String> resourceType = JsonBodies.text(json, "resourceType");
        checkResourceType(type, resourceType);

        JsonObject notification = JsonBodies.object(json, "notification").orElse(null);
        Optional<JsonObject> file =
                JsonBodies.object(notification, "file")
                        .or(() -> JsonBodies.object(notification, "folder"));
        Optional<String> topLevelId = JsonBodies.text(json, "providerId");
        Optional<String> providerId =
                file.flatMap(f -> JsonBodies.text(f, "providerId")).or(() -> topLevelId);
        Optional<String> secret = JsonBodies.text(notification, "sharedSecret");
        Optional<String> userId =
                JsonBodies.object(notification, "user")
                        .flatMap(u -> JsonBodies.text(u, "userId"))
                        .or(() -> topLevelId);

        if (type.direction() != NotificationType.Direction.RECIPIENT
                && providerId.isEmpty()
                && secret.isEmpty()) {
            throw OcmRequestException.invalid(
                    WHAT + " rejected: notification.file.providerId is missing",
                    "notification.file.providerId",
                    "MISSING");
        }
        if (type == NotificationType.USER_REMOVED && userId.isEmpty()) {
            throw OcmRequestException.invalid(
                    WHAT + " rejected: notification.user.userId is missing",
                    "notification.user.userId",
                    "MISSING");
        }
        return new ReceivedNotification(
                type,
                JsonBodies.text(json, "senderDomain"),
                resourceType,
                JsonBodies.text(json, "shareType"),
                providerId,
                secret,
                permissions(notification, file),
                userId);
    }

    private static void checkResourceType(NotificationType type, Optional<String> resourceType) {
        if (resourceType.isEmpty()) {
            return;
        }
        String value = resourceType.get();
        boolean known =
                "file".equals(value)
                        || "folder".equals(value)
                        || (type == NotificationType.USER_REMOVED && "user".equals(value));
        if (!known) {
            throw OcmRequestException.unsupported(
                    WHAT
                            + " rejected: resource type '"
                            + printable(value)
                            + "' is not supported here",
                    "resourceType");
        }
    }

    private static Optional<Set<Permissions>> permissions(
            JsonObject notification, Optional<JsonObject> file) {
        Optional<JsonValue> value =
                file.map(f -> f.get("permissions"))
                        .or(() -> Optional.ofNullable(notification).map(n -> n.get("permissions")))
                        .or(() -> protocolPermissions(notification));
        if (value.isEmpty() || value.get() == JsonValue.NULL) {
            return Optional.empty();
        }
        Set<Permissions> granted = EnumSet.noneOf(Permissions.class);
        if (value.get() instanceof JsonString text) {
            granted.addAll(Permissions.fromText(text.getString()));
        } else if (value.get() instanceof JsonArray array) {
            for (JsonValue item : array) {
                Optional<Permissions> permission =
                        item instanceof JsonString text
                                ? Permissions.of(text.getString())
                                : Optional.empty();
                granted.add(
                        permission.orElseThrow(
                                () ->
                                        OcmRequestException.invalid(
                                                WHAT
                                                        + " rejected: permissions may hold only"
                                                        + " read, write and share",
                                                "notification.file.permissions",
                                                "INVALID")));
            }
        }
        if (granted.isEmpty()) {
            throw new OcmRequestException(
                    400,
                    WHAT + " rejected: permissions are empty or unreadable",
                    List.of(
                            new OcmRequestException.FieldError(
                                    "notification.file.permissions", "INVALID")));
        }
        return Optional.of(granted);
    }

    /** ownCloud-Reva: {@code notification.protocol} holds a share protocol object (§11 Q27). */
    private static Optional<JsonValue> protocolPermissions(JsonObject notification) {
        Optional<JsonObject> protocol = JsonBodies.object(notification, "protocol");
        return protocol.flatMap(p -> JsonBodies.object(p, "webdav"))
                .or(() -> protocol.flatMap(p -> JsonBodies.object(p, "options")))
                .map(o -> o.get("permissions"));
    }

    /** Echoes peer text into messages only when short and printable. */
    static String printable(String text) {
        boolean plain = text.length() <= 64 && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        return plain ? text : "(unprintable)";
    }
}
