package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two instances discover each other over real HTTP on loopback (OCM-NOTES §2.2). */
@ExtendWith(Federation.Extension.class)
class FederationDiscoveryIT {

    @Test
    void aDiscoversB(Federation federation) {
        assertDiscovers(federation.a(), federation.b());
    }

    @Test
    void bDiscoversA(Federation federation) {
        assertDiscovers(federation.b(), federation.a());
    }

    @Test
    void anOcmAddressCanBeUsedInsteadOfTheProvider(Federation federation) {
        Http.Reply reply =
                Http.get(
                        federation.a().url() + "/api/v1/peers/bob@" + federation.b().authority(),
                        "alice",
                        "alice");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().asJsonObject().getString("provider"))
                .isEqualTo(federation.b().authority());
    }

    @Test
    void discoveredPeersAreRecordedInTheRegistry(Federation federation) {
        Http.get(
                federation.a().url() + "/api/v1/peers/" + federation.b().authority(),
                "alice",
                "alice");

        Http.Reply peers = Http.get(federation.a().url() + "/api/v1/admin/peers", "admin", "admin");
        JsonObject b =
                peers.json().asJsonArray().stream()
                        .map(v -> v.asJsonObject())
                        .filter(p -> p.getString("authority").equals(federation.b().authority()))
                        .findFirst()
                        .orElseThrow();
        // Recorded as seen; "trusted" when an invite test on the shared fixture already made the
        // two servers trust each other (invites make servers trusted by default), never blocked.
        assertThat(b.getString("state")).isIn("unknown", "trusted");
        assertThat(b.getString("endPoint")).isEqualTo(federation.b().url() + "/ocm");
        assertThat(b.getString("apiVersion")).isEqualTo("1.5.0");
    }

    @Test
    void anUnreachablePeerIsABadGatewayWithItsKind(Federation federation) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Http.Reply reply =
                Http.get(
                        federation.a().url() + "/api/v1/peers/localhost:" + closedPort,
                        "alice",
                        "alice");

        assertThat(reply.status()).isEqualTo(502);
        JsonObject problem = reply.json().asJsonObject();
        assertThat(problem.getString("kind")).isEqualTo("UNREACHABLE");
        assertThat(problem.getString("detail"))
                .startsWith("Peer lookup failed: ")
                .contains("localhost:" + closedPort);
    }

    @Test
    void aMalformedProviderIsABadRequest(Federation federation) {
        Http.Reply reply =
                Http.get(federation.a().url() + "/api/v1/peers/bad%20host", "alice", "alice");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().asJsonObject().getString("detail"))
                .startsWith("Peer lookup rejected:");
    }

    private static void assertDiscovers(OcmInstance from, OcmInstance to) {
        Http.Reply reply =
                Http.get(from.url() + "/api/v1/peers/" + to.authority(), "alice", "alice");

        assertThat(reply.status()).isEqualTo(200);
        JsonObject peer = reply.json().asJsonObject();
        assertThat(peer.getString("provider")).isEqualTo(to.authority());
        assertThat(peer.getBoolean("enabled")).isTrue();
        assertThat(peer.getString("endPoint")).isEqualTo(to.url() + "/ocm");
        assertThat(peer.getString("webdav")).isEqualTo("/ocm/webdav/");
        assertThat(peer.getJsonArray("resourceTypes").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString)
                .containsExactlyInAnyOrder("file", "folder");
    }
}
