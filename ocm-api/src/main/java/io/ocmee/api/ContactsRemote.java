package io.ocmee.api;

import jakarta.ejb.Remote;

/** The remote view of {@link Contacts} (EAR only). */
@Remote
public interface ContactsRemote extends Contacts {}
