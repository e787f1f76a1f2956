package io.ocmee.share;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.Peers;
import io.ocmee.delivery.outbox.OutboundMessage;
import io.ocmee.delivery.outbox.Outbox;
import io.ocmee.discovery.Dialect;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.notification.NotificationBody;
import io.ocmee.notification.NotificationType;
import io.ocmee.settings.OcmSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Queues share notifications for peers in the caller's transaction (OCM-NOTES §4, checklist S67–
 * S71, R116): a notification is sent only if the state change it reports commits.
 */
@ApplicationScoped
public class ShareNotifier {

    /** Outbox {@code kind} of the Share Creation Notification; its subject is the share id. */
    public static final String KIND_SHARE = "share";

    /** Outbox {@code kind} of notifications; the subject is the share id. */
    public static final String KIND_NOTIFICATION = "notification";

    @Inject private Outbox outbox;

    @Inject private Peers peers;

    @Inject private OcmSettings settings;

    /**
     * Queues one share notification.
     *
     * @param peer the receiving server, {@code host[:port]}
     * @param type the type
     * @param resourceType the share's resource type as the peer knows it
     * @param shareType the share's share type
     * @param providerId the share's provider id
     * @param permissions the new permissions, for permission changes
     * @param secret the share's secret if we hold it; sent only to legacy or unknown peers
     * @param subjectId our id of the share
     * @param message a human sentence
     * @return the outbox message id
     */
    public String notify(
            String peer,
            NotificationType type,
            String resourceType,
            String shareType,
            String providerId,
            Optional<Set<Permissions>> permissions,
            Optional<String> secret,
            String subjectId,
            String message) {
        Optional<String> legacySecret = secret.filter(s -> !knownModern(peer));
        byte[] body =
                NotificationBody.share(
                                type,
                                settings.providerAuthority(),
                                resourceType,
                                shareType,
                                providerId,
                                permissions,
                                legacySecret,
                                message)
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);
        return outbox.enqueue(
                new OutboundMessage(peer, "/notifications", body, KIND_NOTIFICATION, subjectId));
    }

    /**
     * @return whether the peer is known to speak the current dialect, so that legacy fields that
     *     carry secrets can be left out
     */
    private boolean knownModern(String peer) {
        try {
            return peers.discover(ProviderHost.parse(peer)).dialect() == Dialect.MODERN;
        } catch (DiscoveryException | InvalidOcmAddressException e) {
            return false;
        }
    }
}
