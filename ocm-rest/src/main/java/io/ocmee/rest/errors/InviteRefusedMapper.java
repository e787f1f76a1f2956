package io.ocmee.rest.errors;

import io.ocmee.invite.InviteRefusedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused request of the invite or contact API as a problem document. */
@Provider
public class InviteRefusedMapper implements ExceptionMapper<InviteRefusedException> {

    @Override
    public Response toResponse(InviteRefusedException refused) {
        return Problem.response(
                Response.Status.fromStatusCode(refused.status()), refused.getMessage());
    }
}
