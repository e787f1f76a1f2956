package io.ocmee.rest.protocol;

import io.ocmee.invite.InviteAcceptanceService;
import io.ocmee.trust.SignerClaim;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /ocm/invite-accepted}: Invite Acceptance Requests from peers (OCM-NOTES §5.3,
 * checklist S62–S66). 200 {@code {"userID", "email", "name"}} of the inviting user; 400 malformed,
 * unknown, revoked or expired; 401 refused signature; 403 untrusted server; 409 already accepted by
 * someone else. Errors in the OCM format {@code {"message", "validationErrors"}}.
 */
@Path("/ocm/invite-accepted")
public class InviteAcceptedResource {

    @Inject private InviteAcceptanceService invites;

    @Inject private RequestPeer peer;

    /**
     * @param body the exact body, already checked by {@link SignatureFilter}
     * @return 200 with the inviting user
     */
    @POST
    @VerifySignature
    @ClaimedSigner(SignerClaim.INVITE_ACCEPTANCE)
    public Response accepted(byte[] body) {
        InviteAcceptanceService.InviteSender sender = invites.accepted(peer.get(), body);
        return Response.ok()
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(
                        Json.createObjectBuilder()
                                .add("userID", sender.userId())
                                .add("email", sender.email())
                                .add("name", sender.name())
                                .build())
                .build();
    }
}
