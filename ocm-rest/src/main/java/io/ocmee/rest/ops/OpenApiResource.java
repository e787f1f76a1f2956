package io.ocmee.rest.ops;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi}: the hand-written OpenAPI 3 document of the user and admin API ({@code
 * openapi.json} beside this class). Public. {@code OpenApiDocumentTest} keeps it and the resources
 * in step: every documented operation exists and every resource method is documented.
 */
@Path("/api/openapi")
public class OpenApiResource {

    /** The document's class path resource, relative to this class. */
    public static final String DOCUMENT = "openapi.json";

    private static final byte[] BYTES = load();

    /**
     * @return the document
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] document() {
        return BYTES.clone();
    }

    private static byte[] load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the module");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
