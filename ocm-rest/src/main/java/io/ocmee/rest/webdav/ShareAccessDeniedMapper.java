package io.ocmee.rest.webdav;

import io.ocmee.share.ShareAccessDeniedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A WebDAV request without valid credentials for its share: 401 with the message as plain text and
 * a {@code Bearer} and a {@code Basic} challenge (RFC 9110 §11.6.1).
 */
@Provider
public class ShareAccessDeniedMapper implements ExceptionMapper<ShareAccessDeniedException> {

    @Override
    public Response toResponse(ShareAccessDeniedException denied) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(denied.getMessage() + "\n")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"OCM\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"OCM\"")
                .build();
    }
}
