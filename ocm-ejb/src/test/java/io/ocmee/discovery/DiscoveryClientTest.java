package io.ocmee.discovery;

import static io.ocmee.delivery.http.LoopbackServer.json;
import static io.ocmee.delivery.http.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.delivery.http.LoopbackServer;
import io.ocmee.delivery.http.PeerHttpClient;
import io.ocmee.delivery.http.PeerHttpSettings;
import io.ocmee.discovery.DiscoveryException.Kind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DiscoveryClientTest {

    private static final PeerHttpSettings LOOPBACK = PeerHttpSettings.forLoopbackTesting();

    private final LoopbackServer server = LoopbackServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void discoversFromWellKnownOverLoopbackHttp() {
        server.route("/.well-known/ocm", json(document("/ocm")));

        PeerDiscovery doc = httpOnly(LOOPBACK).discover(server.authority());

        assertThat(doc.endPoint()).isEqualTo(URI.create("http://" + server.authority() + "/ocm"));
        assertThat(doc.baseUri()).isEqualTo(URI.create("http://" + server.authority()));
        assertThat(server.hits("/ocm-provider/")).isZero();
    }

    @Test
    void fallsBackToOcmProviderWhenWellKnownIsMissing() {
        server.route("/ocm-provider/", json(new String(Fixtures.discovery("nextcloud-32.json"))));

        PeerDiscovery doc = httpOnly(LOOPBACK).discover(server.authority());

        assertThat(doc.dialect()).isEqualTo(Dialect.LEGACY_1_0);
        assertThat(server.hits("/ocm-provider/")).isEqualTo(1);
    }

    @Test
    void fallsBackToOcmProviderWhenWellKnownIsAnHtmlPage() {
        server.route("/.well-known/ocm", respond(200, "text/html", "<html>login</html>"));
        server.route("/ocm-provider/", json(document("/ocm")));

        PeerDiscovery doc = httpOnly(LOOPBACK).discover(server.authority());

        assertThat(doc.apiVersion()).isEqualTo("1.5.0");
    }

    @Test
    void triesHttpsFirstThenHttpWhenPlainHttpIsAllowed() {
        server.route("/.well-known/ocm", json(document("/ocm")));

        PeerHttpSettings settings =
                LOOPBACK.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2));

        PeerDiscovery doc =
                new DiscoveryClient(new PeerHttpClient(settings)).discover(server.authority());

        assertThat(doc.baseUri().getScheme()).isEqualTo("http");
        assertThat(server.hits("/.well-known/ocm")).isEqualTo(1);
    }

    @Test
    void reportsUnreachableForClosedPort() {
        String authority = "127.0.0.1:" + LoopbackServer.closedPort();

        assertThatThrownBy(() -> httpOnly(LOOPBACK).discover(authority))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
                            assertThat(e.provider()).isEqualTo(authority);
                        })
                .hasMessage(
                        "Discovery of "
                                + authority
                                + " failed: GET http://"
                                + authority
                                + "/.well-known/ocm: Request to http://"
                                + authority
                                + " failed: connection refused or unreachable");
    }

    @Test
    void timesOutOnSlowPeerWithoutTryingFurtherPaths() {
        server.route("/.well-known/ocm", server.slow(json(document("/ocm"))));
        PeerHttpSettings fast =
                LOOPBACK.withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> httpOnly(fast).discover(server.authority()))
                .isInstanceOfSatisfying(
                        DiscoveryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT))
                .hasMessageEndingWith("failed: no complete response within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1200));
        assertThat(server.hits("/ocm-provider/")).isZero();
    }

    @Test
    void rejectsOversizeDocument() {
        server.route("/.well-known/ocm", LoopbackServer.bytes(50_000, true));

        assertThatThrownBy(
                        () ->
                                httpOnly(LOOPBACK.withMaxResponseBytes(4096))
                                        .discover(server.authority()))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE))
                .hasMessageEndingWith("rejected: body exceeds 4096 bytes");
    }

    @Test
    void reportsNonJsonWhenNoPathServesJson() {
        server.route("/", respond(200, "text/html", "<html>welcome</html>"));

        assertThatThrownBy(() -> httpOnly(LOOPBACK).discover(server.authority()))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(Kind.NOT_JSON);
                            assertThat(e.getSuppressed()).hasSize(1);
                        })
                .hasMessage(
                        "Discovery document of "
                                + server.authority()
                                + " rejected: body is not JSON");
    }

    @Test
    void reportsDisabledOcmAtOnce() {
        server.route(
                "/.well-known/ocm", json(new String(Fixtures.discovery("reva-unconfigured.json"))));
        server.route("/ocm-provider/", json(document("/ocm")));

        assertThatThrownBy(() -> httpOnly(LOOPBACK).discover(server.authority()))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.OCM_DISABLED))
                .hasMessage(
                        "Discovery document of "
                                + server.authority()
                                + " rejected: enabled is false");
        assertThat(server.hits("/ocm-provider/")).isZero();
    }

    @Test
    void reportsHttpErrorWhenBothPathsAnswer404() {
        assertThatThrownBy(() -> httpOnly(LOOPBACK).discover(server.authority()))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.HTTP_ERROR))
                .hasMessage(
                        "Discovery of "
                                + server.authority()
                                + " failed: GET http://"
                                + server.authority()
                                + "/.well-known/ocm: HTTP status 404");
    }

    @Test
    void refusesLoopbackPeerUnderProductionPolicy() {
        PeerHttpClient production = new PeerHttpClient(PeerHttpSettings.defaults());

        assertThatThrownBy(() -> new DiscoveryClient(production).discover(server.authority()))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.ADDRESS_REFUSED))
                .hasMessageContaining("rejected: it resolves to 127.0.0.1, a loopback address");
        assertThat(server.hits("/.well-known/ocm")).isZero();
    }

    @Test
    void rejectsHttpSchemeWhenClientForbidsPlainHttp() {
        PeerHttpClient production = new PeerHttpClient(PeerHttpSettings.defaults());

        assertThatThrownBy(() -> new DiscoveryClient(production, List.of("http")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "schemes rejected: http is listed but the HTTP client forbids plain HTTP");
    }

    static String document(String endPoint) {
        return """
        {"enabled": true, "apiVersion": "1.5.0", "endPoint": "%s",
         "resourceTypes": [{"name": "file", "shareTypes": ["user"],
           "protocols": {"webdav": "/dav/ocm/", "webdav-receive": {"uri": "absolute"}}}]}
        """
                .formatted(endPoint);
    }

    static DiscoveryClient httpOnly(PeerHttpSettings settings) {
        return new DiscoveryClient(new PeerHttpClient(settings), List.of("http"));
    }
}
