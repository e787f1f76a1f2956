package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.FakePeer;
import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.Poll;
import io.ocmee.it.support.SignedPeerClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Invites and contacts (issue 6, OCM-NOTES §5) between the two real servers of the federation
 * fixture, and against fake peers: every answer of {@code /ocm/invite-accepted}, concurrent
 * acceptances, re-acceptance after a contact was deleted, qualified user ids, and the mapping of a
 * sender's refusals to the receiving user.
 */
@ExtendWith(Federation.Extension.class)
class InvitesIT {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void inviteMakesContactsOnBothSidesAndSharesFlowBothWays(Federation federation) {
        OcmInstance a = federation.a();
        OcmInstance b = federation.b();

        // sender: alice@A makes an invite; the token is shown once
        JsonObject invite = createInvite(a, "alice", "{\"description\":\"for bob\"}");
        String token = invite.getString("token");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(invite.getString("inviteString")).doesNotContain("=");
        assertThat(decode(invite.getString("inviteString"))).isEqualTo(token + "@" + a.authority());
        assertThat(invite.getString("inviteLink")).isEqualTo(a.url() + "/ocm/wayf?token=" + token);
        JsonObject listed = findById(list(a, "alice", "/api/v1/invites"), invite.getString("id"));
        assertThat(listed.getString("state")).isEqualTo("pending");
        assertThat(listed.containsKey("token")).isFalse();
        assertThat(listed.containsKey("inviteString")).isFalse();

        // receiver: bob@B accepts the padded form of the invite string
        String padded =
                Base64.getUrlEncoder()
                        .encodeToString(
                                (token + "@" + a.authority()).getBytes(StandardCharsets.UTF_8));
        Http.Reply accepted =
                send(b, "bob", "POST", "/api/v1/invites/accept", inviteString(padded));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonObject bobsContact = accepted.json().asJsonObject();
        assertThat(bobsContact.getString("address")).isEqualTo("alice@" + a.authority());
        assertThat(bobsContact.getString("name")).isEqualTo("Alice");
        assertThat(bobsContact.getString("provider")).isEqualTo(a.authority());

        // bob accepting again at once (a double click) is the same acceptance, not a replay:
        // the second signed request differs from the first by its nonce
        Http.Reply twice = send(b, "bob", "POST", "/api/v1/invites/accept", inviteString(padded));
        assertThat(twice.status()).as(twice.body()).isEqualTo(200);
        assertThat(twice.json().asJsonObject().getString("address"))
                .isEqualTo("alice@" + a.authority());

        // both sides end with a usable contact
        JsonObject alicesContact = contact(a, "alice", "bob@" + b.authority());
        assertThat(alicesContact).as("alice's contact for bob").isNotNull();
        assertThat(alicesContact.getString("name")).isEqualTo("Bob");
        assertThat(contact(b, "bob", "alice@" + a.authority())).isNotNull();
        assertThat(
                        findById(list(a, "alice", "/api/v1/invites"), invite.getString("id"))
                                .getString("state"))
                .isEqualTo("accepted");
        assertThat(peerState(a, b.authority())).isEqualTo("trusted");
        assertThat(peerState(b, a.authority())).isEqualTo("trusted");

        // sharing works in both directions with the contact addresses
        String tag = UUID.randomUUID().toString().substring(0, 8);
        shareFile(a, "alice", alicesContact.getString("address"), "to-bob-" + tag + ".txt");
        shareFile(b, "bob", bobsContact.getString("address"), "to-alice-" + tag + ".txt");
        JsonObject atBob = awaitIncoming(b, "bob", "to-bob-" + tag + ".txt");
        JsonObject atAlice = awaitIncoming(a, "alice", "to-alice-" + tag + ".txt");
        assertThat(atBob.getString("sender")).isEqualTo("alice@" + a.authority());
        assertThat(atBob.getBoolean("fromContact")).isTrue();
        assertThat(atAlice.getString("sender")).isEqualTo("bob@" + b.authority());
        assertThat(atAlice.getBoolean("fromContact")).isTrue();
        assertThat(
                        send(
                                        b,
                                        "bob",
                                        "POST",
                                        "/api/v1/shares/incoming/"
                                                + atBob.getString("id")
                                                + "/accept",
                                        null)
                                .status())
                .isEqualTo(200);

