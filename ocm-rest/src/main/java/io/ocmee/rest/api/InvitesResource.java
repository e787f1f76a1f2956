package io.ocmee.rest.api;

import io.ocmee.invite.InviteService;
import io.ocmee.invite.InviteView;
import io.ocmee.rest.errors.Problem;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.util.Optional;

/**
 * {@code /api/v1/invites}: the caller's invites, and accepting other servers' invites. Errors are
 * problem documents (see {@link io.ocmee.invite.InviteRefusedException}).
 *
 * <ul>
 *   <li>{@code POST /api/v1/invites} {@code {"description"?, "email"?, "expiresInSeconds"?}} → 201
 *       with {@code token}, {@code inviteString} and {@code inviteLink}, shown this once
 *   <li>{@code GET /api/v1/invites} → the caller's invites, without tokens
 *   <li>{@code DELETE /api/v1/invites/{id}} → 204, revoked
 *   <li>{@code POST /api/v1/invites/accept} {@code {"inviteString"}} or {@code {"token",
 *       "providerDomain"}} → 200 with the new contact
 * </ul>
 */
@Path("/api/v1/invites")
@Produces(MediaType.APPLICATION_JSON)
public class InvitesResource {

    @Inject private InviteService invites;

    @Context private SecurityContext security;

    /**
     * @param body {@code {"description"?, "email"?, "expiresInSeconds"?}}, or empty
     * @param uri the request URI, for {@code Location}
     * @return 201 with the invite
     */
    @POST
    public Response create(byte[] body, @Context UriInfo uri) {
        JsonObject json = body.length == 0 ? JsonValue.EMPTY_JSON_OBJECT : object(body);
        InviteView invite =
                invites.create(
                        caller(),
                        text(json, "description"),
                        text(json, "email"),
                        seconds(json, "expiresInSeconds"));
        return Response.created(
                        uri.getBaseUriBuilder().path("api/v1/invites").path(invite.id()).build())
                .entity(InviteJson.invite(invite))
                .build();
    }

    /**
     * @return the caller's invites, newest first
     */
    @GET
    public JsonArray list() {
        return InviteJson.invites(invites.list(caller()));
    }

    /**
     * @param id the invite id
     * @return 204
     */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        invites.revoke(caller(), id);
        return Response.noContent().build();
    }

    /**
     * @param body {@code {"inviteString"}} or {@code {"token", "providerDomain"}}
     * @return the contact made
     */
    @POST
    @Path("accept")
    public JsonObject accept(byte[] body) {
        JsonObject json = object(body);
        Optional<String> inviteString = text(json, "inviteString");
        if (inviteString.isPresent()) {
            return InviteJson.contact(invites.acceptInviteString(caller(), inviteString.get()));
        }
        Optional<String> token = text(json, "token");
        Optional<String> provider = text(json, "providerDomain");
        if (token.isEmpty() || provider.isEmpty()) {
            throw Problem.badRequest(
                    "Invite rejected: give {\"inviteString\"} or {\"token\", \"providerDomain\"}");
        }
        return InviteJson.contact(invites.accept(caller(), token.get(), provider.get()));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
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

    private static Optional<String> text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        throw Problem.badRequest("Request rejected: " + name + " must be a string");
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
        throw Problem.badRequest("Request rejected: " + name + " must be a whole number");
    }
}
