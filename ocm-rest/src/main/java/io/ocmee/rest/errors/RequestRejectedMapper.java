package io.ocmee.rest.errors;

import io.ocmee.share.TokenError;
import io.ocmee.trust.RequestRejectedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An inbound OCM request refused for a security reason: 401 (403 for a blocked peer) with the
 * reason code as the validation error of {@code signature} (issue "Signed requests", Inbound).
 * Already logged by the service that refused it. On the token endpoint, whose errors have their own
 * format (OCM-NOTES §6), the refusal is 400 {@code invalid_client} with the reason code in {@code
 * error_description}: the client failed to authenticate.
 */
@Provider
public class RequestRejectedMapper implements ExceptionMapper<RequestRejectedException> {

    /**
     * The token endpoint's path below the application root, as {@link UriInfo#getPath()} has it.
     */
    static final String TOKEN_PATH = "ocm/token";

    @Context private UriInfo uri;

    @Override
    public Response toResponse(RequestRejectedException rejected) {
        if (uri != null && isTokenEndpoint(uri.getPath())) {
            return TokenErrorMapper.response(
                    TokenError.INVALID_CLIENT,
                    rejected.getMessage() + " (" + rejected.reason().name() + ")");
        }
        Response.Status status =
                rejected.reason() == RequestRejectedException.Reason.PEER_BLOCKED
                        ? Response.Status.FORBIDDEN
                        : Response.Status.UNAUTHORIZED;
        String field =
                rejected.reason() == RequestRejectedException.Reason.PEER_BLOCKED
                        ? "sender"
                        : "signature";
        return OcmError.response(status, rejected.getMessage(), field, rejected.reason().name());
    }

    static boolean isTokenEndpoint(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return TOKEN_PATH.equals(trimmed);
    }
}
