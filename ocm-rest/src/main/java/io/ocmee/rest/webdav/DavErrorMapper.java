package io.ocmee.rest.webdav;

import io.ocmee.webdav.DavException;
import io.ocmee.webdav.Multistatus;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * WebDAV refusals: a {@link DavException} becomes its status with the message as plain text, or
 * with an RFC 4918 {@code DAV:error} body when it names a precondition.
 */
@Provider
public class DavErrorMapper implements ExceptionMapper<DavException> {

    @Override
    public Response toResponse(DavException refused) {
        if (refused.precondition().isPresent()) {
            return Response.status(refused.status())
                    .type(Multistatus.MEDIA_TYPE)
                    .entity(Multistatus.error(refused.precondition().get()))
                    .build();
        }
        return text(refused.status(), refused.getMessage());
    }

    static Response text(int status, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(message + "\n")
                .build();
    }
}
