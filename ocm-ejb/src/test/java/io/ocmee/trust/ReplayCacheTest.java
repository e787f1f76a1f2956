package io.ocmee.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final ReplayCache cache = new ReplayCache();

    @Test
    void acceptsASignatureOnceWithinItsWindow() {
        byte[] signature = {1, 2, 3};

        assertThat(cache.firstSight(signature, NOW.plusSeconds(300), NOW)).isTrue();
        assertThat(cache.firstSight(signature, NOW.plusSeconds(300), NOW.plusSeconds(10)))
                .isFalse();
    }

    @Test
    void forgetsASignatureOnceItsWindowHasPassed() {
        byte[] signature = {4, 5, 6};
        cache.firstSight(signature, NOW.plusSeconds(300), NOW);

        assertThat(cache.firstSight(signature, NOW.plusSeconds(700), NOW.plusSeconds(301)))
                .isTrue();
    }

    @Test
    void tellsDifferentSignaturesApart() {
        assertThat(cache.firstSight(new byte[] {7}, NOW.plusSeconds(300), NOW)).isTrue();
        assertThat(cache.firstSight(new byte[] {8}, NOW.plusSeconds(300), NOW)).isTrue();
    }
}
