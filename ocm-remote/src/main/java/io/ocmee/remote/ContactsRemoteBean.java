package io.ocmee.remote;

import io.ocmee.api.ContactInfo;
import io.ocmee.api.ContactsLocal;
import io.ocmee.api.ContactsRemote;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;

/** {@link ContactsRemote}: the local {@code ContactsBean} behind a remote view. */
@Stateless
@RolesAllowed("ocm-user")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class ContactsRemoteBean implements ContactsRemote {

    @EJB private ContactsLocal contacts;

    @Override
    public List<ContactInfo> list() {
        return contacts.list();
    }

    @Override
    public void delete(String id) {
        contacts.delete(id);
    }
}
