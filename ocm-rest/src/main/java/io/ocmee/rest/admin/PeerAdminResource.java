package io.ocmee.rest.admin;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.ProviderHost;
import io.ocmee.rest.errors.Problem;
import io.ocmee.trust.PeerService;
import io.ocmee.trust.TrustState;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** {@code /api/v1/admin/peers}: the remote servers this server knows, and their trust. */
@Path("/api/v1/admin/peers")
@Produces(MediaType.APPLICATION_JSON)
public class PeerAdminResource {

    @Inject private PeerService peers;

    /**
     * @return every known peer
     */
    @GET
    public List<JsonObject> list() {
        return peers.list().stream().map(PeerJson::of).toList();
    }

    /**
     * Sets a peer's trust state.
     *
     * @param authority {@code host[:port]} of the peer
     * @param body {@code {"state": "trusted"|"blocked"|"unknown"}}
     * @return the peer after the change
     */
    @PUT
    @Path("{authority}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject change(@PathParam("authority") String authority, JsonValue body) {
        return PeerJson.of(peers.changeTrust(provider(authority).authority(), state(body)));
    }

    private static ProviderHost provider(String authority) {
        try {
            return ProviderHost.parse(authority);
        } catch (InvalidOcmAddressException e) {
            throw Problem.badRequest("Peer change rejected: " + e.getMessage());
        }
    }

    private static TrustState state(JsonValue body) {
        if (!(body instanceof JsonObject object)
                || !(object.get("state") instanceof JsonString state)) {
            throw Problem.badRequest("Peer change rejected: body must be {\"state\": ...}");
        }
        try {
            return TrustState.valueOf(state.getString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(
                    "Peer change rejected: state must be trusted, blocked or unknown");
        }
    }
}
