package io.ocmee.rest.api;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.Peers;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.rest.errors.Problem;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/peers/{provider}}: discovers another OCM server ({@code host[:port]}, or an
 * OCM address whose provider part is used) and shows what it offers, normalised.
 */
@Path("/api/v1/peers/{provider}")
@Produces(MediaType.APPLICATION_JSON)
public class PeerLookupResource {

    @Inject private Peers peers;

    /**
     * @param provider {@code host[:port]} of the server, or an OCM address
     * @return the normalised discovery; 400 for a malformed provider, 502 with {@code kind} when
     *     the server cannot be discovered
     */
    @GET
    public JsonObject lookup(@PathParam("provider") String provider) {
        ProviderHost host = parse(provider);
        try {
            return toJson(host, peers.discover(host));
        } catch (DiscoveryException e) {
            throw new WebApplicationException(
                    Problem.builder(
                                    Response.Status.BAD_GATEWAY,
                                    "Peer lookup failed: " + e.getMessage())
                            .add("kind", e.kind().name())
                            .build());
        }
    }

    private static ProviderHost parse(String provider) {
        String hostPart = provider.substring(provider.lastIndexOf('@') + 1);
        try {
            return ProviderHost.parse(hostPart);
        } catch (InvalidOcmAddressException e) {
            throw Problem.badRequest("Peer lookup rejected: " + e.getMessage());
        }
    }

    private static JsonObject toJson(ProviderHost host, PeerDiscovery found) {
        JsonObjectBuilder json =
                Json.createObjectBuilder()
                        .add("provider", host.authority())
                        .add("enabled", found.enabled())
                        .add("apiVersion", found.apiVersion())
                        .add("endPoint", found.endPoint().toString())
                        .add("capabilities", Json.createArrayBuilder(found.capabilities()))
                        .add("criteria", Json.createArrayBuilder(found.criteria()))
                        .add(
                                "resourceTypes",
                                Json.createArrayBuilder(found.resourceTypes().keySet()));
        found.provider().ifPresent(name -> json.add("name", name));
        found.inviteAcceptDialog().ifPresent(uri -> json.add("inviteAcceptDialog", uri.toString()));
        found.tokenEndPoint().ifPresent(uri -> json.add("tokenEndPoint", uri.toString()));
        found.jwksUri().ifPresent(uri -> json.add("jwksUri", uri.toString()));
        found.webdavPath("file").ifPresent(path -> json.add("webdav", path));
        return json.build();
    }
}
