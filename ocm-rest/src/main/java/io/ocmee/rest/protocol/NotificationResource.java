package io.ocmee.rest.protocol;

import io.ocmee.notification.NotificationService;
import io.ocmee.trust.SignerClaim;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /ocm/notifications}: notifications from peers (OCM-NOTES §4, checklist R116–R120).
 * 201 {@code {}} when applied; 400 malformed; 401/403 refused signature; 403 {@code
 * REQUEST_RESHARE}; 404 no such share with that peer; 501 unsupported type or resource type.
 */
@Path("/ocm/notifications")
public class NotificationResource {

    @Inject private NotificationService notifications;

    @Inject private RequestPeer peer;

    /**
     * @param body the exact body, already checked by {@link SignatureFilter}
     * @return 201 with an empty JSON object
     */
    @POST
    @VerifySignature
    @ClaimedSigner(SignerClaim.NOTIFICATION)
    public Response receive(byte[] body) {
        notifications.receive(peer.get(), body);
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().build())
                .build();
    }
}
