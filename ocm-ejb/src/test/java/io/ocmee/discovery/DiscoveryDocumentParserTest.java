package io.ocmee.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.discovery.DiscoveryException.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DiscoveryDocumentParserTest {

    private final DiscoveryDocumentParser parser = new DiscoveryDocumentParser();

    @Test
    void parsesOpenApi140Example() {
        PeerDiscovery doc = parse("https://cloud.example.org", Fixtures.openApiExample());

        assertThat(doc.apiVersion()).isEqualTo("1.4.0");
        assertThat(doc.dialect()).isEqualTo(Dialect.MODERN);
        assertThat(doc.endPoint()).isEqualTo(URI.create("https://cloud.example.org/ocm"));
        assertThat(doc.provider()).contains("MyCloudStorage");
        assertThat(doc.capabilities()).containsExactly("protocol-object", "invites", "http-sig");
        assertThat(doc.criteria()).containsExactly("allowlist", "must-invite");
        assertThat(doc.tokenEndPoint()).contains(URI.create("https://cloud.example.org/ocm/token"));
        assertThat(doc.inviteAcceptDialog())
                .contains(
                        URI.create("https://cloud.example.org/index.php/apps/sciencemesh/accept"));
        ResourceType file = doc.resourceTypes().get("file");
        assertThat(file.protocols())
                .containsEntry("webdav", "/remote/dav/ocm/")
                .containsEntry("webapp", "")
                .containsEntry("talk", "/apps/spreed/api/");
        assertThat(file.receives().get("webdav").uriForm()).contains("absolute");
        assertThat(file.receives().get("webapp").targets()).containsExactly("blank", "iframe");
        assertThat(doc.supports("file", "user", "webapp")).isTrue();
        assertThat(doc.supports("file", "group", "webdav")).isFalse();
        assertThat(doc.supports("file", "group", "webapp")).isFalse();
        assertThat(doc.supports("folder", "user", "webdav")).isFalse();
    }

    @Test
    void readsNextcloud32WithLegacyVersionAndPublicKey() {
        PeerDiscovery doc = fixture("nextcloud-32.json", "https://nc32.example.test");

        assertThat(doc.dialect()).isEqualTo(Dialect.LEGACY_1_0);
        assertThat(doc.endPoint()).isEqualTo(URI.create("https://nc32.example.test/index.php/ocm"));
        assertThat(doc.capabilities()).isEmpty();
        assertThat(doc.webdavPath("folder")).contains("/public.php/webdav/");
        assertThat(doc.publicKey().orElseThrow().keyId())
                .isEqualTo("https://nc32.example.test/ocm#signature");
        assertThat(doc.publicKey().orElseThrow().publicKeyPem())
                .startsWith("-----BEGIN PUBLIC KEY");
    }

    @Test
    void normalisesNextcloud33Capabilities() {
        PeerDiscovery doc = fixture("nextcloud-33.json", "https://nc33.example.test");

        assertThat(doc.dialect()).isEqualTo(Dialect.V1_1);
        assertThat(doc.rawCapabilities())
                .containsExactly("invite-accepted", "notifications", "shares");
        assertThat(doc.capabilities()).containsExactly("invites", "notifications", "shares");
        assertThat(doc.supports("file", "user", "webdav")).isTrue();
        assertThat(doc.supports("file", "group", "webdav")).isFalse();
        assertThat(doc.publicKey()).isPresent();
    }

    @Test
    void readsConfiguredReva() {
        PeerDiscovery doc = fixture("reva-configured.json", "https://reva.example.test");

        assertThat(doc.resourceTypes()).containsOnlyKeys("file", "folder");
        assertThat(doc.hasCapability("exchange-token")).isTrue();
        assertThat(doc.hasCriterion("must-invite")).isTrue();
        assertThat(doc.resourceTypes().get("file").protocols())
                .containsEntry("webapp", "/app/ocm/");
        assertThat(doc.supports("folder", "user", "webdav")).isTrue();
        assertThat(doc.supports("folder", "group", "webdav")).isFalse();
        assertThat(doc.tokenEndPoint()).contains(URI.create("https://reva.example.test/ocm/token"));
        assertThat(doc.endpoint("/invite-accepted"))
                .isEqualTo(URI.create("https://reva.example.test/ocm/invite-accepted"));
    }

    @Test
    void treatsUnconfiguredRevaAsNoOcm() {
        assertThatThrownBy(() -> fixture("reva-unconfigured.json", "https://reva.example.test"))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.OCM_DISABLED))
                .hasMessage("Discovery document of reva.example.test rejected: enabled is false");
    }

    @Test
    void readsOpencloudmeshGoWithJwksAndRelativeUriForm() {
        PeerDiscovery doc = fixture("opencloudmesh-go.json", "https://ocmgo.example.test");

        assertThat(doc.jwksUri())
                .contains(URI.create("https://ocmgo.example.test/.well-known/jwks.json"));
        assertThat(doc.hasCriterion("must-use-http-sig")).isTrue();
        assertThat(doc.resourceTypes().get("file").receives().get("webdav").uriForm())
                .contains("relative");
    }

    @Test
    void readsSeafileWithCustomProtocolAndTrailingSlashEndPoint() {
        PeerDiscovery doc = fixture("seafile.json", "https://seafile.example.test");

        assertThat(doc.endPoint())
                .isEqualTo(URI.create("https://seafile.example.test/api/v2.1/ocm"));
        assertThat(doc.endpoint("shares"))
                .isEqualTo(URI.create("https://seafile.example.test/api/v2.1/ocm/shares"));
        assertThat(doc.resourceTypes().get("library").protocols())
                .containsEntry("Seafile API", "/api/v2.1/ocm/");
        assertThat(doc.webdavPath("library")).isEmpty();
    }

    @Test
    void readsLegacyTopLevelShareTypesAsResourceTypesForUsers() {
        PeerDiscovery doc = fixture("shareTypes-top-level.json", "https://legacy.example.test");

        ResourceType file = doc.resourceTypes().get("file");
        assertThat(file.shareTypes()).containsExactly("user");
        assertThat(file.webdavPath()).contains("/public.php/webdav/");
    }

    @Test
    void readsResourceTypesKeyedByName() {
        PeerDiscovery doc = fixture("resourceTypes-object.json", "https://object.example.test");

        assertThat(doc.resourceTypes()).containsOnlyKeys("file", "folder");
        assertThat(doc.resourceTypes().get("folder").shareTypes()).containsExactly("user");
        assertThat(doc.webdavPath("folder")).contains("/dav/folders/");
        assertThat(doc.webdavPath("calendar")).contains("/dav/files/");
        assertThat(doc.supports("file", "group", "webdav")).isTrue();
    }

    @Test
    void resolvesRelativeEndpointsAgainstTheBase() {
        PeerDiscovery doc = fixture("relative-endpoints.json", "https://rel.example.test:8443");

        assertThat(doc.endPoint()).isEqualTo(URI.create("https://rel.example.test:8443/ocm"));
        assertThat(doc.tokenEndPoint())
                .contains(URI.create("https://rel.example.test:8443/ocm/token"));
        assertThat(doc.inviteAcceptDialog())
                .contains(
                        URI.create(
                                "https://rel.example.test:8443/index.php/apps/sciencemesh/accept"));
        assertThat(doc.jwksUri()).contains(URI.create("https://rel.example.test:8443/ocm/jwks"));
        assertThat(doc.baseUri()).isEqualTo(URI.create("https://rel.example.test:8443"));
    }

    @Test
    void acceptsVersionAsAliasOfApiVersion() {
        PeerDiscovery doc = fixture("version-alias.json", "https://alias.example.test");

        assertThat(doc.apiVersion()).isEqualTo("1.1.0");
        assertThat(doc.dialect()).isEqualTo(Dialect.V1_1);
    }

    @Test
    void collapsesDoubledSlashesAndJoinsWithExactlyOne() {
        PeerDiscovery doc = fixture("double-slashes.json", "https://slashes.example.test");

        assertThat(doc.endPoint())
                .isEqualTo(URI.create("https://slashes.example.test/index.php/ocm"));
        assertThat(doc.endpoint("//shares"))
                .isEqualTo(URI.create("https://slashes.example.test/index.php/ocm/shares"));
        assertThat(doc.tokenEndPoint())
                .contains(URI.create("https://slashes.example.test/ocm/token"));
    }

    @Test
    void normalisesLegacyCapabilityAndCriteriaSpellingsKeepingRawLists() {
        PeerDiscovery doc = fixture("legacy-vocabulary.json", "https://legacy-words.example.test");

        assertThat(doc.capabilities())
                .containsExactly(
                        "notifications",
                        "invites",
                        "exchange-token",
                        "webdav-uri",
                        "mfa-capable",
                        "Custom-Thing");
        assertThat(doc.rawCapabilities()).hasSize(6).contains("/invite-accepted", "receive-code");
        assertThat(doc.criteria())
                .containsExactly(
                        "must-use-http-sig", "must-exchange-token", "must-invite", "allowlist");
        assertThat(doc.rawCriteria()).hasSize(5);
        assertThat(doc.publicKey().orElseThrow().keyId())
                .isEqualTo("https://legacy-words.example.test/ocm#signature");
    }

    @Test
    void treatsNonBooleanEnabledAsDisabledLikeNextcloud() {
        assertThatThrownBy(() -> fixture("enabled-string.json", "https://stringly.example.test"))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.OCM_DISABLED))
                .hasMessage(
                        "Discovery document of stringly.example.test rejected: enabled is not a"
                                + " JSON boolean (\"true\")");
    }

    static Stream<Arguments> hostileDocuments() {
        return Stream.of(
                Arguments.of("", Kind.NOT_JSON, "body is not JSON"),
                Arguments.of(
                        "<html><body>Not Found</body></html>", Kind.NOT_JSON, "body is not JSON"),
                Arguments.of("{\"enabled\": true,", Kind.NOT_JSON, "body is not JSON"),
                Arguments.of(
                        "[\"enabled\", true]", Kind.NOT_JSON, "body is JSON but not an object"),
                Arguments.of("{}", Kind.OCM_DISABLED, "enabled is missing"),
                Arguments.of(
                        "{\"enabled\": 1, \"apiVersion\": \"1.1\", \"endPoint\": \"/ocm\"}",
                        Kind.OCM_DISABLED,
                        "enabled is not a JSON boolean (1)"),
                Arguments.of(
                        "{\"enabled\": true, \"apiVersion\": \"1.1\"}",
                        Kind.OCM_DISABLED,
                        "endPoint is missing or empty"),
                Arguments.of(
                        "{\"enabled\": true, \"apiVersion\": \"1.1\", \"endPoint\": \" \"}",
                        Kind.OCM_DISABLED,
                        "endPoint is missing or empty"),
                Arguments.of(
                        "{\"enabled\": true, \"apiVersion\": \"1.1\", \"endPoint\": 42}",
                        Kind.OCM_DISABLED,
                        "endPoint is missing or empty"),
                Arguments.of(
                        "{\"enabled\": true, \"endPoint\": \"https://h/ocm\"}",
                        Kind.INVALID_DOCUMENT,
                        "apiVersion (or version) is missing"),
                Arguments.of(
                        "{\"enabled\": true, \"apiVersion\": \"\", \"endPoint\": \"/ocm\"}",
                        Kind.INVALID_DOCUMENT,
                        "apiVersion (or version) is missing"),
                Arguments.of(
                        "{\"enabled\": true, \"apiVersion\": \"1\", \"endPoint\": \"ftp://h/ocm\"}",
                        Kind.INVALID_DOCUMENT,
                        "endPoint 'ftp://h/ocm' is not an http(s) URL"),
                Arguments.of(
                        "{\"enabled\": true, \"apiVersion\": \"1\", \"endPoint\": \"https://h"
                                + " o/\"}",
                        Kind.INVALID_DOCUMENT,
                        "endPoint 'https://h o/' is not an http(s) URL"));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("hostileDocuments")
    void rejectsDocumentsWithKindAndReason(String json, Kind kind, String reason) {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "https://peer.example.test",
                                        json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(kind);
                            assertThat(e.provider()).isEqualTo("peer.example.test");
                        })
                .hasMessage("Discovery document of peer.example.test rejected: " + reason);
    }

    @Test
    void ignoresWrongTypesInOptionalMembers() {
        String json =
                """
                {"enabled": true, "apiVersion": 1.1, "endPoint": "https://h.example.test/ocm",
                 "provider": 5, "capabilities": "invites", "criteria": {"a": 1},
                 "resourceTypes": [1, {"shareTypes": ["user"]}, {"name": "file", "protocols": []}],
                 "tokenEndPoint": "javascript:alert(1)", "jwksUri": "https://[bad/",
                 "publicKey": {"keyId": "k"}}
                """;

        PeerDiscovery doc = parse("https://h.example.test", json.getBytes(StandardCharsets.UTF_8));

        assertThat(doc.apiVersion()).isEqualTo("1.1");
        assertThat(doc.provider()).isEmpty();
        assertThat(doc.capabilities()).isEmpty();
        assertThat(doc.criteria()).isEmpty();
        assertThat(doc.resourceTypes()).containsOnlyKeys("file");
        assertThat(doc.resourceTypes().get("file").protocols()).isEmpty();
        assertThat(doc.tokenEndPoint()).isEmpty();
        assertThat(doc.jwksUri()).isEmpty();
        assertThat(doc.publicKey()).isEmpty();
        assertThat(doc.supports("file", "user", "webdav")).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.0-proposal1, LEGACY_1_0",
        "1.0.0, LEGACY_1_0",
        "1.0, LEGACY_1_0",
        "1.1, V1_1",
        "1.1.0, V1_1",
        "1.2.2, MODERN",
        "1.5.0, MODERN",
        "2.0, MODERN",
        "v1.1, V1_1",
        "unknown, MODERN",
    })
    void derivesDialectFromApiVersion(String apiVersion, Dialect dialect) {
        assertThat(Dialect.of(apiVersion)).isEqualTo(dialect);
    }

    @Test
    void keepsFirstEntryForDuplicateResourceTypeNames() {
        String json =
                """
                {"enabled": true, "apiVersion": "1.4.0", "endPoint": "https://h.example.test/ocm",
                 "resourceTypes": [
                   {"name": "file", "shareTypes": ["user"], "protocols": {"webdav": "/first/"}},
                   {"name": "file", "shareTypes": ["user"], "protocols": {"webdav": "/second/"}}]}
                """;

        PeerDiscovery doc = parse("https://h.example.test", json.getBytes(StandardCharsets.UTF_8));

        assertThat(doc.webdavPath("file")).contains("/first/");
        assertThat(doc.resourceTypes().values())
                .extracting(ResourceType::name)
                .isEqualTo(List.of("file"));
    }

    private PeerDiscovery fixture(String name, String base) {
        return parse(base, Fixtures.discovery(name));
    }

    private PeerDiscovery parse(String base, byte[] body) {
        return parser.parse(URI.create(base), body);
    }
}
