package io.ocmee.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.access.ShareAccessException.Reason;
import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.http.PeerHttpClient;
import io.ocmee.delivery.http.PeerHttpSettings;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.share.IncomingShareGrant;
import io.ocmee.share.Permissions;
import io.ocmee.share.ProtocolShape;
import io.ocmee.spi.ResourcePath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ShareAccessorTest {

    private static final String SECRET = "s3cr3t-Secret_value";
    private static final String BASIC =
            "Basic "
                    + Base64.getEncoder()
                            .encodeToString((SECRET + ":").getBytes(StandardCharsets.UTF_8));

    /** Where the sender serves the shared file and the shared folder of most tests. */
    private static final String FILE = "/dav/key-1";

    private static final String FOLDER = "/dav/data";

    private final FakeSender sender = new FakeSender();
    private final PeerHttpClient http = new PeerHttpClient(PeerHttpSettings.forLoopbackTesting());
    private final TestClock clock = new TestClock();
    private final List<ProviderHost> signedPostsTo = new ArrayList<>();
    private PeerDiscovery discovery = sender.discovery(true, true);

    @AfterEach
    void stop() {
        sender.close();
    }

    // --- must-exchange-token: token only -------------------------------------------------------

    @Test
    void strictShareIsReadWithAnExchangedTokenOnlyAndTheRequestIsFormEncoded() throws IOException {
        senderWithFile("report bytes");
        ShareAccessor accessor = accessor();

        String body = read(accessor.download(strict(FILE), ResourcePath.root(), Optional.empty()));

        assertThat(body).isEqualTo("report bytes");
        assertThat(sender.exchanges()).isEqualTo(1);
        FakeSender.Request exchange = sender.tokenRequests().get(0);
        assertThat(exchange.method()).isEqualTo("POST");
        assertThat(exchange.headers().get("Content-Type"))
                .isEqualTo("application/x-www-form-urlencoded");
        assertThat(exchange.body())
                .isEqualTo(
                        "grant_type=authorization_code&client_id=receiver.example%3A8443&code="
                                + SECRET);
        assertThat(signedPostsTo).containsExactly(ProviderHost.parse(sender.authority()));
        assertThat(FakeSender.authorizations(sender.davRequests())).containsOnly("Bearer tok-1");
        assertThat(sender.davRequests()).noneMatch(r -> r.authorization().contains(SECRET));
    }

    @Test
    void cachedTokenServesLaterRequestsAndIsExchangedAgainShortlyBeforeItExpires()
            throws IOException {
        senderWithFile("abc");
        sender.expiresIn(100);
        ShareAccessor accessor = accessor();
        IncomingShareGrant grant = strict(FILE);

        read(accessor.download(grant, ResourcePath.root(), Optional.empty()));
        read(accessor.download(grant, ResourcePath.root(), Optional.empty()));
        assertThat(sender.exchanges()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(79));
        read(accessor.download(grant, ResourcePath.root(), Optional.empty()));
        assertThat(sender.exchanges()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        read(accessor.download(grant, ResourcePath.root(), Optional.empty()));
        assertThat(sender.exchanges()).isEqualTo(2);
        assertThat(sender.davRequests().get(sender.davRequests().size() - 1).authorization())
                .isEqualTo("Bearer tok-2");
    }

    @Test
    void cachedTokenRefusedWith401IsExchangedAgainOnceAndTheRequestRepeated() throws IOException {
        senderWithFile("abc");
        ShareAccessor accessor = accessor();
        IncomingShareGrant grant = strict(FILE);
        read(accessor.download(grant, ResourcePath.root(), Optional.empty()));

        sender.refuse("Bearer tok-1");
        String body = read(accessor.download(grant, ResourcePath.root(), Optional.empty()));

        assertThat(body).isEqualTo("abc");
        assertThat(sender.exchanges()).isEqualTo(2);
        List<String> auths = FakeSender.authorizations(sender.davRequests());
        assertThat(auths.subList(auths.size() - 2, auths.size()))
                .containsExactly("Bearer tok-1", "Bearer tok-2");
    }

    @Test
    void strictShareFailsWhenEvenTheFreshTokenIsRefused() {
        senderWithFile("abc");
        sender.acceptIssuedTokens(false);

        assertThatThrownBy(() -> downloadWhole(strict(FILE)))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.REMOTE_UNAUTHORIZED);
                            assertThat(e.status()).isEqualTo(403);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Access rejected: "
                                                    + sender.authority()
                                                    + " refused the exchanged token (HTTP 401);"
                                                    + " the share may have been revoked");
                        });
        assertThat(sender.davRequests()).noneMatch(r -> r.authorization().contains(SECRET));
    }

    @Test
    void strictShareFailsWithoutSendingTheSecretWhenTheExchangeIsRefused() {
        senderWithFile("abc");
        sender.accept("Bearer " + SECRET).accept(BASIC);
        sender.tokenAnswer(400, "{\"error\":\"invalid_grant\"}");

        assertThatThrownBy(() -> downloadWhole(strict(FILE)))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.TOKEN_REFUSED);
                            assertThat(e.status()).isEqualTo(502);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Access rejected: "
                                                    + sender.authority()
                                                    + " refused the token exchange (HTTP 400"
                                                    + " invalid_grant)");
                        });
        assertThat(sender.davRequests()).isEmpty();
    }

    @Test
    void strictShareFailsAsABadGatewayWhenTheTokenEndpointFails() {
        senderWithFile("abc");
        sender.tokenAnswer(500, "");

        assertThatThrownBy(() -> downloadWhole(strict(FILE)))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.REMOTE_ERROR);
                            assertThat(e.status()).isEqualTo(502);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Access failed: "
                                                    + sender.authority()
                                                    + " failed the token exchange (HTTP 500)");
                        });
        assertThat(sender.davRequests()).isEmpty();
    }

    @Test
    void strictShareFailsWhenTheSenderPublishesNoTokenEndPoint() {
        senderWithoutTokenExchange();
        senderWithFile("abc").accept("Bearer " + SECRET);

        assertThatThrownBy(() -> downloadWhole(strict(FILE)))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.TOKEN_REFUSED);
                            assertThat(e.getMessage()).endsWith("advertises no tokenEndPoint");
                        });
        assertThat(sender.davRequests()).isEmpty();
    }

    // --- exchange-token offered: token first, secret as fallback -------------------------------

    @Test
    void shareWithoutRequirementUsesATokenWhenTheSenderOffersExchange() throws IOException {
        senderWithFile("abc").accept("Bearer " + SECRET);

        read(downloadWhole(modern(FILE, "file")));

        assertThat(sender.exchanges()).isEqualTo(1);
        assertThat(FakeSender.authorizations(sender.davRequests())).containsOnly("Bearer tok-1");
    }

    @Test
    void shareWithoutRequirementFallsBackToTheSecretWhenTheExchangeFails() throws IOException {
        senderWithFile("abc").accept("Bearer " + SECRET);
        sender.tokenAnswer(401, "{\"message\":\"nope\"}");

        String body = read(downloadWhole(modern(FILE, "file")));

        assertThat(body).isEqualTo("abc");
        assertThat(sender.exchanges()).isEqualTo(1);
        assertThat(FakeSender.authorizations(sender.davRequests()))
                .containsOnly("Bearer " + SECRET);
    }

    @Test
    void shareWithoutRequirementFallsBackToTheSecretWhenTheTokenEndpointIsUnreachable()
            throws IOException {
        senderWithFile("abc").accept("Bearer " + SECRET);
        discovery =
                withTokenEndPoint(
                        sender.discovery(true, true),
                        java.net.URI.create(
                                "http://127.0.0.1:"
                                        + io.ocmee.delivery.http.LoopbackServer.closedPort()
                                        + "/token"));

        String body = read(downloadWhole(modern(FILE, "file")));

        assertThat(body).isEqualTo("abc");
        assertThat(FakeSender.authorizations(sender.davRequests()))
                .containsOnly("Bearer " + SECRET);
    }

    // --- secret only --------------------------------------------------------------------------

    @Test
    void withoutExchangeTheSecretIsSentAsBearerThenAsBasicAfterA401() throws IOException {
        senderWithoutTokenExchange();
        senderWithFile("abc").accept(BASIC);

        String body = read(downloadWhole(modern(FILE, "file")));

        assertThat(body).isEqualTo("abc");
        assertThat(sender.exchanges()).isZero();
        assertThat(FakeSender.authorizations(sender.davRequests()))
                .containsExactly("Bearer " + SECRET, BASIC, BASIC);
    }

    @Test
    void legacyShareWithoutUriIsReadAtTheWebdavRootWithBasicOnly() throws IOException {
        senderWithoutTokenExchange();
        sender.file("/dav", "legacy").accept(BASIC).accept("Bearer " + SECRET);
        IncomingShareGrant legacy =
                grant(
                        Optional.empty(),
                        "file",
                        ProtocolShape.OPTIONS,
                        Set.of(),
                        EnumSet.of(Permissions.READ));

        String body = read(downloadWhole(legacy));

        assertThat(body).isEqualTo("legacy");
        assertThat(sender.davRequests()).allMatch(r -> r.path().equals("/dav"));
        assertThat(FakeSender.authorizations(sender.davRequests())).containsOnly(BASIC);
    }

    // --- where: absolute and relative URIs -----------------------------------------------------

    @Test
    void relativeUriIsResolvedAgainstTheSendersWebdavPath() throws IOException {
        sender.file("/dav/rel-key", "relative");

        String body = read(downloadWhole(strict("rel-key")));

        assertThat(body).isEqualTo("relative");
        assertThat(sender.davRequests()).allMatch(r -> r.path().equals("/dav/rel-key"));
    }

    @Test
    void absoluteUriIsUsedAsItIsEvenOutsideTheWebdavPath() throws IOException {
        sender.file("/custom/place/abs", "absolute");

        String body = read(downloadWhole(strict(sender.base() + "/custom/place/abs")));

        assertThat(body).isEqualTo("absolute");
        assertThat(sender.davRequests()).allMatch(r -> r.path().equals("/custom/place/abs"));
    }

    @Test
    void absoluteUriOnAnotherHostIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> downloadWhole(strict("http://localhost:1/dav/x")))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.REMOTE_ERROR);
                            assertThat(e.getMessage())
                                    .endsWith("its uri points to another server, localhost");
                        });
        assertThat(sender.exchanges()).isZero();
        assertThat(sender.davRequests()).isEmpty();
    }

    // --- file or folder (Q13), listings, sub-paths ----------------------------------------------

    @Test
    void fileShareThatIsReallyAFolderIsDetectedWithPropfindDepth0() {
        senderWithFolder().file("/dav/data/a.txt", "A");
        IncomingShareGrant grant = strict(FOLDER);

        assertThatThrownBy(() -> downloadWhole(grant))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE);
                            assertThat(e.status()).isEqualTo(409);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Download rejected: the share is a folder; list it or"
                                                    + " name a file inside it");
                        });
        FakeSender.Request probe = sender.davRequests().get(0);
        assertThat(probe.method()).isEqualTo("PROPFIND");
        assertThat(probe.headers().get("Depth")).isEqualTo("0");
    }

    @Test
    void fileShareThatIsReallyAFolderServesItsItems() throws IOException {
        senderWithFolder().file("/dav/data/a.txt", "A");
        ShareAccessor accessor = accessor();
        IncomingShareGrant grant = strict(FOLDER);

        String body = read(accessor.download(grant, ResourcePath.parse("a.txt"), Optional.empty()));

        assertThat(body).isEqualTo("A");
    }

    @Test
    void singleFileShareHasNoItemsInside() {
        senderWithFile("abc");

        assertThatThrownBy(
                        () ->
                                accessor()
                                        .download(
                                                strict(FILE),
                                                ResourcePath.parse("x"),
                                                Optional.empty()))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.REMOTE_NOT_FOUND);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Download rejected: the share is a single file; it has"
                                                    + " no items inside");
                        });
    }

    @Test
    void listingReadsPropfindDepth1IntoEntriesWithoutTheFolderItself() {
        senderWithFolder()
                .file("/dav/data/one.txt", "1")
                .file("/dav/data/two words.txt", "22")
                .folder("/dav/data/sub");

        List<RemoteEntry> entries = accessor().list(modern(FOLDER, "folder"), ResourcePath.root());

        assertThat(entries)
                .extracting(RemoteEntry::name)
                .containsExactly("one.txt", "sub", "two words.txt");
        RemoteEntry one = entries.get(0);
        assertThat(one.folder()).isFalse();
        assertThat(one.size()).hasValue(1);
        assertThat(one.etag()).contains("\"e-1\"");
        assertThat(one.modified()).contains(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(entries.get(1).folder()).isTrue();
        FakeSender.Request listing = sender.davRequests().get(sender.davRequests().size() - 1);
        assertThat(listing.method()).isEqualTo("PROPFIND");
        assertThat(listing.headers().get("Depth")).isEqualTo("1");
    }

    @Test
    void listingASubFolderAppendsItsEncodedPath() {
        senderWithFolder().folder("/dav/data/my docs").file("/dav/data/my docs/x.txt", "x");

        List<RemoteEntry> entries =
                accessor().list(modern(FOLDER, "folder"), ResourcePath.parse("my docs"));

        assertThat(entries).extracting(RemoteEntry::name).containsExactly("x.txt");
        assertThat(sender.davRequests()).anyMatch(r -> r.path().equals("/dav/data/my%20docs"));
    }

    @Test
    void listingASharedFileGivesThatFile() {
        senderWithFile("abc");

        List<RemoteEntry> entries = accessor().list(strict(FILE), ResourcePath.root());

        assertThat(entries).extracting(RemoteEntry::name).containsExactly("key-1");
        assertThat(entries.get(0).size()).hasValue(3);
    }

    @Test
    void rangeIsPassedOnAndThePartialAnswerKept() throws IOException {
        senderWithFile("0123456789");

        try (RemoteContent content =
                accessor().download(strict(FILE), ResourcePath.root(), Optional.of("bytes=2-4"))) {
            assertThat(content.status()).isEqualTo(206);
            assertThat(content.contentRange()).contains("bytes 2-4/10");
            assertThat(content.contentLength()).hasValue(3);
            assertThat(new String(content.body().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("234");
        }
    }

    // --- uploads ------------------------------------------------------------------------------

    @Test
    void uploadIntoAWritableFolderProvesCredentialsThenPutsOnce() {
        senderWithFolder();
        IncomingShareGrant grant = writable(FOLDER);

        boolean created =
                accessor()
                        .upload(
                                grant,
                                ResourcePath.parse("new.txt"),
                                upload("fresh"),
                                Optional.of("text/plain"));

        assertThat(created).isTrue();
        assertThat(new String(sender.stored("/dav/data/new.txt"), StandardCharsets.UTF_8))
                .isEqualTo("fresh");
        assertThat(sender.davRequests())
                .extracting(FakeSender.Request::method)
                .containsExactly("PROPFIND", "PUT");
        assertThat(FakeSender.authorizations(sender.davRequests())).containsOnly("Bearer tok-1");
        assertThat(
                        accessor()
                                .upload(
                                        grant,
                                        ResourcePath.parse("new.txt"),
                                        upload("again"),
                                        Optional.empty()))
                .isFalse();
    }

    @Test
    void uploadWithoutWritePermissionIsRefusedBeforeAnyRequest() {
        senderWithFolder();

        assertThatThrownBy(
                        () ->
                                accessor()
                                        .upload(
                                                modern(FOLDER, "folder"),
                                                ResourcePath.parse("new.txt"),
                                                upload("x"),
                                                Optional.empty()))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.NO_WRITE_PERMISSION);
                            assertThat(e.status()).isEqualTo(403);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Upload rejected: the share does not allow writing"
                                                    + " (permissions: [read])");
                        });
        assertThat(sender.davRequests()).isEmpty();
        assertThat(sender.exchanges()).isZero();
    }

    @Test
    void uploadRefusedBySenderIsReportedAsForbidden() {
        senderWithFolder().readOnly(FOLDER);

        assertThatThrownBy(
                        () ->
                                accessor()
                                        .upload(
                                                writable(FOLDER),
                                                ResourcePath.parse("new.txt"),
                                                upload("x"),
                                                Optional.empty()))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.REMOTE_FORBIDDEN);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Upload rejected: "
                                                    + sender.authority()
                                                    + " does not allow it (HTTP 403)");
                        });
    }

    // --- errors -------------------------------------------------------------------------------

    @Test
    void missingItemIsNotFound() {
        senderWithFolder();

        assertThatThrownBy(
                        () ->
                                accessor()
                                        .download(
                                                modern(FOLDER, "folder"),
                                                ResourcePath.parse("gone.txt"),
                                                Optional.empty()))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.REMOTE_NOT_FOUND);
                            assertThat(e.status()).isEqualTo(404);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Download rejected: "
                                                    + sender.authority()
                                                    + " has nothing at this path of the share (HTTP"
                                                    + " 404)");
                        });
    }

    @Test
    void serverErrorOfTheSenderIsABadGateway() {
        sender.forceDav(500, "");

        assertThatThrownBy(() -> accessor().list(modern(FOLDER, "folder"), ResourcePath.root()))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.REMOTE_ERROR);
                            assertThat(e.status()).isEqualTo(502);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Listing failed: "
                                                    + sender.authority()
                                                    + " answered HTTP 500");
                        });
    }

    @Test
    void unreadableMultistatusIsABadGateway() {
        sender.forceDav(207, "<not-xml");

        assertThatThrownBy(() -> accessor().list(modern(FOLDER, "folder"), ResourcePath.root()))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.REMOTE_ERROR);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Listing failed: "
                                                    + sender.authority()
                                                    + " answered with an unreadable WebDAV"
                                                    + " multistatus");
                        });
    }

    @Test
    void multistatusWithADoctypeIsRefused() {
        sender.forceDav(
                207,
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>&x;</d:href>"
                        + "</d:response></d:multistatus>");

        assertThatThrownBy(() -> accessor().list(modern(FOLDER, "folder"), ResourcePath.root()))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.REMOTE_ERROR));
    }

    @Test
    void unreachableSenderIsReported() {
        int port = io.ocmee.delivery.http.LoopbackServer.closedPort();
        IncomingShareGrant grant =
                new IncomingShareGrant(
                        "share-1",
                        "127.0.0.1:" + port,
                        "x",
                        "folder",
                        Set.of(Permissions.READ),
                        ProtocolShape.MULTI,
                        Optional.of("http://127.0.0.1:" + port + "/dav/x"),
                        SECRET,
                        Set.of());
        senderWithoutTokenExchange();

        assertThatThrownBy(() -> accessor().list(grant, ResourcePath.root()))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.REMOTE_UNREACHABLE);
                            assertThat(e.status()).isEqualTo(502);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Access failed: Request to http://127.0.0.1:"
                                                    + port
                                                    + " failed: connection refused or unreachable");
                        });
    }

    @Test
    void undiscoverableSenderIsReported() {
        ShareAccessor accessor =
                new ShareAccessor(
                        http,
                        peer -> {
                            throw new DiscoveryException(
                                    DiscoveryException.Kind.UNREACHABLE,
                                    peer.authority(),
                                    "down",
                                    null);
                        },
                        exchanger(),
                        new TokenCache(clock));

        assertThatThrownBy(() -> accessor.list(modern(FOLDER, "folder"), ResourcePath.root()))
                .isInstanceOfSatisfying(
                        ShareAccessException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.REMOTE_UNREACHABLE);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "Access failed: the sending server "
                                                    + sender.authority()
                                                    + " cannot be discovered (UNREACHABLE)");
                        });
    }

    // --- helpers ------------------------------------------------------------------------------

    /** The sender serves {@code content} as the shared file {@link #FILE}. */
    private FakeSender senderWithFile(String content) {
        return sender.file(FILE, content);
    }

    /** The sender serves the shared folder {@link #FOLDER}. */
    private FakeSender senderWithFolder() {
        return sender.folder(FOLDER);
    }

    /** The sender's discovery offers no token exchange: no exchange-token, no tokenEndPoint. */
    private void senderWithoutTokenExchange() {
        discovery = sender.discovery(false, false);
    }

    /** The whole share (its root, no range) through a new accessor. */
    private RemoteContent downloadWhole(IncomingShareGrant grant) {
        return accessor().download(grant, ResourcePath.root(), Optional.empty());
    }

    private ShareAccessor accessor() {
        return new ShareAccessor(http, peer -> discovery, exchanger(), new TokenCache(clock));
    }

    private TokenExchanger exchanger() {
        return new TokenExchanger(
                (peer, url, type, body) -> {
                    signedPostsTo.add(peer);
                    return http.post(
                            url, Map.of("Content-Type", type, "Signature", "ocm=:dGVzdA==:"), body);
                },
                "receiver.example:8443",
                clock);
    }

    private IncomingShareGrant strict(String uri) {
        return grant(
                Optional.of(uri),
                "file",
                ProtocolShape.MULTI,
                Set.of("must-exchange-token"),
                EnumSet.of(Permissions.READ));
    }

    private IncomingShareGrant modern(String uri, String type) {
        return grant(
                Optional.of(uri),
                type,
                ProtocolShape.MULTI,
                Set.of(),
                EnumSet.of(Permissions.READ));
    }

    private IncomingShareGrant writable(String uri) {
        return grant(
                Optional.of(uri),
                "folder",
                ProtocolShape.MULTI,
                Set.of(),
                EnumSet.of(Permissions.READ, Permissions.WRITE));
    }

    private IncomingShareGrant grant(
            Optional<String> uri,
            String type,
            ProtocolShape shape,
            Set<String> requirements,
            Set<Permissions> permissions) {
        return new IncomingShareGrant(
                "share-1",
                sender.authority(),
                "name",
                type,
                permissions,
                shape,
                uri.map(u -> u.startsWith("/") ? sender.base() + u : u),
                SECRET,
                requirements);
    }

    private static PeerHttpClient.Upload upload(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new PeerHttpClient.Upload(new ByteArrayInputStream(bytes), bytes.length);
    }

    private static PeerDiscovery withTokenEndPoint(PeerDiscovery d, java.net.URI tokenEndPoint) {
        return new PeerDiscovery(
                d.baseUri(),
                d.enabled(),
                d.apiVersion(),
                d.endPoint(),
                d.provider(),
                d.resourceTypes(),
                d.capabilities(),
                d.rawCapabilities(),
                d.criteria(),
                d.rawCriteria(),
                d.inviteAcceptDialog(),
                Optional.of(tokenEndPoint),
                d.jwksUri(),
                d.publicKey());
    }

    private static String read(RemoteContent content) throws IOException {
        try (content;
                InputStream in = content.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A clock tests move by hand. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
