package io.ocmee.rest.protocol;

import io.ocmee.keys.ServerKeyService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * This server's JWK Set (RFC 7517), at the advertised {@code jwksUri} and at {@code
 * /.well-known/jwks.json}, where Nextcloud 35 looks (OCM-NOTES §11 Q23). Public, cacheable for a
 * short time so that rotations reach peers quickly.
 */
@Path("/")
public class JwksResource {

    /** The JWK Set media type. */
    public static final String JWK_SET_JSON = "application/jwk-set+json";

    @Inject private ServerKeyService keys;

    /**
     * @return the JWK Set of every published signing key
     */
    @GET
    @Path("{path: ocm/jwks|\\.well-known/jwks\\.json}")
    @Produces({JWK_SET_JSON, "application/json"})
    public jakarta.ws.rs.core.Response jwks() {
        return jakarta.ws.rs.core.Response.ok(keys.jwkSet())
                .header("Cache-Control", "max-age=60")
                .build();
    }
}
