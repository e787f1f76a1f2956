package io.ocmee.share;

import io.ocmee.address.OcmAddress;
import io.ocmee.spi.ResourcePath;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Everything about a new outgoing share except its secret: what {@link ShareCreationBody} needs to
 * build the Share Creation Notification, and what {@link OutgoingShare} stores.
 *
 * @param providerId the new opaque id (wire {@code providerId})
 * @param owner the local owner's login name
 * @param ownerAddress the owner's OCM address (wire {@code owner} and {@code sender})
 * @param ownerDisplayName the owner's display name
 * @param shareWith the recipient
 * @param path the shared path in the owner's space
 * @param resourceType what it is here, {@code file} or {@code folder}
 * @param shareType {@code user} or {@code group}
 * @param permissions a non-empty set
 * @param expiration when it expires, if it does
 * @param plan how to address the receiver (shape, sent resource type, URI form)
 */
public record ShareDraft(
        String providerId,
        String owner,
        String ownerAddress,
        String ownerDisplayName,
        OcmAddress shareWith,
        ResourcePath path,
        String resourceType,
        String shareType,
        Set<Permissions> permissions,
        Optional<Instant> expiration,
        SharePlan plan) {

    /**
     * @return the resource type put on the wire (see {@link SharePlan#sentResourceType()})
     */
    public String sentResourceType() {
        return plan.sentResourceType();
    }
}
