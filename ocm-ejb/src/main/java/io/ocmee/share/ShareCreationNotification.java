package io.ocmee.share;

import io.ocmee.address.OcmAddress;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Share Creation Notification as received on {@code POST /ocm/shares} (OCM-NOTES §3.3), after
 * validation by {@link ShareCreationParser}.
 *
 * @param shareWith wire {@code shareWith}: the local recipient's address
 * @param name wire {@code name}, at most 255 UTF-8 bytes
 * @param providerId wire {@code providerId}: the sender's opaque id of this share
 * @param owner wire {@code owner}
 * @param sender wire {@code sender}, or Nextcloud's {@code sharedBy} (§11 Q4)
 * @param ownerDisplayName wire {@code ownerDisplayName}
 * @param senderDisplayName wire {@code senderDisplayName}, or {@code sharedByDisplayName}
 * @param shareType wire {@code shareType}; only {@code user} is accepted
 * @param resourceType wire {@code resourceType}: {@code file} or {@code folder}; a {@code file}
 *     from a legacy peer may be a folder (§11 Q13), which is decided at access time
 * @param expiration wire {@code expiration} (Unix seconds)
 * @param webdav the WebDAV access, from whichever protocol shape carried it
 */
public record ShareCreationNotification(
        OcmAddress shareWith,
        String name,
        String providerId,
        OcmAddress owner,
        OcmAddress sender,
        Optional<String> ownerDisplayName,
        Optional<String> senderDisplayName,
        String shareType,
        String resourceType,
        Optional<Instant> expiration,
        WebdavAccess webdav) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public ShareCreationNotification {
        Objects.requireNonNull(shareWith, "shareWith");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(ownerDisplayName, "ownerDisplayName");
        Objects.requireNonNull(senderDisplayName, "senderDisplayName");
        Objects.requireNonNull(shareType, "shareType");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(webdav, "webdav");
    }
}
