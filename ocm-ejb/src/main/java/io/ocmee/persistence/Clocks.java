package io.ocmee.persistence;

import java.time.Clock;
import java.time.ZoneOffset;

/** Clocks whose instants survive a round trip through any supported database unchanged. */
public final class Clocks {

    private Clocks() {}

    /**
     * @return a UTC clock that ticks in whole milliseconds: H2 and PostgreSQL keep microseconds, so
     *     a stored instant reads back equal to the one written
     */
    public static Clock storable() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
