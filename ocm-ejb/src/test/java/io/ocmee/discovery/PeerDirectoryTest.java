package io.ocmee.discovery;

import static io.ocmee.delivery.http.LoopbackServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.http.LoopbackServer;
import io.ocmee.delivery.http.PeerHttpSettings;
import io.ocmee.discovery.DiscoveryException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PeerDirectoryTest {

    private static final Duration SUCCESS_TTL = Duration.ofHours(1);
    private static final Duration FAILURE_TTL = Duration.ofMinutes(5);
    private static final String WELL_KNOWN = "/.well-known/ocm";

    private final LoopbackServer server = LoopbackServer.start();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T10:00:00Z"));
    private final AtomicReference<String> endPoint = new AtomicReference<>("/ocm");
    private final PeerDirectory directory =
            new PeerDirectory(
                    DiscoveryClientTest.httpOnly(PeerHttpSettings.forLoopbackTesting()),
                    clock,
                    SUCCESS_TTL,
                    FAILURE_TTL);

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void reusesDocumentUntilSuccessTtlExpires() {
        server.route(WELL_KNOWN, currentDocument());
        ProviderHost peer = ProviderHost.parse(server.authority());

        PeerDiscovery first = directory.lookup(peer);
        clock.advance(SUCCESS_TTL.minusSeconds(1));
        PeerDiscovery second = directory.lookup(peer);
        clock.advance(Duration.ofSeconds(1));
        directory.lookup(peer);

        assertThat(second).isSameAs(first);
        assertThat(server.hits(WELL_KNOWN)).isEqualTo(2);
    }

    @Test
    void cachesFailureForFailureTtl() {
        server.route(WELL_KNOWN, json(new String(Fixtures.discovery("reva-unconfigured.json"))));
        ProviderHost peer = ProviderHost.parse(server.authority());

        assertThatThrownBy(() -> directory.lookup(peer))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.OCM_DISABLED));
        assertThatThrownBy(() -> directory.lookup(peer))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(Kind.OCM_DISABLED);
                            assertThat(e.getCause()).isInstanceOf(DiscoveryException.class);
                        })
                .hasMessage(
                        "Discovery document of "
                                + server.authority()
                                + " rejected: enabled is false");
        assertThat(server.hits(WELL_KNOWN)).isEqualTo(1);

        clock.advance(FAILURE_TTL);
        assertThatThrownBy(() -> directory.lookup(peer)).isInstanceOf(DiscoveryException.class);
        assertThat(server.hits(WELL_KNOWN)).isEqualTo(2);
    }

    @Test
    void concurrentLookupsOfOneProviderShareOneFetch() throws Exception {
        server.route(WELL_KNOWN, slowDocument());
        ProviderHost peer = ProviderHost.parse(server.authority());
        int callers = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<PeerDiscovery>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return directory.lookup(peer);
                                }));
            }
            start.countDown();

            PeerDiscovery first = results.get(0).get(5, TimeUnit.SECONDS);
            for (Future<PeerDiscovery> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.hits(WELL_KNOWN)).isEqualTo(1);
    }

    @Test
    void refreshFetchesAgainAndReplacesTheCachedDocument() {
        server.route(WELL_KNOWN, currentDocument());
        ProviderHost peer = ProviderHost.parse(server.authority());
        directory.lookup(peer);
        endPoint.set("/ocm-v2");

        PeerDiscovery refreshed = directory.refresh(peer);

        assertThat(refreshed.endPoint().getPath()).isEqualTo("/ocm-v2");
        assertThat(directory.lookup(peer)).isSameAs(refreshed);
        assertThat(server.hits(WELL_KNOWN)).isEqualTo(2);
    }

    @Test
    void refreshIfOlderThanReusesAYoungDocument() {
        server.route(WELL_KNOWN, currentDocument());
        ProviderHost peer = ProviderHost.parse(server.authority());
        PeerDiscovery first = directory.lookup(peer);

        clock.advance(Duration.ofSeconds(30));
        PeerDiscovery young = directory.refreshIfOlderThan(peer, Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(30));
        PeerDiscovery old = directory.refreshIfOlderThan(peer, Duration.ofMinutes(1));

        assertThat(young).isSameAs(first);
        assertThat(old).isNotSameAs(first);
        assertThat(server.hits(WELL_KNOWN)).isEqualTo(2);
    }

    @Test
    void invalidateForgetsTheCachedDocument() {
        server.route(WELL_KNOWN, currentDocument());
        ProviderHost peer = ProviderHost.parse(server.authority());
        directory.lookup(peer);

        directory.invalidate(peer);

        assertThat(directory.cached(peer)).isEmpty();
        directory.lookup(peer);
        assertThat(server.hits(WELL_KNOWN)).isEqualTo(2);
    }

    @Test
    void lookupByAuthorityStringNormalisesTheKey() {
        server.route(WELL_KNOWN, currentDocument());

        PeerDiscovery viaScheme = directory.lookup("http://" + server.authority() + "/");
        PeerDiscovery plain = directory.lookup(server.authority());

        assertThat(plain).isSameAs(viaScheme);
        assertThat(server.hits(WELL_KNOWN)).isEqualTo(1);
    }

    @Test
    void purgeExpiredDropsOnlyExpiredEntries() {
        server.route(WELL_KNOWN, currentDocument());
        ProviderHost peer = ProviderHost.parse(server.authority());
        directory.lookup(peer);

        directory.purgeExpired();
        assertThat(directory.cached(peer)).isPresent();
        clock.advance(SUCCESS_TTL);
        directory.purgeExpired();

        assertThat(directory.cached(peer)).isEmpty();
    }

    @Test
    void rejectsNegativeTtl() {
        assertThatThrownBy(
                        () ->
                                new PeerDirectory(
                                        DiscoveryClientTest.httpOnly(
                                                PeerHttpSettings.forLoopbackTesting()),
                                        clock,
                                        Duration.ofSeconds(-1),
                                        FAILURE_TTL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("successTtl rejected: PT-1S is negative");
    }

    private HttpHandler currentDocument() {
        return exchange -> json(DiscoveryClientTest.document(endPoint.get())).handle(exchange);
    }

    /** Answers after 300 ms so the 20 callers overlap with the one fetch. */
    private static HttpHandler slowDocument() {
        return exchange -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            json(DiscoveryClientTest.document("/ocm")).handle(exchange);
        };
    }
}
