package io.ocmee.rest.errors;

import io.ocmee.share.OcmRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A refused OCM protocol request ({@code /ocm/shares}, {@code /ocm/notifications}) in the
 * protocol's error format, {@code {"message", "validationErrors": [{"name", "message"}]}}.
 */
@Provider
public class OcmRequestMapper implements ExceptionMapper<OcmRequestException> {

    @Override
    public Response toResponse(OcmRequestException refused) {
        String[] pairs = new String[refused.errors().size() * 2];
        for (int i = 0; i < refused.errors().size(); i++) {
            pairs[2 * i] = refused.errors().get(i).name();
            pairs[2 * i + 1] = refused.errors().get(i).message();
        }
        return OcmError.response(
                Response.Status.fromStatusCode(refused.status()), refused.getMessage(), pairs);
    }
}
