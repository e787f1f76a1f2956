package io.ocmee.api;

import java.util.List;

/**
 * Invites of the caller and the acceptance of other servers' invites: the operations of {@code
 * /api/v1/invites}. Implemented by {@code InvitesBean} ({@link InvitesLocal}, {@link
 * InvitesRemote}). Creating and revoking join the caller's transaction; accepting talks to the
 * inviting server and is therefore done outside it (the contact is stored in its own transaction
 * and stays even if the caller's rolls back).
 */
public interface Invites {

    /**
     * @param description a note for the owner, or {@code null}
     * @param email whom the invite is meant for, or {@code null}
     * @param expiresInSeconds how long it is accepted, or {@code null} for the server's default
     * @return the new invite with its token, string and link (shown only now)
     * @throws OcmApiException 400 bad input
     */
    InviteInfo create(String description, String email, Long expiresInSeconds);

    /**
     * @return the caller's invites, newest first, without tokens
     */
    List<InviteInfo> list();

    /**
     * @param id the invite's id
     * @throws OcmApiException 404 unknown invite
     */
    void revoke(String id);

    /**
     * Accepts another server's invite; the inviting user becomes a contact.
     *
     * @param token the invite token
     * @param providerDomain the inviting server, {@code host[:port]}
     * @return the contact
     * @throws OcmApiException 400 bad or unknown invite, 403 untrusted server, 409 accepted by
     *     someone else, 502 the inviting server cannot be used
     */
    ContactInfo accept(String token, String providerDomain);

    /**
     * @param inviteString an invite string ({@code token@host} in base64url)
     * @return the contact
     * @throws OcmApiException as {@link #accept(String, String)}
     */
    ContactInfo acceptInviteString(String inviteString);
}
