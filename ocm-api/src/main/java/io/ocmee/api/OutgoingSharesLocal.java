package io.ocmee.api;

import jakarta.ejb.Local;

/** The local view of {@link OutgoingShares}, for callers in the module's own application. */
@Local
public interface OutgoingSharesLocal extends OutgoingShares {}
