package io.ocmee.settings;

import io.ocmee.address.HostPattern;
import io.ocmee.address.InvalidOcmAddressException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every {@code ocm.*} setting, read once and validated.
 *
 * <p>A setting {@code ocm.some-name} is looked up first as a system property of that name, then as
 * the environment variable {@code OCM_SOME_NAME} (upper case, dots and dashes as underscores).
 * Unset settings take the defaults documented on each accessor and in the README's configuration
 * reference. Construction fails with an {@link InvalidSettingException} naming the first bad value,
 * so a misconfigured server refuses to start instead of misbehaving later.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class OcmSettings {

    /** Spec version this server implements (draft-ietf-ocm-open-cloud-mesh, ED-2026-08). */
    public static final String API_VERSION = "1.5.0";

    /** Default lifetime of an invite, in seconds (7 days). */
    public static final int INVITE_DEFAULT_EXPIRY = 7 * 86_400;

    /** Shortest lifetime an invite may be given on creation, in seconds. */
    public static final int INVITE_MIN_EXPIRY = 1;

    /** Longest lifetime an invite may be given, in seconds (365 days). */
    public static final int INVITE_MAX_EXPIRY = 365 * 86_400;

    private final int port;
    private final URI publicUrl;
    private final Path dataDir;
    private final String providerName;
    private final boolean outboundAllowHttp;
    private final boolean outboundAllowLoopback;
    private final boolean outboundAllowPrivate;
    private final Duration outboundConnectTimeout;
    private final Duration outboundReadTimeout;
    private final int outboundMaxResponseBytes;
    private final Duration discoveryCacheTtl;
    private final Duration discoveryFailureTtl;
    private final Duration signatureMaxAge;
    private final Duration signatureMaxFutureSkew;
    private final boolean mustUseHttpSig;
    private final Duration jwksRefetchInterval;
    private final Path keyEncryptionKeyFile;
    private final Duration keyRetireAfter;
    private final boolean ecdsaKey;
    private final Duration keyPendingPeriod;
    private final Path realmKeyFile;
    private final Duration outboxPollInterval;
    private final int outboxBatchSize;
    private final Duration outboxBackoffBase;
    private final Duration outboxBackoffCap;
    private final int outboxJitterPercent;
    private final Duration outboxRetryHorizon;
    private final Duration outboxInFlightTimeout;
    private final Duration outboxDeliveredRetention;
    private final List<HostPattern> trustAllow;
    private final List<HostPattern> trustDeny;
    private final boolean trustMustInvite;
    private final boolean trustInviteMakesTrusted;
    private final Duration inviteDefaultExpiry;
    private final Duration tokenLifetime;
    private final boolean mustExchangeToken;

    private OcmSettings(Source source) {
        this.port = source.integer("ocm.port", 8080, 1, 65535);
        this.publicUrl = source.publicUrl("ocm.public-url", "http://localhost:" + port);
        this.dataDir =
                source.path("ocm.data-dir", Path.of(System.getProperty("user.home"), ".ocm-ee"));
        this.providerName = source.text("ocm.provider-name", "OCM-EE");
        this.outboundAllowHttp = source.bool("ocm.outbound.allow-http", false);
        this.outboundAllowLoopback = source.bool("ocm.outbound.allow-loopback", false);
        this.outboundAllowPrivate = source.bool("ocm.outbound.allow-private", false);
        this.outboundConnectTimeout =
                source.seconds("ocm.outbound.connect-timeout-seconds", 5, 1, 120);
        this.outboundReadTimeout = source.seconds("ocm.outbound.read-timeout-seconds", 15, 1, 600);
        this.outboundMaxResponseBytes =
                source.integer("ocm.outbound.max-response-bytes", 1 << 20, 1024, 64 << 20);
        this.discoveryCacheTtl = source.seconds("ocm.discovery.cache-ttl-seconds", 3600, 0, 86_400);
        this.discoveryFailureTtl = source.seconds("ocm.discovery.failure-ttl-seconds", 60, 0, 3600);
        this.signatureMaxAge = source.seconds("ocm.signature.max-age-seconds", 300, 1, 3600);
        this.signatureMaxFutureSkew =
                source.seconds("ocm.signature.max-future-skew-seconds", 60, 0, 600);
        this.mustUseHttpSig = source.bool("ocm.signature.must-use-http-sig", false);
        this.jwksRefetchInterval =
                source.seconds("ocm.signature.jwks-refetch-interval-seconds", 30, 0, 3600);
        this.keyEncryptionKeyFile =
                source.path("ocm.keys.kek-file", dataDir.resolve("keys").resolve("kek"));
        this.keyRetireAfter =
                source.seconds("ocm.keys.retire-after-seconds", 7 * 86_400, 0, 365 * 86_400);
        this.ecdsaKey = source.bool("ocm.keys.ecdsa", false);
        this.keyPendingPeriod = source.seconds("ocm.keys.pending-seconds", 0, 0, 30 * 86_400);
        this.realmKeyFile =
                source.path("ocm.users.realm-file", dataDir.resolve("runtime").resolve("keyfile"));
        this.outboxPollInterval = source.seconds("ocm.outbox.poll-interval-seconds", 5, 1, 3600);
        this.outboxBatchSize = source.integer("ocm.outbox.batch-size", 10, 1, 500);
        this.outboxBackoffBase = source.seconds("ocm.outbox.backoff-base-seconds", 2, 1, 3600);
        this.outboxBackoffCap =
                source.seconds(
                        "ocm.outbox.backoff-cap-seconds",
                        Math.max(600, (int) outboxBackoffBase.toSeconds()),
                        (int) outboxBackoffBase.toSeconds(),
                        86_400);
        this.outboxJitterPercent = source.integer("ocm.outbox.jitter-percent", 20, 0, 50);
        this.outboxRetryHorizon =
                source.seconds("ocm.outbox.retry-horizon-seconds", 2 * 86_400, 1, 30 * 86_400);
        int exchange = (int) (outboundConnectTimeout.toSeconds() + outboundReadTimeout.toSeconds());
        this.outboxInFlightTimeout =
                source.seconds(
                        "ocm.outbox.in-flight-timeout-seconds",
                        Math.max(300, 2 * exchange),
                        2 * exchange,
                        86_400);
        this.outboxDeliveredRetention =
                source.seconds(
                        "ocm.outbox.delivered-retention-seconds", 7 * 86_400, 0, 365 * 86_400);
        this.trustAllow = source.hostPatterns("ocm.trust.allow");
        this.trustDeny = source.hostPatterns("ocm.trust.deny");
        this.trustMustInvite = source.bool("ocm.trust.must-invite", false);
        this.trustInviteMakesTrusted = source.bool("ocm.trust.invite-makes-trusted", true);
        this.inviteDefaultExpiry =
                source.seconds(
                        "ocm.invite.default-expiry-seconds",
                        INVITE_DEFAULT_EXPIRY,
                        60,
                        INVITE_MAX_EXPIRY);
        this.tokenLifetime = source.seconds("ocm.tokens.lifetime-seconds", 3600, 1, 86_400);
        this.mustExchangeToken = source.bool("ocm.shares.must-exchange-token", false);
    }

    /**
     * Checks the settings of this process before a server is started with them, so that a bad value
     * stops the launcher with the setting's name instead of failing the deployment later. Prints
     * nothing on success; prints the problem and exits with status 2 otherwise.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try {
            fromEnvironment();
        } catch (InvalidSettingException e) {
            System.err.println("ocm: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Reads the settings of this JVM: system properties, then the environment.
     *
     * @return the validated settings
     * @throws InvalidSettingException if any value is unusable
     */
    public static OcmSettings fromEnvironment() {
        Map<String, String> env = System.getenv();
        return from(name -> System.getProperty(name, env.get(environmentName(name))));
    }

    /**
     * Reads settings from a lookup function, for tests and embedding.
     *
     * @param lookup maps a setting name ({@code ocm.port}) to its raw value, or {@code null}
     * @return the validated settings
     * @throws InvalidSettingException if any value is unusable
     */
    public static OcmSettings from(Function<String, String> lookup) {
        return new OcmSettings(new Source(Objects.requireNonNull(lookup, "lookup")));
    }

    /**
     * @param name a setting name such as {@code ocm.public-url}
     * @return its environment variable name, e.g. {@code OCM_PUBLIC_URL}
     */
    public static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * @return {@code ocm.port}: the HTTP port of the embedded default (default 8080)
     */
    public int port() {
        return port;
    }

    /**
     * @return {@code ocm.public-url}: the URL peers use to reach this server, without a trailing
     *     slash (default {@code http://localhost:<port>}); it defines the host of local OCM
     *     addresses, the discovery {@code endPoint} and the {@code @target-uri} of signatures
     */
    public URI publicUrl() {
        return publicUrl;
    }

    /**
     * @return the public URL as text, without a trailing slash
     */
    public String publicBase() {
        return publicUrl.toString();
    }

    /**
     * @return the authority of the public URL, {@code host[:port]}, with the default port of its
     *     scheme omitted: the provider part of local OCM addresses
     */
    public String providerAuthority() {
        int p = publicUrl.getPort();
        boolean defaultPort =
                p == -1
                        || ("https".equals(publicUrl.getScheme()) && p == 443)
                        || ("http".equals(publicUrl.getScheme()) && p == 80);
        String host = publicUrl.getHost().toLowerCase(Locale.ROOT);
        return defaultPort ? host : host + ":" + p;
    }

    /**
     * @return {@code ocm.data-dir}: where files and the embedded database live
     */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * @return {@code ocm.provider-name}: the branding name in discovery (default OCM-EE)
     */
    public String providerName() {
        return providerName;
    }

    /**
     * @return {@code ocm.outbound.allow-http}: plain http to peers allowed (default false)
     */
    public boolean outboundAllowHttp() {
        return outboundAllowHttp;
    }

    /**
     * @return {@code ocm.outbound.allow-loopback}: peers on loopback allowed (default false)
     */
    public boolean outboundAllowLoopback() {
        return outboundAllowLoopback;
    }

    /**
     * @return {@code ocm.outbound.allow-private}: peers on private and link-local ranges allowed
     *     (default false; metadata addresses stay refused)
     */
    public boolean outboundAllowPrivate() {
        return outboundAllowPrivate;
    }

    /**
     * @return {@code ocm.outbound.connect-timeout-seconds} (default 5)
     */
    public Duration outboundConnectTimeout() {
        return outboundConnectTimeout;
    }

    /**
     * @return {@code ocm.outbound.read-timeout-seconds}: whole-response timeout (default 15)
     */
    public Duration outboundReadTimeout() {
        return outboundReadTimeout;
    }

    /**
     * @return {@code ocm.outbound.max-response-bytes}: peer response cap (default 1 MiB)
     */
    public int outboundMaxResponseBytes() {
        return outboundMaxResponseBytes;
    }

    /**
     * @return {@code ocm.discovery.cache-ttl-seconds}: how long a peer's discovery is kept
     */
    public Duration discoveryCacheTtl() {
        return discoveryCacheTtl;
    }

    /**
     * @return {@code ocm.discovery.failure-ttl-seconds}: how long a failed discovery is kept
     */
    public Duration discoveryFailureTtl() {
        return discoveryFailureTtl;
    }

    /**
     * @return {@code ocm.signature.max-age-seconds}: how old a signature's {@code created} may be
     *     (default 300)
     */
    public Duration signatureMaxAge() {
        return signatureMaxAge;
    }

    /**
     * @return {@code ocm.signature.max-future-skew-seconds}: how far ahead {@code created} may be
     *     (default 60)
     */
    public Duration signatureMaxFutureSkew() {
        return signatureMaxFutureSkew;
    }

    /**
     * @return {@code ocm.signature.must-use-http-sig}: refuse every unsigned request and advertise
     *     the {@code must-use-http-sig} criterion (default false)
     */
    public boolean mustUseHttpSig() {
        return mustUseHttpSig;
    }

    /**
     * @return {@code ocm.signature.jwks-refetch-interval-seconds}: the least time between two
     *     refetches of one peer's keys forced by an unknown key id (default 30)
     */
    public Duration jwksRefetchInterval() {
        return jwksRefetchInterval;
    }

    /**
     * @return {@code ocm.keys.kek-file}: the key-encryption key that protects private keys in the
     *     database (default {@code <data-dir>/keys/kek}, created on first start with mode 0600)
     */
    public Path keyEncryptionKeyFile() {
        return keyEncryptionKeyFile;
    }

    /**
     * @return {@code ocm.keys.retire-after-seconds}: how long a replaced key stays published
     *     (default 7 days)
     */
    public Duration keyRetireAfter() {
        return keyRetireAfter;
    }

    /**
     * @return {@code ocm.keys.pending-seconds}: how long a new key is published before it signs
     *     (default 0: it signs from the first request after the rotation)
     */
    public Duration keyPendingPeriod() {
        return keyPendingPeriod;
    }

    /**
     * @return {@code ocm.keys.ecdsa}: also create and publish an ECDSA P-256 key (default false)
     */
    public boolean ecdsaKey() {
        return ecdsaKey;
    }

    /**
     * @return {@code ocm.users.realm-file}: the container file realm's key file that the embedded
     *     default's user directory reads to know which users exist (default {@code
     *     <data-dir>/runtime/keyfile}, written by {@code bin/ocm-run})
     */
    public Path realmKeyFile() {
        return realmKeyFile;
    }

    /**
     * @return {@code ocm.outbox.poll-interval-seconds}: how often the outbox timer looks for due
     *     messages (default 5); new messages are normally sent at once after their transaction
     *     commits, so this bounds the delay of retries and of the safety net
     */
    public Duration outboxPollInterval() {
        return outboxPollInterval;
    }

    /**
     * @return {@code ocm.outbox.batch-size}: how many due messages one pass claims at a time
     *     (default 10)
     */
    public int outboxBatchSize() {
        return outboxBatchSize;
    }

    /**
     * @return {@code ocm.outbox.backoff-base-seconds}: the wait before the first retry; each
     *     further retry doubles it (default 2)
     */
    public Duration outboxBackoffBase() {
        return outboxBackoffBase;
    }

    /**
     * @return {@code ocm.outbox.backoff-cap-seconds}: the longest wait between two attempts, also
     *     for a peer's {@code Retry-After} (default 600; at least the base)
     */
    public Duration outboxBackoffCap() {
        return outboxBackoffCap;
    }

    /**
     * @return {@code ocm.outbox.jitter-percent}: each backoff is spread at random by up to this
     *     share either way, so that retries to a recovering peer do not arrive together (default
     *     20)
     */
    public int outboxJitterPercent() {
        return outboxJitterPercent;
    }

    /**
     * @return {@code ocm.outbox.retry-horizon-seconds}: how long after it was enqueued a message is
     *     still retried; after that it becomes a dead letter and its failure is reported (default 2
     *     days)
     */
    public Duration outboxRetryHorizon() {
        return outboxRetryHorizon;
    }

    /**
     * @return {@code ocm.outbox.in-flight-timeout-seconds}: a message claimed for sending longer
     *     ago than this (its sender crashed) is sent again (default 300; at least twice the connect
     *     plus read timeout, so a slow send is never duplicated)
     */
    public Duration outboxInFlightTimeout() {
        return outboxInFlightTimeout;
    }

    /**
     * @return {@code ocm.outbox.delivered-retention-seconds}: how long delivered messages are kept
     *     (without their bodies) before they are deleted (default 7 days; 0 deletes them at the
     *     next pass)
     */
    public Duration outboxDeliveredRetention() {
        return outboxDeliveredRetention;
    }

    /**
     * @return {@code ocm.trust.allow}: servers this server trusts, a comma list of {@code
     *     host[:port]} and {@code *.domain[:port]} entries (default none). Trusted servers may
     *     share in {@code must-invite} mode without an invite.
     */
    public List<HostPattern> trustAllow() {
        return trustAllow;
    }

    /**
     * @return {@code ocm.trust.deny}: servers this server blocks, same form as {@link
     *     #trustAllow()} (default none): their requests are answered 403 and nothing is sent to
     *     them. A deny entry wins over an allow entry; an administrator's decision for one server
     *     wins over both.
     */
    public List<HostPattern> trustDeny() {
        return trustDeny;
    }

    /**
     * @return {@code ocm.trust.must-invite}: accept shares only from trusted servers and from
     *     contacts made by an invite, and advertise the {@code must-invite} criterion (default
     *     false)
     */
    public boolean trustMustInvite() {
        return trustMustInvite;
    }

    /**
     * @return {@code ocm.trust.invite-makes-trusted}: an accepted invite (either way) marks the
     *     other server trusted unless an administrator decided otherwise (default true)
     */
    public boolean trustInviteMakesTrusted() {
        return trustInviteMakesTrusted;
    }

    /**
     * @return {@code ocm.invite.default-expiry-seconds}: lifetime of an invite made without {@code
     *     expiresInSeconds} (default 7 days; 60 s to 365 days)
     */
    public Duration inviteDefaultExpiry() {
        return inviteDefaultExpiry;
    }

    /**
     * @return {@code ocm.tokens.lifetime-seconds}: how long an access token issued by the token
     *     endpoint is valid (default 3600; 1 to 86400); never longer than the share itself
     */
    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /**
     * @return {@code ocm.shares.must-exchange-token}: advertise the {@code must-exchange-token}
     *     criterion and refuse inbound shares whose webdav requirements lack it (default false)
     */
    public boolean mustExchangeToken() {
        return mustExchangeToken;
    }

    /** Raw values with typed, validating accessors. */
    private record Source(Function<String, String> lookup) {

        String raw(String name) {
            String value = lookup.apply(name);
            return value == null || value.isBlank() ? null : value.trim();
        }

        InvalidSettingException invalid(String name, String value, String expected) {
            return new InvalidSettingException(
                    "Setting "
                            + name
                            + " ("
                            + environmentName(name)
                            + ") rejected: '"
                            + value
                            + "' is not "
                            + expected);
        }

        String text(String name, String fallback) {
            String value = raw(name);
            return value == null ? fallback : value;
        }

        int integer(String name, int fallback, int min, int max) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    throw invalid(name, value, "between " + min + " and " + max);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw invalid(name, value, "a whole number between " + min + " and " + max);
            }
        }

        Duration seconds(String name, int fallback, int min, int max) {
            return Duration.ofSeconds(integer(name, fallback, min, max));
        }

        boolean bool(String name, boolean fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw invalid(name, value, "true or false");
            };
        }

        List<HostPattern> hostPatterns(String name) {
            String value = raw(name);
            try {
                return HostPattern.parseList(value);
            } catch (InvalidOcmAddressException e) {
                throw new InvalidSettingException(
                        "Setting "
                                + name
                                + " ("
                                + environmentName(name)
                                + ") rejected: "
                                + e.getMessage()
                                + "; expected a comma list of host[:port] and *.domain[:port]");
            }
        }

        Path path(String name, Path fallback) {
            String value = raw(name);
            if (value == null) {
                return fallback.toAbsolutePath().normalize();
            }
            try {
                return Path.of(value).toAbsolutePath().normalize();
            } catch (RuntimeException e) {
                throw invalid(name, value, "a file system path");
            }
        }

        URI publicUrl(String name, String fallback) {
            String value = text(name, fallback);
            String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            URI uri;
            try {
                uri = new URI(trimmed);
            } catch (URISyntaxException e) {
                throw invalid(
                        name, value, "an absolute http(s) URL such as https://cloud.example.org");
            }
            boolean httpScheme = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!httpScheme || uri.getHost() == null || uri.getPort() > 65535) {
                throw invalid(
                        name, value, "an absolute http(s) URL such as https://cloud.example.org");
            }
            if (uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getUserInfo() != null) {
                throw invalid(name, value, "a URL without user info, query or fragment");
            }
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                throw invalid(
                        name,
                        value,
                        "a URL without a path: OCM addresses have no path, so the module must be"
                            + " served at the root of its host (README, \"Public URL and reverse"
                            + " proxy\")");
            }
            return uri;
        }
    }
}
