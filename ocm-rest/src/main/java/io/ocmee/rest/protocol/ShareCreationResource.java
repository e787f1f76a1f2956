package io.ocmee.rest.protocol;

import io.ocmee.share.IncomingShareService;
import io.ocmee.share.ReceivedShare;
import io.ocmee.trust.SignerClaim;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /ocm/shares}: Share Creation Notifications from peers (OCM-NOTES §3, checklist R74,
 * R90–R93). 201 {@code {"recipientDisplayName"}} for a new or repeated share; 400 with {@code
 * validationErrors} for bad input or an unknown recipient; 401/403 for a refused signature; 501 for
 * unsupported share types, resource types or protocols.
 */
@Path("/ocm/shares")
public class ShareCreationResource {

    @Inject private IncomingShareService shares;

    @Inject private RequestPeer peer;

    /**
     * @param body the exact body, already checked by {@link SignatureFilter}
     * @return 201 with the recipient's display name
     */
    @POST
    @VerifySignature
    @ClaimedSigner(SignerClaim.SHARE)
    public Response receive(byte[] body) {
        ReceivedShare received = shares.receive(peer.get(), body);
        return Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(
                        Json.createObjectBuilder()
                                .add("recipientDisplayName", received.recipientDisplayName())
                                .build())
                .build();
    }
}
