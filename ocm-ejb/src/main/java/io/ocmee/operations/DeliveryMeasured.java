package io.ocmee.operations;

import java.time.Duration;

/**
 * A message reached its peer (fired in the outbox's recording transaction, for metrics).
 *
 * @param kind {@code share} or {@code notification}
 * @param sinceQueued from queueing to delivery
 */
public record DeliveryMeasured(String kind, Duration sinceQueued) {}
