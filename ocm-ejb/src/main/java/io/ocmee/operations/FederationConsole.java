package io.ocmee.operations;

import io.ocmee.delivery.outbox.OutboxMessageView;
import io.ocmee.delivery.outbox.OutboxService;
import io.ocmee.keys.KeyPurpose;
import io.ocmee.keys.KeyView;
import io.ocmee.keys.ServerKeyService;
import io.ocmee.trust.PeerService;
import io.ocmee.trust.PeerView;
import io.ocmee.trust.TrustState;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The administrative services as the JMX console reaches them: JMX calls arrive without a caller
 * identity of the application's realm, so this bean calls the {@code ocm-admin} services as that
 * role. Reaching it is guarded by the server's JMX access control, not by the realm; it is not
 * exposed anywhere else.
 */
@Stateless
@PermitAll
@RunAs("ocm-admin")
public class FederationConsole {

    /** Dead letters listed at most. */
    static final int DEAD_LETTERS_SHOWN = 100;

    @EJB private PeerService peers;

    @EJB private ServerKeyService keys;

    @EJB private OutboxService outbox;

    /**
     * @return one line per peer
     */
    public List<String> peers() {
        return peers.list().stream().map(FederationConsole::line).toList();
    }

    /**
     * @param authority a peer
     * @param state its new trust state
     * @return its line after the change
     */
    public String changeTrust(String authority, TrustState state) {
        return line(peers.changeTrust(authority, state));
    }

    /**
     * @return one line per key
     */
    public List<String> keys() {
        return keys.list().stream().map(FederationConsole::line).toList();
    }

    /**
     * @param purpose {@code RFC9421} or {@code CAVAGE}, any case
     * @return the new key's line
     */
    public String rotate(String purpose) {
        KeyPurpose which;
        try {
            which = KeyPurpose.valueOf(purpose.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Rotation rejected: purpose must be RFC9421 or CAVAGE, got '" + purpose + "'");
        }
        return line(keys.rotate(which));
    }

    /**
     * @return waiting messages
     */
    public long depth() {
        return outbox.depth();
    }

    /**
     * @return seconds the oldest waiting message has waited, -1 if none
     */
    public long oldestAgeSeconds() {
        return outbox.oldestPendingAge().map(Duration::toSeconds).orElse(-1L);
    }

    /**
     * @return one line per dead letter
     */
    public List<String> deadLetters() {
        return outbox.deadLetters(DEAD_LETTERS_SHOWN).stream()
                .map(FederationConsole::line)
                .toList();
    }

    /**
     * @return messages made due
     */
    public int retryAll() {
        return outbox.retryAllNow();
    }

    /**
     * @param id a message
     * @return its line after the change
     */
    public String retry(String id) {
        return line(outbox.retryNow(id));
    }

    /**
     * @param id a message to drop
     */
    public void drop(String id) {
        outbox.drop(id);
    }

    static String line(PeerView peer) {
        return peer.authority()
                + " trust="
                + peer.trustState()
                + " apiVersion="
                + peer.apiVersion()
                + " lastSeen="
                + peer.lastSeen()
                + (peer.lastError() == null ? "" : " lastError=" + peer.lastError());
    }

    static String line(KeyView key) {
        return key.kid()
                + " alg="
                + key.algorithm()
                + " purpose="
                + key.purpose()
                + " state="
                + key.state()
                + " created="
                + key.createdAt();
    }

    static String line(OutboxMessageView message) {
        return message.id()
                + " peer="
                + message.peer()
                + " kind="
                + message.kind()
                + " subject="
                + message.subjectId()
                + " state="
                + message.state()
                + " attempts="
                + message.attempts()
                + " lastStatus="
                + message.lastStatus()
                + (message.lastError() == null ? "" : " lastError=" + message.lastError());
    }
}
