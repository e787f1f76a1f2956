package io.ocmee.notification;

import io.ocmee.share.Permissions;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the share notifications we send (OCM-NOTES §4.1, checklist S67–S71): the ED-2026-08 fields
 * ({@code senderDomain}, {@code resourceType}, {@code shareType}, {@code
 * notification.file.providerId}) and always the legacy top-level {@code providerId} that -05
 * receivers and the OpenAPI 1.4.0 {@code NewNotification} schema require (§4.2 rec). The legacy
 * {@code notification.sharedSecret} that Nextcloud needs (§11 Q8) is added only when the caller
 * passes it: for peers of a legacy or unknown dialect. Stateless.
 */
public final class NotificationBody {

    private NotificationBody() {}

    /**
     * @param type the notification type
     * @param senderDomain our provider authority
     * @param resourceType the share's resource type as sent/received
     * @param shareType the share's share type
     * @param providerId the share's provider id
     * @param permissions the new permissions, for permission changes
     * @param legacySecret the share's secret, for legacy peers only
     * @param message a human sentence
     * @return the JSON object
     */
    public static JsonObject share(
            NotificationType type,
            String senderDomain,
            String resourceType,
            String shareType,
            String providerId,
            Optional<Set<Permissions>> permissions,
            Optional<String> legacySecret,
            String message) {
        JsonObjectBuilder file = Json.createObjectBuilder().add("providerId", providerId);
        permissions.ifPresent(
                p -> {
                    JsonArrayBuilder list = Json.createArrayBuilder();
                    Permissions.wire(p).forEach(list::add);
                    file.add("permissions", list);
                });
        JsonObjectBuilder notification =
                Json.createObjectBuilder().add("message", message).add("file", file);
        legacySecret.ifPresent(secret -> notification.add("sharedSecret", secret));
        return Json.createObjectBuilder()
                .add("notificationType", type.name())
                .add("senderDomain", senderDomain)
                .add("resourceType", resourceType)
                .add("shareType", shareType)
                .add("providerId", providerId)
                .add("notification", notification)
                .build();
    }
}
