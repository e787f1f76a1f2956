package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.Poll;
import io.ocmee.it.support.RecordingPeer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5's acceptance, receiving side: alice@A shares a file (requiring token exchange) and a
 * folder with bob@B, and bob uses both through B's API — B discovers A, exchanges the secret for a
 * token with a signed request where required, and reads, lists and writes over A's WebDAV. Both
 * servers sign (they advertise {@code http-sig}). Deliveries are asynchronous: checks on the other
 * side poll with a deadline.
 */
@ExtendWith(Federation.Extension.class)
class UsingSharesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void bobReadsListsAndWritesAlicesSharesThroughB(Federation federation) {
        OcmInstance a = federation.a();
        OcmInstance b = federation.b();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String dir = "use-" + tag;
        byte[] report =
                ("quarterly report " + tag + "\n").repeat(200).getBytes(StandardCharsets.UTF_8);
        put(a, "alice", dir + "/report-" + tag + ".txt", report);
        put(a, "alice", dir + "/data-" + tag + "/one.txt", bytes("first file"));
        put(a, "alice", dir + "/data-" + tag + "/two.txt", bytes("second file, longer"));
        String bob = "bob@" + b.authority();

        JsonObject file = share(a, bob, dir + "/report-" + tag + ".txt", "\"read\"", true);
        JsonObject folder = share(a, bob, dir + "/data-" + tag, "\"read\", \"write\"", false);
        assertThat(file.getBoolean("mustExchangeToken")).isTrue();
        assertThat(folder.getBoolean("mustExchangeToken")).isFalse();

        String fileName = "report-" + tag + ".txt";
        String folderName = "data-" + tag;
        String fileId = SharesIT.awaitIncoming(b, fileName, "pending").getString("id");
        String folderId = SharesIT.awaitIncoming(b, folderName, "pending").getString("id");

        // only accepted shares, only their recipient
        assertProblem(
                get(b, "bob", fileId, "content"),
                409,
                null,
                "Access rejected: the share is pending, not accepted");
        accept(b, fileId);
        accept(b, folderId);
        // B's acceptances reach A first (as they would for a user, who reads later); B's first
        // signed requests to A must not race each other (see the report of this branch)
        SharesIT.awaitOutgoing(a, file.getString("id"), "accepted");
        SharesIT.awaitOutgoing(a, folder.getString("id"), "accepted");
        assertProblem(
                get(b, "carol", fileId, "content"),
                404,
                null,
                "Share rejected: you have no share " + fileId);

        // the strict file: bytes equal, one token exchange at A, reused for the next download
        Http.BytesReply download = get(b, "bob", fileId, "content");
        assertThat(download.status()).as(text(download)).isEqualTo(200);
        assertThat(download.body()).isEqualTo(report);
        assertThat(download.header("Content-Type")).startsWith("text/plain");
        assertThat(download.header("Content-Length")).isEqualTo(Integer.toString(report.length));
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(SharesIT.outgoing(a, file.getString("id")).getInt("tokenExchanges"))
                .isEqualTo(1);
        Http.BytesReply part = range(b, fileId, "bytes=10-15");
        assertThat(part.status()).isEqualTo(206);
        assertThat(new String(part.body(), StandardCharsets.UTF_8)).isEqualTo("report");
        assertThat(part.header("Content-Range")).isEqualTo("bytes 10-15/" + report.length);
        assertThat(SharesIT.outgoing(a, file.getString("id")).getInt("tokenExchanges"))
                .isEqualTo(1);

