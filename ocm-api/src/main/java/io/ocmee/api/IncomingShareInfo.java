package io.ocmee.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A share another server made with a local user, as its recipient's inbox shows it. Never carries
 * the shared secret.
 *
 * @param id the module's id of the share
 * @param name the resource name the sender gave
 * @param owner the owner's OCM address
 * @param ownerDisplayName the owner's display name, or {@code null}
 * @param sender the sharing user's OCM address
 * @param senderDisplayName the sharing user's display name, or {@code null}
 * @param shareType {@code user} or {@code group}
 * @param resourceType {@code file} or {@code folder}, as the sender said
 * @param permissions e.g. {@code [read, write]}
 * @param state {@code pending}, {@code accepted}, {@code declined} or {@code removed}
 * @param expiration when it expires, or {@code null}
 * @param receivedAt when it arrived
 * @param fromContact whether the sender or owner is one of the recipient's contacts
 */
public record IncomingShareInfo(
        String id,
        String name,
        String owner,
        String ownerDisplayName,
        String sender,
        String senderDisplayName,
        String shareType,
        String resourceType,
        List<String> permissions,
        String state,
        Instant expiration,
        Instant receivedAt,
        boolean fromContact)
        implements Serializable {

    /** Copies the permissions. */
    public IncomingShareInfo {
        permissions = List.copyOf(permissions);
    }
}
