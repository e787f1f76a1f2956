package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.Schemas;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our own discovery document as peers fetch it (OCM-NOTES §10 P1–P6, P15). */
@ExtendWith(Federation.Extension.class)
class DiscoveryServedIT {

    @ParameterizedTest
    @ValueSource(
            strings = {"/.well-known/ocm", "/.well-known/ocm/", "/ocm-provider", "/ocm-provider/"})
    void servesDiscoveryUnauthenticatedAsJsonWithoutRedirect(String path, Federation federation) {
        Http.Reply reply = Http.get(federation.a().url() + path);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(Schemas.violations("Discovery", reply.body())).isEmpty();
    }

    @Test
    void wellKnownDocumentValidatesAndPointsAtThePublicUrl(Federation federation) {
        Http.Reply reply = Http.get(federation.a().url() + "/.well-known/ocm");
        JsonObject doc = reply.json().asJsonObject();

        assertThat(Schemas.violations("Discovery", reply.body())).isEmpty();
        assertThat(doc.getBoolean("enabled")).isTrue();
        assertThat(doc.getString("endPoint")).isEqualTo(federation.a().url() + "/ocm");
        assertThat(doc.getString("apiVersion")).isEqualTo("1.5.0");
        assertThat(doc.getJsonArray("resourceTypes"))
                .allSatisfy(
                        type -> {
                            JsonObject t = type.asJsonObject();
                            assertThat(t.getJsonArray("shareTypes").getString(0)).isEqualTo("user");
                            assertThat(t.getJsonObject("protocols").getString("webdav"))
                                    .isEqualTo("/ocm/webdav/");
                        });
    }

    @Test
    void legacyPathSpeaksAVersionThatOldNextcloudAccepts(Federation federation) {
        JsonObject legacy = Http.get(federation.a().url() + "/ocm-provider/").json().asJsonObject();
        JsonObject modern =
                Http.get(federation.a().url() + "/.well-known/ocm").json().asJsonObject();

        assertThat(legacy.getString("apiVersion")).isEqualTo("1.1.0");
        assertThat(legacy.getString("endPoint")).isEqualTo(modern.getString("endPoint"));
        assertThat(legacy.get("resourceTypes")).isEqualTo(modern.get("resourceTypes"));
    }

    @Test
    void schemaCheckRejectsADocumentWithoutEndPoint() {
        String broken = "{\"enabled\":true,\"apiVersion\":\"1.5.0\",\"resourceTypes\":[]}";

        assertThat(Schemas.violations("Discovery", broken)).contains("endPoint");
    }
}
