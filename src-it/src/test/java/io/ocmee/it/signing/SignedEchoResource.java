package io.ocmee.it.signing;

import io.ocmee.rest.protocol.ClaimedSigner;
import io.ocmee.rest.protocol.RequestPeer;
import io.ocmee.rest.protocol.VerifySignature;
import io.ocmee.trust.InboundPeer;
import io.ocmee.trust.SignerClaim;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A test-only OCM endpoint, added to the deployment by {@link SignedRequestsIT} alone: guarded like
 * a share endpoint, it answers which peer the signature filter established.
 */
@Path("/ocm/test-signed")
public class SignedEchoResource {

    @Inject RequestPeer peer;

    @POST
    @VerifySignature
    @ClaimedSigner(SignerClaim.SHARE)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject echo(byte[] body) {
        InboundPeer established = peer.get();
        return Json.createObjectBuilder()
                .add("peer", established.peer().authority())
                .add("signed", established.signed())
                .add("scheme", established.scheme().map(Enum::name).orElse("NONE"))
                .add("bodyBytes", body.length)
                .build();
    }
}
