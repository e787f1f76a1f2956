package io.ocmee.invite;

import java.time.Instant;

/**
 * A federated contact of a local user, made by an accepted invite (OCM-NOTES §5.3, "Afterwards").
 *
 * @param id our id of the contact
 * @param address the contact's OCM address, {@code identifier@host[:port]}: usable as {@code
 *     shareWith} of a share
 * @param name the contact's display name as their server gave it
 * @param email the contact's e-mail as their server gave it, or {@code null}
 * @param provider the contact's server, {@code host[:port]}
 * @param createdAt when the contact was first made
 */
public record ContactView(
        String id, String address, String name, String email, String provider, Instant createdAt) {}
