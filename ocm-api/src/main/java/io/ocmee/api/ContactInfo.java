package io.ocmee.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A federated contact of a local user, made by an accepted invite.
 *
 * @param id the module's id of the contact
 * @param address the contact's OCM address, usable as {@link ShareRequest#shareWith()}
 * @param name the contact's display name as their server gave it
 * @param email the contact's e-mail as their server gave it, or {@code null}
 * @param provider the contact's server, {@code host[:port]}
 * @param createdAt when the contact was first made
 */
public record ContactInfo(
        String id, String address, String name, String email, String provider, Instant createdAt)
        implements Serializable {}
