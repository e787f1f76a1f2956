package io.ocmee.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * An invite of a local user. The token, invite string and link are known only in the answer to
 * {@link Invites#create}; in lists they are {@code null} (only the token's hash is stored).
 *
 * @param id the module's id of the invite
 * @param token the invite token, or {@code null} after creation
 * @param inviteString the invite string ({@code token@host} in base64url), or {@code null}
 * @param inviteLink this server's WAYF page with the token, or {@code null}
 * @param description the owner's note, or {@code null}
 * @param email whom the owner meant to send it to, or {@code null}
 * @param expiresAt when it stops being accepted
 * @param createdAt when it was made
 * @param state {@code pending}, {@code accepted}, {@code expired} or {@code revoked}
 */
public record InviteInfo(
        String id,
        String token,
        String inviteString,
        String inviteLink,
        String description,
        String email,
        Instant expiresAt,
        Instant createdAt,
        String state)
        implements Serializable {}
