package io.ocmee.operations;

import io.ocmee.keys.ServerKeyService;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Liveness and readiness of the module, for {@code GET /api/v1/health} and, where the server has
 * MicroProfile Health, its {@code /health} checks. Ready means the database answers and the
 * server's signing keys are usable (discovery and signed requests need both); live means the module
 * is deployed and answering. Failures are logged with their cause but reported only by name.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthService {

    private static final Logger LOG = Logger.getLogger(HealthService.class.getName());

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @EJB private ServerKeyService keys;

    /**
     * @return the readiness checks: {@code database}, {@code keys}
     */
    public HealthReport readiness() {
        return HealthReport.of(List.of(database(), keys()));
    }

    /**
     * @return the liveness check: {@code module}
     */
    public HealthReport liveness() {
        return HealthReport.of(List.of(new HealthCheckResult("module", true, "deployed")));
    }

    private HealthCheckResult database() {
        try {
            em.createQuery("SELECT COUNT(p) FROM Peer p", Long.class)
                    .setHint("jakarta.persistence.query.timeout", 5000)
                    .getSingleResult();
            return new HealthCheckResult("database", true, "answers");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "OCM-0810 Health: the database does not answer", e);
            return new HealthCheckResult("database", false, "does not answer");
        }
    }

    private HealthCheckResult keys() {
        try {
            keys.rfc9421SigningKey();
            keys.cavageSigningKey();
            return new HealthCheckResult("keys", true, "signing keys usable");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "OCM-0811 Health: the signing keys are not usable", e);
            return new HealthCheckResult("keys", false, "signing keys not usable");
        }
    }
}
