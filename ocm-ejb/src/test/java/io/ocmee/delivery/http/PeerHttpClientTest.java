package io.ocmee.delivery.http;

import static io.ocmee.delivery.http.LoopbackServer.bytes;
import static io.ocmee.delivery.http.LoopbackServer.json;
import static io.ocmee.delivery.http.LoopbackServer.redirect;
import static io.ocmee.delivery.http.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.delivery.http.PeerHttpException.Kind;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class PeerHttpClientTest {

    private static final PeerHttpSettings LOOPBACK = PeerHttpSettings.forLoopbackTesting();

    private final LoopbackServer server = LoopbackServer.start();
    private final LoopbackServer other = LoopbackServer.start();

    @AfterEach
    void stopServers() {
        server.close();
        other.close();
    }

    @Test
    void getsResponseFromLoopbackServerWhenLoopbackIsAllowed() {
        server.route("/hello", json("{\"ok\":true}"));

        PeerHttpResponse response = client(LOOPBACK).get(server.uri("/hello"), Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("{\"ok\":true}");
        assertThat(response.firstHeader("content-type")).contains("application/json");
    }

    @Test
    void postsCallerPreparedHeadersAndBodyUnchanged() {
        server.route(
                "/shares",
                exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    String echo =
                            exchange.getRequestHeaders().getFirst("Signature")
                                    + "|"
                                    + exchange.getRequestHeaders().getFirst("Content-Type")
                                    + "|"
                                    + new String(body, StandardCharsets.UTF_8);
                    respond(201, "text/plain", echo).handle(exchange);
                });
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Signature", "ocm=:c2ln:");
        headers.put("Content-Length", "2");

        PeerHttpResponse response =
                client(LOOPBACK).post(server.uri("/shares"), headers, "{}".getBytes());

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.bodyText()).isEqualTo("ocm=:c2ln:|application/json|{}");
    }

    @Test
    void returnsErrorStatusAndRequireSuccessTurnsItIntoHttpStatusFailure() {
        server.route("/missing", respond(404, "application/json", "{\"message\":\"no\"}"));

        PeerHttpResponse response = client(LOOPBACK).get(server.uri("/missing"), Map.of());

        assertThat(response.status()).isEqualTo(404);
        assertThatThrownBy(response::requireSuccess)
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
                            assertThat(e.status()).hasValue(404);
                        })
                .hasMessage(
                        "Request to http://" + server.authority() + " rejected: HTTP status 404");
    }

    @Test
    void timesOutOnSlowServerWithinConfiguredTimeout() {
        server.route("/slow", server.slow(json("{}")));
        PeerHttpSettings settings =
                LOOPBACK.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> client(settings).get(server.uri("/slow"), Map.of()))
                .isInstanceOfSatisfying(
                        PeerHttpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT))
                .hasMessage(
                        "Request to http://"
                                + server.authority()
                                + " failed: no complete response within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1200));
    }

    @ParameterizedTest(name = "declared length: {0}")
    @CsvSource({"true", "false"})
    void abortsOversizeBody(boolean declareLength) {
        server.route("/big", bytes(200_000, declareLength));
        PeerHttpSettings settings = LOOPBACK.withMaxResponseBytes(10_000);

        assertThatThrownBy(() -> client(settings).get(server.uri("/big"), Map.of()))
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE))
                .hasMessage(
                        "Response from http://"
                                + server.authority()
                                + " rejected: body exceeds 10000 bytes");
    }

    @Test
    void acceptsBodyExactlyAtTheCap() {
        server.route("/exact", bytes(10_000, true));

        PeerHttpResponse response =
                client(LOOPBACK.withMaxResponseBytes(10_000)).get(server.uri("/exact"), Map.of());

        assertThat(response.body()).hasSize(10_000);
    }

    @Test
    void followsRedirectWithinTheSameAuthority() {
        server.route("/old", redirect(302, "/new"));
        server.route("/new", json("{\"moved\":true}"));

        PeerHttpResponse response = client(LOOPBACK).get(server.uri("/old"), Map.of());

        assertThat(response.bodyText()).isEqualTo("{\"moved\":true}");
        assertThat(response.uri()).isEqualTo(server.uri("/new"));
    }

    @Test
    void refusesRedirectToAnotherPort() {
        other.route("/target", json("{}"));
        server.route("/away", redirect(301, other.uri("/target").toString()));

        assertThatThrownBy(() -> client(LOOPBACK).get(server.uri("/away"), Map.of()))
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.REDIRECT_REFUSED))
                .hasMessage(
                        "Redirect from http://"
                                + server.authority()
                                + " rejected: it leads to another authority, http://"
                                + other.authority());
        assertThat(other.hits("/target")).isZero();
    }

    @Test
    void refusesEndlessRedirects() {
        server.route("/loop", redirect(307, "/loop"));

        assertThatThrownBy(() -> client(LOOPBACK).get(server.uri("/loop"), Map.of()))
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.REDIRECT_REFUSED))
                .hasMessageEndingWith("rejected: more than 3 redirects");
        assertThat(server.hits("/loop")).isEqualTo(4);
    }

    @Test
    void refusesRedirectThatWouldTurnPostIntoGet() {
        server.route("/post", redirect(303, "/elsewhere"));

        assertThatThrownBy(
                        () -> client(LOOPBACK).post(server.uri("/post"), Map.of(), new byte[] {1}))
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.REDIRECT_REFUSED))
                .hasMessageEndingWith("rejected: status 303 would turn the POST into a GET");
    }

    @Test
    void followsPermanentRedirectOfPostKeepingTheBody() {
        server.route("/v1/shares", redirect(308, "/v2/shares"));
        server.route(
                "/v2/shares",
                exchange -> {
                    String body = new String(exchange.getRequestBody().readAllBytes());
                    respond(201, "text/plain", exchange.getRequestMethod() + " " + body)
                            .handle(exchange);
                });

        PeerHttpResponse response =
                client(LOOPBACK).post(server.uri("/v1/shares"), Map.of(), "payload".getBytes());

        assertThat(response.bodyText()).isEqualTo("POST payload");
    }

    @Test
    void reportsConnectFailureOnClosedPortWithoutLeakingTheQuery() {
        URI uri = URI.create("http://127.0.0.1:" + LoopbackServer.closedPort() + "/x?token=s3cr3t");

        assertThatThrownBy(() -> client(LOOPBACK).get(uri, Map.of()))
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.CONNECT_FAILED))
                .hasMessage(
                        "Request to http://127.0.0.1:"
                                + uri.getPort()
                                + " failed: connection refused or unreachable")
                .hasMessageNotContaining("s3cr3t");
    }

    @ParameterizedTest(name = "evil.example -> {0}")
    @CsvSource({
        "169.254.169.254, metadata",
        "10.0.0.1, private",
        "::ffff:127.0.0.1, loopback",
        "fd00:ec2::254, metadata",
    })
    void refusesNameResolvingToForbiddenAddressBeforeConnecting(String target, String category) {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver resolver =
                host -> {
                    lookups.incrementAndGet();
                    return List.of(fixed(host, "93.184.216.34"), fixed(host, target));
                };
        PeerHttpClient client = new PeerHttpClient(PeerHttpSettings.defaults(), resolver);

        assertThatThrownBy(
                        () ->
                                client.get(
                                        URI.create("https://evil.example/.well-known/ocm"),
                                        Map.of()))
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(Kind.ADDRESS_REFUSED);
                            assertThat(e.authority()).isEqualTo("https://evil.example");
                        })
                .hasMessageStartingWith("Request to https://evil.example rejected: it resolves to ")
                .hasMessageEndingWith(", a " + category + " address");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void refusesLoopbackLiteralUnderDefaultPolicyWithoutResolving() {
        HostResolver failing =
                host -> {
                    throw new AssertionError("literal must not be resolved");
                };
        PeerHttpClient client = new PeerHttpClient(PeerHttpSettings.defaults(), failing);

        assertThatThrownBy(() -> client.get(URI.create("https://127.0.0.1:9/"), Map.of()))
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.ADDRESS_REFUSED))
                .hasMessage(
                        "Request to https://127.0.0.1:9 rejected: it resolves to 127.0.0.1, a"
                                + " loopback address");
    }

    @Test
    void refusesPlainHttpUnlessAllowed() {
        PeerHttpClient client = new PeerHttpClient(PeerHttpSettings.defaults(), unusedResolver());

        assertThatThrownBy(() -> client.get(URI.create("http://cloud.example.org/"), Map.of()))
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.SCHEME_REFUSED))
                .hasMessage(
                        "Request to http://cloud.example.org rejected: scheme 'http'; plain http is"
                                + " not allowed");
    }

    @Test
    void refusesNumericHostThatResolversMightReadAsAnAddress() {
        PeerHttpClient client = new PeerHttpClient(LOOPBACK, unusedResolver());

        assertThatThrownBy(() -> client.get(URI.create("http://2130706433/"), Map.of()))
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.ADDRESS_REFUSED))
                .hasMessage(
                        "Request to http://2130706433 rejected: host is not a valid name or IP");
    }

    @Test
    void reportsUnresolvableNameAsConnectFailure() {
        HostResolver none =
                host -> {
                    throw new UnknownHostException(host);
                };
        PeerHttpClient client = new PeerHttpClient(PeerHttpSettings.defaults(), none);

        assertThatThrownBy(() -> client.get(URI.create("https://nowhere.example/"), Map.of()))
                .isInstanceOfSatisfying(
                        PeerHttpException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.CONNECT_FAILED))
                .hasMessage(
                        "Request to https://nowhere.example failed: host name does not resolve");
    }

    @Test
    void rejectsHeadersTheClientSetsItself() {
        server.route("/h", json("{}"));

        assertThatThrownBy(
                        () ->
                                client(LOOPBACK)
                                        .get(server.uri("/h"), Map.of("Host", "evil.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header 'Host' rejected: the HTTP client sets it or it is invalid");
    }

    @Test
    void rejectsRelativeUri() {
        assertThatThrownBy(() -> client(LOOPBACK).get(URI.create("/relative"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("URI rejected: it must be absolute with a host");
    }

    private static PeerHttpClient client(PeerHttpSettings settings) {
        return new PeerHttpClient(settings, unusedResolver());
    }

    private static HostResolver unusedResolver() {
        return host -> {
            throw new AssertionError("no name should be resolved in this test: " + host);
        };
    }

    private static InetAddress fixed(String host, String literal) {
        try {
            return InetAddress.getByAddress(host, AddressPolicyTest.address(literal).getAddress());
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
