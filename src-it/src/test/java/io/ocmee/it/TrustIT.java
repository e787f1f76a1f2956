package io.ocmee.it;

import static io.ocmee.it.InvitesIT.assertOcmError;
import static io.ocmee.it.InvitesIT.assertProblem;
import static io.ocmee.it.InvitesIT.changePeer;
import static io.ocmee.it.InvitesIT.contact;
import static io.ocmee.it.InvitesIT.createInvite;
import static io.ocmee.it.InvitesIT.errorCodes;
import static io.ocmee.it.InvitesIT.list;
import static io.ocmee.it.InvitesIT.peerState;
import static io.ocmee.it.InvitesIT.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.FakePeer;
import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.SignedPeerClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trust policy (issue 6, OCM-NOTES §9): a server C of its own in {@code must-invite} mode with
 * a deny list and an allow list naming fake peers and invites that do not make servers trusted, and
 * server A of the federation fixture with {@code must-invite} off. Each case checks the answer and
 * that a refusal changed nothing.
 */
@ExtendWith(Federation.Extension.class)
class TrustIT {

    private static SignedPeerClient denied;
    private static SignedPeerClient allowed;
    private static SignedPeerClient stranger;
    private static OcmInstance c;

    @BeforeAll
    static void startServerWithTrustSettings() {
        int deniedPort = FakePeer.freePort();
        int allowedPort = FakePeer.freePort();
        denied = SignedPeerClient.startOn(deniedPort);
        allowed = SignedPeerClient.startOn(allowedPort);
        stranger = SignedPeerClient.start();
        c =
                OcmInstance.start(
                        "trust",
                        Map.of(
                                "OCM_TRUST_MUST_INVITE",
                                "true",
                                "OCM_TRUST_INVITE_MAKES_TRUSTED",
                                "false",
                                "OCM_TRUST_DENY",
                                "localhost:" + deniedPort,
                                "OCM_TRUST_ALLOW",
                                "localhost:" + allowedPort + ",*.example.org"));
    }

    @AfterAll
    static void stop() {
        if (c != null) {
            c.close();
        }
        denied.close();
        allowed.close();
        stranger.close();
    }

    @Test
    void discoveryAdvertisesInvitesAndTheCriteriaTheSettingsImpose(Federation federation) {
        JsonObject strict = Http.get(c.url() + "/.well-known/ocm").json().asJsonObject();
        JsonObject open = Http.get(federation.a().url() + "/.well-known/ocm").json().asJsonObject();

        assertThat(strings(strict, "criteria")).contains("must-invite", "denylist");
        assertThat(strings(strict, "capabilities")).contains("invites", "invite-wayf");
        assertThat(strict.getString("inviteAcceptDialog"))
                .isEqualTo(c.url() + "/ocm/accept-invite");
        assertThat(strings(open, "criteria")).doesNotContain("must-invite", "denylist");
        assertThat(strings(open, "capabilities")).contains("invites", "invite-wayf");
        assertThat(open.getString("inviteAcceptDialog"))
                .isEqualTo(federation.a().url() + "/ocm/accept-invite");
    }

