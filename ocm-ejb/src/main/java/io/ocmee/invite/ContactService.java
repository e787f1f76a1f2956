package io.ocmee.invite;

import io.ocmee.address.OcmAddress;
import io.ocmee.trust.ContactBook;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local user's federated contacts (OCM-NOTES §5.3 "Afterwards"): listed and deleted by the user;
 * asked by the trust policy and the inbox through {@link ContactBook}. Contacts are made by invite
 * acceptance ({@link InviteService}, {@link InviteAcceptanceService}). Deleting a contact tells
 * nobody (the spec allows deleting without notice); the same invite accepted again by the same
 * receiver makes it anew.
 */
@Stateless
@LocalBean
@Local(ContactBook.class)
public class ContactService implements ContactBook {

    private static final Logger LOG = Logger.getLogger(ContactService.class.getName());

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @Resource private SessionContext session;

    /**
     * @param user the calling user's login name
     * @return the user's contacts, newest first
     * @throws InviteRefusedException 403 if {@code user} is not the caller
     */
    @RolesAllowed("ocm-user")
    public List<ContactView> list(String user) {
        Callers.require(session, user);
        return em.createNamedQuery(Contact.BY_OWNER, Contact.class)
                .setParameter("owner", user)
                .getResultStream()
                .map(Contact::view)
                .toList();
    }

    /**
     * @param user the calling user's login name
     * @param id our id of the contact
     * @throws InviteRefusedException 403 if {@code user} is not the caller, 404 if the user has no
     *     such contact
     */
    @RolesAllowed("ocm-user")
    public void delete(String user, String id) {
        Callers.require(session, user);
        Contact contact = id == null ? null : em.find(Contact.class, id);
        if (contact == null || !contact.ownerName().equals(user)) {
            throw new InviteRefusedException(404, "Contact rejected: you have no contact " + id);
        }
        em.remove(contact);
        LOG.log(
                Level.INFO,
                "OCM-0613 Contact {0} ({1}) of {2} deleted",
                new Object[] {id, contact.address(), user});
    }

    @Override
    @PermitAll
    public boolean isContact(String user, OcmAddress address) {
        return !em.createNamedQuery(Contact.BY_OWNER_ADDRESS, Contact.class)
                .setParameter("owner", user)
                .setParameter("address", address.format())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    @PermitAll
    public Set<String> addressesOf(String user) {
        Set<String> addresses = new LinkedHashSet<>();
        em.createNamedQuery(Contact.BY_OWNER, Contact.class)
                .setParameter("owner", user)
                .getResultStream()
                .forEach(c -> addresses.add(c.address()));
        return addresses;
    }
}
