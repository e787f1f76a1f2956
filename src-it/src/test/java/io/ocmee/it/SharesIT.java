package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.Poll;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sharing between two real servers over loopback HTTP with signatures on (both advertise {@code
 * http-sig}, so every share and notification is signed, checklist S22, R76): the whole lifecycle of
 * OCM-NOTES §3 and §4 as the users of A and B see it. Deliveries are asynchronous, so every check
 * on the other side polls with a deadline.
 */
@ExtendWith(Federation.Extension.class)
class SharesIT {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void fileAndFolderShareLifecycleBetweenTwoServers(Federation federation) {
        OcmInstance a = federation.a();
        OcmInstance b = federation.b();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        upload(a, "alice", "it-" + tag + "/report-" + tag + ".txt");
        upload(a, "alice", "it-" + tag + "/project-" + tag + "/notes.txt");
        String bob = "bob@" + b.authority();

        // checklist S17–S29: alice@A shares a file (read) and a folder (read, write) with bob@B
        JsonObject file = share(a, bob, "it-" + tag + "/report-" + tag + ".txt", "\"read\"");
        JsonObject folder = share(a, bob, "it-" + tag + "/project-" + tag, "\"read\", \"write\"");
        assertThat(file.getString("state")).isEqualTo("pending");
        assertThat(file.getString("resourceType")).isEqualTo("file");
        assertThat(folder.getString("resourceType")).isEqualTo("folder");

        JsonObject delivered = awaitOutgoing(a, file.getString("id"), "delivered");
        assertThat(delivered.getString("recipientDisplayName")).isEqualTo("Bob");
        awaitOutgoing(a, folder.getString("id"), "delivered");

        // R97: both are in bob's inbox with owner, permissions and type
        JsonObject inFile = awaitIncoming(b, "report-" + tag + ".txt", "pending");
        JsonObject inFolder = awaitIncoming(b, "project-" + tag, "pending");
        assertThat(inFile.getString("owner")).isEqualTo("alice@" + a.authority());
        assertThat(inFile.getString("sender")).isEqualTo("alice@" + a.authority());
        assertThat(inFile.getString("senderDisplayName")).isEqualTo("Alice");
        assertThat(strings(inFile, "permissions")).containsExactly("read");
        assertThat(inFile.getString("resourceType")).isEqualTo("file");
        assertThat(strings(inFolder, "permissions")).containsExactly("read", "write");
        assertThat(inFolder.getString("resourceType")).isEqualTo("folder");

        // R116, S: bob accepts one, declines the other; A learns both
        assertThat(
                        post(
                                        b,
                                        "bob",
                                        "/api/v1/shares/incoming/"
                                                + inFile.getString("id")
                                                + "/accept")
                                .status())
                .isEqualTo(200);
        assertThat(
                        post(
                                        b,
                                        "bob",
                                        "/api/v1/shares/incoming/"
                                                + inFolder.getString("id")
                                                + "/decline")
                                .status())
                .isEqualTo(200);
        awaitOutgoing(a, file.getString("id"), "accepted");
        awaitOutgoing(a, folder.getString("id"), "declined");

        // R119: alice changes the permissions of the accepted one; B shows them
        Http.Reply changed =
                Http.send(
                        "PATCH",
                        a.url() + "/api/v1/shares/outgoing/" + file.getString("id"),
                        "alice",
                        "alice",
                        "{\"permissions\": [\"read\", \"write\"]}");
        assertThat(changed.status()).isEqualTo(200);
        Poll.untilPermissions(
                "permission change at B",
                DEADLINE,
                () -> incoming(b, "report-" + tag + ".txt"),
                List.of("read", "write"));

        // S58, R119: alice unshares; revoked at once at A, removed at B
        Http.Reply revoked =
                Http.send(
                        "DELETE",
                        a.url() + "/api/v1/shares/outgoing/" + file.getString("id"),
                        "alice",
                        "alice",
                        null);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(outgoing(a, file.getString("id")).getString("state")).isEqualTo("removed");
        awaitIncoming(b, "report-" + tag + ".txt", "removed");
    }

    @Test
    void shareRefusedByTheReceiverFailsWithItsReason(Federation federation) {
        OcmInstance a = federation.a();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        upload(a, "alice", "it-" + tag + "/x.txt");

        JsonObject share =
                share(
                        a,
                        "nosuchuser@" + federation.b().authority(),
                        "it-" + tag + "/x.txt",
                        "\"read\"");

        JsonObject failed = awaitOutgoing(a, share.getString("id"), "failed");
        assertThat(failed.getString("error"))
                .contains("400")
                .contains("shareWith names no user of this server");
    }

