package io.ocmee.delivery.http;

import static io.ocmee.delivery.http.LoopbackServer.bytes;
import static io.ocmee.delivery.http.LoopbackServer.redirect;
import static io.ocmee.delivery.http.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.delivery.http.PeerHttpException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PeerHttpStreamTest {

    private final LoopbackServer server = LoopbackServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void streamsABodyLargerThanTheResponseCap() throws IOException {
        server.route("/big", bytes(300_000, true));
        PeerHttpClient client = new PeerHttpClient(capped(1024));

        try (PeerHttpStream response = client.stream("GET", server.uri("/big"), Map.of(), null)) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.firstHeader("content-length")).contains("300000");
            assertThat(response.body().readAllBytes()).hasSize(300_000);
        }
    }

    @Test
    void streamIsRefusedByTheAddressPolicyBeforeAnyConnection() {
        server.route("/big", bytes(10, true));
        PeerHttpClient client =
                new PeerHttpClient(
                        new PeerHttpSettings(
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(2),
                                1024,
                                3,
                                true,
                                false,
                                false));

        assertThatThrownBy(() -> client.stream("GET", server.uri("/big"), Map.of(), null))
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.ADDRESS_REFUSED));
        assertThat(server.hits("/big")).isZero();
    }

    @Test
    void readFailsWhenTheBodyStallsLongerThanTheTimeout() throws IOException {
        server.route(
                "/stall",
                exchange -> {
                    exchange.sendResponseHeaders(200, 100);
                    OutputStream out = exchange.getResponseBody();
                    out.write("first".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    server.slow(e -> {}).handle(exchange);
                });
        PeerHttpClient client =
                new PeerHttpClient(
                        PeerHttpSettings.forLoopbackTesting()
                                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400)));

        try (PeerHttpStream response = client.stream("GET", server.uri("/stall"), Map.of(), null)) {
            InputStream body = response.body();
            assertThat(new String(body.readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("first");
            assertThatThrownBy(body::read)
                    .isInstanceOf(IOException.class)
                    .hasMessage(
                            "Response from "
                                    + "http://"
                                    + server.authority()
                                    + " failed: no data for 400 ms");
        }
    }

    @Test
    void uploadIsStreamedWithItsLengthAndMethod() throws IOException {
        AtomicReference<String> seen = new AtomicReference<>();
        server.route(
                "/put",
                exchange -> {
                    seen.set(
                            exchange.getRequestMethod()
                                    + " "
                                    + exchange.getRequestHeaders().getFirst("Content-Length")
                                    + " "
                                    + new String(
                                            exchange.getRequestBody().readAllBytes(),
                                            StandardCharsets.UTF_8));
                    respond(201, "text/plain", "").handle(exchange);
                });
        byte[] data = "uploaded".getBytes(StandardCharsets.UTF_8);
        PeerHttpClient client = new PeerHttpClient(PeerHttpSettings.forLoopbackTesting());

        try (PeerHttpStream response =
                client.stream(
                        "PUT",
                        server.uri("/put"),
                        Map.of("Content-Type", "text/plain"),
                        new PeerHttpClient.Upload(new ByteArrayInputStream(data), data.length))) {
            assertThat(response.status()).isEqualTo(201);
        }
        assertThat(seen.get()).isEqualTo("PUT 8 uploaded");
    }

    @Test
    void uploadIsNotRedirectedBecauseItsStreamCannotBeSentTwice() {
        server.route("/moved", redirect(307, "/put"));
        server.route("/put", respond(201, "text/plain", ""));
        PeerHttpClient client = new PeerHttpClient(PeerHttpSettings.forLoopbackTesting());

        try (PeerHttpStream response =
                client.stream(
                        "PUT",
                        server.uri("/moved"),
                        Map.of(),
                        new PeerHttpClient.Upload(new ByteArrayInputStream(new byte[1]), 1))) {
            assertThat(response.status()).isEqualTo(307);
        }
        assertThat(server.hits("/put")).isZero();
    }

    @Test
    void downloadFollowsASameAuthorityRedirect() throws IOException {
        server.route("/old", redirect(302, "/new"));
        server.route("/new", respond(200, "text/plain", "here"));
        PeerHttpClient client = new PeerHttpClient(PeerHttpSettings.forLoopbackTesting());

        try (PeerHttpStream response = client.stream("GET", server.uri("/old"), Map.of(), null)) {
            assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("here");
        }
    }

    @Test
    void sendKeepsAnyMethodAndItsBody() {
        AtomicReference<String> seen = new AtomicReference<>();
        server.route(
                "/dav",
                exchange -> {
                    seen.set(
                            exchange.getRequestMethod()
                                    + " "
                                    + exchange.getRequestHeaders().getFirst("Depth")
                                    + " "
                                    + new String(
                                            exchange.getRequestBody().readAllBytes(),
                                            StandardCharsets.UTF_8));
                    respond(207, "application/xml", "<x/>").handle(exchange);
                });
        PeerHttpClient client = new PeerHttpClient(PeerHttpSettings.forLoopbackTesting());

        PeerHttpResponse response =
                client.send(
                        "PROPFIND",
                        server.uri("/dav"),
                        Map.of("Depth", "1"),
                        "<propfind/>".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(207);
        assertThat(seen.get()).isEqualTo("PROPFIND 1 <propfind/>");
    }

    @Test
    void refusesAMethodThatIsNoToken() {
        PeerHttpClient client = new PeerHttpClient(PeerHttpSettings.forLoopbackTesting());

        assertThatThrownBy(() -> client.send("GET /x", server.uri("/"), Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("method rejected: 'GET /x' is no method");
    }

    private static PeerHttpSettings capped(long cap) {
        return new PeerHttpSettings(
                Duration.ofSeconds(5), Duration.ofSeconds(10), cap, 3, true, true, false);
    }
}
