package io.ocmee.share;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The WebDAV access a share creation notification grants (OCM-NOTES §3.4, {@code webdav}).
 *
 * @param shape the protocol shape it came in
 * @param uri wire {@code uri} exactly as given: absolute ({@code https://host/...}), relative to
 *     the sender's WebDAV path (a key, or a {@code /}-prefixed path), or empty for legacy {@code
 *     options} which carry none; resolved at access time (§8.2)
 * @param sharedSecret wire {@code sharedSecret}, never empty
 * @param permissions wire {@code permissions}; {@code read} when the sender gave none
 * @param requirements wire {@code requirements}; only {@code must-exchange-token} is accepted
 */
public record WebdavAccess(
        ProtocolShape shape,
        Optional<String> uri,
        String sharedSecret,
        Set<Permissions> permissions,
        Set<String> requirements) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public WebdavAccess {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(sharedSecret, "sharedSecret");
        permissions =
                permissions.isEmpty()
                        ? EnumSet.of(Permissions.READ)
                        : Set.copyOf(EnumSet.copyOf(permissions));
        requirements = Set.copyOf(requirements);
    }

    /**
     * @return {@code true} if the uri includes a scheme and a host
     */
    public boolean absoluteUri() {
        return uri.map(u -> u.startsWith("https://") || u.startsWith("http://")).orElse(false);
    }

    /**
     * @return the secret's fingerprint for safe display in toString
     */
    @Override
    public String toString() {
        return "WebdavAccess[shape="
                + shape
                + ", uri="
                + uri
                + ", permissions="
                + permissions
                + "]";
    }
}
