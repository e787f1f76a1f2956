package io.ocmee.share;

import io.ocmee.discovery.advertised.DiscoveryDocumentService;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the Share Creation Notification we send (OCM-NOTES §3.3, §3.4; checklist S23, S25, S27,
 * S29–S31, S39, S40, S43) in the shape its {@link SharePlan} chose. Besides {@code sender} and
 * {@code senderDisplayName} it carries Nextcloud's {@code sharedBy}/{@code sharedByDisplayName}
 * (§11 Q4). The secret appears only as {@code sharedSecret}, never in a URI. Stateless.
 */
public final class ShareCreationBody {

    private ShareCreationBody() {}

    /**
     * @param draft the share
     * @param secret the shared secret, held by the caller only while the body is built
     * @param publicBase our public URL without a trailing slash
     * @return the JSON object
     */
    public static JsonObject json(ShareDraft draft, String secret, String publicBase) {
        JsonObjectBuilder body =
                Json.createObjectBuilder()
                        .add("shareWith", draft.shareWith().format())
                        .add("name", draft.path().name())
                        .add("providerId", draft.providerId())
                        .add("owner", draft.ownerAddress())
                        .add("sender", draft.ownerAddress())
                        .add("ownerDisplayName", draft.ownerDisplayName())
                        .add("senderDisplayName", draft.ownerDisplayName())
                        .add("sharedBy", draft.ownerAddress())
                        .add("sharedByDisplayName", draft.ownerDisplayName())
                        .add("shareType", draft.shareType())
                        .add("resourceType", draft.sentResourceType())
                        .add("protocol", protocol(draft, secret, publicBase));
        draft.expiration().ifPresent(e -> body.add("expiration", e.getEpochSecond()));
        return body.build();
    }

    /**
     * @return {@link #json} as UTF-8 bytes, the exact body handed to the outbox
     */
    public static byte[] bytes(ShareDraft draft, String secret, String publicBase) {
        return json(draft, secret, publicBase).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param providerId the share's opaque id
     * @param publicBase our public URL without a trailing slash
     * @return the absolute WebDAV URI of the share, {@code <public URL>/ocm/webdav/<providerId>}
     */
    public static String webdavUri(String providerId, String publicBase) {
        return publicBase + DiscoveryDocumentService.WEBDAV_PATH + providerId;
    }

    private static JsonObjectBuilder protocol(ShareDraft draft, String secret, String publicBase) {
        JsonArrayBuilder permissions = Json.createArrayBuilder();
        Permissions.wire(draft.permissions()).forEach(permissions::add);
        if (draft.plan().shape() == ProtocolShape.OPTIONS) {
            return Json.createObjectBuilder()
                    .add("name", "webdav")
                    .add(
                            "options",
                            Json.createObjectBuilder()
                                    .add("sharedSecret", secret)
                                    .add(
                                            "permissions",
                                            String.join(
                                                    ", ", Permissions.wire(draft.permissions()))));
        }
        String uri =
                draft.plan().relativeUri()
                        ? draft.providerId()
                        : webdavUri(draft.providerId(), publicBase);
        JsonObjectBuilder webdav =
                Json.createObjectBuilder()
                        .add("uri", uri)
                        .add("sharedSecret", secret)
                        .add("permissions", permissions);
        if (draft.plan().mustExchangeToken()) {
            webdav.add("requirements", Json.createArrayBuilder().add("must-exchange-token"));
        }
        return Json.createObjectBuilder().add("name", "multi").add("webdav", webdav);
    }
}
