package io.ocmee.wayf;

import com.nimbusds.jose.jwk.JWKSet;
import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.Peers;
import io.ocmee.delivery.http.PeerHttpException;
import io.ocmee.delivery.http.PeerHttpResponse;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.settings.OcmSettings;
import io.ocmee.trust.PeerService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the public WAYF page of an invite link needs (OCM-NOTES §5.2, §9.5; issue 6, Pages).
 *
 * <ul>
 *   <li>{@link #knownServers()}: the peers this server trusts.
 *   <li>{@link #directories()}: the servers of the Directory Services named by {@code
 *       ocm.wayf.directory-urls}, fetched through the one outbound client and shown only when their
 *       JWS verifies with the keys of {@code ocm.wayf.directory-jwks-file}. A document (or its
 *       failure) is reused for {@code ocm.wayf.directory-cache-ttl-seconds}; a refused one is
 *       logged once per fetch ({@code OCM-0901}) with the reason and the directory's host only.
 *   <li>{@link #redirectFor(String, String)}: discovers the chosen server and builds the redirect
 *       {@code <inviteAcceptDialog>?token=…&providerDomain=<this server>}.
 * </ul>
 *
 * <p>The page is anonymous, so a server that is neither known nor listed is looked up at most
 * {@value #FREE_LOOKUPS_PER_MINUTE} times a minute by all visitors together: each lookup is an
 * outbound request, and a discovered server is recorded in the peer registry.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class WayfService {

    /** Lookups per minute of servers that are neither trusted nor listed by a directory. */
    public static final int FREE_LOOKUPS_PER_MINUTE = 30;

    private static final Logger LOG = Logger.getLogger(WayfService.class.getName());

    private static final int MAX_TOKEN_LENGTH = 512;

    @Inject private OcmSettings settings;

    @Inject private Peers peers;

    @Inject private PeerService registry;

    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<URI, Fetched> fetched = new ConcurrentHashMap<>();
    private final Object lookupLock = new Object();
    private Instant lookupWindow = Instant.EPOCH;
    private int lookupsInWindow;
    private DirectoryDocumentVerifier verifier;

    @PostConstruct
    void init() {
        if (settings.wayfDirectoryUrls().isEmpty()) {
            return;
        }
        try {
            String jwks = Files.readString(settings.wayfDirectoryJwksFile());
            verifier =
                    new DirectoryDocumentVerifier(JWKSet.parse(jwks), settings.outboundAllowHttp());
        } catch (IOException | ParseException e) {
            LOG.log(
                    Level.SEVERE,
                    "OCM-0903 Directory keys in {0} unusable ({1}); no directory will be shown",
                    new Object[] {settings.wayfDirectoryJwksFile(), e.getClass().getSimpleName()});
        }
    }

    /**
     * @return the trusted peers, as servers to pick, ordered by authority
     */
    public List<WayfServer> knownServers() {
        return registry.listTrusted().stream()
                .map(
                        peer ->
                                new WayfServer(
                                        peer.authority(),
                                        Optional.ofNullable(peer.providerName())
                                                .filter(name -> !name.isBlank())
                                                .orElse(peer.authority())))
                .toList();
    }

    /**
     * @return the verified listings of the configured Directory Services, in configured order;
     *     directories that could not be fetched or verified are left out
     */
    public List<DirectoryListing> directories() {
        List<DirectoryListing> listings = new ArrayList<>();
        for (URI url : settings.wayfDirectoryUrls()) {
            Fetched entry = fetched.get(url);
            if (entry == null || entry.isExpired(clock.instant())) {
                entry = fetch(url);
                fetched.put(url, entry);
            }
            if (entry.listing() != null) {
                listings.add(entry.listing());
            }
        }
        return listings;
    }

    /**
     * Finds where the invited person continues: the chosen server's invite acceptance dialog with
     * the token and this server as {@code providerDomain}.
     *
     * @param token the invite token of the WAYF link, passed on unchanged
     * @param server the chosen server: {@code host[:port]}, a URL of it, or an OCM address on it
     * @return the absolute URL to redirect to
     * @throws WayfChoiceException if the token or server is malformed, the server cannot be
     *     discovered, publishes no usable dialog, or the lookup budget is spent
     */
    public URI redirectFor(String token, String server) {
        String checkedToken = checkToken(token);
        ProviderHost host = parseServer(server);
        if (!isOffered(host)) {
            takeLookup();
        }
        PeerDiscovery discovery = discover(host);
        URI dialog = dialogOf(discovery, host, checkedToken);
        LOG.log(Level.INFO, "OCM-0904 WAYF: an invited person continues at {0}", host.authority());
        return withQuery(
                dialog,
                Map.of("token", checkedToken, "providerDomain", settings.providerAuthority()));
    }

    /**
     * Names an inviting server for the invite acceptance dialog.
     *
     * @param providerDomain the inviting server, {@code host[:port]}
     * @return its {@code provider} branding name when it can be discovered and publishes one
     */
    public Optional<String> providerName(String providerDomain) {
        try {
            return peers.discover(ProviderHost.parse(providerDomain))
                    .provider()
                    .filter(name -> !name.isBlank());
        } catch (DiscoveryException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param token an invite token
     * @return the invite string {@code base64url(token@host)} without padding (OCM-NOTES §5.2)
     */
    public String inviteString(String token) {
        byte[] raw = (token + "@" + settings.providerAuthority()).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String checkToken(String token) {
        if (token == null || token.isEmpty()) {
            throw new WayfChoiceException(
                    WayfChoiceException.Reason.BAD_INPUT,
                    "Invite link rejected: it carries no token; ask for a new invite link",
                    null);
        }
        boolean visibleAscii = token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (!visibleAscii || token.length() > MAX_TOKEN_LENGTH) {
            throw new WayfChoiceException(
                    WayfChoiceException.Reason.BAD_INPUT,
                    "Invite link rejected: its token is malformed; ask for a new invite link",
                    null);
        }
        return token;
    }

    private static ProviderHost parseServer(String server) {
        String text = server == null ? "" : server.strip();
        if (text.isEmpty()) {
            throw new WayfChoiceException(
                    WayfChoiceException.Reason.BAD_INPUT,
                    "Server rejected: choose a server or enter its address, such as"
                            + " cloud.example.org",
                    null);
        }
        String afterAt = text.contains("://") ? text : text.substring(text.lastIndexOf('@') + 1);
        try {
            return ProviderHost.parse(afterAt);
        } catch (InvalidOcmAddressException e) {
            throw new WayfChoiceException(
                    WayfChoiceException.Reason.BAD_INPUT,
                    "Server rejected: '"
                            + shortened(text)
                            + "' is not a server address such as cloud.example.org or"
                            + " cloud.example.org:8443",
                    null);
        }
    }

    private boolean isOffered(ProviderHost host) {
        Set<String> offered = new LinkedHashSet<>();
        knownServers().forEach(server -> offered.add(server.authority()));
        directories().forEach(d -> d.servers().forEach(s -> offered.add(s.authority())));
        return offered.contains(host.authority());
    }

    private void takeLookup() {
        synchronized (lookupLock) {
            Instant now = clock.instant();
            if (!now.isBefore(lookupWindow.plus(Duration.ofMinutes(1)))) {
                lookupWindow = now;
                lookupsInWindow = 0;
            }
            if (lookupsInWindow >= FREE_LOOKUPS_PER_MINUTE) {
                throw new WayfChoiceException(
                        WayfChoiceException.Reason.TOO_MANY_LOOKUPS,
                        "Server lookup rejected: too many lookups right now; try again in a"
                                + " minute or choose a listed server",
                        null);
            }
            lookupsInWindow++;
        }
    }

    private PeerDiscovery discover(ProviderHost host) {
        try {
            return peers.discover(host);
        } catch (DiscoveryException e) {
            throw new WayfChoiceException(
                    WayfChoiceException.Reason.UNUSABLE_SERVER,
                    "Server rejected: "
                            + host.authority()
                            + " could not be reached as an OCM server ("
                            + e.getMessage()
                            + ")",
                    null);
        }
    }

    private URI dialogOf(PeerDiscovery discovery, ProviderHost host, String token) {
        Optional<URI> dialog = discovery.inviteAcceptDialog();
        if (dialog.isEmpty()) {
            throw new WayfChoiceException(
                    WayfChoiceException.Reason.UNUSABLE_SERVER,
                    "Server rejected: "
                            + host.authority()
                            + " publishes no invite acceptance page; enter the invite string"
                            + " below in its contacts or invites page instead",
                    inviteString(token));
        }
        URI uri = dialog.get();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!(scheme.equals("https") || scheme.equals("http"))
                || uri.getRawAuthority() == null
                || uri.getRawUserInfo() != null) {
            throw new WayfChoiceException(
                    WayfChoiceException.Reason.UNUSABLE_SERVER,
                    "Server rejected: "
                            + host.authority()
                            + " publishes an unusable invite acceptance page; enter the invite"
                            + " string below at that server instead",
                    inviteString(token));
        }
        return uri;
    }

    private static URI withQuery(URI base, Map<String, String> parameters) {
        StringBuilder url = new StringBuilder(base.toString());
        int fragment = url.indexOf("#");
        if (fragment >= 0) {
            url.setLength(fragment);
        }
        char separator = base.getRawQuery() == null ? '?' : '&';
        for (String name : List.of("token", "providerDomain")) {
            url.append(separator)
                    .append(name)
                    .append('=')
                    .append(URLEncoder.encode(parameters.get(name), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    private Fetched fetch(URI url) {
        Instant expires = clock.instant().plus(settings.wayfDirectoryCacheTtl());
        if (verifier == null) {
            return new Fetched(null, expires);
        }
        String from = url.getScheme() + "://" + url.getRawAuthority();
        try {
            PeerHttpResponse response =
                    peers.http()
                            .get(url, Map.of("Accept", "application/jose, application/json"))
                            .requireSuccess();
            return new Fetched(verifier.verify(url, response.bodyText()), expires);
        } catch (DirectoryDocumentException | PeerHttpException e) {
            LOG.log(
                    Level.WARNING,
                    "OCM-0901 Directory Service {0} not shown: {1}",
                    new Object[] {from, e.getMessage()});
            return new Fetched(null, expires);
        } catch (IllegalArgumentException e) {
            LOG.log(
                    Level.WARNING,
                    "OCM-0901 Directory Service {0} not shown: its URL is unusable",
                    from);
            return new Fetched(null, expires);
        }
    }

    private static String shortened(String text) {
        String printable =
                text.codePoints()
                        .filter(c -> !Character.isISOControl(c))
                        .limit(80)
                        .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append)
                        .toString();
        return printable.length() < text.length() ? printable + "…" : printable;
    }

    /** A directory's outcome: its listing, or {@code null} when it was refused. */
    private record Fetched(DirectoryListing listing, Instant expiresAt) {

        boolean isExpired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
