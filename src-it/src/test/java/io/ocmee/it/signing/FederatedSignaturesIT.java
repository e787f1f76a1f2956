package io.ocmee.it.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.it.support.Federation;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.OcmInstance;
import io.ocmee.it.support.TamperingProxy;
import io.ocmee.it.support.TamperingProxy.Exchange;
import io.ocmee.it.support.TamperingProxy.Forward;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two of our servers, signatures on (issue "Signed requests", acceptance): server A (the shared
 * fixture's A) shares with a server B that sits behind a {@link TamperingProxy} (its public URL is
 * the proxy's). A signs its share creation notification; B verifies it through A's discovery and
 * JWK Set over real HTTP. The proxy tampers with one part per case, and B's answer must name the
 * reason. The last steps rotate A's key and remove the old one. B keeps peers' discovery for only
 * two seconds, so that a removed key is noticed within the test.
 */
@ExtendWith(Federation.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederatedSignaturesIT {

    private static TamperingProxy proxy;
    private static OcmInstance b;

    @BeforeAll
    static void startBBehindTheProxy() {
        proxy = new TamperingProxy();
        b =
                OcmInstance.start(
                        "sig-b",
                        Map.of(
                                "OCM_PUBLIC_URL", proxy.url(),
                                "OCM_DISCOVERY_CACHE_TTL_SECONDS", "2",
                                "OCM_SIGNATURE_JWKS_REFETCH_INTERVAL_SECONDS", "0"));
        proxy.forwardTo(b.port());
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        proxy.close();
    }

    @Test
    @Order(1)
    void aGenuineSignedShareIsAccepted(Federation federation) {
        Exchange exchange = share(federation.a(), UnaryOperator.identity());

        assertThat(exchange.status()).as(exchange.responseBody()).isEqualTo(201);
        assertThat(exchange.request().header("Signature-Input")).contains("tag=\"ocm\"");
        assertThat(exchange.request().header("Content-Digest")).startsWith("sha-256=:");
    }

    static Stream<Arguments> tampering() {
        return Stream.of(
                Arguments.of(
                        "body",
                        (UnaryOperator<Forward>) f -> f.withBody(flipInName(f.body())),
                        "DIGEST_MISMATCH"),
                Arguments.of(
                        "target URI",
                        (UnaryOperator<Forward>) f -> f.withPath(f.pathAndQuery() + "?moved=1"),
                        "SIGNATURE_INVALID"),
                Arguments.of(
                        "created",
                        (UnaryOperator<Forward>)
                                f -> f.withHeader("Signature-Input", v -> shiftCreated(v, -3600)),
                        "SIGNATURE_EXPIRED"),
                Arguments.of(
                        "keyid",
                        (UnaryOperator<Forward>)
                                f ->
                                        f.withHeader(
                                                "Signature-Input",
                                                v ->
                                                        v.replaceAll(
                                                                "keyid=\"([^\"#]*)#[^\"]*\"",
                                                                "keyid=\"$1#not-a-key\"")),
                        "KEY_NOT_FOUND"),
                Arguments.of(
                        "Content-Digest",
                        (UnaryOperator<Forward>)
                                f ->
                                        f.withHeader(
                                                "Content-Digest",
                                                v -> "sha-256=:" + "A".repeat(43) + "=:"),
                        "DIGEST_MISMATCH"));
    }

    @ParameterizedTest(name = "{0} tampered → {2}")
    @Order(2)
    @MethodSource("tampering")
    void bRejectsATamperedShareNamingTheReason(
            String what, UnaryOperator<Forward> tamper, String reason, Federation federation) {
        Exchange exchange = share(federation.a(), tamper);

        assertRejected(exchange, reason);
    }

    @Test
    @Order(3)
    void aChangedMethodNeverReachesTheEndpoint(Federation federation) {
        Exchange exchange =
                share(
                        federation.a(),
                        f -> new Forward("PUT", f.pathAndQuery(), f.headers(), f.body()));

        assertThat(exchange.status()).isEqualTo(405);
    }

    @Test
    @Order(4)
    void aReplayedShareIsRejected() {
        Forward genuine = firstAccepted().request();

        assertRejected(proxy.resend(genuine), "SIGNATURE_REPLAYED");
    }

    @Test
    @Order(5)
    void afterARotationBAcceptsTheNewKeyAndRefusesTheRemovedOne(Federation federation)
            throws Exception {
        Forward signedWithOldKey = firstAccepted().request();
        String oldKid = keyId(signedWithOldKey);

        Http.Reply rotated =
                Http.send(
                        "POST",
                        federation.a().url() + "/api/v1/admin/keys/rotate",
                        "admin",
                        "admin",
                        null);
        Exchange afterRotation = share(federation.a(), UnaryOperator.identity());
        Http.Reply removed =
                Http.send(
                        "DELETE",
                        federation.a().url()
                                + "/api/v1/admin/keys/"
                                + URLEncoder.encode(oldKid, StandardCharsets.UTF_8),
                        "admin",
                        "admin",
                        null);
        Thread.sleep(2500); // B's cached discovery of A expires (OCM_DISCOVERY_CACHE_TTL_SECONDS=2)
        Exchange withRemovedKey = proxy.resend(signedWithOldKey);

        assertThat(rotated.status()).isEqualTo(201);
        assertThat(afterRotation.status()).as(afterRotation.responseBody()).isEqualTo(201);
        assertThat(keyId(afterRotation.request()))
                .isEqualTo(rotated.json().asJsonObject().getString("kid"));
        assertThat(removed.status()).isEqualTo(200);
        assertRejected(withRemovedKey, "KEY_NOT_FOUND");
    }

    // --- helpers -------------------------------------------------------------------------------

    /**
     * Carol on A shares a fresh file with bob on B; returns what reached B and B's answer. Bob's
     * address names B's public authority, the proxy's: B refuses shares for other hosts.
     */
    private static Exchange share(OcmInstance a, UnaryOperator<Forward> tamper) {
        proxy.tamperWith(tamper);
        try {
            String file = "signed-" + System.nanoTime() + ".txt";
            int before = proxy.posts().size();
            Http.BytesReply uploaded =
                    Http.put(
                            a.url() + "/api/v1/files/" + file,
                            "carol",
                            "carol",
                            "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(uploaded.status()).isIn(201, 204);
            String request =
                    Json.createObjectBuilder()
                            .add("shareWith", "bob@" + URI.create(proxy.url()).getAuthority())
                            .add("path", file)
                            .add("permissions", Json.createArrayBuilder().add("read"))
                            .build()
                            .toString();
            Http.Reply created =
                    Http.send("POST", a.url() + "/api/v1/shares", "carol", "carol", request);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return awaitPost(before);
        } finally {
            proxy.tamperWith(UnaryOperator.identity());
        }
    }

    private static Exchange awaitPost(int before) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<Exchange> posts = proxy.posts();
            if (posts.size() > before) {
                return posts.get(before);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("A sent nothing to B within 60 s");
    }

    private static Exchange firstAccepted() {
        return proxy.posts().stream().filter(e -> e.status() == 201).findFirst().orElseThrow();
    }

    private static String keyId(Forward forward) {
        Matcher m =
                Pattern.compile("keyid=\"([^\"]+)\"").matcher(forward.header("Signature-Input"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static byte[] flipInName(byte[] body) {
        String json = new String(body, StandardCharsets.UTF_8);
        return json.replace("\"signed-", "\"Signed-").getBytes(StandardCharsets.UTF_8);
    }

    private static String shiftCreated(String signatureInput, long seconds) {
        Matcher m = Pattern.compile("created=(\\d+)").matcher(signatureInput);
        assertThat(m.find()).isTrue();
        long created = Long.parseLong(m.group(1));
        return m.replaceFirst("created=" + (created + seconds));
    }

    private static void assertRejected(Exchange exchange, String reason) {
        assertThat(exchange.status()).as(exchange.responseBody()).isEqualTo(401);
        JsonObject error =
                Json.createReader(new StringReader(exchange.responseBody())).readObject();
        assertThat(error.getString("message")).startsWith("Request rejected: ");
        assertThat(error.getJsonArray("validationErrors").getJsonObject(0).getString("message"))
                .isEqualTo(reason);
    }
}
