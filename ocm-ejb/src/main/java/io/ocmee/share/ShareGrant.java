package io.ocmee.share;

import io.ocmee.spi.ResourcePath;
import java.util.Objects;
import java.util.Set;

/**
 * What a verified WebDAV request may reach: one live outgoing share, as {@link ShareAccessService}
 * established it. Carries no secret.
 *
 * @param shareId our id of the share
 * @param providerId the share's opaque id, the first segment of its WebDAV path
 * @param owner the local owner's login name: resources are resolved in this user's space
 * @param path the shared file or folder in the owner's space
 * @param name the shared resource's name, under which a single-file share also answers
 * @param folder whether a folder was shared
 * @param permissions the share's current permissions
 * @param viaToken whether an exchanged access token (rather than the shared secret) was presented
 * @param atRoot whether the request addressed the share at the WebDAV root, identified only by its
 *     credential (the legacy access of OCM-NOTES §8.1 step 5: {@code PROPFIND
 *     https://<secret>:@<host><webdav path>}), so that paths below the root are paths in the share
 */
public record ShareGrant(
        String shareId,
        String providerId,
        String owner,
        ResourcePath path,
        String name,
        boolean folder,
        Set<Permissions> permissions,
        boolean viaToken,
        boolean atRoot) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public ShareGrant {
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        permissions = Set.copyOf(permissions);
    }

    /**
     * @return whether the share allows changes (WebDAV PUT, DELETE, MKCOL, MOVE, COPY)
     */
    public boolean writable() {
        return permissions.contains(Permissions.WRITE);
    }

    /**
     * @return whether the share allows reading
     */
    public boolean readable() {
        return permissions.contains(Permissions.READ);
    }
}