    @Test
    void badShareRequestsAreProblemsAndCreateNothing(Federation federation) {
        OcmInstance a = federation.a();
        String bob = "bob@" + federation.b().authority();
        upload(a, "carol", "x");
        int before =
                Http.get(a.url() + "/api/v1/shares/outgoing", "carol", "carol")
                        .json()
                        .asJsonArray()
                        .size();

        assertProblem(
                a,
                "{\"shareWith\":\""
                        + bob
                        + "\",\"path\":\"no/such/file\",\"permissions\":[\"read\"]}",
                404,
                "Share rejected: nothing is at no/such/file");
        assertProblem(
                a,
                "{\"shareWith\":\"" + bob + "\",\"path\":\"x\",\"permissions\":[]}",
                400,
                "Share rejected: permissions must list at least one of read, write, share");
        assertProblem(
                a,
                "{\"shareWith\":\"bob@"
                        + a.authority()
                        + "\",\"path\":\"x\",\"permissions\":[\"read\"]}",
                400,
                "Share rejected: bob@"
                        + a.authority()
                        + " is a user of this server; OCM shares go to other servers");
        assertProblem(
                a,
                "{\"shareWith\":\"bob\",\"path\":\"x\",\"permissions\":[\"read\"]}",
                400,
                "Share rejected: shareWith: OCM address 'bob' rejected: no '@' separates identifier"
                        + " and host");
        assertProblem(
                a,
                "{\"shareWith\":\""
                        + bob
                        + "\",\"path\":\"x\",\"permissions\":[\"read\"],\"mustExchangeToken\":\"yes\"}",
                400,
                "Request rejected: mustExchangeToken must be true or false");
        assertProblem(a, "[]", 400, "Request rejected: the body is not a JSON object");

        int after =
                Http.get(a.url() + "/api/v1/shares/outgoing", "carol", "carol")
                        .json()
                        .asJsonArray()
                        .size();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anotherUsersShareIsNotFound(Federation federation) {
        OcmInstance a = federation.a();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        upload(a, "alice", "it-" + tag + "/private.txt");
        JsonObject share =
                share(
                        a,
                        "bob@" + federation.b().authority(),
                        "it-" + tag + "/private.txt",
                        "\"read\"");

        Http.Reply reply =
                Http.get(
                        a.url() + "/api/v1/shares/outgoing/" + share.getString("id"),
                        "carol",
                        "carol");
        Http.Reply delete =
                Http.send(
                        "DELETE",
                        a.url() + "/api/v1/shares/outgoing/" + share.getString("id"),
                        "carol",
                        "carol",
                        null);
        Http.Reply accept =
                post(a, "carol", "/api/v1/shares/incoming/" + share.getString("id") + "/accept");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(accept.status()).isEqualTo(404);
        assertThat(outgoing(a, share.getString("id")).getString("state")).isNotEqualTo("removed");
    }

    // --- helpers ---------------------------------------------------------------------------

    static void upload(OcmInstance instance, String user, String path) {
        Http.BytesReply put =
                Http.put(
                        instance.url() + "/api/v1/files/" + path,
                        user,
                        user,
                        "content".getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).isIn(201, 204);
    }

    static JsonObject share(OcmInstance a, String shareWith, String path, String permissions) {
        Http.Reply reply =
                Http.send(
                        "POST",
                        a.url() + "/api/v1/shares",
                        "alice",
                        "alice",
                        "{\"shareWith\": \""
                                + shareWith
                                + "\", \"path\": \""
                                + path
                                + "\", \"permissions\": ["
                                + permissions
                                + "]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().asJsonObject();
    }

    static JsonObject outgoing(OcmInstance a, String id) {
        return Http.get(a.url() + "/api/v1/shares/outgoing/" + id, "alice", "alice")
                .json()
                .asJsonObject();
    }

    static JsonObject awaitOutgoing(OcmInstance a, String id, String state) {
        return Poll.untilState(
                "outgoing share " + id + " " + state, DEADLINE, () -> outgoing(a, id), state);
    }

    static JsonObject incoming(OcmInstance b, String name) {
        return Http.get(b.url() + "/api/v1/shares/incoming", "bob", "bob")
                .json()
                .asJsonArray()
                .stream()
                .map(v -> v.asJsonObject())
                .filter(s -> s.getString("name").equals(name))
                .findFirst()
                .orElse(null);
    }

    static JsonObject awaitIncoming(OcmInstance b, String name, String state) {
        return Poll.untilState(
                "incoming share " + name + " " + state, DEADLINE, () -> incoming(b, name), state);
    }

    static List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    static Http.Reply post(OcmInstance instance, String user, String path) {
        return Http.send("POST", instance.url() + path, user, user, null);
    }

    private static void assertProblem(OcmInstance a, String body, int status, String detail) {
        Http.Reply reply = Http.send("POST", a.url() + "/api/v1/shares", "carol", "carol", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().asJsonObject().getString("detail")).isEqualTo(detail);
    }
}
