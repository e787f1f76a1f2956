package io.ocmee.api;

import jakarta.ejb.Remote;

/** The remote view of {@link Inbox}, for callers in other applications of the same server. */
@Remote
public interface InboxRemote extends Inbox {}
