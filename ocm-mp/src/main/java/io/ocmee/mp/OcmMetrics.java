package io.ocmee.mp;

import io.ocmee.operations.DeliveryMeasured;
import io.ocmee.operations.FederationCounters;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The module's counters as application metrics ({@code /metrics?scope=application}): gauges over
 * {@link FederationCounters} (monotonic since start) and the timer {@code ocm.delivery.latency},
 * from queueing to delivery of each message a peer accepted.
 */
@ApplicationScoped
public class OcmMetrics {

    @Inject private MetricRegistry registry;

    @Inject private FederationCounters counters;

    private Timer latency;

    @PostConstruct
    void register() {
        gauge(
                "ocm.shares.received",
                "Shares received from peers since start",
                c -> c.sharesReceived());
        gauge("ocm.shares.sent", "Shares delivered to peers since start", c -> c.sharesSent());
        gauge(
                "ocm.notifications.received",
                "Notifications received from peers since start",
                c -> c.notificationsReceived());
        gauge(
                "ocm.notifications.sent",
                "Notifications delivered to peers since start",
                c -> c.notificationsSent());
        gauge(
                "ocm.delivery.failures",
                "Messages that ended undelivered since start",
                c -> c.deliveryFailures());
        gauge(
                "ocm.signature.failures",
                "Peer requests refused by the signature check since start",
                c -> c.signatureFailures());
        latency =
                registry.timer(
                        Metadata.builder()
                                .withName("ocm.delivery.latency")
                                .withDescription("From queueing to delivery of a message")
                                .build());
    }

    /** Instantiates the bean when the application starts, so the metrics exist at once. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing creates the bean, which registers its metrics in @PostConstruct
    }

    void measured(@Observes DeliveryMeasured delivery) {
        latency.update(delivery.sinceQueued());
    }

    private void gauge(String name, String description, ToLongFunction<FederationCounters> value) {
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(),
                counters,
                c -> value.applyAsLong(c));
    }
}
