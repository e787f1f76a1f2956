package io.ocmee.address;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One entry of a trust allow or deny list (OCM-NOTES §9.1): a server {@code host[:port]}, or a
 * domain pattern {@code *.example.org[:port]}.
 *
 * <p>A host entry matches that host; a wildcard entry matches every host strictly below the domain
 * ({@code *.example.org} matches {@code a.example.org} and {@code b.a.example.org}, not {@code
 * example.org} itself: list both to cover both). An entry without a port matches the host on any
 * port; an entry with a port matches only that port. Hosts compare in their canonical form ({@link
 * ProviderHost#parse}: lower case, IDNs as A-labels), so {@code Cloud.Example.org} in the list
 * matches {@code cloud.example.org}. Plain Java; immutable.
 *
 * @param host the canonical host, or for a wildcard entry the domain below which hosts match
 * @param wildcard whether the entry is {@code *.domain}
 * @param port the port the entry is limited to, or empty for any
 */
public record HostPattern(String host, boolean wildcard, OptionalInt port) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public HostPattern {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
    }

    /**
     * @param text {@code host}, {@code host:port}, {@code *.domain} or {@code *.domain:port}
     * @return the pattern
     * @throws InvalidOcmAddressException if it is none of these; the message says why
     */
    public static HostPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidOcmAddressException("host pattern rejected: value is empty");
        }
        String value = text.strip();
        boolean wildcard = value.startsWith("*.");
        String rest = wildcard ? value.substring(2) : value;
        if (rest.contains("*")) {
            throw new InvalidOcmAddressException(
                    "host pattern '"
                            + value
                            + "' rejected: '*' is allowed only as a leading '*.' label");
        }
        if (rest.contains("://") || rest.contains("/")) {
            throw new InvalidOcmAddressException(
                    "host pattern '" + value + "' rejected: give host[:port], not a URL");
        }
        ProviderHost parsed = ProviderHost.parse(rest);
        if (wildcard && parsed.isIpLiteral()) {
            throw new InvalidOcmAddressException(
                    "host pattern '" + value + "' rejected: '*.' needs a domain name, not an IP");
        }
        return new HostPattern(parsed.host(), wildcard, parsed.port());
    }

    /**
     * @param text a comma-separated list of patterns; blank entries are ignored
     * @return the patterns in order
     * @throws InvalidOcmAddressException if an entry is not a pattern
     */
    public static List<HostPattern> parseList(String text) {
        List<HostPattern> patterns = new ArrayList<>();
        if (text == null) {
            return List.of();
        }
        for (String entry : text.split(",")) {
            if (!entry.isBlank()) {
                patterns.add(parse(entry));
            }
        }
        return List.copyOf(patterns);
    }

    /**
     * @param server a server
     * @return whether this entry covers it
     */
    public boolean matches(ProviderHost server) {
        if (port.isPresent() && !port.equals(server.port())) {
            return false;
        }
        if (!wildcard) {
            return host.equals(server.host());
        }
        return server.host().endsWith("." + host) && !server.isIpLiteral();
    }

    /**
     * @param patterns a list of entries
     * @param server a server
     * @return whether any entry covers it
     */
    public static boolean anyMatches(List<HostPattern> patterns, ProviderHost server) {
        return patterns.stream().anyMatch(p -> p.matches(server));
    }

    /**
     * @return the entry as it is written in a setting
     */
    @Override
    public String toString() {
        String base = wildcard ? "*." + host : host;
        return port.isPresent() ? base + ":" + port.getAsInt() : base;
    }
}
