package io.ocmee.address;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The {@code host [":" port]} that identifies an OCM Server: the part of an OCM Address after the
 * last {@code @} (notes §2.1), and the value of {@code recipientProvider}, {@code senderDomain} or
 * {@code client_id}.
 *
 * <p>Peers are lax about these values (notes §11 Q21, Q30), so {@link #parse(String)} tolerates an
 * {@code http://} or {@code https://} prefix and one trailing {@code /}, then drops them: the
 * result never carries a scheme. A port equal to the default of a scheme given in the input (443
 * for https, 80 for http) is dropped; a port given without a scheme is kept as written. Anything
 * else a URL may carry (a path, a query, a fragment, user information) is rejected.
 *
 * @param host lower-case registered name in ASCII (IDNs are converted to their A-label form),
 *     dotted-quad IPv4 literal, or IPv6 literal in brackets such as {@code [2001:db8::1]}
 * @param port explicit port, 1 to 65535, or empty
 */
public record ProviderHost(String host, OptionalInt port) {

    /**
     * Validates that the components are already in canonical form.
     *
     * @throws InvalidOcmAddressException if {@code host} is not canonical or the port is out of
     *     range
     * @throws NullPointerException if a component is {@code null}
     */
    public ProviderHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        String subject = "provider host '" + host + "'";
        if (!canonicalHost(host, subject).equals(host)) {
            throw rejected(subject, "host is not in canonical form; use ProviderHost.parse");
        }
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
            throw rejected(subject, "port " + port.getAsInt() + " is not between 1 and 65535");
        }
    }

    /**
     * Parses a provider host, tolerating a scheme and a trailing slash (see the type description).
     *
     * @param value text such as {@code cloud.example.org}, {@code cloud.example.org:8443}, {@code
     *     https://cloud.example.org/} or {@code [2001:db8::1]:8443}
     * @return the normalised provider host
     * @throws InvalidOcmAddressException if {@code value} is {@code null}, empty, or not a host
     *     with an optional port
     */
    public static ProviderHost parse(String value) {
        String subject =
                value == null || value.isEmpty()
                        ? "provider host"
                        : "provider host '" + value + "'";
        return parse(value, subject);
    }

    /**
     * The authority to contact this provider at.
     *
     * @return {@code host} or {@code host:port}
     */
    public String authority() {
        return port.isPresent() ? host + ":" + port.getAsInt() : host;
    }

    /**
     * The root URI of this provider for a scheme, without a trailing slash.
     *
     * @param scheme {@code https} or {@code http}
     * @return for example {@code https://cloud.example.org:8443}
     * @throws IllegalArgumentException if {@code scheme} is neither {@code https} nor {@code http}
     */
    public URI baseUri(String scheme) {
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException(
                    "scheme rejected: '" + scheme + "' is not https/http");
        }
        return URI.create(scheme + "://" + authority());
    }

    /**
     * @return {@code true} if the host is an IPv4 or IPv6 literal rather than a name
     */
    public boolean isIpLiteral() {
        return host.startsWith("[") || IpLiterals.parseIpv4(host).isPresent();
    }

    /**
     * @return the {@link #authority()}
     */
    @Override
    public String toString() {
        return authority();
    }

    static ProviderHost parse(String value, String subject) {
        String text = requireText(value, subject);
        SchemeSplit split = SchemeSplit.of(text, subject);
        String hostAndPort = stripTrailingSlash(split.rest());
        checkNoUrlParts(hostAndPort, subject);

        HostPort parts = HostPort.split(hostAndPort, subject);
        String host = canonicalHost(parts.host(), subject);
        OptionalInt port = parsePort(parts.port(), subject);
        return new ProviderHost(host, dropDefaultPort(split.scheme(), port));
    }

    private static String requireText(String value, String subject) {
        if (value == null) {
            throw rejected(subject, "value is null");
        }
        if (value.isEmpty()) {
            throw rejected(subject, "value is empty");
        }
        if (!value.strip().equals(value)) {
            throw rejected(subject, "value has leading or trailing whitespace; trim input first");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw rejected(subject, "value contains a control character");
        }
        return value;
    }

    private static String stripTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static void checkNoUrlParts(String text, String subject) {
        if (text.isEmpty()) {
            throw rejected(subject, "host is empty");
        }
        if (text.indexOf('/') >= 0) {
            throw rejected(subject, "host part has a path; give only host[:port]");
        }
        if (text.indexOf('?') >= 0 || text.indexOf('#') >= 0) {
            throw rejected(subject, "host part has a query or fragment; give only host[:port]");
        }
        if (text.indexOf('@') >= 0) {
            throw rejected(subject, "host part contains '@'");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw rejected(subject, "host part contains whitespace");
        }
    }

    private static OptionalInt parsePort(String port, String subject) {
        if (port == null) {
            return OptionalInt.empty();
        }
        if (port.isEmpty()
                || port.length() > 5
                || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw rejected(subject, "port '" + port + "' is not a number between 1 and 65535");
        }
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            throw rejected(subject, "port '" + port + "' is not a number between 1 and 65535");
        }
        return OptionalInt.of(number);
    }

    private static OptionalInt dropDefaultPort(String scheme, OptionalInt port) {
        if (port.isEmpty() || scheme == null) {
            return port;
        }
        int defaultPort = "https".equals(scheme) ? 443 : 80;
        return port.getAsInt() == defaultPort ? OptionalInt.empty() : port;
    }

    /** Validates a host (name, IPv4 or bracketed IPv6) and returns its canonical spelling. */
    static String canonicalHost(String host, String subject) {
        if (host.isEmpty()) {
            throw rejected(subject, "host is empty");
        }
        if (host.startsWith("[")) {
            return canonicalIpv6(host, subject);
        }
        if (host.indexOf(':') >= 0) {
            throw rejected(
                    subject, "an IPv6 literal must be enclosed in brackets, e.g. [2001:db8::1]");
        }
        return canonicalName(host, subject);
    }

    private static String canonicalIpv6(String host, String subject) {
        boolean bracketed = host.length() > 2 && host.endsWith("]");
        if (!bracketed || IpLiterals.parseIpv6(host.substring(1, host.length() - 1)).isEmpty()) {
            throw rejected(subject, "'" + host + "' is not a valid bracketed IPv6 literal");
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static String canonicalName(String host, String subject) {
        String ascii = toAscii(host, subject).toLowerCase(Locale.ROOT);
        String[] labels = ascii.split("\\.", -1);
        char first =
                labels[labels.length - 1].isEmpty() ? 'x' : labels[labels.length - 1].charAt(0);
        if (first >= '0' && first <= '9') {
            if (IpLiterals.parseIpv4(ascii).isEmpty()) {
                throw rejected(
                        subject, "'" + host + "' is neither a dotted-quad IPv4 address nor a name");
            }
            return ascii;
        }
        if (ascii.length() > 253) {
            throw rejected(subject, "host name is longer than 253 characters");
        }
        for (String label : labels) {
            checkLabel(label, host, subject);
        }
        return ascii;
    }

    private static String toAscii(String host, String subject) {
        if (host.chars().allMatch(c -> c < 0x80)) {
            return host;
        }
        try {
            return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw rejected(subject, "'" + host + "' is not a valid internationalised host name");
        }
    }

    private static void checkLabel(String label, String host, String subject) {
        if (label.isEmpty() || label.length() > 63) {
            throw rejected(subject, "host '" + host + "' has an empty or over-long label");
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            throw rejected(subject, "host '" + host + "' has a label starting or ending in '-'");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw rejected(subject, "host '" + host + "' contains the character '" + c + "'");
            }
        }
    }

    static InvalidOcmAddressException rejected(String subject, String reason) {
        return new InvalidOcmAddressException(subject + " rejected: " + reason);
    }

    /** A scheme tolerated in front of a host, and what follows it. */
    private record SchemeSplit(String scheme, String rest) {

        static SchemeSplit of(String text, String subject) {
            int separator = text.indexOf("://");
            if (separator < 0) {
                return new SchemeSplit(null, text);
            }
            String scheme = text.substring(0, separator).toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw rejected(subject, "scheme '" + scheme + "' is not https or http");
            }
            return new SchemeSplit(scheme, text.substring(separator + 3));
        }
    }

    /** Host and raw port text ({@code null} when there is no {@code :}). */
    private record HostPort(String host, String port) {

        static HostPort split(String text, String subject) {
            if (text.startsWith("[")) {
                return splitBracketed(text, subject);
            }
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                throw rejected(
                        subject,
                        "an IPv6 literal must be enclosed in brackets, e.g. [2001:db8::1]");
            }
            return colon < 0
                    ? new HostPort(text, null)
                    : new HostPort(text.substring(0, colon), text.substring(colon + 1));
        }

        private static HostPort splitBracketed(String text, String subject) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw rejected(subject, "IPv6 literal has no closing ']'");
            }
            String rest = text.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw rejected(subject, "unexpected text after the IPv6 literal: '" + rest + "'");
            }
            return new HostPort(
                    text.substring(0, close + 1), rest.isEmpty() ? null : rest.substring(1));
        }
    }
}
