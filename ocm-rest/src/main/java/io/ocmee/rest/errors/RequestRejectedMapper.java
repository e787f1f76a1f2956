package io.ocmee.rest.errors;

import io.ocmee.trust.RequestRejectedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An inbound OCM request refused for a security reason: 401 (403 for a blocked peer) with the
 * reason code as the validation error of {@code signature} (issue "Signed requests", Inbound).
 * Already logged by the service that refused it.
 */
@Provider
public class RequestRejectedMapper implements ExceptionMapper<RequestRejectedException> {

    @Override
    public Response toResponse(RequestRejectedException rejected) {
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
}
