package io.ocmee.api;

import java.util.List;

/**
 * The caller's federated contacts: the operations of {@code /api/v1/contacts}. Implemented by
 * {@code ContactsBean} ({@link ContactsLocal}, {@link ContactsRemote}), in the caller's
 * transaction.
 */
public interface Contacts {

    /**
     * @return the caller's contacts
     */
    List<ContactInfo> list();

    /**
     * @param id the contact's id
     * @throws OcmApiException 404 unknown contact
     */
    void delete(String id);
}
