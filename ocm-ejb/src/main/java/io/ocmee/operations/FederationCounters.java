package io.ocmee.operations;

import io.ocmee.api.event.IncomingShareReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this server has done since it started, for JMX and metrics: shares received and delivered,
 * notifications received and delivered, deliveries that ended undelivered, refused signatures, and
 * the time from queueing to the end of a delivery. In memory only; a restart starts from zero.
 * Thread-safe.
 */
@ApplicationScoped
public class FederationCounters {

    @Inject private Event<DeliveryMeasured> measured;

    private final AtomicLong sharesReceived = new AtomicLong();
    private final AtomicLong sharesSent = new AtomicLong();
    private final AtomicLong notificationsReceived = new AtomicLong();
    private final AtomicLong notificationsSent = new AtomicLong();
    private final AtomicLong deliveryFailures = new AtomicLong();
    private final AtomicLong signatureFailures = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong deliveryMillisTotal = new AtomicLong();
    private final AtomicLong deliveryMillisMax = new AtomicLong();

    void shareReceived(@Observes IncomingShareReceived received) {
        sharesReceived.incrementAndGet();
    }

    /** A notification from a peer was applied. */
    public void notificationReceived() {
        notificationsReceived.incrementAndGet();
    }

    /** A request of a peer was refused by the signature check. */
    public void signatureFailure() {
        signatureFailures.incrementAndGet();
    }

    /**
     * A message left the outbox for good.
     *
     * @param kind {@code share} or {@code notification}
     * @param delivered whether the peer accepted it
     * @param sinceQueued from queueing to this end
     */
    public void deliveryEnded(String kind, boolean delivered, Duration sinceQueued) {
        if (!delivered) {
            deliveryFailures.incrementAndGet();
            return;
        }
        ("share".equals(kind) ? sharesSent : notificationsSent).incrementAndGet();
        long millis = Math.max(0, sinceQueued.toMillis());
        deliveries.incrementAndGet();
        deliveryMillisTotal.addAndGet(millis);
        deliveryMillisMax.accumulateAndGet(millis, Math::max);
        measured.fire(new DeliveryMeasured(kind, sinceQueued));
    }

    /**
     * @return shares received from peers (new ones, not repeated deliveries)
     */
    public long sharesReceived() {
        return sharesReceived.get();
    }

    /**
     * @return share creation notifications peers accepted
     */
    public long sharesSent() {
        return sharesSent.get();
    }

    /**
     * @return notifications received from peers and applied
     */
    public long notificationsReceived() {
        return notificationsReceived.get();
    }

    /**
     * @return notifications peers accepted
     */
    public long notificationsSent() {
        return notificationsSent.get();
    }

    /**
     * @return messages that ended undelivered (refused, or retried until the horizon)
     */
    public long deliveryFailures() {
        return deliveryFailures.get();
    }

    /**
     * @return peer requests refused by the signature check
     */
    public long signatureFailures() {
        return signatureFailures.get();
    }

    /**
     * @return messages delivered (the count behind the latency figures)
     */
    public long deliveries() {
        return deliveries.get();
    }

    /**
     * @return the mean time from queueing to delivery in milliseconds, 0 before the first
     */
    public long deliveryMillisMean() {
        long count = deliveries.get();
        return count == 0 ? 0 : deliveryMillisTotal.get() / count;
    }

    /**
     * @return the longest time from queueing to delivery in milliseconds
     */
    public long deliveryMillisMax() {
        return deliveryMillisMax.get();
    }

    /**
     * @return the summed time from queueing to delivery in milliseconds
     */
    public long deliveryMillisTotal() {
        return deliveryMillisTotal.get();
    }
}
