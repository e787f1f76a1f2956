package io.ocmee.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocmee.share.OcmRequestException;
import io.ocmee.share.Permissions;
import io.ocmee.share.ShareFixtures;
import org.junit.jupiter.api.Test;

/** Notifications of every deployed dialect, from fixtures written after OCM-NOTES §4 and §11. */
class NotificationParserTest {

    private static ReceivedNotification parse(String fixture) {
        return NotificationParser.parse(ShareFixtures.read("notifications/" + fixture));
    }

    private static OcmRequestException refusal(String fixture) {
        return catchThrowableOfType(() -> parse(fixture), OcmRequestException.class);
    }

    @Test
    void readsEd2026ShareAcceptedWithFileProviderId() {
        // checklist R118, §4.1
        ReceivedNotification n = parse("ed-2026-share-accepted.json");

        assertThat(n.type()).isEqualTo(NotificationType.SHARE_ACCEPTED);
        assertThat(n.senderDomain()).contains("files.example.com");
        assertThat(n.providerId()).contains("a7c1e0b2-5f7e-4c1c-9e2b-1f0c6c1d2e33");
        assertThat(n.sharedSecret()).isEmpty();
    }

    @Test
    void readsNextcloudTopLevelProviderIdAndSharedSecret() {
        // checklist R119, §11 Q8
        ReceivedNotification n = parse("nextcloud-share-declined-secret.json");

        assertThat(n.type()).isEqualTo(NotificationType.SHARE_DECLINED);
        assertThat(n.senderDomain()).isEmpty();
        assertThat(n.providerId()).contains("a7c1e0b2-5f7e-4c1c-9e2b-1f0c6c1d2e33");
        assertThat(n.sharedSecret()).contains("Zx81opaque");
    }

    @Test
    void readsOcisChangePermissionFromNotificationProtocol() {
        // §11 Q27: notification.grantee and notification.protocol
        ReceivedNotification n = parse("ocis-change-permission.json");

        assertThat(n.type()).isEqualTo(NotificationType.SHARE_CHANGE_PERMISSION);
        assertThat(n.providerId()).contains("417");
        assertThat(n.permissions())
                .contains(java.util.EnumSet.of(Permissions.READ, Permissions.WRITE));
    }

    @Test
    void readsNextcloudReshareChangePermissionWithoutUsablePermissions() {
        // §11 Q8: Nextcloud's variant carries no permission list; the service answers 400 for it
        ReceivedNotification n = parse("nextcloud-reshare-change-permission.json");

        assertThat(n.type()).isEqualTo(NotificationType.RESHARE_CHANGE_PERMISSION);
        assertThat(n.permissions()).isEmpty();
        assertThat(n.sharedSecret()).contains("R7qk2WbnQ0xPpTz");
    }

    @Test
    void readsUserRemovedUserId() {
        ReceivedNotification n = parse("user-removed.json");

        assertThat(n.type()).isEqualTo(NotificationType.USER_REMOVED);
        assertThat(n.userId()).contains("frank");
    }

    @Test
    void answers501ForUnknownTypes() {
        // checklist R120, §11 Q27: never a silent 201
        OcmRequestException refused = refusal("unknown-type.json");

        assertThat(refused.status()).isEqualTo(501);
        assertThat(refused.getMessage())
                .isEqualTo("Notification rejected: type 'MESSAGE_POSTED' is not supported here");
    }

    @Test
    void answers400WithoutNotificationType() {
        OcmRequestException refused = refusal("missing-type.json");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors())
                .extracting(OcmRequestException.FieldError::name)
                .containsExactly("notificationType");
    }

    @Test
    void answers400ForShareEventNamingNoShare() {
        OcmRequestException refused =
                catchThrowableOfType(
                        () ->
                                NotificationParser.parse(
                                        "{\"notificationType\":\"SHARE_UNSHARED\",\"resourceType\":\"file\"}"
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        OcmRequestException.class);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage())
                .isEqualTo("Notification rejected: notification.file.providerId is missing");
    }

    @Test
    void parsesRequestReshareForTheServiceToRefuse() {
        assertThat(parse("request-reshare.json").type())
                .isEqualTo(NotificationType.REQUEST_RESHARE);
    }
}
