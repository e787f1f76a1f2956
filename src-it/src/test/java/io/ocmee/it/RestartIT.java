package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Data written before a restart is there after it: the database lives in the data directory. */
class RestartIT {

    @Test
    void peerTrustSurvivesARestartOnTheSameDataDirectory() {
        try (OcmInstance server = OcmInstance.start("restart")) {
            Http.Reply changed =
                    Http.send(
                            "PUT",
                            server.url() + "/api/v1/admin/peers/Blocked.Example:8443",
                            "admin",
                            "admin",
                            "{\"state\":\"blocked\"}");
            assertThat(changed.status()).isEqualTo(200);
            String firstSeen = changed.json().asJsonObject().getString("firstSeen");

            server.restart();

            Http.Reply listed = Http.get(server.url() + "/api/v1/admin/peers", "admin", "admin");
            assertThat(listed.status()).isEqualTo(200);
            JsonObject peer = listed.json().asJsonArray().getJsonObject(0);
            assertThat(peer.getString("authority")).isEqualTo("blocked.example:8443");
            assertThat(peer.getString("state")).isEqualTo("blocked");
            assertThat(peer.getString("trustedBy")).isEqualTo("admin");
            assertThat(peer.getString("firstSeen")).isEqualTo(firstSeen);
        }
    }
}
