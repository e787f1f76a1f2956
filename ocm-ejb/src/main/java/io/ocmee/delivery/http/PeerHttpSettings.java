package io.ocmee.delivery.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and permissions for calls to peers, fixed when a {@link PeerHttpClient} is built.
 *
 * <p>Defaults ({@link #defaults()}): connect timeout 5 s, request timeout 10 s (the whole exchange,
 * redirects and body included), responses up to 1 MiB, at most 3 redirects, HTTPS only, public
 * addresses only. The project's settings type builds this record from its {@code ocm.*} keys.
 *
 * @param connectTimeout time allowed to open a TCP (and TLS) connection; positive
 * @param requestTimeout time allowed for the whole exchange, from the first byte sent to the last
 *     body byte received, across redirects; positive
 * @param maxResponseBytes largest response body accepted, 1 to {@value #MAX_BODY_LIMIT} bytes
 * @param maxRedirects most same-authority redirects followed, 0 to 10
 * @param allowHttp permit plain {@code http://} (test setups only, notes §2.2 step 4)
 * @param allowLoopback permit loopback addresses (see {@link AddressPolicy})
 * @param allowPrivate permit private and shared (CGNAT) addresses (see {@link AddressPolicy})
 */
public record PeerHttpSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        long maxResponseBytes,
        int maxRedirects,
        boolean allowHttp,
        boolean allowLoopback,
        boolean allowPrivate) {

    /** Upper bound for {@code maxResponseBytes}: bodies are buffered in memory. */
    public static final long MAX_BODY_LIMIT = 64L * 1024 * 1024;

    /**
     * @throws IllegalArgumentException if a value is out of range; the message names it
     * @throws NullPointerException if a timeout is {@code null}
     */
    public PeerHttpSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxResponseBytes < 1 || maxResponseBytes > MAX_BODY_LIMIT) {
            throw new IllegalArgumentException(
                    "maxResponseBytes rejected: "
                            + maxResponseBytes
                            + " is not between 1 and "
                            + MAX_BODY_LIMIT);
        }
        if (maxRedirects < 0 || maxRedirects > 10) {
            throw new IllegalArgumentException(
                    "maxRedirects rejected: " + maxRedirects + " is not between 0 and 10");
        }
    }

    /**
     * @return production defaults (see the type description)
     */
    public static PeerHttpSettings defaults() {
        return new PeerHttpSettings(
                Duration.ofSeconds(5), Duration.ofSeconds(10), 1024 * 1024, 3, false, false, false);
    }

    /**
     * @return the defaults plus plain HTTP and loopback addresses, for tests against local servers
     */
    public static PeerHttpSettings forLoopbackTesting() {
        return new PeerHttpSettings(
                Duration.ofSeconds(5), Duration.ofSeconds(10), 1024 * 1024, 3, true, true, false);
    }

    /**
     * @param connect new connect timeout
     * @param request new request timeout
     * @return a copy with these timeouts
     */
    public PeerHttpSettings withTimeouts(Duration connect, Duration request) {
        return new PeerHttpSettings(
                connect,
                request,
                maxResponseBytes,
                maxRedirects,
                allowHttp,
                allowLoopback,
                allowPrivate);
    }

    /**
     * @param bytes new response-size cap
     * @return a copy with this cap
     */
    public PeerHttpSettings withMaxResponseBytes(long bytes) {
        return new PeerHttpSettings(
                connectTimeout,
                requestTimeout,
                bytes,
                maxRedirects,
                allowHttp,
                allowLoopback,
                allowPrivate);
    }

    /**
     * @return the address policy these settings describe
     */
    public AddressPolicy addressPolicy() {
        return new AddressPolicy(allowLoopback, allowPrivate);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " rejected: " + value + " is not positive");
        }
    }
}
