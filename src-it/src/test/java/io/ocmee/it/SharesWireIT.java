package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.RecordingPeer;
import io.ocmee.it.support.Schemas;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What our servers put on the wire and how they answer deployed dialects, against a {@link
 * RecordingPeer} on loopback that does not advertise {@code http-sig}: our servers send to it
 * unsigned and accept its unsigned requests (checklist R84). Bodies we emit are validated against
 * the OpenAPI 1.4.0 schemas; received payloads follow OCM-NOTES §11.
 */
@ExtendWith(Federation.Extension.class)
class SharesWireIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void sharesAndNotificationsWeSendValidateAgainstTheSchemas(Federation federation) {
        OcmInstance a = federation.a();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        SharesIT.upload(a, "alice", "wire-" + tag + "/doc.txt");
        try (RecordingPeer peer = RecordingPeer.start("1.5.0")) {
            JsonObject share =
                    SharesIT.share(
                            a, "bob@" + peer.authority(), "wire-" + tag + "/doc.txt", "\"read\"");

            // checklist S18, S21, S23, S29, S39
            RecordingPeer.Received sent = peer.next(WAIT);
            assertThat(sent.path()).isEqualTo("/ocm/shares");
            assertThat(Schemas.violations("NewShare", sent.body())).isEmpty();
            JsonObject body = json(sent.body());
            assertThat(body.getString("providerId")).isEqualTo(share.getString("providerId"));
            assertThat(body.getString("sender")).isEqualTo("alice@" + a.authority());
            assertThat(body.getString("sharedBy")).isEqualTo("alice@" + a.authority());
            JsonObject webdav = body.getJsonObject("protocol").getJsonObject("webdav");
            assertThat(body.getJsonObject("protocol").getString("name")).isEqualTo("multi");
            assertThat(webdav.getString("uri"))
                    .isEqualTo(a.url() + "/ocm/webdav/" + share.getString("providerId"));
            assertThat(webdav.getString("sharedSecret")).hasSizeGreaterThanOrEqualTo(43);
            assertThat(webdav.getString("uri")).doesNotContain(webdav.getString("sharedSecret"));

            JsonObject delivered = SharesIT.awaitOutgoing(a, share.getString("id"), "delivered");
            assertThat(delivered.getString("recipientDisplayName")).isEqualTo("Fake Bob");

            // checklist S67–S71
            Http.send(
                    "PATCH",
                    a.url() + "/api/v1/shares/outgoing/" + share.getString("id"),
                    "alice",
                    "alice",
                    "{\"permissions\": [\"read\", \"write\"]}");
            RecordingPeer.Received change = peer.next(WAIT);
            assertThat(change.path()).isEqualTo("/ocm/notifications");
            assertThat(Schemas.violations("NewNotification", change.body())).isEmpty();
            JsonObject notification = json(change.body());
            assertThat(notification.getString("notificationType"))
                    .isEqualTo("SHARE_CHANGE_PERMISSION");
            assertThat(notification.getString("senderDomain")).isEqualTo(a.authority());
            assertThat(
                            notification
                                    .getJsonObject("notification")
                                    .getJsonObject("file")
                                    .getString("providerId"))
                    .isEqualTo(share.getString("providerId"));
            assertThat(notification.getJsonObject("notification").containsKey("sharedSecret"))
                    .isFalse();

            Http.send(
                    "DELETE",
                    a.url() + "/api/v1/shares/outgoing/" + share.getString("id"),
                    "alice",
                    "alice",
                    null);
            RecordingPeer.Received unshared = peer.next(WAIT);
            assertThat(Schemas.violations("NewNotification", unshared.body())).isEmpty();
            assertThat(json(unshared.body()).getString("notificationType"))
                    .isEqualTo("SHARE_UNSHARED");
        }
    }

    @Test
    void legacyReceiverGetsTheOptionsShape(Federation federation) {
        // checklist S40 [r], §11 Q5: 1.1-era peers read only protocol.options
        OcmInstance a = federation.a();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        SharesIT.upload(a, "alice", "legacy-" + tag + "/folder/a.txt");
        try (RecordingPeer peer = RecordingPeer.start("1.1.0")) {
            SharesIT.share(a, "bob@" + peer.authority(), "legacy-" + tag + "/folder", "\"read\"");

            RecordingPeer.Received sent = peer.next(WAIT);
            assertThat(Schemas.violations("NewShare", sent.body())).isEmpty();
            JsonObject protocol = json(sent.body()).getJsonObject("protocol");
            assertThat(protocol.getString("name")).isEqualTo("webdav");
            assertThat(protocol.getJsonObject("options").getString("sharedSecret")).isNotBlank();
            // the fake advertises folder, so it is sent as folder even to a 1.1 peer
            assertThat(json(sent.body()).getString("resourceType")).isEqualTo("folder");
        }
    }

    @Test
    void refusalByTheReceiverFailsTheShareWithoutRetries(Federation federation) throws Exception {
        OcmInstance a = federation.a();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        SharesIT.upload(a, "alice", "refused-" + tag + ".txt");
        try (RecordingPeer peer = RecordingPeer.start("1.5.0", 400)) {
            JsonObject share =
                    SharesIT.share(
                            a, "bob@" + peer.authority(), "refused-" + tag + ".txt", "\"read\"");

            JsonObject failed = SharesIT.awaitOutgoing(a, share.getString("id"), "failed");
            assertThat(failed.getString("error"))
                    .contains("400")
                    .contains("Fake refuses every share");
            peer.next(WAIT);
            // a retry would come after the first backoff (2 s by default, jittered)
            Thread.sleep(6000);
            assertThat(peer.pending()).isZero();
        }
    }

    @Test
    void unsignedNextcloudShareIsIdempotentAndAnsweredInItsDialect(Federation federation) {
        OcmInstance b = federation.b();
        try (RecordingPeer peer = RecordingPeer.start("1.1.0")) {
            String name = "nc-" + UUID.randomUUID().toString().substring(0, 8) + ".ods";
            String secret = "R7qk2WbnQ0xPpTz" + name.hashCode();
            String body =
                    "{\"shareWith\":\"bob@"
                            + b.authority()
                            + "\",\"name\":\""
                            + name
                            + "\","
                            + "\"providerId\":\"417\",\"owner\":\"carla@"
                            + peer.authority()
                            + "\","
                            + "\"ownerDisplayName\":\"Carla\",\"sharedBy\":\"carla@"
                            + peer.authority()
                            + "\",\"sharedByDisplayName\":\"Carla\",\"shareType\":\"user\",\"resourceType\":\"file\","
                            + "\"protocol\":{\"name\":\"webdav\",\"options\":{\"sharedSecret\":\""
                            + secret
                            + "\",\"permissions\":\"{http://open-cloud-mesh.org/ns}share-permissions\"}}}";

            // checklist R93, R96; §11 Q4, Q5
            Http.Reply first = Http.send("POST", b.url() + "/ocm/shares", null, null, body);
            Http.Reply again = Http.send("POST", b.url() + "/ocm/shares", null, null, body);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            assertThat(first.json().asJsonObject().getString("recipientDisplayName"))
                    .isEqualTo("Bob");
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            JsonObject received = SharesIT.incoming(b, name);
            assertThat(received.getString("owner")).isEqualTo("carla@" + peer.authority());
            assertThat(received.getString("senderDisplayName")).isEqualTo("Carla");
            assertThat(SharesIT.strings(received, "permissions")).containsExactly("read");

            // R116 and §4.2 rec: to a 1.1 peer both the new and the legacy fields, with the secret
            assertThat(
                            SharesIT.post(
                                            b,
                                            "bob",
                                            "/api/v1/shares/incoming/"
                                                    + received.getString("id")
                                                    + "/accept")
                                    .status())
                    .isEqualTo(200);
            RecordingPeer.Received accepted = peer.next(WAIT);
            assertThat(accepted.path()).isEqualTo("/ocm/notifications");
            assertThat(Schemas.violations("NewNotification", accepted.body())).isEmpty();
            JsonObject notification = json(accepted.body());
            assertThat(notification.getString("notificationType")).isEqualTo("SHARE_ACCEPTED");
            assertThat(notification.getString("providerId")).isEqualTo("417");
            assertThat(notification.getJsonObject("notification").getString("sharedSecret"))
                    .isEqualTo(secret);

            // §11 Q8: an unsigned Nextcloud notification names no server; its secret does
            String unshare =
                    "{\"notificationType\":\"SHARE_UNSHARED\",\"resourceType\":\"file\",\"providerId\":\"417\","
                        + "\"notification\":{\"sharedSecret\":\""
                            + secret
                            + "\",\"message\":\"gone\"}}";
            Http.Reply removed =
                    Http.send("POST", b.url() + "/ocm/notifications", null, null, unshare);
            assertThat(removed.status()).as(removed.body()).isEqualTo(201);
            assertThat(SharesIT.incoming(b, name).getString("state")).isEqualTo("removed");
        }
    }

    @Test
    void revaMultiShareAndOcisPermissionChange(Federation federation) {
        OcmInstance b = federation.b();
        try (RecordingPeer peer = RecordingPeer.start("1.5.0")) {
            String name = "reva-" + UUID.randomUUID().toString().substring(0, 8);
            String providerId = UUID.randomUUID().toString();
            String body =
                    "{\"shareWith\":\"bob@"
                            + b.authority()
                            + "\",\"name\":\""
                            + name
                            + "\","
                            + "\"providerId\":\""
                            + providerId
                            + "\",\"owner\":\"einstein@"
                            + peer.authority()
                            + "\","
                            + "\"sender\":\"einstein@"
                            + peer.authority()
                            + "\",\"shareType\":\"user\","
                            + "\"resourceType\":\"folder\",\"expiration\":4102444800,"
                            + "\"protocol\":{\"name\":\"multi\",\"options\":{},\"webdav\":{"
                            + "\"uri\":\"http://"
                            + peer.authority()
                            + "/dav/"
                            + providerId
                            + "\","
                            + "\"sharedSecret\":\"v0t3Zk8mQnA1\",\"permissions\":[\"read\"]}}}";

            // §11 Q14, Q15
            Http.Reply created = Http.send("POST", b.url() + "/ocm/shares", null, null, body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonObject received = SharesIT.incoming(b, name);
            assertThat(received.getString("resourceType")).isEqualTo("folder");
            assertThat(received.getJsonNumber("expiration").longValue()).isEqualTo(4102444800L);

            // §11 Q27: ownCloud-Reva's notification.protocol form (with senderDomain: unsigned
            // notifications must name their server or carry a secret)
            String change =
                    "{\"notificationType\":\"SHARE_CHANGE_PERMISSION\",\"senderDomain\":\""
                            + peer.authority()
                            + "\","
                            + "\"resourceType\":\"file\",\"providerId\":\""
                            + providerId
                            + "\","
                            + "\"notification\":{\"grantee\":\"bob@"
                            + b.authority()
                            + "\",\"protocol\":{\"name\":\"multi\",\"webdav\":{\"permissions\":[\"read\",\"write\"]}}}}";
            Http.Reply changed =
                    Http.send("POST", b.url() + "/ocm/notifications", null, null, change);
            assertThat(changed.status()).as(changed.body()).isEqualTo(201);
            assertThat(SharesIT.strings(SharesIT.incoming(b, name), "permissions"))
                    .containsExactly("read", "write");

            // R120: unknown types are 501, never a silent 201
            Http.Reply unknown =
                    Http.send(
                            "POST",
                            b.url() + "/ocm/notifications",
                            null,
                            null,
                            "{\"notificationType\":\"MESSAGE_POSTED\",\"senderDomain\":\""
                                    + peer.authority()
                                    + "\","
                                    + "\"resourceType\":\"talk-room\",\"providerId\":\"r\"}");
            assertThat(unknown.status()).isEqualTo(501);
            assertThat(unknown.json().asJsonObject().getString("message"))
                    .isEqualTo(
                            "Notification rejected: type 'MESSAGE_POSTED' is not supported here");

            // a provider id this peer never shared: 404, nothing changes
            Http.Reply foreign =
                    Http.send(
                            "POST",
                            b.url() + "/ocm/notifications",
                            null,
                            null,
                            "{\"notificationType\":\"SHARE_UNSHARED\",\"senderDomain\":\""
                                    + peer.authority()
                                    + "\",\"resourceType\":\"folder\",\"notification\":{\"file\":{\"providerId\":\"nope\"}}}");
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(
                            foreign.json()
                                    .asJsonObject()
                                    .getJsonArray("validationErrors")
                                    .getJsonObject(0)
                                    .getString("name"))
                    .isEqualTo("providerId");
            assertThat(SharesIT.incoming(b, name).getString("state")).isEqualTo("pending");

            // §4.1: REQUEST_RESHARE is refused with a clear answer
            Http.Reply reshare =
                    Http.send(
                            "POST",
                            b.url() + "/ocm/notifications",
                            null,
                            null,
                            "{\"notificationType\":\"REQUEST_RESHARE\",\"senderDomain\":\""
                                    + peer.authority()
                                    + "\",\"resourceType\":\"folder\",\"notification\":{\"file\":{\"providerId\":\""
                                    + providerId
                                    + "\","
                                    + "\"shareWith\":\"gina@third.example.org\"}}}");
            assertThat(reshare.status()).isEqualTo(403);
            assertThat(reshare.json().asJsonObject().getString("message"))
                    .contains("re-share requests");
        }
    }

    @Test
    void invalidSharesAreAnsweredInTheOcmErrorFormat(Federation federation) {
        OcmInstance b = federation.b();
        try (RecordingPeer peer = RecordingPeer.start("1.5.0")) {
            String sender =
                    "\"sender\":\"al@"
                            + peer.authority()
                            + "\",\"owner\":\"al@"
                            + peer.authority()
                            + "\"";
            String protocol =
                    "\"protocol\":{\"name\":\"multi\",\"webdav\":{\"uri\":\"u\",\"sharedSecret\":\"s\"}}";

            // checklist R90: unknown recipient
            Http.Reply unknownUser =
                    Http.send(
                            "POST",
                            b.url() + "/ocm/shares",
                            null,
                            null,
                            "{\"shareWith\":\"nosuchuser@"
                                    + b.authority()
                                    + "\",\"name\":\"n\",\"providerId\":\"p1\","
                                    + sender
                                    + ",\"shareType\":\"user\",\"resourceType\":\"file\","
                                    + protocol
                                    + "}");
            assertThat(unknownUser.status()).isEqualTo(400);
            assertThat(unknownUser.json().asJsonObject().getString("message"))
                    .isEqualTo("Share rejected: shareWith names no user of this server");
            assertThat(
                            unknownUser
                                    .json()
                                    .asJsonObject()
                                    .getJsonArray("validationErrors")
                                    .getJsonObject(0)
                                    .getString("message"))
                    .isEqualTo("NOT_FOUND");

            // R91: group shares are not supported here
            Http.Reply group =
                    Http.send(
                            "POST",
                            b.url() + "/ocm/shares",
                            null,
                            null,
                            "{\"shareWith\":\"bob@"
                                    + b.authority()
                                    + "\",\"name\":\"n\",\"providerId\":\"p2\","
                                    + sender
                                    + ",\"shareType\":\"group\",\"resourceType\":\"file\","
                                    + protocol
                                    + "}");
            assertThat(group.status()).isEqualTo(501);

            // R90: missing fields, all listed
            Http.Reply missing =
                    Http.send(
                            "POST",
                            b.url() + "/ocm/shares",
                            null,
                            null,
                            "{\"shareWith\":\"bob@"
                                    + b.authority()
                                    + "\","
                                    + sender
                                    + ","
                                    + protocol
                                    + "}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().asJsonObject().getJsonArray("validationErrors")).hasSize(4);
        }
    }

    @Test
    void concurrentDuplicatesMakeOneShare(Federation federation) throws Exception {
        OcmInstance b = federation.b();
        try (RecordingPeer peer = RecordingPeer.start("1.5.0")) {
            String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
            String body =
                    "{\"shareWith\":\"bob@"
                            + b.authority()
                            + "\",\"name\":\""
                            + name
                            + "\",\"providerId\":\"d1\","
                            + "\"owner\":\"al@"
                            + peer.authority()
                            + "\",\"sender\":\"al@"
                            + peer.authority()
                            + "\",\"shareType\":\"user\",\"resourceType\":\"file\","
                            + "\"protocol\":{\"name\":\"multi\",\"webdav\":{\"uri\":\"d1\",\"sharedSecret\":\"s\"}}}";
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(
                        pool.submit(
                                () ->
                                        Http.send(
                                                "POST",
                                                b.url() + "/ocm/shares",
                                                null,
                                                null,
                                                body)));
            }
            for (Future<Http.Reply> reply : replies) {
                assertThat(reply.get().status()).as(reply.get().body()).isEqualTo(201);
            }
            pool.shutdown();

            long copies =
                    Http.get(b.url() + "/api/v1/shares/incoming", "bob", "bob")
                            .json()
                            .asJsonArray()
                            .stream()
                            .filter(s -> s.asJsonObject().getString("name").equals(name))
                            .count();
            assertThat(copies).isEqualTo(1);
        }
    }
}