        // someone else on B accepting the same invite: A answers 409, B says so to carol
        Http.Reply carol = send(b, "carol", "POST", "/api/v1/invites/accept", inviteString(padded));
        assertProblem(
                carol,
                409,
                "Invite rejected by "
                        + a.authority()
                        + ": the invite was already accepted by someone else ("
                        + a.authority()
                        + " said: Invite acceptance rejected: the invite was already accepted by"
                        + " someone else)");
        assertThat(contact(b, "carol", "alice@" + a.authority())).isNull();

        // re-acceptance after both deleted the contact: 200, contacts made anew (not stuck at 409)
        assertThat(
                        send(
                                        b,
                                        "bob",
                                        "DELETE",
                                        "/api/v1/contacts/" + bobsContact.getString("id"),
                                        null)
                                .status())
                .isEqualTo(204);
        assertThat(
                        send(
                                        a,
                                        "alice",
                                        "DELETE",
                                        "/api/v1/contacts/" + alicesContact.getString("id"),
                                        null)
                                .status())
                .isEqualTo(204);
        assertThat(contact(b, "bob", "alice@" + a.authority())).isNull();
        Http.Reply again =
                send(
                        b,
                        "bob",
                        "POST",
                        "/api/v1/invites/accept",
                        "{\"token\":\"" + token + "\",\"providerDomain\":\"" + a.url() + "\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(contact(b, "bob", "alice@" + a.authority())).isNotNull();
        assertThat(contacts(a, "alice", "bob@" + b.authority())).hasSize(1);
        assertThat(
                        send(
                                        a,
                                        "alice",
                                        "DELETE",
                                        "/api/v1/contacts/" + alicesContact.getString("id"),
                                        null)
                                .status())
                .as("the deleted contact is gone for good")
                .isEqualTo(404);
    }

    @Test
    void revokedUnknownOwnAndUnreachableInvitesAreClearErrorsForTheUser(Federation federation) {
        OcmInstance a = federation.a();
        OcmInstance b = federation.b();
        JsonObject invite = createInvite(a, "alice", "{}");
        assertThat(
                        send(
                                        a,
                                        "alice",
                                        "DELETE",
                                        "/api/v1/invites/" + invite.getString("id"),
                                        null)
                                .status())
                .isEqualTo(204);
        assertThat(
                        send(a, "bob", "DELETE", "/api/v1/invites/" + invite.getString("id"), null)
                                .status())
                .as("only the owner may revoke")
                .isEqualTo(404);

        assertProblem(
                send(
                        b,
                        "bob",
                        "POST",
                        "/api/v1/invites/accept",
                        inviteString(invite.getString("inviteString"))),
                400,
                "Invite rejected by "
                        + a.authority()
                        + ": the invite is unknown, revoked or expired; ask for a new one"
                        + " ("
                        + a.authority()
                        + " said: Invite acceptance rejected: the token is"
                        + " unknown or was revoked)");
        assertProblem(
                send(
                        b,
                        "bob",
                        "POST",
                        "/api/v1/invites/accept",
                        "{\"token\":\"no-such-token\",\"providerDomain\":\""
                                + a.authority()
                                + "\"}"),
                400,
                "Invite rejected by "
                        + a.authority()
                        + ": the invite is unknown, revoked or expired; ask for a new one"
                        + " ("
                        + a.authority()
                        + " said: Invite acceptance rejected: the token is"
                        + " unknown or was revoked)");
        assertProblem(
                send(
                        a,
                        "bob",
                        "POST",
                        "/api/v1/invites/accept",
                        inviteString(createInvite(a, "alice", "{}").getString("inviteString"))),
                400,
                "Invite rejected: this invite was made on this server; invites connect users of"
                        + " two different servers");
        int nobody = FakePeer.freePort();
        assertProblem(
                send(
                        b,
                        "bob",
                        "POST",
                        "/api/v1/invites/accept",
                        "{\"token\":\"t\",\"providerDomain\":\"localhost:" + nobody + "\"}"),
                502,
                "Invite acceptance failed: localhost:"
                        + nobody
                        + " cannot be reached (unreachable); try again later");
        assertProblem(
                send(b, "bob", "POST", "/api/v1/invites/accept", inviteString("!!not-base64")),
                400,
                "Invite rejected: the invite string is not base64url");
        assertProblem(
                send(b, "bob", "POST", "/api/v1/invites/accept", "{\"token\":\"t\"}"),
                400,
                "Invite rejected: give {\"inviteString\"} or {\"token\", \"providerDomain\"}");
        assertProblem(
                send(a, "alice", "POST", "/api/v1/invites", "{\"expiresInSeconds\":0}"),
                400,
                "Invite rejected: expiresInSeconds must be between 1 and 31536000");
        assertProblem(
                send(a, "alice", "POST", "/api/v1/invites", "{\"email\":\"not an address\"}"),
                400,
                "Invite rejected: email must be an e-mail address");
    }

