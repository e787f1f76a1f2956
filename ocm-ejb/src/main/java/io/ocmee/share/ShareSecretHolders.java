package io.ocmee.share;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.ProviderHost;
import io.ocmee.trust.SecretHolders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Finds the counterpart of a share by its secret: the receiving server of one of our outgoing
 * shares (matched by hash; the secret itself is not stored), else the sending server of an incoming
 * share. Used for unsigned legacy notifications, which name no server.
 */
@ApplicationScoped
public class ShareSecretHolders implements SecretHolders {

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @Override
    public Optional<ProviderHost> counterpartOf(String sharedSecret) {
        String hash = Secrets.hash(sharedSecret);
        Optional<String> server =
                em.createNamedQuery(OutgoingShare.BY_SECRET, OutgoingShare.class)
                        .setParameter("hash", hash)
                        .getResultStream()
                        .findFirst()
                        .map(OutgoingShare::peer)
                        .or(
                                () ->
                                        em.createNamedQuery(
                                                        IncomingShare.BY_SECRET,
                                                        IncomingShare.class)
                                                .setParameter("hash", hash)
                                                .setMaxResults(1)
                                                .getResultStream()
                                                .findFirst()
                                                .map(IncomingShare::senderServer));
        try {
            return server.map(ProviderHost::parse);
        } catch (InvalidOcmAddressException e) {
            return Optional.empty();
        }
    }
}
