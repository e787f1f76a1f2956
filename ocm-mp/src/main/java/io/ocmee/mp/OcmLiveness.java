package io.ocmee.mp;

import io.ocmee.operations.HealthService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness {@code ocm}: the module is deployed and answering. */
@Liveness
@ApplicationScoped
public class OcmLiveness implements HealthCheck {

    @EJB private HealthService health;

    @Override
    public HealthCheckResponse call() {
        return Checks.response("ocm", health.liveness());
    }
}