    @Test
    void receiverMapsEachRefusalOfTheSenderAndNormalisesTheAnsweredUserId(Federation federation) {
        OcmInstance b = federation.b();
        try (FakePeer sender =
                FakePeer.start(
                        FakePeer.Reply.of(403, "{\"message\":\"not trusted\"}"),
                        FakePeer.Reply.of(404, "{\"message\":\"unknown token\"}"),
                        FakePeer.Reply.of(409, "{}"),
                        FakePeer.Reply.of(500, "{}"),
                        FakePeer.Reply.of(200, "[]"))) {
            String host = sender.authority();
            String accept = "{\"token\":\"tok@en\",\"providerDomain\":\"" + host + "\"}";

            assertProblem(
                    send(b, "bob", "POST", "/api/v1/invites/accept", accept),
                    403,
                    "Invite rejected by "
                            + host
                            + ": it does not trust this server ("
                            + host
                            + " said: not trusted)");
            assertProblem(
                    send(b, "bob", "POST", "/api/v1/invites/accept", accept),
                    400,
                    "Invite rejected by "
                            + host
                            + ": the invite is unknown, revoked or expired;"
                            + " ask for a new one ("
                            + host
                            + " said: unknown token)");
            assertProblem(
                    send(b, "bob", "POST", "/api/v1/invites/accept", accept),
                    409,
                    "Invite rejected by "
                            + host
                            + ": the invite was already accepted by someone else");
            assertProblem(
                    send(b, "bob", "POST", "/api/v1/invites/accept", accept),
                    502,
                    "Invite acceptance failed: " + host + " answered 500; try again later");
            assertProblem(
                    send(b, "bob", "POST", "/api/v1/invites/accept", accept),
                    502,
                    "Invite acceptance failed: " + host + " accepted but answered no JSON object");
            assertThat(
                            contacts(b, "bob", null).stream()
                                    .filter(c -> c.getString("provider").equals(host)))
                    .as("no contact from any refusal")
                    .isEmpty();

            JsonObject request = Json.parse(sender.received().get(0).body());
            assertThat(request.getString("recipientProvider")).isEqualTo(b.authority());
            assertThat(request.getString("token")).isEqualTo("tok@en");
            assertThat(request.getString("userID")).isEqualTo("bob");
            assertThat(request.getString("name")).isEqualTo("Bob");
            assertThat(request.containsKey("email")).isTrue();
        }
    }