        // the folder: listing, then both files
        Http.BytesReply listing = get(b, "bob", folderId, "listing");
        assertThat(listing.status()).as(text(listing)).isEqualTo(200);
        JsonArray entries = listing.asText().json().asJsonArray();
        assertThat(names(entries)).containsExactlyInAnyOrder("one.txt", "two.txt");
        for (JsonValue value : entries) {
            JsonObject entry = value.asJsonObject();
            assertThat(entry.getString("type")).isEqualTo("file");
            assertThat(entry.getJsonNumber("size").longValue()).isPositive();
            assertThat(entry.getString("etag")).isNotBlank();
        }
        assertThat(get(b, "bob", folderId, "content/one.txt").body())
                .isEqualTo(bytes("first file"));
        assertThat(get(b, "bob", folderId, "content/two.txt").body())
                .isEqualTo(bytes("second file, longer"));
        assertProblem(
                get(b, "bob", folderId, "content"),
                409,
                "wrong-type",
                "Download rejected: the share is a folder; list it or name a file inside it");
        assertProblem(
                get(b, "bob", folderId, "content/missing.txt"),
                404,
                "remote-not-found",
                "Download rejected: "
                        + a.authority()
                        + " has nothing at this path of the share (HTTP 404)");
        assertThat(get(b, "bob", folderId, "content/a%5C..%5Cb").status()).isEqualTo(400);

        // uploads: with write the file lands in alice's folder at A
        Http.BytesReply created =
                Http.put(
                        contentUrl(b, folderId, "content/from-bob.txt"),
                        "bob",
                        "bob",
                        bytes("hello alice"));
        assertThat(created.status()).as(text(created)).isEqualTo(201);
        Http.BytesReply atA =
                Http.bytes(
                        "GET",
                        a.url() + "/api/v1/files/" + dir + "/data-" + tag + "/from-bob.txt",
                        "alice",
                        "alice");
        assertThat(atA.body()).isEqualTo(bytes("hello alice"));
        assertThat(
                        Http.put(
                                        contentUrl(b, folderId, "content/from-bob.txt"),
                                        "bob",
                                        "bob",
                                        bytes("again"))
                                .status())
                .isEqualTo(204);

        // without write: alice narrows the folder share to read; once B knows, uploads are 403
        Http.Reply narrowed =
                Http.send(
                        "PATCH",
                        a.url() + "/api/v1/shares/outgoing/" + folder.getString("id"),
                        "alice",
                        "alice",
                        "{\"permissions\": [\"read\"]}");
        assertThat(narrowed.status()).isEqualTo(200);
        Poll.untilPermissions(
                "read-only folder share at B",
                DEADLINE,
                () -> SharesIT.incoming(b, folderName),
                List.of("read"));
        assertProblem(
                Http.put(contentUrl(b, folderId, "content/denied.txt"), "bob", "bob", bytes("no")),
                403,
                "no-write-permission",
                "Upload rejected: the share does not allow writing (permissions: [read])");
        assertThat(
                        Http.bytes(
                                        "GET",
                                        a.url()
                                                + "/api/v1/files/"
                                                + dir
                                                + "/data-"
                                                + tag
                                                + "/denied.txt",
                                        "alice",
                                        "alice")
                                .status())
                .isEqualTo(404);

