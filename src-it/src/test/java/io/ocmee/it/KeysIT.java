package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.Schemas;
import io.ocmee.it.support.SigningPeer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * This server's own keys as peers see them (OCM-NOTES §10 P8, P10, P15, P16): the JWK Set at {@code
 * jwksUri} and {@code /.well-known/jwks.json}, the legacy {@code publicKey}, rotation through the
 * admin API, and keys kept across a restart. Uses a private instance because it rotates and
 * restarts.
 */
class KeysIT {

    private static OcmInstance server;

    @BeforeAll
    static void start() {
        server =
                OcmInstance.start(
                        "keys", java.util.Map.of("OCM_SIGNATURE_MUST_USE_HTTP_SIG", "true"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void discoveryAdvertisesHttpSigWithJwksUriAndTheLegacyPublicKey() {
        Http.Reply reply = Http.get(server.url() + "/.well-known/ocm");
        JsonObject doc = reply.json().asJsonObject();

        assertThat(Schemas.violations("Discovery", reply.body())).isEmpty();
        assertThat(strings(doc.getJsonArray("capabilities"))).contains("http-sig");
        assertThat(doc.getString("jwksUri")).isEqualTo(server.url() + "/ocm/jwks");
        assertThat(doc.getJsonObject("publicKey").getString("keyId"))
                .startsWith(server.url() + "/ocm#rsa-");
        assertThat(doc.getJsonObject("publicKey").getString("publicKeyPem"))
                .startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void mustUseHttpSigIsAdvertisedAndRefusesUnsignedRequestsEvenFromLegacyPeers() {
        JsonObject doc = Http.get(server.url() + "/.well-known/ocm").json().asJsonObject();
        try (SigningPeer legacy = SigningPeer.legacy()) {
            String sender = "alice@" + legacy.authority();
            String share =
                    jakarta.json.Json.createObjectBuilder()
                            .add("shareWith", "bob@" + server.authority())
                            .add("name", "unsigned.txt")
                            .add("providerId", "p-1")
                            .add("owner", sender)
                            .add("sender", sender)
                            .add("shareType", "user")
                            .add("resourceType", "file")
                            .build()
                            .toString();

            Http.Reply refused = Http.send("POST", server.url() + "/ocm/shares", null, null, share);

            assertThat(strings(doc.getJsonArray("criteria"))).contains("must-use-http-sig");
            assertThat(refused.status()).isEqualTo(401);
            JsonObject error = refused.json().asJsonObject();
            assertThat(error.getString("message"))
                    .isEqualTo("Request rejected: this server requires signed requests");
            assertThat(error.getJsonArray("validationErrors").getJsonObject(0).getString("message"))
                    .isEqualTo("SIGNATURE_MISSING");
        }
    }

    @Test
    void jwkSetHasKidAndAlgAndNoPrivateParts() {
        JsonArray keys = jwks("/ocm/jwks");

        assertThat(keys).isNotEmpty();
        for (JsonValue value : keys) {
            JsonObject key = value.asJsonObject();
            assertThat(key.getString("kid")).startsWith(server.url() + "/ocm#ed25519-");
            assertThat(key.getString("alg")).isEqualTo("Ed25519");
            assertThat(key.getString("kty")).isEqualTo("OKP");
            assertThat(key.containsKey("d")).isFalse();
        }
        assertThat(jwks("/.well-known/jwks.json")).isEqualTo(keys);
    }

    @Test
    void rotationPublishesBothKeysAndRemovalUnpublishesTheOldOne() {
        String before = jwks("/ocm/jwks").getJsonObject(0).getString("kid");

        Http.Reply rotated =
                Http.send(
                        "POST", server.url() + "/api/v1/admin/keys/rotate", "admin", "admin", null);
        String fresh = rotated.json().asJsonObject().getString("kid");
        List<String> published = kids(jwks("/ocm/jwks"));

        assertThat(rotated.status()).isEqualTo(201);
        assertThat(rotated.json().asJsonObject().getString("state")).isEqualTo("active");
        assertThat(published).contains(before, fresh);
        assertThat(state(before)).isEqualTo("retiring");

        Http.Reply removed = Http.send("DELETE", keyUrl(before), "admin", "admin", null);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(kids(jwks("/ocm/jwks"))).contains(fresh).doesNotContain(before);
    }

    @Test
    void theActiveKeyCannotBeRemoved() {
        String active =
                Http.get(server.url() + "/api/v1/admin/keys", "admin", "admin")
                        .json()
                        .asJsonArray()
                        .stream()
                        .map(JsonValue::asJsonObject)
                        .filter(k -> k.getString("state").equals("active"))
                        .filter(k -> k.getString("purpose").equals("rfc9421"))
                        .findFirst()
                        .orElseThrow()
                        .getString("kid");

        Http.Reply refused = Http.send("DELETE", keyUrl(active), "admin", "admin", null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().asJsonObject().getString("detail"))
                .isEqualTo("Key removal rejected: " + active + " is the active key; rotate first");
        assertThat(kids(jwks("/ocm/jwks"))).contains(active);
    }

    @Test
    void keysAreAdminOnly() {
        assertThat(Http.get(server.url() + "/api/v1/admin/keys", "alice", "alice").status())
                .isEqualTo(403);
    }

    @Test
    void keysSurviveARestart() {
        List<String> before = kids(jwks("/ocm/jwks"));
        String cavage = cavageKeyId();

        server.restart();

        assertThat(kids(jwks("/ocm/jwks"))).isEqualTo(before);
        assertThat(cavageKeyId()).isEqualTo(cavage);
    }

    private static String cavageKeyId() {
        return Http.get(server.url() + "/.well-known/ocm")
                .json()
                .asJsonObject()
                .getJsonObject("publicKey")
                .getString("keyId");
    }

    private static String state(String kid) {
        return Http.get(server.url() + "/api/v1/admin/keys", "admin", "admin")
                .json()
                .asJsonArray()
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(k -> k.getString("kid").equals(kid))
                .findFirst()
                .orElseThrow()
                .getString("state");
    }

    private static String keyUrl(String kid) {
        return server.url()
                + "/api/v1/admin/keys/"
                + URLEncoder.encode(kid, StandardCharsets.UTF_8);
    }

    private static JsonArray jwks(String path) {
        Http.Reply reply = Http.get(server.url() + path);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().asJsonObject().getJsonArray("keys");
    }

    private static List<String> kids(JsonArray keys) {
        return keys.stream().map(k -> k.asJsonObject().getString("kid")).toList();
    }

    private static List<String> strings(JsonArray values) {
        return values.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }
}
