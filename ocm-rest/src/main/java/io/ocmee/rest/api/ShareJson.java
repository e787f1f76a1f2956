package io.ocmee.rest.api;

import io.ocmee.share.IncomingShareView;
import io.ocmee.share.OutgoingShareView;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** The JSON of the sharing API; times as ISO-8601 instants, expirations as Unix seconds. */
final class ShareJson {

    private ShareJson() {}

    static JsonObject outgoing(OutgoingShareView share) {
        JsonObjectBuilder json =
                Json.createObjectBuilder()
                        .add("id", share.id())
                        .add("providerId", share.providerId())
                        .add("shareWith", share.shareWith())
                        .add("shareType", share.shareType())
                        .add("path", share.path())
                        .add("resourceType", share.resourceType())
                        .add("permissions", strings(share.permissions()))
                        .add("state", share.state())
                        .add("createdAt", share.createdAt().toString())
                        .add("mustExchangeToken", share.mustExchangeToken())
                        .add("tokenExchanges", share.tokenExchanges());
        share.error().ifPresent(e -> json.add("error", e));
        share.recipientDisplayName().ifPresent(n -> json.add("recipientDisplayName", n));
        share.expiration().ifPresent(e -> json.add("expiration", e.getEpochSecond()));
        return json.build();
    }

    static JsonObject incoming(IncomingShareView share) {
        JsonObjectBuilder json =
                Json.createObjectBuilder()
                        .add("id", share.id())
                        .add("name", share.name())
                        .add("owner", share.owner())
                        .add("sender", share.sender())
                        .add("shareType", share.shareType())
                        .add("resourceType", share.resourceType())
                        .add("permissions", strings(share.permissions()))
                        .add("state", share.state())
                        .add("fromContact", share.fromContact())
                        .add("receivedAt", share.receivedAt().toString());
        share.ownerDisplayName().ifPresent(n -> json.add("ownerDisplayName", n));
        share.senderDisplayName().ifPresent(n -> json.add("senderDisplayName", n));
        share.expiration()
                .ifPresentOrElse(
                        e -> json.add("expiration", e.getEpochSecond()),
                        () -> json.addNull("expiration"));
        return json.build();
    }

    static JsonArray outgoingList(List<OutgoingShareView> shares) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        shares.forEach(s -> list.add(outgoing(s)));
        return list.build();
    }

    static JsonArray incomingList(List<IncomingShareView> shares) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        shares.forEach(s -> list.add(incoming(s)));
        return list.build();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        values.forEach(list::add);
        return list;
    }
}
