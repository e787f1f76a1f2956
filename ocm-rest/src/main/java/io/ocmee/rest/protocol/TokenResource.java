package io.ocmee.rest.protocol;

import io.ocmee.share.IssuedToken;
import io.ocmee.share.TokenExchangeService;
import io.ocmee.trust.SignerClaim;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /ocm/token}, the {@code tokenEndPoint} of the Code Flow (OCM-NOTES §6, checklist
 * S46–S53): a form with {@code grant_type=authorization_code} (or the legacy {@code ocm_share}),
 * {@code client_id} and {@code code} (the share's secret), signed by the receiving server when it
 * signs. 200 {@code {"access_token", "token_type": "Bearer", "expires_in"}}; 400 {@code {"error",
 * "error_description"}} (see {@link io.ocmee.rest.errors.TokenErrorMapper}), also for a refused
 * signature. Neither answer may be cached.
 */
@Path(TokenResource.PATH)
public class TokenResource {

    /** The endpoint's path, as advertised in {@code tokenEndPoint}. */
    public static final String PATH = "/ocm/token";

    @Inject private TokenExchangeService tokens;

    @Inject private RequestPeer peer;

    /**
     * @param contentType the request's media type; must be the form type
     * @param body the exact body, already checked by {@link SignatureFilter}
     * @return 200 with the token
     */
    @POST
    @VerifySignature
    @ClaimedSigner(SignerClaim.TOKEN_REQUEST)
    public Response exchange(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        IssuedToken token = tokens.exchange(peer.get(), contentType, body);
        return Response.ok(
                        Json.createObjectBuilder()
                                .add("access_token", token.accessToken())
                                .add("token_type", "Bearer")
                                .add("expires_in", token.expiresIn())
                                .build(),
                        MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
