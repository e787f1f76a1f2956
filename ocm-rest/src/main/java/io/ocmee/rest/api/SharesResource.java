package io.ocmee.rest.api;

import io.ocmee.rest.errors.Problem;
import io.ocmee.share.IncomingShareService;
import io.ocmee.share.NewShareRequest;
import io.ocmee.share.OutgoingShareService;
import io.ocmee.share.OutgoingShareView;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/shares}: the caller's shares with other servers and the shares others made with
 * the caller. Errors are problem documents (400 bad input, 404 unknown share or path, 409 wrong
 * state, 502 unusable receiver).
 *
 * <ul>
 *   <li>{@code POST /api/v1/shares} → 201 with the share, {@code state: "pending"}
 *   <li>{@code GET /api/v1/shares/outgoing}, {@code GET|PATCH|DELETE .../outgoing/{id}}
 *   <li>{@code GET /api/v1/shares/incoming}, {@code POST .../incoming/{id}/accept|decline}
 * </ul>
 */
@Path("/api/v1/shares")
@Produces(MediaType.APPLICATION_JSON)
public class SharesResource {

    @Inject private OutgoingShareService outgoing;

    @Inject private IncomingShareService incoming;

    /**
     * @param body {@code {"shareWith", "path", "permissions", "expiration"?, "shareType"?,
     *     "mustExchangeToken"?}}; {@code requireTokenExchange} is an older name of {@code
     *     mustExchangeToken}
     * @param uri the request URI, for {@code Location}
     * @return 201 with the new share
     */
    @POST
    public Response create(byte[] body, @Context UriInfo uri) {
        JsonObject json = object(body);
        NewShareRequest request =
                new NewShareRequest(
                        text(json, "shareWith"),
                        text(json, "path"),
                        strings(json, "permissions"),
                        seconds(json, "expiration"),
                        Optional.ofNullable(text(json, "shareType")),
                        flag(json, "mustExchangeToken") || flag(json, "requireTokenExchange"));
        OutgoingShareView share = outgoing.create(request);
        return Response.created(
                        uri.getBaseUriBuilder()
                                .path("api/v1/shares/outgoing")
                                .path(share.id())
                                .build())
                .entity(ShareJson.outgoing(share))
                .build();
    }

    /**
     * @return the caller's shares, newest first
     */
    @GET
    @Path("outgoing")
    public JsonArray outgoing() {
        return ShareJson.outgoingList(outgoing.list());
    }

    /**
     * @param id the share id
     * @return the share
     */
    @GET
    @Path("outgoing/{id}")
    public JsonObject outgoing(@PathParam("id") String id) {
        return ShareJson.outgoing(outgoing.get(id));
    }

    /**
     * @param id the share id
     * @param body {@code {"permissions": [...]}}
     * @return the share after the change
     */
    @PATCH
    @Path("outgoing/{id}")
    public JsonObject change(@PathParam("id") String id, byte[] body) {
        List<String> permissions = strings(object(body), "permissions");
        return ShareJson.outgoing(outgoing.changePermissions(id, permissions));
    }

    /**
     * @param id the share id
     * @return 204
     */
    @DELETE
    @Path("outgoing/{id}")
    public Response revoke(@PathParam("id") String id) {
        outgoing.revoke(id);
        return Response.noContent().build();
    }

    /**
     * @return the shares others made with the caller, newest first
     */
    @GET
    @Path("incoming")
    public JsonArray incoming() {
        return ShareJson.incomingList(incoming.inbox());
    }

    /**
     * @param id the share id
     * @return the share, accepted
     */
    @POST
    @Path("incoming/{id}/accept")
    public JsonObject accept(@PathParam("id") String id) {
        return ShareJson.incoming(incoming.accept(id));
    }

    /**
     * @param id the share id
     * @return the share, declined
     */
    @POST
    @Path("incoming/{id}/decline")
    public JsonObject decline(@PathParam("id") String id) {
        return ShareJson.incoming(incoming.decline(id));
    }

    private static JsonObject object(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            if (reader.readValue() instanceof JsonObject json) {
                return json;
            }
        } catch (JsonException | IllegalStateException e) {
            // answered below
        }
        throw Problem.badRequest("Request rejected: the body is not a JSON object");
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw Problem.badRequest("Request rejected: " + name + " must be a string");
    }

    private static List<String> strings(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw Problem.badRequest("Request rejected: " + name + " must be a list of strings");
        }
        List<String> list = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw Problem.badRequest(
                        "Request rejected: " + name + " must be a list of strings");
            }
            list.add(text.getString());
        }
        return list;
    }

    private static Optional<Long> seconds(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return Optional.of(number.longValueExact());
            } catch (ArithmeticException e) {
                // answered below
            }
        }
        throw Problem.badRequest("Request rejected: " + name + " must be Unix seconds");
    }

    private static boolean flag(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw Problem.badRequest("Request rejected: " + name + " must be true or false");
    }
}
