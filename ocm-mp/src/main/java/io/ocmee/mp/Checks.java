package io.ocmee.mp;

import io.ocmee.operations.HealthCheckResult;
import io.ocmee.operations.HealthReport;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** Turns a module health report into one MicroProfile check response. */
final class Checks {

    private Checks() {}

    static HealthCheckResponse response(String name, HealthReport report) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name).status(report.up());
        for (HealthCheckResult check : report.checks()) {
            builder.withData(check.name(), (check.up() ? "UP: " : "DOWN: ") + check.detail());
        }
        return builder.build();
    }
}
