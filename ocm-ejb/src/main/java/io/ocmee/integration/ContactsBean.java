package io.ocmee.integration;

import io.ocmee.api.ContactInfo;
import io.ocmee.api.ContactsLocal;
import io.ocmee.invite.ContactService;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;

/** {@link io.ocmee.api.Contacts} for host applications, as the caller principal. */
@Stateless
@RolesAllowed("ocm-user")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class ContactsBean implements ContactsLocal {

    @Resource private SessionContext session;

    @EJB private ContactService contacts;

    @Override
    public List<ContactInfo> list() {
        return contacts.list(caller()).stream().map(InvitesBean::info).toList();
    }

    @Override
    public void delete(String id) {
        InvitesBean.refusals(
                () -> {
                    contacts.delete(caller(), id);
                    return null;
                });
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
