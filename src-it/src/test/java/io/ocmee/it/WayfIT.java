package io.ocmee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ocmee.it.support.FakePeer;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.ItSettings;
import io.ocmee.it.support.OcmInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public WAYF page of invite links ({@code /ocm/wayf}, OCM-NOTES §5.2, §9.5) on a server of its
 * own, configured with two Directory Services on loopback: one whose JWS verifies with the
 * configured key and one signed by another key, which must not be shown. A scripted loopback peer
 * ("Fake Cloud") publishes an {@code inviteAcceptDialog}; {@link FakePeer} publishes none.
 */
class WayfIT {

    private static final String TOKEN = "wayf-it-token-0123456789";

    private static RSAKey directoryKey;
    private static HttpServer fake;
    private static int fakePort;
    private static OcmInstance server;

    @BeforeAll
    static void start() throws Exception {
        directoryKey = new RSAKeyGenerator(2048).keyID("directory-2026").generate();
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID("directory-2026").generate();
        fakePort = FakePeer.freePort();
        String listing =
                "{\"federation\":\"Loopback <Mesh>\",\"servers\":["
                        + "{\"url\":\"http://localhost:"
                        + fakePort
                        + "\",\"displayName\":\"Fake <b>Cloud</b>\"},"
                        + "{\"url\":\"http://localhost:1/some/path\",\"displayName\":\"Pathy\"}]}";
        String forged =
                "{\"federation\":\"Forged Mesh\",\"servers\":[{\"url\":\"http://localhost:"
                        + fakePort
                        + "\",\"displayName\":\"Forged Cloud\"}]}";
        fake =
                HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), fakePort), 8);
        fake.createContext(
                "/.well-known/ocm", exchange -> reply(exchange, "application/json", discovery()));
        fake.createContext(
                "/directory/good",
                exchange -> reply(exchange, "application/jose", sign(directoryKey, listing)));
        fake.createContext(
                "/directory/forged",
                exchange -> reply(exchange, "application/jose", sign(otherKey, forged)));
        fake.start();

        Path jwks = ItSettings.workDir().resolve("wayf-directory-jwks.json");
        Files.createDirectories(jwks.getParent());
        Files.writeString(jwks, new JWKSet(directoryKey.toPublicJWK()).toString());
        String base = "http://127.0.0.1:" + fakePort;
        server =
                OcmInstance.start(
                        "wayf",
                        Map.of(
                                "OCM_WAYF_DIRECTORY_URLS",
                                base + "/directory/good, " + base + "/directory/forged",
                                "OCM_WAYF_DIRECTORY_JWKS_FILE",
                                jwks.toString(),
                                "OCM_PROVIDER_NAME",
                                "Inviting <Server>"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (fake != null) {
            fake.stop(0);
        }
    }

    @Test
    void listsVerifiedDirectoryServersAndHidesForgedDirectories() {
        Http.Reply page = Http.get(wayf(TOKEN));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("Where are you from?")
                .contains("Loopback &lt;Mesh&gt;")
                .contains("Fake &lt;b&gt;Cloud&lt;/b&gt; (localhost:" + fakePort + ")")
                .contains("value=\"localhost:" + fakePort + "\"")
                .contains("Inviting &lt;Server&gt;")
                .doesNotContain("Forged")
                .doesNotContain("Pathy")
                .doesNotContain("<b>Cloud");
        assertThat(server.log())
                .contains("OCM-0901 Directory Service http://127.0.0.1:" + fakePort + " not shown:")
                .contains("signature does not verify");
    }

    @Test
    void sendsSecurityHeadersAndEscapesTheToken() {
        Http.BytesReply page = Http.bytes("GET", wayf("<script>alert(1)</script>"), null, null);

        String body = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(body)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void redirectsToTheChosenServersDialogWithTokenAndProviderDomain() {
        Http.BytesReply reply =
                Http.bytes("GET", choose(TOKEN, "localhost:" + fakePort), null, null);

        assertThat(reply.status()).isEqualTo(303);
        assertThat(reply.header("Location"))
                .isEqualTo(
                        "http://localhost:"
                                + fakePort
                                + "/apps/invites/accept?lang=en&token="
                                + TOKEN
                                + "&providerDomain="
                                + URLEncoder.encode(server.authority(), StandardCharsets.UTF_8));
    }

    @Test
    void freeEntryAcceptsAnOcmAddressOrUrlOfTheServer() {
        assertThat(
                        Http.bytes("GET", choose(TOKEN, "me@localhost:" + fakePort), null, null)
                                .status())
                .isEqualTo(303);
        assertThat(
                        Http.bytes(
                                        "GET",
                                        choose(TOKEN, "http://localhost:" + fakePort + "/"),
                                        null,
                                        null)
                                .status())
                .isEqualTo(303);
    }

    @Test
    void offersTheInviteStringWhenTheServerHasNoDialog() {
        try (FakePeer noDialog = FakePeer.start(FakePeer.Reply.of(201, "{}"))) {
            Http.Reply page = Http.get(choose(TOKEN, noDialog.authority()));

            assertThat(page.status()).isEqualTo(502);
            assertThat(page.body())
                    .contains(
                            "Server rejected: "
                                    + noDialog.authority()
                                    + " publishes no invite acceptance page")
                    .contains("value=\"" + inviteString(TOKEN, server.authority()) + "\"");
        }
    }

    @Test
    void showsWhyAServerCannotBeUsed() {
        Http.Reply malformed = Http.get(choose(TOKEN, "not a <server>"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body())
                .contains(
                        "Server rejected: &#39;not a &lt;server&gt;&#39; is not a server address");

        Http.Reply empty = Http.get(choose(TOKEN, ""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Server rejected: choose a server or enter its address");

        Http.Reply down = Http.get(choose(TOKEN, "localhost:" + FakePeer.freePort()));
        assertThat(down.status()).isEqualTo(502);
        assertThat(down.body()).contains("could not be reached as an OCM server");

        Http.Reply noToken = Http.get(server.url() + "/ocm/wayf");
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.body()).contains("Invite link rejected: it carries no token");
    }

    @Test
    void listsTrustedPeersAsKnownServers() {
        String peer = "localhost:" + fakePort;
        Http.Reply trusted =
                Http.send(
                        "PUT",
                        server.url() + "/api/v1/admin/peers/" + peer,
                        "admin",
                        "admin",
                        "{\"state\":\"trusted\"}");
        assertThat(trusted.status()).isEqualTo(200);

        Http.Reply page = Http.get(wayf(TOKEN));
        assertThat(page.body()).contains("Known servers").contains("value=\"" + peer + "\"");
    }

    private static String wayf(String token) {
        return server.url() + "/ocm/wayf?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String choose(String token, String choice) {
        return server.url()
                + "/ocm/wayf/continue?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&server="
                + URLEncoder.encode(choice, StandardCharsets.UTF_8);
    }

    private static String inviteString(String token, String host) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((token + "@" + host).getBytes(StandardCharsets.UTF_8));
    }

    private static String discovery() {
        return "{\"enabled\":true,\"apiVersion\":\"1.5.0\",\"endPoint\":\"http://localhost:"
                + fakePort
                + "/ocm\",\"provider\":\"Fake Cloud\",\"resourceTypes\":[{\"name\":\"file\","
                + "\"shareTypes\":[\"user\"],\"protocols\":{\"webdav\":\"/dav/\"}}],"
                + "\"capabilities\":[\"invites\",\"invite-wayf\"],"
                + "\"inviteAcceptDialog\":\"/apps/invites/accept?lang=en\"}";
    }

    private static String sign(RSAKey key, String payload) {
        try {
            JWSObject jws =
                    new JWSObject(
                            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                            new Payload(payload));
            jws.sign(new RSASSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, String type, String body) {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