        // alice unshares the file: B's next content request fails
        assertThat(
                        Http.send(
                                        "DELETE",
                                        a.url() + "/api/v1/shares/outgoing/" + file.getString("id"),
                                        "alice",
                                        "alice",
                                        null)
                                .status())
                .isEqualTo(204);
        Http.BytesReply after = get(b, "bob", fileId, "content");
        assertThat(after.status()).as(text(after)).isIn(403, 409, 502);
        assertThat(after.header("Content-Type")).startsWith("application/problem+json");
        SharesIT.awaitIncoming(b, fileName, "removed");
        assertProblem(
                get(b, "bob", fileId, "content"),
                409,
                null,
                "Access rejected: the share is removed, not accepted");
    }

    /**
     * The receiving server's credentials stop working at A once alice unshares. B's token and
     * secret are not visible to a test, so the same kind of share (a file, exchange offered, not
     * required) is made with a recording test peer that shows its secret; the test exchanges a
     * token for it at A's token endpoint as that peer (unsigned, which A allows for a peer that
     * does not advertise {@code http-sig}) and then uses token and secret on A's WebDAV.
     */
    @Test
    void unsharingMakesAsWebdavRefuseTheOldTokenAndTheOldSecret(Federation federation) {
        OcmInstance a = federation.a();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        put(a, "alice", "revoke-" + tag + "/report.txt", bytes("secret report"));
        try (RecordingPeer peer = RecordingPeer.start("1.5.0")) {
            JsonObject share =
                    share(
                            a,
                            "bob@" + peer.authority(),
                            "revoke-" + tag + "/report.txt",
                            "\"read\"",
                            false);
            RecordingPeer.Received received = peer.next(DEADLINE);
            assertThat(received.path()).isEqualTo("/ocm/shares");
            JsonObject webdav =
                    Json.createReader(new StringReader(received.body()))
                            .readObject()
                            .getJsonObject("protocol")
                            .getJsonObject("webdav");
            String secret = webdav.getString("sharedSecret");
            String url = webdav.getString("uri");
            List<String[]> form = new ArrayList<>();
            form.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
            Http.Reply exchanged =
                    Http.post(
                            a.url() + "/ocm/token",
                            form,
                            bytes(
                                    "grant_type=authorization_code&client_id="
                                            + enc(peer.authority())
                                            + "&code="
                                            + enc(secret)));
            assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
            String token = exchanged.json().asJsonObject().getString("access_token");
            assertThat(dav(url, "Bearer " + token).status()).isEqualTo(200);
            assertThat(dav(url, "Bearer " + secret).status()).isEqualTo(200);
            assertThat(dav(url, basic(secret)).body()).isEqualTo(bytes("secret report"));

            assertThat(
                            Http.send(
                                            "DELETE",
                                            a.url()
                                                    + "/api/v1/shares/outgoing/"
                                                    + share.getString("id"),
                                            "alice",
                                            "alice",
                                            null)
                                    .status())
                    .isEqualTo(204);

            assertThat(dav(url, "Bearer " + token).status()).isEqualTo(401);
            assertThat(dav(url, "Bearer " + secret).status()).isEqualTo(401);
            assertThat(dav(url, basic(secret)).status()).isEqualTo(401);
        }
    }

    private static JsonObject share(
            OcmInstance a, String shareWith, String path, String permissions, boolean strict) {
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
                                + "], \"mustExchangeToken\": "
                                + strict
                                + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().asJsonObject();
    }

    private static void accept(OcmInstance b, String id) {
        Http.Reply reply = SharesIT.post(b, "bob", "/api/v1/shares/incoming/" + id + "/accept");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static void put(OcmInstance instance, String user, String path, byte[] content) {
        Http.BytesReply reply =
                Http.put(instance.url() + "/api/v1/files/" + path, user, user, content);
        assertThat(reply.status()).isIn(201, 204);
    }

    private static String contentUrl(OcmInstance b, String id, String rest) {
        return b.url() + "/api/v1/shares/incoming/" + id + "/" + rest;
    }

    private static Http.BytesReply get(OcmInstance b, String user, String id, String rest) {
        return Http.bytes("GET", contentUrl(b, id, rest), user, user);
    }

    private static Http.BytesReply range(OcmInstance b, String id, String range) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Authorization", basicOf("bob:bob")});
        headers.add(new String[] {"Range", range});
        return Http.getWithHeaders(contentUrl(b, id, "content"), headers);
    }

    private static Http.BytesReply dav(String url, String authorization) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Authorization", authorization});
        return Http.getWithHeaders(url, headers);
    }

    private static void assertProblem(
            Http.BytesReply reply, int status, String reason, String detail) {
        assertThat(reply.status()).as(text(reply)).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = reply.asText().json().asJsonObject();
        assertThat(problem.getString("detail")).isEqualTo(detail);
        if (reason == null) {
            assertThat(problem.containsKey("reason")).isFalse();
        } else {
            assertThat(problem.getString("reason")).isEqualTo(reason);
        }
    }

    private static List<String> names(JsonArray entries) {
        return entries.getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("name"))
                .toList();
    }

    /** HTTP Basic with a shared secret as user name and an empty password. */
    private static String basic(String secret) {
        return basicOf(secret + ":");
    }

    private static String basicOf(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(bytes(userAndPassword));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String text(Http.BytesReply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
