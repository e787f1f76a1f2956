package io.ocmee.rest.admin;

import io.ocmee.keys.KeyPurpose;
import io.ocmee.keys.KeyRemovalRefusedException;
import io.ocmee.keys.KeyView;
import io.ocmee.keys.ServerKeyService;
import io.ocmee.rest.errors.Problem;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/** {@code /api/v1/admin/keys}: this server's signing keys, their rotation and removal. */
@Path("/api/v1/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeyAdminResource {

    @Inject private ServerKeyService keys;

    /**
     * @return every key, oldest first, without private material
     */
    @GET
    public List<JsonObject> list() {
        return keys.list().stream().map(KeyAdminResource::json).toList();
    }

    /**
     * Starts a rotation.
     *
     * @param purpose {@code rfc9421} (default) or {@code cavage}
     * @return 201 with the new key
     */
    @POST
    @Path("rotate")
    public Response rotate(@QueryParam("purpose") String purpose) {
        return Response.status(Response.Status.CREATED)
                .entity(json(keys.rotate(purpose(purpose))))
                .build();
    }

    /**
     * Takes a key out of publication at once.
     *
     * @param kid the key id (URL-encoded)
     * @return the removed key; 404 if unknown; 409 for the active key
     */
    @DELETE
    @Path("{kid}")
    public JsonObject remove(@PathParam("kid") String kid) {
        try {
            return json(
                    keys.remove(kid)
                            .orElseThrow(
                                    () ->
                                            new jakarta.ws.rs.WebApplicationException(
                                                    Problem.response(
                                                            Response.Status.NOT_FOUND,
                                                            "Key removal rejected: no key "
                                                                    + kid))));
        } catch (KeyRemovalRefusedException active) {
            throw new jakarta.ws.rs.WebApplicationException(
                    Problem.response(Response.Status.CONFLICT, active.getMessage()));
        }
    }

    private static KeyPurpose purpose(String value) {
        if (value == null || value.isBlank()) {
            return KeyPurpose.RFC9421;
        }
        try {
            return KeyPurpose.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("Key rotation rejected: purpose must be rfc9421 or cavage");
        }
    }

    private static JsonObject json(KeyView key) {
        JsonObjectBuilder json =
                Json.createObjectBuilder()
                        .add("kid", key.kid())
                        .add("algorithm", key.algorithm())
                        .add("purpose", key.purpose().name().toLowerCase(Locale.ROOT))
                        .add("state", key.state().name().toLowerCase(Locale.ROOT))
                        .add("createdAt", key.createdAt().toString());
        if (key.retiringSince() != null) {
            json.add("retiringSince", key.retiringSince().toString());
        }
        if (key.publishedUntil() != null) {
            json.add("publishedUntil", key.publishedUntil().toString());
        }
        return json.build();
    }
}
