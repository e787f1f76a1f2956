package io.ocmee.api;

import jakarta.ejb.Remote;

/** The remote view of {@link Invites} (EAR only). */
@Remote
public interface InvitesRemote extends Invites {}
