package io.ocmee.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The module's JAX-RS application, at the root of its context: OCM addresses carry no path, so
 * {@code /.well-known/ocm} must sit at the root of the host.
 */
@ApplicationPath("/")
public class OcmApplication extends Application {

    /**
     * Switches off Jersey's generated WADL ({@code OPTIONS} answers and {@code /application.wadl}):
     * it would list every admin resource to anonymous callers, and fails on JSON-P types. A plain
     * property name, ignored by other JAX-RS implementations.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
