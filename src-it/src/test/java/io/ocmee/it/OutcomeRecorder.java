package io.ocmee.it;

import io.ocmee.delivery.outbox.DeliveryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Deployed with {@link OutboxIT}: keeps every delivery outcome the outbox reports. */
@ApplicationScoped
public class OutcomeRecorder {

    private static final List<DeliveryOutcome> SEEN = new CopyOnWriteArrayList<>();

    void record(@Observes DeliveryOutcome outcome) {
        SEEN.add(outcome);
    }

    /**
     * @param messageId an outbox message id
     * @return the outcomes reported for it, in order
     */
    static List<DeliveryOutcome> of(String messageId) {
        return SEEN.stream().filter(o -> o.messageId().equals(messageId)).toList();
    }

    /**
     * @param messageId an outbox message id
     * @return its first outcome, if reported yet
     */
    static Optional<DeliveryOutcome> first(String messageId) {
        return of(messageId).stream().findFirst();
    }
}
