package io.ocmee.api;

import jakarta.ejb.Local;

/** The local view of {@link Inbox}. */
@Local
public interface InboxLocal extends Inbox {}
