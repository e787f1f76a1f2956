package io.ocmee.share;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the recipient of an accepted incoming share needs to reach the shared resource on the
 * sending server (OCM-NOTES §8.1): where (the WebDAV {@code uri} as sent, resolved at access time
 * against the sender's discovery, §8.2) and with which credential (the shared secret, or a token
 * exchanged for it, §6).
 *
 * <p>Carries the shared secret: it stays inside the module, is never returned to a client and never
 * logged; {@link #toString()} leaves it out.
 *
 * @param id our id of the incoming share
 * @param senderServer the sending server, {@code host[:port]}
 * @param name the resource name the sender gave
 * @param resourceType wire {@code resourceType} as sent ({@code file} may be a folder, §11 Q13)
 * @param permissions wire {@code permissions}
 * @param shape the protocol shape the share came in ({@code options} is the legacy form)
 * @param uri wire {@code webdav.uri} as sent: absolute, relative, or absent
 * @param sharedSecret wire {@code sharedSecret}
 * @param requirements wire {@code webdav.requirements}, e.g. {@code must-exchange-token}
 */
public record IncomingShareGrant(
        String id,
        String senderServer,
        String name,
        String resourceType,
        Set<Permissions> permissions,
        ProtocolShape shape,
        Optional<String> uri,
        String sharedSecret,
        Set<String> requirements) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public IncomingShareGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(senderServer, "senderServer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resourceType, "resourceType");
        permissions = Set.copyOf(permissions);
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(sharedSecret, "sharedSecret");
        requirements = Set.copyOf(requirements);
    }

    /**
     * @return {@code true} if the sender demands the code flow ({@code must-exchange-token})
     */
    public boolean mustExchangeToken() {
        return requirements.contains("must-exchange-token");
    }

    /**
     * @return {@code true} if the share allows writing
     */
    public boolean writable() {
        return permissions.contains(Permissions.WRITE);
    }

    /** Leaves the shared secret out. */
    @Override
    public String toString() {
        return "IncomingShareGrant[id="
                + id
                + ", senderServer="
                + senderServer
                + ", resourceType="
                + resourceType
                + ", shape="
                + shape
                + ", permissions="
                + permissions
                + ", requirements="
                + requirements
                + "]";
    }
}
