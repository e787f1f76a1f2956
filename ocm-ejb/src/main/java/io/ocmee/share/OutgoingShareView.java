package io.ocmee.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A share made by a local user, as the sharing API shows it. The shared secret is never part of it.
 *
 * @param id our id of the share
 * @param providerId the opaque id sent to the receiver
 * @param shareWith the recipient's OCM address
 * @param shareType {@code user} or {@code group}
 * @param path the shared path in the owner's space
 * @param resourceType {@code file} or {@code folder} (what it is here)
 * @param permissions e.g. {@code [read]}
 * @param state see {@link OutgoingState}
 * @param error why it failed, when {@code state} is {@code failed}
 * @param recipientDisplayName as the receiving server named the recipient
 * @param expiration when it expires, if it does
 * @param createdAt when it was made
 * @param mustExchangeToken whether it was sent with {@code must-exchange-token} (WebDAV takes only
 *     exchanged tokens, never the raw secret)
 * @param tokenExchanges how many access tokens the token endpoint issued for it
 */
public record OutgoingShareView(
        String id,
        String providerId,
        String shareWith,
        String shareType,
        String path,
        String resourceType,
        List<String> permissions,
        String state,
        Optional<String> error,
        Optional<String> recipientDisplayName,
        Optional<Instant> expiration,
        Instant createdAt,
        boolean mustExchangeToken,
        long tokenExchanges) {}