    @Test
    void qualifiedUserIdFromTheSenderBecomesABareContactAddress(Federation federation) {
        OcmInstance b = federation.b();
        int port = FakePeer.freePort();
        String host = "localhost:" + port;
        try (FakePeer sender =
                FakePeer.startOn(
                        port,
                        FakePeer.Reply.of(
                                200,
                                "{\"userID\":\"dana@https://"
                                        + host
                                        + "\",\"email\":"
                                        + "\"dana@example.org\",\"name\":\"Dana\"}"))) {
            Http.Reply reply =
                    send(
                            b,
                            "bob",
                            "POST",
                            "/api/v1/invites/accept",
                            "{\"token\":\"t1\",\"providerDomain\":\"" + host + "\"}");

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonObject contact = reply.json().asJsonObject();
            assertThat(contact.getString("address")).isEqualTo("dana@" + host);
            assertThat(contact.getString("email")).isEqualTo("dana@example.org");
            assertThat(contact(b, "bob", "dana@" + host)).isNotNull();
            assertThat(sender.received()).hasSize(1);
        }
    }

    @Test
    void inviteAcceptedAnswersEveryStatusInTheProtocolFormat(Federation federation) {
        OcmInstance a = federation.a();
        String endpoint = a.url() + "/ocm/invite-accepted";
        try (SignedPeerClient peer = SignedPeerClient.start()) {
            String token = createInvite(a, "alice", "{}").getString("token");

            // 400 malformed: every missing field listed
            Http.Reply malformed =
                    peer.post(endpoint, "{\"recipientProvider\":\"" + peer.authority() + "\"}");
            assertOcmError(
                    malformed,
                    400,
                    "Invite acceptance rejected: 2 field(s) missing or" + " invalid");
            assertThat(errorCodes(malformed)).containsExactly("token:MISSING", "userID:MISSING");

            // 400 unknown token
            assertOcmError(
                    peer.post(endpoint, acceptance(peer, "nope", "u1", "U")),
                    400,
                    "Invite acceptance rejected: the token is unknown or was revoked");

            // 401 a signed peer's unsigned request
            Http.Reply unsigned =
                    Http.send("POST", endpoint, null, null, acceptance(peer, token, "u1", "U"));
            assertOcmError(unsigned, 401, null);
            assertThat(errorCodes(unsigned)).containsExactly("signature:SIGNATURE_MISSING");

            // 200 with a userID qualified as id@https://host: contact is id@host
            Http.Reply ok =
                    peer.post(
                            endpoint,
                            acceptance(peer, token, "u1@https://" + peer.authority(), "User One"));
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            JsonObject sender = ok.json().asJsonObject();
            assertThat(sender.getString("userID")).isEqualTo("alice");
            assertThat(sender.getString("name")).isEqualTo("Alice");
            assertThat(sender.containsKey("email")).isTrue();
            JsonObject contact = contact(a, "alice", "u1@" + peer.authority());
            assertThat(contact.getString("name")).isEqualTo("User One");

            // 200 again for the same receiver (also as userId and as id@host), contact refreshed
            Http.Reply repeated =
                    peer.post(
                            endpoint,
                            "{\"recipientProvider\":\""
                                    + peer.authority()
                                    + "\",\"token\":\""
                                    + token
                                    + "\",\"userId\":\"u1@"
                                    + peer.authority()
                                    + "\",\"email\":\"u1@example.org\",\"name\":\"User 1\"}");
            assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
            assertThat(contacts(a, "alice", "u1@" + peer.authority())).hasSize(1);
            assertThat(contact(a, "alice", "u1@" + peer.authority()).getString("name"))
                    .isEqualTo("User 1");

            // 409 someone else of the same server
            assertOcmError(
                    peer.post(endpoint, acceptance(peer, token, "u2", "U2")),
                    409,
                    "Invite acceptance rejected: the invite was already accepted by someone else");
            assertThat(contact(a, "alice", "u2@" + peer.authority())).isNull();
        }
    }

