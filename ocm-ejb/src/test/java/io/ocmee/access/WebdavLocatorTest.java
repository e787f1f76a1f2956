package io.ocmee.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.access.ShareAccessException.Reason;
import io.ocmee.discovery.DiscoveryDocumentParser;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.share.IncomingShareGrant;
import io.ocmee.share.Permissions;
import io.ocmee.share.ProtocolShape;
import io.ocmee.spi.ResourcePath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebdavLocatorTest {

    private static final PeerDiscovery SENDER = discovery("/remote.php/dav/ocm/");

    @ParameterizedTest(name = "uri {0} -> {1}")
    @CsvSource({
        "https://cloud.example.org/ocm/webdav/abc, https://cloud.example.org/ocm/webdav/abc",
        "https://cloud.example.org:8443/dav/abc/, https://cloud.example.org:8443/dav/abc",
        "abc-123, https://cloud.example.org/remote.php/dav/ocm/abc-123",
        "'a b', https://cloud.example.org/remote.php/dav/ocm/a%20b",
        "/public.php/webdav, https://cloud.example.org/public.php/webdav",
        "'', https://cloud.example.org/remote.php/dav/ocm",
    })
    void resolvesAbsoluteRelativeSlashPrefixedAndEmptyUris(String uri, String expected) {
        IncomingShareGrant grant = grant(uri.isEmpty() ? Optional.empty() : Optional.of(uri));

        assertThat(WebdavLocator.shareRoot(grant, SENDER, false)).isEqualTo(URI.create(expected));
    }

    @Test
    void appendsEachSubPathNameAsOneEncodedSegment() {
        URI root = URI.create("https://cloud.example.org/dav/abc");

        URI item = WebdavLocator.resolve(root, ResourcePath.parse("my docs/ä%41#?.txt"));

        assertThat(item.toString())
                .isEqualTo("https://cloud.example.org/dav/abc/my%20docs/%C3%A4%2541%23%3F.txt");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "..",
                "../x",
                "a/../../x",
                "%2e%2e/x",
                "%2E%2E",
                "a/%252e%252e/b",
                "a\\..\\b",
                "a%2f..%2fb",
                "/etc/passwd",
                "a//b",
                "./a",
                "C:x"
            })
    void refusesSubPathsThatCouldLeaveTheShare(String hostile) {
        assertThatThrownBy(() -> WebdavLocator.subPath(hostile))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.getMessage())
                                    .startsWith("Path rejected: ")
                                    .doesNotContain("rejected: Path");
                        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://evil.example/dav/abc|its uri points to another server, evil.example",
                "ftp://cloud.example.org/abc|its uri has the scheme 'ftp'",
                "https://user@cloud.example.org/abc|its uri must have a host and no user info,"
                        + " query or fragment",
                "https://cloud.example.org/abc?x=1|its uri must have a host and no user info,"
                        + " query or fragment",
                "https://cloud.example.org/dav/%2e%2e/admin|its WebDAV path has a '.' or '..'"
                        + " segment",
                "/dav/../admin|its WebDAV path has a '.' or '..' segment",
                "a/../b|its uri is not a usable key",
            })
    void refusesUnusableUrisFromTheSender(String uri, String why) {
        assertThatThrownBy(() -> WebdavLocator.shareRoot(grant(Optional.of(uri)), SENDER, false))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.REMOTE_ERROR);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Access rejected: share s1 from cloud.example.org"
                                                    + " cannot be reached: "
                                                    + why);
                        });
    }

    @Test
    void plainHttpUriIsRefusedUnlessAllowed() {
        IncomingShareGrant grant = grant(Optional.of("http://cloud.example.org/dav/abc"));

        assertThatThrownBy(() -> WebdavLocator.shareRoot(grant, SENDER, false))
                .isInstanceOf(ShareAccessException.class)
                .hasMessageEndingWith("its uri has the scheme 'http'");
        assertThat(WebdavLocator.shareRoot(grant, SENDER, true))
                .isEqualTo(URI.create("http://cloud.example.org/dav/abc"));
    }

    @Test
    void relativeUriNeedsAWebdavPathInDiscovery() {
        PeerDiscovery without = discovery(null);

        assertThatThrownBy(() -> WebdavLocator.shareRoot(grant(Optional.of("abc")), without, false))
                .isInstanceOf(ShareAccessException.class)
                .hasMessageEndingWith("the sender publishes no webdav path in its discovery");
    }

    private static IncomingShareGrant grant(Optional<String> uri) {
        return new IncomingShareGrant(
                "s1",
                "cloud.example.org",
                "n",
                "file",
                Set.of(Permissions.READ),
                ProtocolShape.MULTI,
                uri,
                "secret",
                Set.of());
    }

    private static PeerDiscovery discovery(String webdavPath) {
        String protocols = webdavPath == null ? "{}" : "{\"webdav\":\"" + webdavPath + "\"}";
        String json =
                "{\"enabled\":true,\"apiVersion\":\"1.5.0\",\"endPoint\":"
                        + "\"https://cloud.example.org/ocm\",\"resourceTypes\":[{\"name\":\"file\","
                        + "\"shareTypes\":[\"user\"],\"protocols\":"
                        + protocols
                        + "}]}";
        return new DiscoveryDocumentParser()
                .parse(
                        URI.create("https://cloud.example.org"),
                        json.getBytes(StandardCharsets.UTF_8));
    }
}
