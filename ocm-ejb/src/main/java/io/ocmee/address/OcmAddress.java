package io.ocmee.address;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * An OCM Address, {@code identifier "@" host [":" port]} (OCM spec "Terms"; notes §2.1, §11 Q21,
 * Q34).
 *
 * <p>The address is split on the <em>last</em> {@code @}. The identifier is opaque: it is kept
 * exactly as given (case-sensitive, never URL-decoded, may itself contain {@code @}, e.g. {@code
 * mahdi@it-department@cloud.example.org}). The provider part is parsed by {@link
 * ProviderHost#parse(String)}, so a scheme and a trailing slash that some servers put there ({@code
 * bob@https://cloud.example.org/}) are tolerated and dropped, while a path is rejected.
 *
 * <p>Immutable; equality is on the identifier and the normalised provider host.
 *
 * @param identifier the user or group identifier at the provider, non-empty, as given
 * @param provider the provider host the address points at
 */
public record OcmAddress(String identifier, ProviderHost provider) {

    /**
     * @throws NullPointerException if a component is {@code null}
     * @throws InvalidOcmAddressException if {@code identifier} is empty or contains a control
     *     character
     */
    public OcmAddress {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(provider, "provider");
        if (identifier.isEmpty()) {
            throw new InvalidOcmAddressException("OCM address rejected: identifier is empty");
        }
        if (identifier.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidOcmAddressException(
                    "OCM address rejected: identifier contains a control character");
        }
    }

    /**
     * Parses an OCM Address.
     *
     * @param value text such as {@code alice@cloud.example.org} or {@code alice@[2001:db8::1]:8443}
     * @return the parsed address
     * @throws InvalidOcmAddressException if {@code value} is {@code null}, empty, has surrounding
     *     whitespace, has no {@code @}, has an empty identifier or host, or its host part is not a
     *     host with an optional port; the message says which
     */
    public static OcmAddress parse(String value) {
        String subject =
                value == null || value.isEmpty() ? "OCM address" : "OCM address '" + value + "'";
        if (value == null || value.isEmpty()) {
            throw ProviderHost.rejected(
                    subject, value == null ? "value is null" : "value is empty");
        }
        if (value.isBlank()) {
            throw ProviderHost.rejected(subject, "value is blank");
        }
        int at = value.lastIndexOf('@');
        if (at < 0) {
            throw ProviderHost.rejected(subject, "no '@' separates identifier and host");
        }
        if (at == 0) {
            throw ProviderHost.rejected(subject, "identifier before the last '@' is empty");
        }
        if (at == value.length() - 1) {
            throw ProviderHost.rejected(subject, "host after the last '@' is empty");
        }
        ProviderHost provider = ProviderHost.parse(value.substring(at + 1), subject);
        return new OcmAddress(requireIdentifier(value.substring(0, at), subject), provider);
    }

    /**
     * @return the host of the provider (see {@link ProviderHost#host()})
     */
    public String host() {
        return provider.host();
    }

    /**
     * @return the explicit port of the provider, if any
     */
    public OptionalInt port() {
        return provider.port();
    }

    /**
     * @return {@code host} or {@code host:port}, the authority to run discovery against
     */
    public String providerAuthority() {
        return provider.authority();
    }

    /**
     * Formats the address in its normalised form; {@code parse(a.format())} equals {@code a}.
     *
     * @return {@code identifier@host[:port]}
     */
    public String format() {
        return identifier + "@" + provider.authority();
    }

    /**
     * @return the same as {@link #format()}
     */
    @Override
    public String toString() {
        return format();
    }

    private static String requireIdentifier(String identifier, String subject) {
        if (!identifier.strip().equals(identifier)) {
            throw ProviderHost.rejected(subject, "value has leading or trailing whitespace");
        }
        if (identifier.chars().anyMatch(Character::isISOControl)) {
            throw ProviderHost.rejected(subject, "identifier contains a control character");
        }
        return identifier;
    }
}
