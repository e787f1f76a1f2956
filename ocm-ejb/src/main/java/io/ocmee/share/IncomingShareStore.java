package io.ocmee.share;

import io.ocmee.persistence.Clocks;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Stores received shares, each insert in its own transaction so that a duplicate (the unique key on
 * sender server and provider id) can be answered by reading the first one afterwards.
 */
@Stateless
@PermitAll
public class IncomingShareStore {

    /**
     * A stored share's identity.
     *
     * @param id our id
     * @param recipient the local recipient's login name
     */
    public record Stored(String id, String recipient) {}

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    /**
     * @param share the validated notification
     * @param recipient the local recipient's login name
     * @param senderServer the sending server, {@code host[:port]}
     * @return our id of the new share
     * @throws jakarta.persistence.PersistenceException (wrapped by the container) when the same
     *     share was stored concurrently
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String insert(ShareCreationNotification share, String recipient, String senderServer) {
        IncomingShare stored =
                new IncomingShare(share, recipient, senderServer, Clocks.storable().instant());
        em.persist(stored);
        em.flush();
        return stored.id();
    }

    /**
     * @param senderServer the sending server
     * @param providerId its id of the share
     * @return our id and recipient of that share, if stored
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Stored> find(String senderServer, String providerId) {
        return em.createNamedQuery(IncomingShare.BY_ORIGIN, IncomingShare.class)
                .setParameter("server", senderServer)
                .setParameter("providerId", providerId)
                .getResultStream()
                .findFirst()
                .map(s -> new Stored(s.id(), s.recipient()));
    }
}
