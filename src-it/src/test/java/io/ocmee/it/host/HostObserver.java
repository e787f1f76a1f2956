package io.ocmee.it.host;

import io.ocmee.api.event.IncomingShareReceived;
import io.ocmee.api.event.InviteAccepted;
import io.ocmee.api.event.ShareRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the module's events as a host would see them, after commit and in the transaction. */
@ApplicationScoped
public class HostObserver {

    /** Events seen after their transaction committed (or at once, outside a transaction). */
    public static final List<Object> AFTER_SUCCESS = new CopyOnWriteArrayList<>();

    /** Events seen synchronously, inside their transaction. */
    public static final List<Object> IN_TRANSACTION = new CopyOnWriteArrayList<>();

    void received(@Observes(during = TransactionPhase.AFTER_SUCCESS) IncomingShareReceived event) {
        AFTER_SUCCESS.add(event);
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ShareRemoved event) {
        AFTER_SUCCESS.add(event);
    }

    void inviteAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) InviteAccepted event) {
        AFTER_SUCCESS.add(event);
    }

    void removedNow(@Observes ShareRemoved event) {
        IN_TRANSACTION.add(event);
    }
}