    @Test
    void expiredInviteIsRefusedWith400(Federation federation) throws Exception {
        OcmInstance a = federation.a();
        String endpoint = a.url() + "/ocm/invite-accepted";
        try (SignedPeerClient peer = SignedPeerClient.start()) {
            JsonObject invite = createInvite(a, "alice", "{\"expiresInSeconds\":1}");
            Poll.until(
                    "invite expired",
                    DEADLINE,
                    () -> findById(list(a, "alice", "/api/v1/invites"), invite.getString("id")),
                    i -> i.getString("state").equals("expired"));

            Http.Reply reply =
                    peer.post(endpoint, acceptance(peer, invite.getString("token"), "u", "U"));

            assertOcmError(reply, 400, "Invite acceptance rejected: the invite has expired");
            assertThat(errorCodes(reply)).containsExactly("token:EXPIRED");
            assertThat(contact(a, "alice", "u@" + peer.authority())).isNull();
        }
    }

    @Test
    void blockedServerIsRefusedWith403AndNothingChanges(Federation federation) {
        OcmInstance a = federation.a();
        try (SignedPeerClient peer = SignedPeerClient.start()) {
            JsonObject invite = createInvite(a, "alice", "{}");
            assertThat(changePeer(a, peer.authority(), "blocked").status()).isEqualTo(200);

            Http.Reply reply =
                    peer.post(
                            a.url() + "/ocm/invite-accepted",
                            acceptance(peer, invite.getString("token"), "u", "U"));

            assertOcmError(
                    reply,
                    403,
                    "Request rejected: "
                            + peer.authority()
                            + " is blocked by this server's trust policy (set by an"
                            + " administrator)");
            assertThat(errorCodes(reply)).containsExactly("sender:PEER_BLOCKED");
            assertThat(
                            findById(list(a, "alice", "/api/v1/invites"), invite.getString("id"))
                                    .getString("state"))
                    .isEqualTo("pending");
            assertThat(contact(a, "alice", "u@" + peer.authority())).isNull();
            assertThat(peerState(a, peer.authority())).isEqualTo("blocked");
        }
    }

