package io.ocmee.api;

import jakarta.ejb.Local;

/** The local view of {@link Invites}. */
@Local
public interface InvitesLocal extends Invites {}
