package io.ocmee.rest.ops;

import io.ocmee.operations.HealthCheckResult;
import io.ocmee.operations.HealthReport;
import io.ocmee.operations.HealthService;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/health} (liveness and readiness together), {@code /api/v1/health/live} and
 * {@code /api/v1/health/ready}: JSON on every server, with or without MicroProfile Health. Public
 * (web.xml) so that load balancers can ask; it names checks, never their causes. 200 when up, 503
 * when a check is down.
 */
@Path("/api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @EJB private HealthService health;

    /**
     * @return {@code {"status", "live", "ready", "checks"}}
     */
    @GET
    public Response all() {
        HealthReport live = health.liveness();
        HealthReport ready = health.readiness();
        JsonArrayBuilder checks = Json.createArrayBuilder();
        live.checks().forEach(c -> checks.add(check(c)));
        ready.checks().forEach(c -> checks.add(check(c)));
        boolean up = live.up() && ready.up();
        JsonObject body =
                Json.createObjectBuilder()
                        .add("status", up ? "UP" : "DOWN")
                        .add("live", live.up())
                        .add("ready", ready.up())
                        .add("checks", checks)
                        .build();
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    /**
     * @return {@code {"status", "checks"}} of the liveness checks
     */
    @GET
    @Path("live")
    public Response live() {
        return report(health.liveness());
    }

    /**
     * @return {@code {"status", "checks"}} of the readiness checks
     */
    @GET
    @Path("ready")
    public Response ready() {
        return report(health.readiness());
    }

    private static Response report(HealthReport report) {
        JsonArrayBuilder checks = Json.createArrayBuilder();
        report.checks().forEach(c -> checks.add(check(c)));
        JsonObject body =
                Json.createObjectBuilder()
                        .add("status", report.up() ? "UP" : "DOWN")
                        .add("checks", checks)
                        .build();
        return Response.status(report.up() ? 200 : 503).entity(body).build();
    }

    private static JsonObjectBuilder check(HealthCheckResult check) {
        return Json.createObjectBuilder()
                .add("name", check.name())
                .add("status", check.up() ? "UP" : "DOWN")
                .add("detail", check.detail());
    }
}