    @Test
    void twentyConcurrentAcceptancesMakeExactlyOneContact(Federation federation) throws Exception {
        OcmInstance a = federation.a();
        String endpoint = a.url() + "/ocm/invite-accepted";
        try (SignedPeerClient peer = SignedPeerClient.start()) {
            // twenty different receivers race for one invite: one wins, nineteen get 409
            String token = createInvite(a, "alice", "{}").getString("token");
            List<Integer> statuses =
                    race(
                            20,
                            i ->
                                    peer.post(
                                            endpoint,
                                            acceptance(peer, token, "racer" + i, "Racer " + i)));
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(19);
            assertThat(
                            contacts(a, "alice", null).stream()
                                    .filter(c -> c.getString("provider").equals(peer.authority())))
                    .hasSize(1);

            // twenty requests of one receiver race: all answered 200, still one contact
            String second = createInvite(a, "alice", "{}").getString("token");
            List<Integer> same =
                    race(
                            20,
                            i ->
                                    peer.post(
                                            endpoint,
                                            acceptance(peer, second, "same", "Same " + i)));
            assertThat(same).containsOnly(200);
            assertThat(contacts(a, "alice", "same@" + peer.authority())).hasSize(1);
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    interface Attempt {
        Http.Reply run(int index);
    }

    private static List<Integer> race(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Http.Reply> call =
                        () -> {
                            start.await();
                            return attempt.run(index);
                        };
                replies.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Reply> reply : replies) {
                Http.Reply r = reply.get();
                assertThat(r.status()).as(r.body()).isIn(200, 409);
                statuses.add(r.status());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    static String acceptance(SignedPeerClient peer, String token, String userId, String name) {
        return "{\"recipientProvider\":\""
                + peer.authority()
                + "\",\"token\":\""
                + token
                + "\",\"userID\":\""
                + userId
                + "\",\"email\":\"\",\"name\":\""
                + name
                + "\"}";
    }

    static JsonObject createInvite(OcmInstance instance, String user, String body) {
        Http.Reply reply = send(instance, user, "POST", "/api/v1/invites", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().asJsonObject();
    }

    static Http.Reply send(
            OcmInstance instance, String user, String method, String path, String body) {
        return Http.send(method, instance.url() + path, user, user, body);
    }

    static JsonArray list(OcmInstance instance, String user, String path) {
        Http.Reply reply = Http.get(instance.url() + path, user, user);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().asJsonArray();
    }

    static JsonObject findById(JsonArray list, String id) {
        return list.stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** The user's contacts, all of them or those with one address. */
    static List<JsonObject> contacts(OcmInstance instance, String user, String address) {
        return list(instance, user, "/api/v1/contacts").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> address == null || c.getString("address").equals(address))
                .toList();
    }

    static JsonObject contact(OcmInstance instance, String user, String address) {
        List<JsonObject> found = contacts(instance, user, address);
        assertThat(found.size()).as("contacts " + address).isLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    static String peerState(OcmInstance instance, String authority) {
        return Http.get(instance.url() + "/api/v1/admin/peers", "admin", "admin")
                .json()
                .asJsonArray()
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> p.getString("authority").equals(authority))
                .map(p -> p.getString("state"))
                .findFirst()
                .orElse("none");
    }

    static Http.Reply changePeer(OcmInstance instance, String authority, String state) {
        return Http.send(
                "PUT",
                instance.url() + "/api/v1/admin/peers/" + authority,
                "admin",
                "admin",
                "{\"state\":\"" + state + "\"}");
    }

    static void shareFile(OcmInstance from, String user, String shareWith, String name) {
        Http.BytesReply put =
                Http.put(
                        from.url() + "/api/v1/files/invites-it/" + name,
                        user,
                        user,
                        "content".getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).isIn(201, 204);
        Http.Reply reply =
                send(
                        from,
                        user,
                        "POST",
                        "/api/v1/shares",
                        "{\"shareWith\":\""
                                + shareWith
                                + "\",\"path\":\"invites-it/"
                                + name
                                + "\",\"permissions\":[\"read\"]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    static JsonObject awaitIncoming(OcmInstance instance, String user, String name) {
        return Poll.until(
                "incoming share " + name + " for " + user,
                DEADLINE,
                () ->
                        list(instance, user, "/api/v1/shares/incoming").stream()
                                .map(JsonValue::asJsonObject)
                                .filter(s -> s.getString("name").equals(name))
                                .findFirst()
                                .orElse(null),
                s -> s != null);
    }

    static String inviteString(String value) {
        return "{\"inviteString\":\"" + value + "\"}";
    }

    static String decode(String inviteString) {
        return new String(Base64.getUrlDecoder().decode(inviteString), StandardCharsets.UTF_8);
    }

    static void assertProblem(Http.Reply reply, int status, String detail) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().asJsonObject().getString("detail")).isEqualTo(detail);
    }

    static void assertOcmError(Http.Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonObject error = reply.json().asJsonObject();
        if (message != null) {
            assertThat(error.getString("message")).isEqualTo(message);
        }
        assertThat(error.containsKey("validationErrors")).isTrue();
    }

    static List<String> errorCodes(Http.Reply reply) {
        return reply.json().asJsonObject().getJsonArray("validationErrors").stream()
                .map(JsonValue::asJsonObject)
                .map(e -> e.getString("name") + ":" + e.getString("message"))
                .toList();
    }

    /** Tiny JSON parse helper. */
    static final class Json {
        static JsonObject parse(String text) {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
                return reader.readObject();
            }
        }
    }
}
