package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The user and admin APIs behind the container realm with the demo users. */
@ExtendWith(Federation.Extension.class)
class SecurityIT {

    @Test
    void meAnswersTheCallerWithTheirOcmAddress(Federation federation) {
        Http.Reply reply = Http.get(federation.a().url() + "/api/v1/me", "alice", "alice");

        assertThat(reply.status()).isEqualTo(200);
        JsonObject me = reply.json().asJsonObject();
        assertThat(me.getString("user")).isEqualTo("alice");
        assertThat(me.getString("address")).isEqualTo("alice@" + federation.a().authority());
        assertThat(me.getString("displayName")).isEqualTo("Alice");
    }

    @Test
    void meWithoutCredentialsIsUnauthorized(Federation federation) {
        assertThat(Http.get(federation.a().url() + "/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void meWithAWrongPasswordIsUnauthorized(Federation federation) {
        assertThat(Http.get(federation.a().url() + "/api/v1/me", "alice", "bob").status())
                .isEqualTo(401);
    }

    @Test
    void adminApiRefusesAPlainUser(Federation federation) {
        assertThat(Http.get(federation.a().url() + "/api/v1/admin/peers", "bob", "bob").status())
                .isEqualTo(403);
    }

    @Test
    void adminApiAnswersTheAdmin(Federation federation) {
        Http.Reply reply = Http.get(federation.a().url() + "/api/v1/admin/peers", "admin", "admin");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
    }

    @Test
    void adminChangeWithAnUnknownStateIsABadRequest(Federation federation) {
        Http.Reply reply = changePeer(federation, "peer.example", "{\"state\":\"friendly\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().asJsonObject().getString("detail"))
                .isEqualTo("Peer change rejected: state must be trusted, blocked or unknown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "\"x\"", "{\"state\":7}"})
    void adminChangeWithABodyThatIsNotAStateObjectIsABadRequest(
            String body, Federation federation) {
        Http.Reply reply = changePeer(federation, "peer.example", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().asJsonObject().getString("detail"))
                .isEqualTo("Peer change rejected: body must be {\"state\": ...}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not%20a%20host",
                "alice@peer.example",
                "peer.example%2Fpath",
                "x%0d%0aInjected:1"
            })
    void adminChangeOfSomethingThatIsNotAServerIsABadRequest(
            String authority, Federation federation) {
        Http.Reply reply = changePeer(federation, authority, "{\"state\":\"blocked\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().asJsonObject().getString("detail"))
                .startsWith("Peer change rejected: ");
    }

    @Test
    void adminChangeNormalisesTheServerName(Federation federation) {
        Http.Reply reply = changePeer(federation, "Mixed.Example:8443", "{\"state\":\"blocked\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().asJsonObject().getString("authority"))
                .isEqualTo("mixed.example:8443");
    }

    @Test
    void routingErrorsAreProblemDocuments(Federation federation) {
        Http.Reply reply =
                Http.send("DELETE", federation.a().url() + "/api/v1/me", "alice", "alice", null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void adminChangeWithABodyThatIsNotJsonIsABadRequest(Federation federation) {
        Http.Reply reply = changePeer(federation, "peer.example", "not json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().asJsonObject().getString("detail"))
                .isEqualTo("Request rejected: the body is not valid JSON");
    }

    /** An administrator's {@code PUT /api/v1/admin/peers/{authority}} on server A. */
    private static Http.Reply changePeer(Federation federation, String authority, String body) {
        return Http.send(
                "PUT",
                federation.a().url() + "/api/v1/admin/peers/" + authority,
                "admin",
                "admin",
                body);
    }
}
