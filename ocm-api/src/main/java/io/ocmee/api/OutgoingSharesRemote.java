package io.ocmee.api;

import jakarta.ejb.Remote;

/**
 * The remote view of {@link OutgoingShares}, for callers in other applications of the same server
 * (arguments and results are copied).
 */
@Remote
public interface OutgoingSharesRemote extends OutgoingShares {}
