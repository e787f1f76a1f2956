package io.ocmee.invite;

import io.ocmee.address.OcmAddress;
import io.ocmee.address.ProviderHost;
import io.ocmee.persistence.Clocks;
import io.ocmee.share.OcmRequestException;
import io.ocmee.trust.PeerService;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;

/**
 * The transactions of invite acceptance, each on its own so that a lost race is seen and retried by
 * the caller instead of surfacing as an error.
 *
 * <p>Races are decided by the database: the invite's version column lets exactly one of several
 * concurrent acceptances move it from pending to accepted, and the unique key (owner, address) of
 * contacts keeps concurrent acceptances by the same receiver to one contact. A transaction that
 * loses is rolled back and answers {@link Optional#empty()}; nothing of it is kept.
 */
@Stateless
@PermitAll
public class InviteLedger {

    /**
     * What an accepted Invite Acceptance Request did.
     *
     * @param owner the local user whose invite it was
     * @param first whether this request accepted it (else it repeated the same receiver's)
     * @param contact the owner's contact for the receiver, made or refreshed
     */
    public record Accepted(String owner, boolean first, ContactView contact) {}

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @Resource private SessionContext session;

    @Inject private PeerService peers;

    /**
     * Accepts an invite for a receiver (sending role, OCM-NOTES §5.3): a pending, unexpired invite
     * becomes accepted by that receiver; an invite already accepted by the same receiver (same
     * server and user id) is accepted again. Either way the owner's contact for the receiver is
     * made or refreshed, and the receiver's server trusted if the settings say so.
     *
     * @param tokenHash SHA-256 of the token
     * @param acceptance the validated request
     * @return what was done, or empty if a concurrent transaction won a race (retry)
     * @throws OcmRequestException 400 unknown, revoked or expired invite; 409 accepted by someone
     *     else
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Accepted> acceptInbound(String tokenHash, InviteAcceptance acceptance) {
        Instant now = Clocks.storable().instant();
        ProviderHost server = acceptance.recipientProvider();
        Invite invite =
                em.createNamedQuery(Invite.BY_TOKEN_HASH, Invite.class)
                        .setParameter("hash", tokenHash)
                        .getResultStream()
                        .findFirst()
                        .filter(i -> i.state() != Invite.State.REVOKED)
                        .orElseThrow(
                                () ->
                                        OcmRequestException.invalid(
                                                "Invite acceptance rejected: the token is unknown"
                                                        + " or was revoked",
                                                "token",
                                                "NOT_FOUND"));
        boolean first = invite.state() == Invite.State.PENDING;
        if (first && invite.expired(now)) {
            throw OcmRequestException.invalid(
                    "Invite acceptance rejected: the invite has expired", "token", "EXPIRED");
        }
        if (!first && !invite.acceptedBy(server.authority(), acceptance.userId())) {
            throw new OcmRequestException(
                    409,
                    "Invite acceptance rejected: the invite was already accepted by someone else",
                    java.util.List.of(
                            new OcmRequestException.FieldError("token", "ALREADY_ACCEPTED")));
        }
        try {
            if (first) {
                invite.accept(server.authority(), acceptance.userId(), now);
                em.flush();
            }
            ContactView contact =
                    upsert(
                            invite.ownerName(),
                            new OcmAddress(acceptance.userId(), server),
                            acceptance.name(),
                            acceptance.email().orElse(null),
                            invite.id(),
                            now);
            peers.trustByInvite(server);
            em.flush();
            return Optional.of(new Accepted(invite.ownerName(), first, contact));
        } catch (PersistenceException | EJBException lostRace) {
            session.setRollbackOnly();
            return Optional.empty();
        }
    }

    /**
     * Makes or refreshes a contact of a local user (receiving role, after the sender answered 200),
     * and trusts the contact's server if the settings say so.
     *
     * @param owner the local user
     * @param address the contact's address
     * @param name the contact's display name
     * @param email the contact's e-mail, or {@code null}
     * @return the contact, or empty if a concurrent transaction made it first (retry)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ContactView> saveContact(
            String owner, OcmAddress address, String name, String email) {
        try {
            ContactView contact =
                    upsert(owner, address, name, email, null, Clocks.storable().instant());
            peers.trustByInvite(address.provider());
            em.flush();
            return Optional.of(contact);
        } catch (PersistenceException | EJBException lostRace) {
            session.setRollbackOnly();
            return Optional.empty();
        }
    }

    private ContactView upsert(
            String owner,
            OcmAddress address,
            String name,
            String email,
            String inviteId,
            Instant now) {
        String normalised = address.format();
        Optional<Contact> existing =
                em.createNamedQuery(Contact.BY_OWNER_ADDRESS, Contact.class)
                        .setParameter("owner", owner)
                        .setParameter("address", normalised)
                        .getResultStream()
                        .findFirst();
        if (existing.isPresent()) {
            existing.get().refresh(name, email, inviteId, now);
            em.flush();
            return existing.get().view();
        }
        Contact contact =
                new Contact(
                        owner, normalised, address.providerAuthority(), name, email, inviteId, now);
        em.persist(contact);
        em.flush();
        return contact.view();
    }
}
