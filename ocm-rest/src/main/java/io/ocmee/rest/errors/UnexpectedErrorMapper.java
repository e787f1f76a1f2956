package io.ocmee.rest.errors;

import io.ocmee.invite.InviteRefusedException;
import io.ocmee.share.OcmRequestException;
import io.ocmee.share.ShareRefusedException;
import io.ocmee.spi.ResourceStorageException;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The catch-all: JAX-RS's own exceptions keep their response, storage refusals wrapped by the EJB
 * container get their {@link StorageErrorMapper} answer, a body that is not JSON becomes 400, a
 * refused EJB call becomes 403, and anything else is logged once with its stack trace and answered
 * 500 without internals.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof WebApplicationException web) {
            return withBody(web.getResponse());
        }
        if (cause instanceof OcmRequestException refused) {
            return new OcmRequestMapper().toResponse(refused);
        }
        if (cause instanceof ShareRefusedException refused) {
            return new ShareRefusedMapper().toResponse(refused);
        }
        if (cause instanceof InviteRefusedException refused) {
            return new InviteRefusedMapper().toResponse(refused);
        }
        if (cause instanceof ResourceStorageException refusal) {
            return StorageErrorMapper.problem(refusal);
        }
        if (isUnreadableBody(failure)) {
            return Problem.response(
                    Response.Status.BAD_REQUEST, "Request rejected: the body is not valid JSON");
        }
        if (cause instanceof EJBAccessException || cause instanceof AccessLocalException) {
            return Problem.response(
                    Response.Status.FORBIDDEN, "Request rejected: your role does not allow it");
        }
        LOG.log(Level.SEVERE, "OCM-0500 Unexpected failure while answering a request", cause);
        return Problem.response(
                Response.Status.INTERNAL_SERVER_ERROR,
                "Request failed: an internal error occurred and was logged (OCM-0500)");
    }

    /** Routing errors (404, 405, 406, 415) come without a body; give them a problem document. */
    private static Response withBody(Response response) {
        if (response.hasEntity() || response.getStatus() < 400) {
            return response;
        }
        Response.StatusType status = response.getStatusInfo();
        return Response.fromResponse(response)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.document(status, "Request rejected: " + status.getReasonPhrase()))
                .build();
    }

    private static boolean isUnreadableBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonException || t instanceof JsonbException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
