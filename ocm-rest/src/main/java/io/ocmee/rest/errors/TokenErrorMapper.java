package io.ocmee.rest.errors;

import io.ocmee.share.TokenError;
import io.ocmee.share.TokenRefusedException;
import jakarta.json.Json;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Refusals of the token endpoint in RFC 6749 §5.2 form, as OCM-NOTES §6 prescribes: 400 {@code
 * {"error": <code>, "error_description": <message>}}, not cacheable. Already logged by the service.
 */
@Provider
public class TokenErrorMapper implements ExceptionMapper<TokenRefusedException> {

    @Override
    public Response toResponse(TokenRefusedException refused) {
        return response(refused.error(), refused.getMessage());
    }

    /**
     * @param error the code
     * @param description the house wording, free of secrets
     * @return the 400 answer
     */
    public static Response response(TokenError error, String description) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(
                        Json.createObjectBuilder()
                                .add("error", error.wire())
                                .add("error_description", description)
                                .build())
                .build();
    }
}
