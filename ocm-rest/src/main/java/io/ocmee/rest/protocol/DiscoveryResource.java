package io.ocmee.rest.protocol;

import io.ocmee.discovery.advertised.DiscoveryDocumentService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Serves this server's discovery document, unauthenticated, with and without a trailing slash. See
 * {@link DiscoveryDocumentService} for what the legacy path says and why.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    @Inject private DiscoveryDocumentService documents;

    /**
     * @return the document of {@code /.well-known/ocm} and {@code /.well-known/ocm/}
     */
    @GET
    @Path("{path: \\.well-known/ocm/?}")
    public JsonObject wellKnown() {
        return documents.modern();
    }

    /**
     * @return the legacy document of {@code /ocm-provider} and {@code /ocm-provider/}
     */
    @GET
    @Path("{path: ocm-provider/?}")
    public JsonObject legacy() {
        return documents.legacy();
    }
}
