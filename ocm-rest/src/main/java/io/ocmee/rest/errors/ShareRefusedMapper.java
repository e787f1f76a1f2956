package io.ocmee.rest.errors;

import io.ocmee.share.ShareRefusedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused request of the sharing API as a problem document. */
@Provider
public class ShareRefusedMapper implements ExceptionMapper<ShareRefusedException> {

    @Override
    public Response toResponse(ShareRefusedException refused) {
        return Problem.response(RefusalStatus.of(refused.status()), refused.getMessage());
    }
}
