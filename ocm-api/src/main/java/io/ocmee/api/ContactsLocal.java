package io.ocmee.api;

import jakarta.ejb.Local;

/** The local view of {@link Contacts}. */
@Local
public interface ContactsLocal extends Contacts {}
