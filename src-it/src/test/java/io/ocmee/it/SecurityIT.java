package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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

    /**
     * A web page of another site making a signed-in user's browser post a share (an HTML form sends
     * {@code text/plain}, and the browser resends the Basic credentials): refused before anything
     * is shared, while clients that are not browsers and this server's own origin pass.
     */
    @Test
    void apiRefusesChangesABrowserSendsFromAnotherSite(Federation federation) {
        String url = federation.a().url() + "/api/v1/shares";
        byte[] formBody =
                "{\"shareWith\":\"eve@localhost:1\",\"path\":\"docs\",\"x\":\"=y\"}\r\n"
                        .getBytes(StandardCharsets.UTF_8);
        String basic =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8));
        String refusal = "Request rejected: a browser sent it from another site (";

        Http.Reply crossSite =
                Http.post(
                        url,
                        List.of(
                                new String[] {"Authorization", basic},
                                new String[] {"Content-Type", "text/plain"},
                                new String[] {"Origin", "http://attacker.example"},
                                new String[] {"Sec-Fetch-Site", "cross-site"}),
                        formBody);
        assertThat(crossSite.status()).as(crossSite.body()).isEqualTo(403);
        assertThat(crossSite.json().asJsonObject().getString("detail"))
                .isEqualTo(refusal + "sent from another site); use this server's own pages");

        Http.Reply foreignOrigin =
                Http.post(
                        url,
                        List.of(
                                new String[] {"Authorization", basic},
                                new String[] {"Origin", "http://attacker.example"}),
                        formBody);
        assertThat(foreignOrigin.status()).isEqualTo(403);
        assertThat(foreignOrigin.json().asJsonObject().getString("detail"))
                .isEqualTo(refusal + "its origin is not this server); use this server's own pages");

        // the same request from this server's own origin, or from a client that is no browser,
        // reaches the API (and is judged on its content: no such file)
        for (List<String[]> headers :
                List.of(
                        List.<String[]>of(
                                new String[] {"Authorization", basic},
                                new String[] {"Origin", federation.a().url()},
                                new String[] {"Sec-Fetch-Site", "same-origin"}),
                        List.<String[]>of(new String[] {"Authorization", basic}))) {
            Http.Reply passed = Http.post(url, headers, formBody);
            assertThat(passed.status()).as(passed.body()).isNotEqualTo(403).isBetween(400, 499);
        }
    }

    /** JSON nested beyond the parser's limit is malformed input, on every kind of endpoint. */
    @Test
    void jsonNestedTooDeeplyIsABadRequestNotAServerError(Federation federation) {
        byte[] deep = "[".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        Http.Reply protocol =
                Http.post(
                        federation.a().url() + "/ocm/invite-accepted",
                        List.<String[]>of(new String[] {"Content-Type", "application/json"}),
                        deep);
        // the signer is looked up in the body before the signature is checked: a body that cannot
        // be read names no signer, so the unsigned request is refused as such (it was a 500)
        assertThat(protocol.status()).as(protocol.body()).isEqualTo(401);
        assertThat(protocol.json().asJsonObject().getString("message"))
                .isEqualTo("Request rejected: unsigned, and the payload names no sending server");

        Http.Reply api =
                Http.send(
                        "POST",
                        federation.a().url() + "/api/v1/shares",
                        "alice",
                        "alice",
                        "[".repeat(100_000));
        assertThat(api.status()).as(api.body()).isEqualTo(400);
        assertThat(api.json().asJsonObject().getString("detail"))
                .isEqualTo("Request rejected: the body is not a JSON object");
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
