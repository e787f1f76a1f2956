package io.ocmee.invite;

import io.ocmee.share.OcmRequestException;
import io.ocmee.share.Secrets;
import io.ocmee.spi.LocalUser;
import io.ocmee.spi.UserDirectory;
import io.ocmee.trust.InboundPeer;
import io.ocmee.trust.PeerService;
import io.ocmee.trust.TrustDecision;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sending role's end of an invite (OCM-NOTES §5.3, checklist S62–S66): answers {@code POST
 * /ocm/invite-accepted}.
 *
 * <p>Steps: read the request ({@link InviteAcceptance}); check that a signed request comes from the
 * {@code recipientProvider} it names; refuse a server the trust policy blocks (403); accept the
 * invite in one transaction ({@link InviteLedger}) — unknown, revoked or expired tokens 400,
 * accepted by another receiver 409, the same receiver again 200 with its contact refreshed — and
 * answer the inviting user's {@code userID}, {@code email} and {@code name}.
 *
 * <p>Concurrent acceptances of one token are decided by the database (see {@link InviteLedger});
 * the losers are retried and then see the winner's outcome, so exactly one receiver ever gets the
 * invite and one contact is made.
 */
@Stateless
@PermitAll
public class InviteAcceptanceService {

    private static final Logger LOG = Logger.getLogger(InviteAcceptanceService.class.getName());

    private static final int ATTEMPTS = 40;

    /**
     * The answer of a 200 (§5.3): the Invite Sender.
     *
     * @param userId wire {@code userID}: the inviting user's identifier here
     * @param email wire {@code email}; empty when the directory has none
     * @param name wire {@code name}: display name
     */
    public record InviteSender(String userId, String email, String name) {}

    @Inject private InviteLedger ledger;

    @Inject private io.ocmee.integration.HostEvents events;

    @Inject private PeerService trust;

    @Inject private UserDirectory directory;

    /**
     * @param peer the server the request comes from, as the signature check established it
     * @param body the exact request body
     * @return the inviting user
     * @throws OcmRequestException 400 malformed, unknown or expired; 403 untrusted server; 409
     *     accepted by someone else
     * @throws io.ocmee.trust.RequestRejectedException if a signed request names another server
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public InviteSender accepted(InboundPeer peer, byte[] body) {
        InviteAcceptance acceptance = InviteAcceptance.parse(body);
        if (peer.signed()) {
            peer.requireSameServer(acceptance.recipientProvider(), "recipientProvider");
        }
        checkTrusted(acceptance);

        InviteLedger.Accepted accepted = accept(Secrets.hash(acceptance.token()), acceptance);
        if (accepted.first()) {
            events.inviteAccepted(
                    accepted.owner(),
                    accepted.contact().address(),
                    accepted.contact().name(),
                    false);
        }
        LOG.log(
                Level.INFO,
                "OCM-0610 Invite of {0} {1} by {2}; contact {3}",
                new Object[] {
                    accepted.owner(),
                    accepted.first() ? "accepted" : "accepted again",
                    acceptance.recipientProvider().authority(),
                    accepted.contact().address()
                });
        LocalUser owner =
                directory
                        .find(accepted.owner())
                        .orElse(
                                new LocalUser(
                                        accepted.owner(), accepted.owner(), Optional.empty()));
        return new InviteSender(owner.name(), owner.email().orElse(""), owner.displayName());
    }

    private void checkTrusted(InviteAcceptance acceptance) {
        TrustDecision decision = trust.decide(acceptance.recipientProvider());
        if (decision.blocked()) {
            LOG.log(
                    Level.WARNING,
                    "OCM-0611 Invite acceptance from {0} refused: blocked ({1})",
                    new Object[] {acceptance.recipientProvider().authority(), decision.reason()});
            throw new OcmRequestException(
                    403,
                    "Invite acceptance rejected: "
                            + acceptance.recipientProvider().authority()
                            + " is not trusted by this server ("
                            + decision.reason()
                            + ")",
                    List.of(new OcmRequestException.FieldError("recipientProvider", "BLOCKED")));
        }
    }

    private InviteLedger.Accepted accept(String tokenHash, InviteAcceptance acceptance) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<InviteLedger.Accepted> done = ledger.acceptInbound(tokenHash, acceptance);
            if (done.isPresent()) {
                return done.get();
            }
            pause(attempt);
        }
        throw new IllegalStateException("invite acceptance lost " + ATTEMPTS + " races in a row");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(
                    ThreadLocalRandom.current().nextLong(5, Math.min(200, 10L + 20L * attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