    @Test
    void deniedServerIsRefusedBothWaysWithoutAnyStateChange() {
        String name = "denied-" + UUID.randomUUID() + ".txt";

        Http.Reply share = denied.post(c.url() + "/ocm/shares", share(denied, c, "bob", name));
        assertOcmError(
                share,
                403,
                "Request rejected: "
                        + denied.authority()
                        + " is blocked by this server's trust policy (on the deny list"
                        + " (ocm.trust.deny))");
        assertThat(errorCodes(share)).containsExactly("sender:PEER_BLOCKED");

        String token = createInvite(c, "bob", "{}").getString("token");
        Http.Reply invite =
                denied.post(
                        c.url() + "/ocm/invite-accepted",
                        InvitesIT.acceptance(denied, token, "mallory", "Mallory"));
        assertOcmError(invite, 403, null);

        assertThat(incoming(c, "bob", name)).isNull();
        assertThat(contact(c, "bob", "mallory@" + denied.authority())).isNull();
        assertThat(peerState(c, denied.authority())).as("not even recorded").isEqualTo("none");

        // nor does this server send anything there
        assertProblem(
                send(
                        c,
                        "bob",
                        "POST",
                        "/api/v1/invites/accept",
                        "{\"token\":\"t\",\"providerDomain\":\"" + denied.authority() + "\"}"),
                403,
                "Invite rejected: "
                        + denied.authority()
                        + " is blocked by this server's trust"
                        + " policy (on the deny list (ocm.trust.deny))");
        upload(c, "bob", "trust-it/out.txt");
        assertProblem(
                send(
                        c,
                        "bob",
                        "POST",
                        "/api/v1/shares",
                        "{\"shareWith\":\"x@"
                                + denied.authority()
                                + "\",\"path\":\"trust-it/out.txt\",\"permissions\":[\"read\"]}"),
                403,
                "Share rejected: "
                        + denied.authority()
                        + " is blocked by this server's trust"
                        + " policy (on the deny list (ocm.trust.deny))");
        assertThat(peerState(c, denied.authority())).isEqualTo("none");
    }

    @Test
    void unknownServerCannotShareInMustInviteMode() {
        String name = "stranger-" + UUID.randomUUID() + ".txt";

        Http.Reply reply = stranger.post(c.url() + "/ocm/shares", share(stranger, c, "bob", name));

        assertOcmError(
                reply,
                403,
                "Share rejected: this server accepts shares only from users"
                        + " and servers that exchanged an invite with it (must-invite)");
        assertThat(errorCodes(reply)).containsExactly("sender:NOT_INVITED");
        assertThat(incoming(c, "bob", name)).isNull();
        assertThat(peerState(c, stranger.authority())).isEqualTo("unknown");
    }

    @Test
    void allowlistedServerSharesInMustInviteModeMarkedAsNonContact() {
        String name = "allowed-" + UUID.randomUUID() + ".txt";

        Http.Reply reply = allowed.post(c.url() + "/ocm/shares", share(allowed, c, "bob", name));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonObject received = incoming(c, "bob", name);
        assertThat(received).isNotNull();
        assertThat(received.getBoolean("fromContact")).isFalse();
        JsonObject peer = peer(c, allowed.authority());
        assertThat(peer.getString("state")).isEqualTo("trusted");
        assertThat(peer.getString("trustedBy")).isEqualTo("setting");
    }

    @Test
    void acceptedInviteLetsAnUnknownServerShareInMustInviteMode() {
        try (SignedPeerClient invited = SignedPeerClient.start()) {
            String name = "invited-" + UUID.randomUUID() + ".txt";
            Http.Reply before =
                    invited.post(c.url() + "/ocm/shares", share(invited, c, "bob", name));
            assertThat(before.status()).as(before.body()).isEqualTo(403);

            String token = createInvite(c, "bob", "{}").getString("token");
            Http.Reply accepted =
                    invited.post(
                            c.url() + "/ocm/invite-accepted",
                            InvitesIT.acceptance(invited, token, "erin", "Erin"));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(contact(c, "bob", "erin@" + invited.authority())).isNotNull();
            // C does not trust servers because of invites: only the contact gets in
            JsonObject peer = peer(c, invited.authority());
            assertThat(peer.getString("state")).isEqualTo("unknown");
            assertThat(peer.containsKey("trustedBy")).isFalse();

            // erin is bob's contact now; dave of the same server is not
            Http.Reply after =
                    invited.post(c.url() + "/ocm/shares", share(invited, "erin", c, "bob", name));
            assertThat(after.status()).as(after.body()).isEqualTo(201);
            assertThat(incoming(c, "bob", name).getBoolean("fromContact")).isTrue();
            String other = "other-" + name;
            Http.Reply dave =
                    invited.post(c.url() + "/ocm/shares", share(invited, "dave", c, "bob", other));
            assertOcmError(
                    dave,
                    403,
                    "Share rejected: this server accepts shares only from users"
                            + " and servers that exchanged an invite with it (must-invite)");
            assertThat(incoming(c, "bob", other)).isNull();
        }
    }

