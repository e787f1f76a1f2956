package io.ocmee.rest.admin;

import io.ocmee.trust.PeerView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/** The admin API's JSON form of a peer: states in lower case, times in ISO-8601. */
final class PeerJson {

    private PeerJson() {}

    static JsonObject of(PeerView peer) {
        JsonObjectBuilder json =
                Json.createObjectBuilder()
                        .add("authority", peer.authority())
                        .add("state", peer.trustState().name().toLowerCase(Locale.ROOT))
                        .add("capabilities", Json.createArrayBuilder(peer.capabilities()))
                        .add("criteria", Json.createArrayBuilder(peer.criteria()))
                        .add("firstSeen", peer.firstSeen().toString())
                        .add("lastSeen", peer.lastSeen().toString());
        addIfPresent(
                json,
                "trustedBy",
                peer.trustSource() == null
                        ? null
                        : peer.trustSource().name().toLowerCase(Locale.ROOT));
        addIfPresent(json, "apiVersion", peer.apiVersion());
        addIfPresent(json, "endPoint", peer.endPoint());
        addIfPresent(json, "provider", peer.providerName());
        addIfPresent(json, "lastError", peer.lastError());
        addIfPresent(json, "inviteAcceptDialog", peer.inviteAcceptDialog());
        addIfPresent(
                json,
                "dialect",
                peer.dialect() == null ? null : peer.dialect().name().toLowerCase(Locale.ROOT));
        return json.build();
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
