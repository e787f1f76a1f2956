package io.ocmee.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class FederationCountersTest {

    @Test
    void deliveriesCountByKindAndMeasureLatencyOfDeliveredOnes() throws Exception {
        List<DeliveryMeasured> fired = new ArrayList<>();
        FederationCounters counters = new FederationCounters();
        Field field = FederationCounters.class.getDeclaredField("measured");
        field.setAccessible(true);
        field.set(counters, new Recording(fired));

        counters.deliveryEnded("share", true, Duration.ofMillis(40));
        counters.deliveryEnded("notification", true, Duration.ofMillis(20));
        counters.deliveryEnded("share", false, Duration.ofMillis(900));
        counters.signatureFailure();
        counters.notificationReceived();

        assertThat(counters.sharesSent()).isEqualTo(1);
        assertThat(counters.notificationsSent()).isEqualTo(1);
        assertThat(counters.deliveryFailures()).isEqualTo(1);
        assertThat(counters.deliveries()).isEqualTo(2);
        assertThat(counters.deliveryMillisMean()).isEqualTo(30);
        assertThat(counters.deliveryMillisMax()).isEqualTo(40);
        assertThat(counters.signatureFailures()).isEqualTo(1);
        assertThat(counters.notificationsReceived()).isEqualTo(1);
        assertThat(fired)
                .containsExactly(
                        new DeliveryMeasured("share", Duration.ofMillis(40)),
                        new DeliveryMeasured("notification", Duration.ofMillis(20)));
    }

    @Test
    void meanIsZeroBeforeTheFirstDelivery() {
        assertThat(new FederationCounters().deliveryMillisMean()).isZero();
    }

    /** A minimal {@link Event} that records what is fired. */
    private record Recording(List<DeliveryMeasured> fired) implements Event<DeliveryMeasured> {
        @Override
        public void fire(DeliveryMeasured event) {
            fired.add(event);
        }

        @Override
        public <U extends DeliveryMeasured> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends DeliveryMeasured> CompletionStage<U> fireAsync(
                U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<DeliveryMeasured> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends DeliveryMeasured> Event<U> select(
                Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends DeliveryMeasured> Event<U> select(
                TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
