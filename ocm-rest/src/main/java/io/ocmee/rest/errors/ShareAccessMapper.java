package io.ocmee.rest.errors;

import io.ocmee.access.ShareAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A failed use of an incoming share as a problem document: the exception's status and message, and
 * its reason as the extension member {@code reason} (e.g. {@code remote-unauthorized}), so that a
 * client can tell a refusal by the sending server from one made here.
 */
@Provider
public class ShareAccessMapper implements ExceptionMapper<ShareAccessException> {

    @Override
    public Response toResponse(ShareAccessException failure) {
        return Problem.builder(
                        Response.Status.fromStatusCode(failure.status()), failure.getMessage())
                .add("reason", failure.reason().wire())
                .build();
    }
}
