package io.ocmee.operations;

import java.util.List;

/**
 * The outcome of a group of health checks.
 *
 * @param up whether every check is up
 * @param checks the checks, in a fixed order
 */
public record HealthReport(boolean up, List<HealthCheckResult> checks) {

    /**
     * @param checks the checks
     * @return the report, up when every check is
     */
    public static HealthReport of(List<HealthCheckResult> checks) {
        return new HealthReport(
                checks.stream().allMatch(HealthCheckResult::up), List.copyOf(checks));
    }
}
