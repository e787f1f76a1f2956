package io.ocmee.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A share made by a local user. Never carries the shared secret.
 *
 * @param id the module's id of the share
 * @param providerId the opaque id sent to the receiving server
 * @param shareWith the recipient's OCM address
 * @param shareType {@code user} or {@code group}
 * @param path the shared path in the owner's space
 * @param resourceType {@code file} or {@code folder}
 * @param permissions e.g. {@code [read]}
 * @param state {@code pending}, {@code delivered}, {@code accepted}, {@code declined}, {@code
 *     failed} or {@code removed}
 * @param error why it failed, or {@code null}
 * @param recipientDisplayName as the receiving server named the recipient, or {@code null}
 * @param expiration when it expires, or {@code null}
 * @param createdAt when it was made
 * @param mustExchangeToken whether the receiver must exchange the secret for a token
 */
public record OutgoingShareInfo(
        String id,
        String providerId,
        String shareWith,
        String shareType,
        String path,
        String resourceType,
        List<String> permissions,
        String state,
        String error,
        String recipientDisplayName,
        Instant expiration,
        Instant createdAt,
        boolean mustExchangeToken)
        implements Serializable {

    /** Copies the permissions. */
    public OutgoingShareInfo {
        permissions = List.copyOf(permissions);
    }
}
