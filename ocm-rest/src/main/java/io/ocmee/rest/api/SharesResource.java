package io.ocmee.rest.api;

import io.ocmee.access.ShareContentService;
import io.ocmee.rest.errors.Problem;
import io.ocmee.share.IncomingShareService;
import io.ocmee.share.NewShareRequest;
import io.ocmee.share.OutgoingShareService;
import io.ocmee.share.OutgoingShareView;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
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
 *   <li>{@code GET .../incoming/{id}/content[/{path}]} (download), {@code PUT
 *       .../incoming/{id}/content/{path}} (upload), {@code GET .../incoming/{id}/listing[/{path}]}:
 *       the share's resource on its sending server (502/504 when that server fails)
 * </ul>
 */
@Path("/api/v1/shares")
@Produces(MediaType.APPLICATION_JSON)
public class SharesResource {

    @Inject private OutgoingShareService outgoing;

    @Inject private IncomingShareService incoming;

    @Inject private ShareContentService content;

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

    /**
     * Downloads the shared file of an accepted incoming share from its sending server, streamed.
     *
     * @param id the incoming share id
     * @param range the {@code Range} header, passed on to the sender
     * @return 200 or 206 with the bytes (see {@link IncomingContent})
     */
    @GET
    @Path("incoming/{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id, @HeaderParam("Range") String range) {
        return IncomingContent.download(content.download(id, "", Optional.ofNullable(range)));
    }

    /**
     * Downloads a file inside a shared folder, streamed.
     *
     * @param id the incoming share id
     * @param path the file's path inside the share
     * @param range the {@code Range} header, passed on to the sender
     * @return 200 or 206 with the bytes
     */
    @GET
    @Path("incoming/{id}/content/{path: .+}")
    @Produces(MediaType.WILDCARD)
    public Response content(
            @PathParam("id") String id,
            @PathParam("path") String path,
            @HeaderParam("Range") String range) {
        return IncomingContent.download(content.download(id, path, Optional.ofNullable(range)));
    }

    /**
     * Uploads a file into a shared folder that allows writing; the body is streamed to the sender.
     *
     * @param id the incoming share id
     * @param path the file's path inside the share
     * @param length the {@code Content-Length}, if the client sent one
     * @param type the {@code Content-Type}, if the client sent one
     * @param body the bytes
     * @return 201 for a new file, 204 for a replaced one
     */
    @PUT
    @Path("incoming/{id}/content/{path: .+}")
    @Consumes(MediaType.WILDCARD)
    public Response upload(
            @PathParam("id") String id,
            @PathParam("path") String path,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            InputStream body) {
        boolean created =
                content.upload(
                        id, path, body, IncomingContent.length(length), Optional.ofNullable(type));
        return created
                ? Response.status(Response.Status.CREATED).build()
                : Response.noContent().build();
    }

    /**
     * Lists the shared folder of an accepted incoming share (or gives the shared file).
     *
     * @param id the incoming share id
     * @return {@code [{"name", "type": "file"|"folder", "size", "modified", "etag"}]}
     */
    @GET
    @Path("incoming/{id}/listing")
    public JsonArray listing(@PathParam("id") String id) {
        return IncomingContent.listing(content.list(id, ""));
    }

    /**
     * Lists a folder inside a shared folder.
     *
     * @param id the incoming share id
     * @param path the folder's path inside the share
     * @return {@code [{"name", "type": "file"|"folder", "size", "modified", "etag"}]}
     */
    @GET
    @Path("incoming/{id}/listing/{path: .+}")
    public JsonArray listing(@PathParam("id") String id, @PathParam("path") String path) {
        return IncomingContent.listing(content.list(id, path));
    }

    private static JsonObject object(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            if (reader.readValue() instanceof JsonObject json) {
                return json;
            }
        } catch (RuntimeException e) { // parser failures of any kind, nesting limit included
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
