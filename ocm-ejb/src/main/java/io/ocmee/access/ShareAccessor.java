package io.ocmee.access;

import io.ocmee.access.ShareAccessException.Reason;
import io.ocmee.access.TokenExchanger.Issued;
import io.ocmee.access.TokenExchanger.Outcome;
import io.ocmee.access.TokenExchanger.Refused;
import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.http.PeerHttpClient;
import io.ocmee.delivery.http.PeerHttpException;
import io.ocmee.delivery.http.PeerHttpResponse;
import io.ocmee.delivery.http.PeerHttpStream;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.share.IncomingShareGrant;
import io.ocmee.spi.ResourcePath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reaches the resource of an incoming share on its sending server over WebDAV: the receiver
 * algorithm of OCM-NOTES §8.1 with the code flow of §6 and the peer quirks §11 Q9, Q13, Q14, Q19.
 *
 * <p><b>Where.</b> The sender is discovered (through the cache); the URL comes from {@link
 * WebdavLocator}.
 *
 * <p><b>Which credential</b>, decided per request from the share and the sender's discovery:
 *
 * <ol>
 *   <li>{@code must-exchange-token} on the share: only a bearer token from the sender's {@code
 *       tokenEndPoint} (signed exchange). No token endpoint, or a refused exchange, fails the
 *       request; the shared secret is never sent.
 *   <li>Otherwise, when the sender advertises {@code exchange-token} and a {@code tokenEndPoint}: a
 *       token is tried first; if the exchange fails in any way, or the token is refused, the shared
 *       secret is used (step 3).
 *   <li>The shared secret: legacy {@code options} shares with HTTP Basic, the secret as user name
 *       and an empty password (§8.1 step 5, Q9, Q20); others with {@code Bearer <secret>}, and on a
 *       401 once more with Basic (what Reva does, Q19).
 * </ol>
 *
 * Tokens are cached per share ({@link TokenCache}) and exchanged again shortly before they expire;
 * a 401 on a cached token discards it and repeats the request once with a freshly exchanged one.
 * When a share may fall back on its secret, a failed exchange (or a refused token) is remembered
 * for {@link TokenCache#FAILURE_MEMORY} so that not every request repeats it; a share whose sender
 * answered the Bearer secret with 401 and took the Basic form is sent Basic from then on.
 *
 * <p><b>File or folder.</b> A share sent as {@code file} may be a folder (legacy senders, Q13): its
 * real type is asked with {@code PROPFIND Depth: 0} before it is downloaded whole or entered, and
 * remembered per share.
 *
 * <p>Every request goes through the one {@link PeerHttpClient} (address policy, timeouts; listings
 * within its size cap, downloads and uploads streamed). Failures are {@link ShareAccessException}s
 * whose messages name the sending server but never a path, token or secret.
 *
 * <p>Thread-safe.
 */
public final class ShareAccessor {

    private static final Logger LOG = Logger.getLogger(ShareAccessor.class.getName());

    private static final int MAX_REMEMBERED_TYPES = 10_000;

    private static final int ERROR_BODY_BYTES = 4096;

    /** The properties a listing asks for (RFC 4918 §15). */
    static final String PROPFIND_BODY =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                    + "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:resourcetype/>"
                    + "<d:getcontentlength/><d:getcontenttype/><d:getlastmodified/><d:getetag/>"
                    + "</d:prop></d:propfind>";

    /** How credentials are chosen for one share (see the type description). */
    enum Plan {
        /** Token only ({@code must-exchange-token}). */
        TOKEN_ONLY,
        /** Token first, the secret when that fails. */
        TOKEN_THEN_SECRET,
        /** The secret only. */
        SECRET
    }

    /** A request prepared for one share. */
    private record Target(
            IncomingShareGrant grant,
            ProviderHost sender,
            PeerDiscovery discovery,
            URI root,
            Plan plan) {}

    /** A response together with the {@code Authorization} value that produced it. */
    private record Authorized<R>(R response, String authorization) {}

    /** One way of sending a request, to run with different credentials. */
    private interface Attempt<R> {
        R send(String authorization);
    }

    private final PeerHttpClient http;
    private final Function<ProviderHost, PeerDiscovery> discovery;
    private final TokenExchanger exchanger;
    private final TokenCache tokens;
    private final Map<String, Boolean> folders = new ConcurrentHashMap<>();
    private final Map<String, Boolean> basicOnly = new ConcurrentHashMap<>();

    /**
     * @param http the one outbound client
     * @param discovery discovers a peer (cached); {@code Peers::discover} in production
     * @param exchanger performs signed token exchanges
     * @param tokens the token cache
     */
    public ShareAccessor(
            PeerHttpClient http,
            Function<ProviderHost, PeerDiscovery> discovery,
            TokenExchanger exchanger,
            TokenCache tokens) {
        this.http = Objects.requireNonNull(http, "http");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.exchanger = Objects.requireNonNull(exchanger, "exchanger");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * Streams a file of the share: the shared file itself ({@code subPath} root) or a file inside a
     * shared folder.
     *
     * @param grant the accepted share
     * @param subPath a validated path inside the share
     * @param range the client's {@code Range} header, passed on when it is a {@code bytes} range
     * @return the open download (200 or 206); the caller closes it
     * @throws ShareAccessException on every failure (see {@link Reason})
     */
    public RemoteContent download(
            IncomingShareGrant grant, ResourcePath subPath, Optional<String> range) {
        return guarded(
                grant,
                () -> {
                    Target target = target(grant);
                    if (subPath.isRoot()) {
                        if (isFolder(target)) {
                            throw new ShareAccessException(
                                    Reason.WRONG_TYPE,
                                    "Download rejected: the share is a folder; list it or name a"
                                            + " file inside it");
                        }
                    } else {
                        requireFolder(target, "Download");
                    }
                    URI url = WebdavLocator.resolve(target.root(), subPath);
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("Accept", "*/*");
                    range.map(String::strip)
                            .filter(r -> r.length() <= 200 && r.matches("bytes=[0-9, -]+"))
                            .ifPresent(r -> headers.put("Range", r));
                    PeerHttpStream response =
                            authorized(
                                            target,
                                            auth ->
                                                    http.stream(
                                                            "GET", url, with(headers, auth), null),
                                            PeerHttpStream::status,
                                            PeerHttpStream::close)
                                    .response();
                    if (response.status() == 200 || response.status() == 206) {
                        return new RemoteContent(response);
                    }
                    response.readCappedAndClose(ERROR_BODY_BYTES);
                    throw refusal(target, response.status(), "Download");
                });
    }

    /**
     * Lists a shared folder, or a folder inside it (PROPFIND {@code Depth: 1}). Listing a shared
     * file gives that one file.
     *
     * @param grant the accepted share
     * @param subPath a validated path inside the share
     * @return the folder's items, in the sender's order (the folder itself left out)
     * @throws ShareAccessException on every failure (see {@link Reason})
     */
    public List<RemoteEntry> list(IncomingShareGrant grant, ResourcePath subPath) {
        return guarded(
                grant,
                () -> {
                    Target target = target(grant);
                    if (!subPath.isRoot()) {
                        requireFolder(target, "Listing");
                    }
                    URI url = WebdavLocator.resolve(target.root(), subPath);
                    PeerHttpResponse response = propfind(target, url, "1").response();
                    List<MultistatusParser.Item> items = multistatus(target, response, "Listing");
                    String self = MultistatusParser.decodedPath(url.getRawPath());
                    MultistatusParser.Item itself =
                            items.stream()
                                    .filter(i -> i.path().equals(self))
                                    .findFirst()
                                    .orElse(items.isEmpty() ? null : items.get(0));
                    if (itself == null) {
                        throw malformed(target, "Listing");
                    }
                    if (subPath.isRoot()) {
                        remember(grant, itself.entry().folder());
                    }
                    if (!itself.entry().folder()) {
                        return List.of(itself.entry());
                    }
                    List<RemoteEntry> children = new ArrayList<>();
                    for (MultistatusParser.Item item : items) {
                        if (item != itself && !item.entry().name().isEmpty()) {
                            children.add(item.entry());
                        }
                    }
                    return children;
                });
    }

    /**
     * Uploads a file into a shared folder (or a folder inside it), creating or replacing it, when
     * the share allows writing. The credentials are proven first with {@code PROPFIND Depth: 0} on
     * the parent folder (which also checks that it is a folder), because the upload stream can be
     * sent only once; the {@code PUT} then uses exactly the credential that worked.
     *
     * @param grant the accepted share
     * @param subPath a validated path of the file inside the share, not the root
     * @param upload the bytes to send
     * @param contentType the client's media type, passed on if given
     * @return {@code true} if the file was created, {@code false} if replaced
     * @throws ShareAccessException {@link Reason#NO_WRITE_PERMISSION} without {@code write}
     *     (nothing is sent), and every other failure (see {@link Reason})
     */
    public boolean upload(
            IncomingShareGrant grant,
            ResourcePath subPath,
            PeerHttpClient.Upload upload,
            Optional<String> contentType) {
        if (!grant.writable()) {
            throw new ShareAccessException(
                    Reason.NO_WRITE_PERMISSION,
                    "Upload rejected: the share does not allow writing (permissions: "
                            + grant.permissions().stream().map(p -> p.wire()).sorted().toList()
                            + ")");
        }
        if (subPath.isRoot()) {
            throw new ShareAccessException(
                    Reason.INVALID_REQUEST,
                    "Upload rejected: name the file to create inside the shared folder");
        }
        return guarded(
                grant,
                () -> {
                    Target target = target(grant);
                    URI parent = WebdavLocator.resolve(target.root(), subPath.parent());
                    Authorized<PeerHttpResponse> probe = propfind(target, parent, "0");
                    List<MultistatusParser.Item> items =
                            multistatus(target, probe.response(), "Upload");
                    if (items.isEmpty() || !items.get(0).entry().folder()) {
                        throw new ShareAccessException(
                                Reason.WRONG_TYPE,
                                "Upload rejected: the parent of the file is not a folder in the"
                                        + " share");
                    }
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("Authorization", probe.authorization());
                    contentType
                            .filter(t -> t.length() <= 200 && t.matches("[\\x20-\\x7E]+"))
                            .ifPresent(t -> headers.put("Content-Type", t));
                    URI url = WebdavLocator.resolve(target.root(), subPath);
                    try (PeerHttpStream response = http.stream("PUT", url, headers, upload)) {
                        int status = response.status();
                        response.readCappedAndClose(ERROR_BODY_BYTES);
                        if (status == 201) {
                            return true;
                        }
                        if (status == 200 || status == 204) {
                            return false;
                        }
                        throw refusal(target, status, "Upload");
                    }
                });
    }

    /**
     * The credential plan for a share (see the type description).
     *
     * @param grant the share
     * @param sender the sender's discovery
     * @return how to authenticate
     */
    static Plan plan(IncomingShareGrant grant, PeerDiscovery sender) {
        if (grant.mustExchangeToken()) {
            return Plan.TOKEN_ONLY;
        }
        if (sender.hasCapability("exchange-token") && sender.tokenEndPoint().isPresent()) {
            return Plan.TOKEN_THEN_SECRET;
        }
        return Plan.SECRET;
    }

    private Target target(IncomingShareGrant grant) {
        ProviderHost sender;
        try {
            sender = ProviderHost.parse(grant.senderServer());
        } catch (InvalidOcmAddressException e) {
            throw new ShareAccessException(
                    Reason.REMOTE_ERROR,
                    "Access rejected: the share's sending server is not a valid host",
                    e);
        }
        PeerDiscovery found = discovery.apply(sender);
        URI root = WebdavLocator.shareRoot(grant, found, http.settings().allowHttp());
        return new Target(grant, sender, found, root, plan(grant, found));
    }

    private boolean isFolder(Target target) {
        IncomingShareGrant grant = target.grant();
        if (grant.resourceType().equals("folder")) {
            return true;
        }
        Boolean known = folders.get(grant.id());
        if (known != null) {
            return known;
        }
        List<MultistatusParser.Item> items =
                multistatus(target, propfind(target, target.root(), "0").response(), "Access");
        if (items.isEmpty()) {
            throw malformed(target, "Access");
        }
        boolean folder = items.get(0).entry().folder();
        remember(grant, folder);
        return folder;
    }

    private void remember(IncomingShareGrant grant, boolean folder) {
        if (folders.size() >= MAX_REMEMBERED_TYPES) {
            folders.clear();
        }
        folders.put(grant.id(), folder);
    }

    private void requireFolder(Target target, String what) {
        if (!isFolder(target)) {
            throw new ShareAccessException(
                    Reason.REMOTE_NOT_FOUND,
                    what + " rejected: the share is a single file; it has no items inside");
        }
    }

    private Authorized<PeerHttpResponse> propfind(Target target, URI url, String depth) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Depth", depth);
        headers.put("Content-Type", "application/xml; charset=utf-8");
        headers.put("Accept", "application/xml, text/xml");
        byte[] body = PROPFIND_BODY.getBytes(StandardCharsets.UTF_8);
        return authorized(
                target,
                auth -> http.send("PROPFIND", url, with(headers, auth), body),
                PeerHttpResponse::status,
                r -> {});
    }

    private List<MultistatusParser.Item> multistatus(
            Target target, PeerHttpResponse response, String what) {
        if (response.status() != 207) {
            throw refusal(target, response.status(), what);
        }
        try {
            return MultistatusParser.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw malformed(target, what);
        }
    }

    /**
     * Runs one request with the credentials of the share's plan, retrying as the type description
     * says. The response returned may still be a failure status; only 401s lead to retries.
     */
    private <R> Authorized<R> authorized(
            Target target,
            Attempt<R> attempt,
            java.util.function.ToIntFunction<R> status,
            java.util.function.Consumer<R> discard) {
        boolean skipToken =
                target.plan() == Plan.TOKEN_THEN_SECRET
                        && tokens.exchangeFailedRecently(target.grant().id());
        if (target.plan() != Plan.SECRET && !skipToken) {
            Optional<Authorized<R>> withToken = withToken(target, attempt, status, discard);
            if (withToken.isPresent()) {
                return withToken.get();
            }
        }
        return withSecret(target, attempt, status, discard);
    }

    /** Empty when the plan allows falling back to the secret and the token path failed. */
    private <R> Optional<Authorized<R>> withToken(
            Target target,
            Attempt<R> attempt,
            java.util.function.ToIntFunction<R> status,
            java.util.function.Consumer<R> discard) {
        String shareId = target.grant().id();
        Optional<ExchangedToken> cached = tokens.valid(shareId);
        boolean retried = false;
        ExchangedToken token;
        while (true) {
            if (cached.isPresent() && !retried) {
                token = cached.get();
            } else {
                Optional<ExchangedToken> fresh = exchange(target);
                if (fresh.isEmpty()) {
                    return Optional.empty();
                }
                token = fresh.get();
            }
            String authorization = "Bearer " + token.value();
            R response = attempt.send(authorization);
            if (status.applyAsInt(response) != 401) {
                return Optional.of(new Authorized<>(response, authorization));
            }
            discard.accept(response);
            tokens.discard(shareId, token);
            if (cached.isEmpty() || retried) {
                break;
            }
            retried = true;
        }
        if (target.plan() == Plan.TOKEN_ONLY) {
            throw new ShareAccessException(
                    Reason.REMOTE_UNAUTHORIZED,
                    "Access rejected: "
                            + target.grant().senderServer()
                            + " refused the exchanged token (HTTP 401); the share may have been"
                            + " revoked");
        }
        tokens.exchangeFailed(shareId);
        LOG.log(
                Level.INFO,
                "OCM-0561 The sender {0} refused the exchanged token of share {1}; using the"
                        + " shared secret",
                new Object[] {target.grant().senderServer(), shareId});
        return Optional.empty();
    }

    /**
     * Exchanges the secret for a token and caches it. Empty if it failed and the plan allows the
     * secret; an exception if the plan is token only.
     */
    private Optional<ExchangedToken> exchange(Target target) {
        IncomingShareGrant grant = target.grant();
        Optional<URI> endpoint = target.discovery().tokenEndPoint();
        if (endpoint.isEmpty()) {
            return tokenFailure(
                    target,
                    new ShareAccessException(
                            Reason.TOKEN_REFUSED,
                            "Access rejected: the share requires a token exchange but "
                                    + grant.senderServer()
                                    + " advertises no tokenEndPoint"));
        }
        Outcome outcome;
        try {
            outcome = exchanger.exchange(target.sender(), endpoint.get(), grant.sharedSecret());
        } catch (PeerHttpException | DiscoveryException e) {
            return tokenFailure(
                    target,
                    new ShareAccessException(
                            e instanceof PeerHttpException p
                                            && p.kind() == PeerHttpException.Kind.TIMEOUT
                                    ? Reason.REMOTE_TIMEOUT
                                    : Reason.REMOTE_UNREACHABLE,
                            "Access failed: the token exchange with "
                                    + grant.senderServer()
                                    + " failed: "
                                    + e.getMessage(),
                            e));
        }
        if (outcome instanceof Refused refused && refused.status() >= 500) {
            return tokenFailure(
                    target,
                    new ShareAccessException(
                            Reason.REMOTE_ERROR,
                            "Access failed: "
                                    + grant.senderServer()
                                    + " failed the token exchange ("
                                    + refused.describe()
                                    + ")"));
        }
        if (outcome instanceof Refused refused) {
            return tokenFailure(
                    target,
                    new ShareAccessException(
                            Reason.TOKEN_REFUSED,
                            "Access rejected: "
                                    + grant.senderServer()
                                    + " refused the token exchange ("
                                    + refused.describe()
                                    + ")"));
        }
        Issued issued = (Issued) outcome;
        tokens.put(grant.id(), issued.token(), issued.lifetime());
        LOG.log(
                Level.FINE,
                "OCM-0560 Exchanged the secret of share {0} for a token of {1} ({2} s)",
                new Object[] {grant.id(), grant.senderServer(), issued.lifetime().toSeconds()});
        return Optional.of(issued.token());
    }

    private Optional<ExchangedToken> tokenFailure(Target target, ShareAccessException failure) {
        if (target.plan() == Plan.TOKEN_ONLY) {
            throw failure;
        }
        tokens.exchangeFailed(target.grant().id());
        LOG.log(
                Level.INFO,
                "OCM-0562 Token exchange for share {0} failed ({1}); using the shared secret",
                new Object[] {target.grant().id(), failure.reason().wire()});
        return Optional.empty();
    }

    private <R> Authorized<R> withSecret(
            Target target,
            Attempt<R> attempt,
            java.util.function.ToIntFunction<R> status,
            java.util.function.Consumer<R> discard) {
        String secret = target.grant().sharedSecret();
        String basic =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((secret + ":").getBytes(StandardCharsets.UTF_8));
        if (WebdavLocator.legacy(target.grant().shape())) {
            return new Authorized<>(attempt.send(basic), basic);
        }
        String shareId = target.grant().id();
        if (basicOnly.containsKey(shareId)) {
            return new Authorized<>(attempt.send(basic), basic);
        }
        String bearer = "Bearer " + secret;
        R response = attempt.send(bearer);
        if (status.applyAsInt(response) != 401) {
            return new Authorized<>(response, bearer);
        }
        discard.accept(response);
        R second = attempt.send(basic);
        if (status.applyAsInt(second) != 401) {
            if (basicOnly.size() >= MAX_REMEMBERED_TYPES) {
                basicOnly.clear();
            }
            basicOnly.put(shareId, Boolean.TRUE);
        }
        return new Authorized<>(second, basic);
    }

    private static Map<String, String> with(Map<String, String> headers, String authorization) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", authorization);
        return all;
    }

    private static ShareAccessException refusal(Target target, int status, String what) {
        String server = target.grant().senderServer();
        return switch (status) {
            case 401 ->
                    new ShareAccessException(
                            Reason.REMOTE_UNAUTHORIZED,
                            what
                                    + " rejected: "
                                    + server
                                    + " refused the share's credentials (HTTP 401); the share may"
                                    + " have been revoked");
            case 403 ->
                    new ShareAccessException(
                            Reason.REMOTE_FORBIDDEN,
                            what + " rejected: " + server + " does not allow it (HTTP 403)");
            case 404, 410 ->
                    new ShareAccessException(
                            Reason.REMOTE_NOT_FOUND,
                            what
                                    + " rejected: "
                                    + server
                                    + " has nothing at this path of the share (HTTP "
                                    + status
                                    + ")");
            case 405, 409, 412 ->
                    new ShareAccessException(
                            Reason.REMOTE_CONFLICT,
                            what
                                    + " rejected: "
                                    + server
                                    + " reports a conflict at this path (HTTP "
                                    + status
                                    + ")");
            case 416 ->
                    new ShareAccessException(
                            Reason.RANGE_NOT_SATISFIABLE,
                            what + " rejected: the requested range is not satisfiable");
            default ->
                    new ShareAccessException(
                            Reason.REMOTE_ERROR,
                            what + " failed: " + server + " answered HTTP " + status);
        };
    }

    private static ShareAccessException malformed(Target target, String what) {
        return new ShareAccessException(
                Reason.REMOTE_ERROR,
                what
                        + " failed: "
                        + target.grant().senderServer()
                        + " answered with an unreadable WebDAV multistatus");
    }

    /** Runs an access, turning transport and discovery failures into access failures. */
    private static <T> T guarded(IncomingShareGrant grant, java.util.function.Supplier<T> access) {
        String server = grant.senderServer();
        try {
            return access.get();
        } catch (PeerHttpException e) {
            Reason reason =
                    switch (e.kind()) {
                        case TIMEOUT -> Reason.REMOTE_TIMEOUT;
                        case TOO_LARGE, REDIRECT_REFUSED, HTTP_STATUS -> Reason.REMOTE_ERROR;
                        default -> Reason.REMOTE_UNREACHABLE;
                    };
            throw new ShareAccessException(reason, "Access failed: " + e.getMessage(), e);
        } catch (DiscoveryException e) {
            throw new ShareAccessException(
                    Reason.REMOTE_UNREACHABLE,
                    "Access failed: the sending server "
                            + server
                            + " cannot be discovered ("
                            + e.kind()
                            + ")",
                    e);
        }
    }
}
