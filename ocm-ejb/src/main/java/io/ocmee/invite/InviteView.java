package io.ocmee.invite;

import java.time.Instant;

/**
 * An invite as its owner sees it (OCM-NOTES §5.1, §5.2).
 *
 * <p>The token is stored only as its SHA-256, so {@link #token()}, {@link #inviteString()} and
 * {@link #inviteLink()} are known only in the answer to {@link InviteService#create}; in lists they
 * are {@code null}.
 *
 * @param id our id of the invite
 * @param token the Invite Token (≥ 128 random bits, base64url), or {@code null} after creation
 * @param inviteString base64url of {@code token@host[:port]} without padding (§5.2), or {@code
 *     null} after creation
 * @param inviteLink this server's WAYF page with the token, {@code <public URL>/ocm/wayf?token=…},
 *     or {@code null} after creation
 * @param description the owner's note about the invite, or {@code null}
 * @param email the address the owner meant to send it to, or {@code null}
 * @param expiresAt when it stops being accepted
 * @param createdAt when it was made
 * @param state {@code pending}, {@code accepted}, {@code expired} or {@code revoked}
 */
public record InviteView(
        String id,
        String token,
        String inviteString,
        String inviteLink,
        String description,
        String email,
        Instant expiresAt,
        Instant createdAt,
        String state) {}