    @Test
    void withoutMustInviteAnUnknownServerSharesAndABlockedOneDoesNot(Federation federation) {
        OcmInstance a = federation.a();
        try (SignedPeerClient unknown = SignedPeerClient.start();
                SignedPeerClient blocked = SignedPeerClient.start()) {
            String open = "open-" + UUID.randomUUID() + ".txt";
            Http.Reply accepted =
                    unknown.post(a.url() + "/ocm/shares", share(unknown, a, "bob", open));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            assertThat(incoming(a, "bob", open).getBoolean("fromContact")).isFalse();
            assertThat(peerState(a, unknown.authority())).isEqualTo("unknown");

            assertThat(changePeer(a, blocked.authority(), "blocked").status()).isEqualTo(200);
            String refused = "refused-" + UUID.randomUUID() + ".txt";
            Http.Reply reply =
                    blocked.post(a.url() + "/ocm/shares", share(blocked, a, "bob", refused));
            assertOcmError(
                    reply,
                    403,
                    "Request rejected: "
                            + blocked.authority()
                            + " is blocked by this server's trust policy (set by an"
                            + " administrator)");
            assertThat(incoming(a, "bob", refused)).isNull();
            assertThat(peerState(a, blocked.authority())).isEqualTo("blocked");

            // the administrator lifts the block: the same server may share again
            assertThat(changePeer(a, blocked.authority(), "unknown").status()).isEqualTo(200);
            Http.Reply later =
                    blocked.post(a.url() + "/ocm/shares", share(blocked, a, "bob", refused));
            assertThat(later.status()).as(later.body()).isEqualTo(201);
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** A share creation notification from dave at a fake peer, for a user of the target. */
    private static String share(
            SignedPeerClient from, OcmInstance target, String user, String name) {
        return share(from, "dave", target, user, name);
    }

    /** A share creation notification from a user of a fake peer, for a user of the target. */
    private static String share(
            SignedPeerClient from, String by, OcmInstance target, String user, String name) {
        String id = UUID.randomUUID().toString();
        String sender = by + "@" + from.authority();
        return "{\"shareWith\":\""
                + user
                + "@"
                + target.authority()
                + "\",\"name\":\""
                + name
                + "\",\"providerId\":\""
                + id
                + "\",\"owner\":\""
                + sender
                + "\",\"sender\":\""
                + sender
                + "\",\"senderDisplayName\":\"Dave\","
                + "\"shareType\":\"user\",\"resourceType\":\"file\",\"protocol\":{"
                + "\"name\":\"multi\",\"webdav\":{\"uri\":\"http://"
                + from.authority()
                + "/dav/"
                + id
                + "\",\"sharedSecret\":\"secret-"
                + id
                + "\","
                + "\"permissions\":[\"read\"]}}}";
    }

    private static JsonObject incoming(OcmInstance instance, String user, String name) {
        return list(instance, user, "/api/v1/shares/incoming").stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals(name))
                .findFirst()
                .orElse(null);
    }

    private static JsonObject peer(OcmInstance instance, String authority) {
        return Http.get(instance.url() + "/api/v1/admin/peers", "admin", "admin")
                .json()
                .asJsonArray()
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> p.getString("authority").equals(authority))
                .findFirst()
                .orElseThrow();
    }

    private static java.util.List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static void upload(OcmInstance instance, String user, String path) {
        Http.BytesReply put =
                Http.put(
                        instance.url() + "/api/v1/files/" + path,
                        user,
                        user,
                        "content".getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).isIn(201, 204);
    }
}
