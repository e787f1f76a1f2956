package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.ExchangingPeer;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.Schemas;
import io.ocmee.it.support.SigningPeer;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.jwk.GeneratedKey;
import io.ocmee.signature.jwk.OcmKeys;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The sending side of resource access over real HTTP (issue 5; OCM-NOTES §6, §8): the token
 * endpoint and the WebDAV endpoint of one private instance, which shares with an {@link
 * ExchangingPeer} on loopback (so the tests see the shared secrets on the wire and can sign token
 * requests as the receiver). The instance runs with {@code OCM_TOKENS_LIFETIME_SECONDS=5} (to watch
 * a token expire) and {@code OCM_SHARES_MUST_EXCHANGE_TOKEN=true}.
 */
class ResourceAccessIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DAV = "DAV:";

    private static OcmInstance a;
    private static ExchangingPeer peer;

    /** A share as the receiver got it. */
    record Sent(String id, String providerId, String secret, JsonObject webdav) {}

    @BeforeAll
    static void start() {
        peer = ExchangingPeer.start();
        a =
                OcmInstance.start(
                        "access",
                        java.util.Map.of(
                                "OCM_TOKENS_LIFETIME_SECONDS", "5",
                                "OCM_SHARES_MUST_EXCHANGE_TOKEN", "true"));
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        peer.close();
    }

    // --- discovery and inbound criterion ------------------------------------------------------

    @Test
    void discoveryAdvertisesTokenExchangeAndItsCriterion() {
        Http.Reply reply = Http.get(a.url() + "/.well-known/ocm");
        JsonObject doc = reply.json().asJsonObject();

        assertThat(Schemas.violations("Discovery", reply.body())).isEmpty();
        assertThat(strings(doc, "capabilities")).contains("exchange-token", "http-sig");
        assertThat(strings(doc, "criteria")).contains("must-exchange-token");
        assertThat(doc.getString("tokenEndPoint")).isEqualTo(a.url() + "/ocm/token");
    }

    @Test
    void inboundSharesMustRequireTokenExchangeWhenTheCriterionIsOn() {
        // OCM-NOTES §2.5: every offered protocol must carry must-exchange-token
        try (SigningPeer legacy = SigningPeer.legacy()) {
            Http.Reply without =
                    Http.send("POST", a.url() + "/ocm/shares", null, null, inbound(legacy, false));
            Http.Reply with =
                    Http.send("POST", a.url() + "/ocm/shares", null, null, inbound(legacy, true));

            assertThat(without.status()).as(without.body()).isEqualTo(400);
            JsonObject error = without.json().asJsonObject();
            assertThat(error.getString("message"))
                    .isEqualTo(
                            "Share rejected: this server requires token exchange (criterion"
                                    + " must-exchange-token); protocol.webdav.requirements must"
                                    + " list must-exchange-token");
            JsonObject field = error.getJsonArray("validationErrors").getJsonObject(0);
            assertThat(field.getString("name")).isEqualTo("protocol.webdav.requirements");
            assertThat(field.getString("message")).isEqualTo("MISSING");
            assertThat(with.status()).as(with.body()).isEqualTo(201);
        }
    }

    // --- token endpoint ---------------------------------------------------------------------

    @Test
    void exchangeIssuesBearerTokensAndCountsThem() {
        String name = "tok-" + tag() + ".txt";
        upload(name, "t");
        Sent strict = share(name, false, "\"read\"", true);
        assertThat(strict.webdav().getJsonArray("requirements").getString(0))
                .isEqualTo("must-exchange-token");

        Http.Reply first = exchange(form("authorization_code", peer.authority(), strict.secret()));
        Http.Reply legacy = exchange(form("ocm_share", peer.authority(), strict.secret()));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonObject token = first.json().asJsonObject();
        assertThat(token.getString("token_type")).isEqualTo("Bearer");
        assertThat(token.getString("access_token")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(token.getJsonNumber("expires_in").longValue()).isBetween(1L, 5L);
        assertThat(token.containsKey("refresh_token")).isFalse();
        assertThat(legacy.status()).as(legacy.body()).isEqualTo(200);
        assertThat(legacy.json().asJsonObject().getString("access_token"))
                .isNotEqualTo(token.getString("access_token"));
        JsonObject owner = outgoing(strict.id());
        assertThat(owner.getInt("tokenExchanges")).isEqualTo(2);
        assertThat(owner.getBoolean("mustExchangeToken")).isTrue();
        assertThat(a.log())
                .doesNotContain(strict.secret())
                .doesNotContain(token.getString("access_token"));
    }

    @Test
    void everyTokenErrorComesFromItsBadRequest() {
        String name = "err-" + tag() + ".txt";
        upload(name, "e");
        Sent sent = share(name, false, "\"read\"", false);
        String client = peer.authority();

        assertTokenError(
                exchange("grant_type=authorization_code&client_id=" + enc(client)),
                "invalid_request",
                "Token request rejected: code is missing");
        assertTokenError(
                exchange(form("password", client, sent.secret())),
                "unsupported_grant_type",
                "Token request rejected: grant_type must be authorization_code (or the legacy"
                        + " ocm_share)");
        assertTokenError(
                exchange(form("authorization_code", client, "not-the-secret")),
                "invalid_grant",
                "Token request rejected: the code is not valid");
        assertTokenError(
                exchange(form("authorization_code", "bad host!", sent.secret())),
                "invalid_client",
                "Token request rejected: client_id is not a host[:port]");
        try (SigningPeer other = SigningPeer.signing()) {
            GeneratedKey key =
                    OcmKeys.generate(
                            SignatureAlgorithm.ED25519, "http://" + other.authority() + "/ocm#k9");
            other.publish(key.publicJwk());
            // peer signs but names another server as client_id: its key is not there
            Http.Reply mismatch =
                    exchange(form("authorization_code", other.authority(), sent.secret()));
            assertThat(mismatch.status()).isEqualTo(400);
            assertThat(mismatch.json().asJsonObject().getString("error"))
                    .isEqualTo("invalid_client");
        }
        // an unsigned request from a peer that advertises http-sig
        Http.Reply unsigned =
                Http.post(
                        a.url() + "/ocm/token",
                        List.<String[]>of(
                                new String[] {"Content-Type", "application/x-www-form-urlencoded"}),
                        bytes(form("authorization_code", client, sent.secret())));
        assertTokenError(
                unsigned,
                "invalid_client",
                "Request rejected: "
                        + client
                        + " advertises http-sig but the request is unsigned (SIGNATURE_MISSING)");
        assertThat(outgoing(sent.id()).getInt("tokenExchanges")).isZero();
    }

    @Test
    void aCodeOfAShareWithAnotherServerIsAnUnauthorizedClient() {
        String name = "other-" + tag() + ".txt";
        upload(name, "o");
        Sent sent = share(name, false, "\"read\"", false);
        try (ExchangingPeer other = ExchangingPeer.start()) {
            Http.Reply reply =
                    other.signedForm(
                            a.url() + "/ocm/token",
                            form("authorization_code", other.authority(), sent.secret()));

            assertTokenError(
                    reply,
                    "unauthorized_client",
                    "Token request rejected: the share of this code was not made with a user of "
                            + other.authority());
        }
    }

    // --- WebDAV: credentials --------------------------------------------------------------

    @Test
    void eachCredentialFormOpensANonStrictShare() {
        String folder = "cred-" + tag();
        upload(folder + "/one.txt", "first file");
        Sent sent = share(folder, true, "\"read\"", false);
        String url = a.url() + "/ocm/webdav/" + sent.providerId() + "/one.txt";

        for (String authorization :
                List.of(
                        "Bearer " + token(sent),
                        "Bearer " + sent.secret(),
                        basic(sent.secret() + ":"),
                        basic(sent.secret() + ":any-password"))) {
            Http.BytesReply reply = dav("GET", url, authorization, null);
            assertThat(reply.status()).as(authorization.substring(0, 6)).isEqualTo(200);
            assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("first file");
        }
        // the sub-path of the share's URI as sent on the wire
        assertThat(sent.webdav().getString("uri"))
                .isEqualTo(a.url() + "/ocm/webdav/" + sent.providerId());
    }

    @Test
    void strictShareTakesOnlyExchangedTokens() {
        String name = "strict-" + tag() + ".txt";
        upload(name, "strict bytes");
        Sent sent = share(name, false, "\"read\"", true);
        String root = a.url() + "/ocm/webdav/" + sent.providerId();

        Http.BytesReply bearerSecret = dav("GET", root, "Bearer " + sent.secret(), null);
        Http.BytesReply basicSecret = dav("GET", root, basic(sent.secret() + ":"), null);
        String token = token(sent);
        Http.BytesReply atRoot = dav("GET", root, "Bearer " + token, null);
        Http.BytesReply atName = dav("GET", root + "/" + name, "Bearer " + token, null);
        Http.BytesReply deeper = dav("GET", root + "/" + name + "/x", "Bearer " + token, null);
        Http.BytesReply other = dav("GET", root + "/other.txt", "Bearer " + token, null);

        assertUnauthorized(
                bearerSecret,
                "Access rejected: this share requires an exchanged access token"
                        + " (must-exchange-token); the shared secret is not accepted here");
        assertThat(basicSecret.status()).isEqualTo(401);
        assertThat(atRoot.status()).isEqualTo(200);
        assertThat(new String(atRoot.body(), StandardCharsets.UTF_8)).isEqualTo("strict bytes");
        assertThat(atName.status()).isEqualTo(200);
        assertThat(deeper.status()).isEqualTo(404);
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void missingWrongAndForeignCredentialsAreRefused() {
        String name = "wrong-" + tag() + ".txt";
        upload(name, "x");
        Sent one = share(name, false, "\"read\"", false);
        Sent two = share(name, false, "\"read\"", false);
        String token = token(one);

        Http.BytesReply none = dav("GET", a.url() + "/ocm/webdav/" + one.providerId(), null, null);
        Http.BytesReply otherShare =
                dav("GET", a.url() + "/ocm/webdav/" + two.providerId(), "Bearer " + token, null);
        Http.BytesReply otherSecret =
                dav(
                        "GET",
                        a.url() + "/ocm/webdav/" + two.providerId(),
                        "Bearer " + one.secret(),
                        null);
        Http.BytesReply unknown =
                dav("GET", a.url() + "/ocm/webdav/" + UUID.randomUUID(), "Bearer " + token, null);

        // an unknown first segment is read as a path inside the share the token opens (legacy
        // access by credential): nothing is there
        assertThat(unknown.status()).isEqualTo(404);
        for (Http.BytesReply reply : List.of(none, otherShare, otherSecret)) {
            assertUnauthorized(
                    reply,
                    "Access rejected: no valid credentials for this share (send Authorization:"
                            + " Bearer <token>, or Basic with the shared secret as user name)");
        }
    }

    @Test
    void legacyReceiversReachTheShareAtTheWebdavRootByItsSecret() throws Exception {
        // OCM-NOTES §8.1 step 5, §11 Q9/Q20: options-shape receivers get no uri and PROPFIND
        // https://<secret>:@host<webdav path>
        String folder = "legacy-" + tag();
        upload(folder + "/one.txt", "legacy bytes");
        Sent sent = share(folder, true, "\"read\"", false);
        String strictName = "legacy-strict-" + tag() + ".txt";
        upload(strictName, "s");
        Sent strict = share(strictName, false, "\"read\"", true);
        String auth = basic(sent.secret() + ":");

        Http.BytesReply file = dav("GET", a.url() + "/ocm/webdav/one.txt", auth, null);
        Http.BytesReply listing =
                dav("PROPFIND", a.url() + "/ocm/webdav/", auth, null, "Depth", "1");
        Http.BytesReply refused =
                dav("GET", a.url() + "/ocm/webdav/", basic(strict.secret() + ":"), null);

        assertThat(file.status()).isEqualTo(200);
        assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo("legacy bytes");
        assertThat(responses(listing))
                .extracting(r -> text(r, "href"))
                .containsExactly("/ocm/webdav/", "/ocm/webdav/one.txt");
        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void tokensExpire() throws Exception {
        String name = "expiring-" + tag() + ".txt";
        upload(name, "soon gone");
        Sent sent = share(name, false, "\"read\"", false);
        String token = token(sent);
        String url = a.url() + "/ocm/webdav/" + sent.providerId();
        assertThat(dav("GET", url, "Bearer " + token, null).status()).isEqualTo(200);

        Thread.sleep(6000); // the instance issues 5-second tokens

        assertUnauthorized(
                dav("GET", url, "Bearer " + token, null),
                "Access rejected: the access token has expired; exchange the code again");
    }

    @Test
    void unsharingRevokesTokensSecretAndExchange() {
        String name = "unshare-" + tag() + ".txt";
        upload(name, "y");
        Sent sent = share(name, false, "\"read\"", false);
        String token = token(sent);
        String url = a.url() + "/ocm/webdav/" + sent.providerId();
        assertThat(dav("GET", url, "Bearer " + sent.secret(), null).status()).isEqualTo(200);

        Http.Reply deleted =
                Http.send(
                        "DELETE",
                        a.url() + "/api/v1/shares/outgoing/" + sent.id(),
                        "alice",
                        "alice",
                        null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(dav("GET", url, "Bearer " + token, null).status()).isEqualTo(401);
        assertUnauthorized(
                dav("GET", url, "Bearer " + sent.secret(), null),
                "Access rejected: the share is removed and can no longer be used");
        assertTokenError(
                exchange(form("authorization_code", peer.authority(), sent.secret())),
                "invalid_grant",
                "Token request rejected: the share of this code is removed");
    }

    @Test
    void fewerPermissionsRevokeTokens() {
        String folder = "perm-" + tag();
        upload(folder + "/a.txt", "a");
        Sent sent = share(folder, true, "\"read\", \"write\"", false);
        String token = token(sent);
        String url = a.url() + "/ocm/webdav/" + sent.providerId() + "/a.txt";
        assertThat(dav("GET", url, "Bearer " + token, null).status()).isEqualTo(200);

        Http.Reply changed =
                Http.send(
                        "PATCH",
                        a.url() + "/api/v1/shares/outgoing/" + sent.id(),
                        "alice",
                        "alice",
                        "{\"permissions\": [\"read\"]}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(dav("GET", url, "Bearer " + token, null).status()).isEqualTo(401);
        assertThat(dav("GET", url, "Bearer " + sent.secret(), null).status()).isEqualTo(200);
        assertThat(dav("PUT", url, "Bearer " + sent.secret(), bytes("b")).status()).isEqualTo(403);
    }

    @Test
    void pathEscapesAreRefused() throws IOException {
        String folder = "escape-" + tag();
        upload(folder + "/in.txt", "inside");
        Path outside = a.dataDir().resolve("outside-" + tag() + ".txt");
        Files.writeString(outside, "outside the space");
        Path space = a.dataDir().resolve("files").resolve("alice").resolve(folder);
        Files.createSymbolicLink(space.resolve("link.txt"), outside);
        Sent sent = share(folder, true, "\"read\"", false);
        String base = a.url() + "/ocm/webdav/" + sent.providerId();
        String auth = "Bearer " + sent.secret();

        for (String escape : List.of("/../x", "/%2e%2e/x", "/%252e%252e/x", "/a%2F..%2Fb")) {
            Http.BytesReply reply = dav("GET", base + escape, auth, null);
            assertThat(reply.status()).as(escape).isEqualTo(400);
        }
        Http.BytesReply link = dav("GET", base + "/link.txt", auth, null);
        assertThat(link.status()).isEqualTo(404);
        assertThat(new String(link.body(), StandardCharsets.UTF_8))
                .doesNotContain("outside the space");
        assertThat(dav("GET", base + "/in.txt", auth, null).status()).isEqualTo(200);
    }

    // --- WebDAV: methods ------------------------------------------------------------------

    @Test
    void rangeRequestsServeTheAskedBytes() {
        String name = "range-" + tag() + ".txt";
        upload(name, "0123456789");
        Sent sent = share(name, false, "\"read\"", false);
        String url = a.url() + "/ocm/webdav/" + sent.providerId();
        String auth = "Bearer " + sent.secret();

        Http.BytesReply part = dav("GET", url, auth, null, "Range", "bytes=2-5");
        Http.BytesReply tail = dav("GET", url, auth, null, "Range", "bytes=-3");
        Http.BytesReply beyond = dav("GET", url, auth, null, "Range", "bytes=50-");
        Http.BytesReply head = dav("HEAD", url, auth, null);

        assertThat(part.status()).isEqualTo(206);
        assertThat(new String(part.body(), StandardCharsets.UTF_8)).isEqualTo("2345");
        assertThat(part.header("Content-Range")).isEqualTo("bytes 2-5/10");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(new String(tail.body(), StandardCharsets.UTF_8)).isEqualTo("789");
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("10");
        assertThat(head.header("ETag")).isNotEmpty();
        assertThat(head.body()).isEmpty();
    }

    @Test
    void propfindListsDepthZeroAndOneAndRefusesInfinity() throws Exception {
        String folder = "list-" + tag();
        upload(folder + "/one.txt", "11");
        upload(folder + "/two.txt", "222");
        upload(folder + "/sub/three.txt", "3");
        Sent sent = share(folder, true, "\"read\"", false);
        String url = a.url() + "/ocm/webdav/" + sent.providerId();
        String auth = "Bearer " + token(sent);
        String href = "/ocm/webdav/" + sent.providerId();

        Http.BytesReply zero = dav("PROPFIND", url, auth, null, "Depth", "0");
        Http.BytesReply one = dav("PROPFIND", url + "/", auth, bytes(ALLPROP), "Depth", "1");
        Http.BytesReply infinity = dav("PROPFIND", url, auth, null, "Depth", "infinity");
        Http.BytesReply file = dav("PROPFIND", url + "/two.txt", auth, null, "Depth", "0");

        assertThat(zero.status()).isEqualTo(207);
        List<Element> zeroResponses = responses(zero);
        assertThat(zeroResponses).hasSize(1);
        assertThat(text(zeroResponses.get(0), "href")).isEqualTo(href + "/");
        assertThat(zeroResponses.get(0).getElementsByTagNameNS(DAV, "collection").getLength())
                .isEqualTo(1);

        List<Element> oneResponses = responses(one);
        assertThat(oneResponses)
                .extracting(r -> text(r, "href"))
                .containsExactly(href + "/", href + "/one.txt", href + "/sub/", href + "/two.txt");
        Element two = oneResponses.get(3);
        assertThat(text(two, "getcontentlength")).isEqualTo("3");
        assertThat(text(two, "getcontenttype")).isEqualTo("text/plain; charset=UTF-8");
        assertThat(text(two, "getlastmodified")).endsWith(" GMT");
        assertThat(text(two, "getetag")).startsWith("\"");
        assertThat(text(two, "status")).isEqualTo("HTTP/1.1 200 OK");

        assertThat(infinity.status()).isEqualTo(403);
        assertThat(new String(infinity.body(), StandardCharsets.UTF_8))
                .contains("propfind-finite-depth");
        assertThat(responses(file))
                .extracting(r -> text(r, "href"))
                .containsExactly(href + "/two.txt");
    }

    @Test
    void writeMethodsNeedWriteAndStayInsideTheShare() {
        String folder = "write-" + tag();
        upload(folder + "/a.txt", "a");
        upload("readonly-" + folder + "/r.txt", "r");
        Sent rw = share(folder, true, "\"read\", \"write\"", false);
        Sent ro = share("readonly-" + folder, true, "\"read\"", false);
        Sent elsewhere = share("readonly-" + folder, true, "\"read\", \"write\"", false);
        String base = a.url() + "/ocm/webdav/" + rw.providerId();
        String auth = "Bearer " + token(rw);
        String roBase = a.url() + "/ocm/webdav/" + ro.providerId();
        String roAuth = "Bearer " + ro.secret();

        Http.BytesReply options = dav("OPTIONS", base, auth, null);
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("DAV")).isEqualTo("1");
        assertThat(options.header("Allow")).contains("PROPFIND", "PUT", "MKCOL", "MOVE", "COPY");
        assertThat(dav("OPTIONS", roBase, roAuth, null).header("Allow")).doesNotContain("PUT");

        assertThat(dav("PUT", base + "/new.txt", auth, bytes("new")).status()).isEqualTo(201);
        assertThat(dav("PUT", base + "/new.txt", auth, bytes("newer")).status()).isEqualTo(204);
        assertThat(dav("PUT", base + "/no/such/dir.txt", auth, bytes("x")).status()).isEqualTo(409);
        assertThat(dav("MKCOL", base + "/dir", auth, null).status()).isEqualTo(201);
        assertThat(dav("MKCOL", base + "/dir", auth, null).status()).isEqualTo(405);
        assertThat(
                        dav(
                                        "COPY",
                                        base + "/new.txt",
                                        auth,
                                        null,
                                        "Destination",
                                        base + "/dir/copy.txt")
                                .status())
                .isEqualTo(201);
        assertThat(
                        dav(
                                        "MOVE",
                                        base + "/a.txt",
                                        auth,
                                        null,
                                        "Destination",
                                        base + "/dir/moved.txt")
                                .status())
                .isEqualTo(201);
        assertThat(
                        dav(
                                        "COPY",
                                        base + "/new.txt",
                                        auth,
                                        null,
                                        "Destination",
                                        base + "/dir/copy.txt",
                                        "Overwrite",
                                        "F")
                                .status())
                .isEqualTo(412);
        Http.BytesReply outside =
                dav(
                        "MOVE",
                        base + "/new.txt",
                        auth,
                        null,
                        "Destination",
                        a.url() + "/ocm/webdav/" + elsewhere.providerId() + "/stolen.txt");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(new String(outside.body(), StandardCharsets.UTF_8))
                .isEqualTo("Destination rejected: it must stay inside the same share\n");
        assertThat(dav("DELETE", base + "/dir/copy.txt", auth, null).status()).isEqualTo(204);
        assertThat(dav("DELETE", base, auth, null).status()).isEqualTo(403);
        assertThat(
                        new String(
                                dav("GET", base + "/dir/moved.txt", auth, null).body(),
                                StandardCharsets.UTF_8))
                .isEqualTo("a");
        assertThat(
                        new String(
                                Http.bytes(
                                                "GET",
                                                a.url() + "/api/v1/files/" + folder + "/new.txt",
                                                "alice",
                                                "alice")
                                        .body(),
                                StandardCharsets.UTF_8))
                .isEqualTo("newer");

        for (String method : List.of("PUT", "DELETE", "MKCOL")) {
            Http.BytesReply refused = dav(method, roBase + "/r2.txt", roAuth, bytes("x"));
            assertThat(refused.status()).as(method).isEqualTo(403);
        }
        assertThat(
                        dav(
                                        "MOVE",
                                        roBase + "/r.txt",
                                        roAuth,
                                        null,
                                        "Destination",
                                        roBase + "/s.txt")
                                .status())
                .isEqualTo(403);
    }

    // --- helpers --------------------------------------------------------------------------

    private static final String ALLPROP =
            "<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\"><d:allprop/></d:propfind>";

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String form(String grantType, String clientId, String code) {
        return "grant_type="
                + enc(grantType)
                + "&client_id="
                + enc(clientId)
                + "&code="
                + enc(code)
                + "&nonce="
                + tag();
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(bytes(userAndPassword));
    }

    private static void upload(String path, String content) {
        Http.BytesReply put =
                Http.put(a.url() + "/api/v1/files/" + path, "alice", "alice", bytes(content));
        assertThat(put.status()).isIn(201, 204);
    }

    /** Shares a path with bob at the peer and returns what the peer received. */
    private static Sent share(String path, boolean folder, String permissions, boolean strict) {
        Http.Reply reply =
                Http.send(
                        "POST",
                        a.url() + "/api/v1/shares",
                        "alice",
                        "alice",
                        "{\"shareWith\": \"bob@"
                                + peer.authority()
                                + "\", \"path\": \""
                                + path
                                + "\", \"permissions\": ["
                                + permissions
                                + "], \"mustExchangeToken\": "
                                + strict
                                + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonObject share = reply.json().asJsonObject();
        assertThat(share.getBoolean("mustExchangeToken")).isEqualTo(strict);
        JsonObject received = peer.nextShare(WAIT);
        assertThat(received.getString("providerId")).isEqualTo(share.getString("providerId"));
        assertThat(received.getString("resourceType")).isEqualTo(folder ? "folder" : "file");
        JsonObject webdav = received.getJsonObject("protocol").getJsonObject("webdav");
        return new Sent(
                share.getString("id"),
                share.getString("providerId"),
                webdav.getString("sharedSecret"),
                webdav);
    }

    private static JsonObject outgoing(String id) {
        return Http.get(a.url() + "/api/v1/shares/outgoing/" + id, "alice", "alice")
                .json()
                .asJsonObject();
    }

    private static Http.Reply exchange(String form) {
        return peer.signedForm(a.url() + "/ocm/token", form);
    }

    private static String token(Sent sent) {
        Http.Reply reply = exchange(form("authorization_code", peer.authority(), sent.secret()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().asJsonObject().getString("access_token");
    }

    private static Http.BytesReply dav(
            String method, String url, String authorization, byte[] body, String... headers) {
        List<String[]> fields = new ArrayList<>();
        if (authorization != null) {
            fields.add(new String[] {"Authorization", authorization});
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            fields.add(new String[] {headers[i], headers[i + 1]});
        }
        return Http.exchange(method, url, fields, body);
    }

    private static void assertTokenError(Http.Reply reply, String error, String description) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        JsonObject json = reply.json().asJsonObject();
        assertThat(json.getString("error")).isEqualTo(error);
        assertThat(json.getString("error_description")).isEqualTo(description);
    }

    private static void assertUnauthorized(Http.BytesReply reply, String message) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().allValues("WWW-Authenticate"))
                .contains("Bearer realm=\"OCM\"", "Basic realm=\"OCM\"");
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(message + "\n");
    }

    private static List<Element> responses(Http.BytesReply reply) throws Exception {
        assertThat(reply.status()).isEqualTo(207);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(reply.body()));
        NodeList nodes = doc.getDocumentElement().getElementsByTagNameNS(DAV, "response");
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(DAV, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static List<String> strings(JsonObject json, String name) {
        return json.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static String inbound(SigningPeer sender, boolean strict) {
        String owner = "carla@" + sender.authority();
        var webdav =
                Json.createObjectBuilder()
                        .add("uri", "http://" + sender.authority() + "/dav/x")
                        .add("sharedSecret", "s-" + tag())
                        .add("permissions", Json.createArrayBuilder().add("read"));
        if (strict) {
            webdav.add("requirements", Json.createArrayBuilder().add("must-exchange-token"));
        }
        return Json.createObjectBuilder()
                .add("shareWith", "bob@" + a.authority())
                .add("name", "in-" + tag() + ".txt")
                .add("providerId", "in-" + tag())
                .add("owner", owner)
                .add("sender", owner)
                .add("shareType", "user")
                .add("resourceType", "file")
                .add(
                        "protocol",
                        Json.createObjectBuilder().add("name", "multi").add("webdav", webdav))
                .build()
                .toString();
    }
}
