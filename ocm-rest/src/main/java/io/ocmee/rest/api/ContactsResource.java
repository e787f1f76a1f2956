package io.ocmee.rest.api;

import io.ocmee.invite.ContactService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/contacts}: the caller's federated contacts, {@code [{"id", "address", "name",
 * "email", "provider", "createdAt"}]}; {@code DELETE /api/v1/contacts/{id}} → 204 (404 if the
 * caller has no such contact).
 */
@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactsResource {

    @Inject private ContactService contacts;

    @Context private SecurityContext security;

    /**
     * @return the caller's contacts, newest first
     */
    @GET
    public JsonArray list() {
        return InviteJson.contacts(contacts.list(caller()));
    }

    /**
     * @param id the contact id
     * @return 204
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        contacts.delete(caller(), id);
        return Response.noContent().build();
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
