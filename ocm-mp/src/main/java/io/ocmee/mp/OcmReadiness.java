package io.ocmee.mp;

import io.ocmee.operations.HealthService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness {@code ocm}: the database answers and the signing keys are usable. */
@Readiness
@ApplicationScoped
public class OcmReadiness implements HealthCheck {

    @EJB private HealthService health;

    @Override
    public HealthCheckResponse call() {
        return Checks.response("ocm", health.readiness());
    }
}
