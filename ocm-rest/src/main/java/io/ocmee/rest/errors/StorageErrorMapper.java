package io.ocmee.rest.errors;

import io.ocmee.spi.InvalidResourcePathException;
import io.ocmee.spi.InvalidUserNameException;
import io.ocmee.spi.ResourceConflictException;
import io.ocmee.spi.ResourceNotFoundException;
import io.ocmee.spi.ResourceRangeException;
import io.ocmee.spi.ResourceStorageException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Storage refusals as problem documents of the user API, with the exception's message (already in
 * the house wording and free of server paths) as {@code detail}: an unsafe path is 400, a user name
 * that cannot own files 403, a missing resource 404, a conflict 409, an unsatisfiable range 416.
 * Endpoints with their own error format (WebDAV) must catch these exceptions themselves.
 */
@Provider
public class StorageErrorMapper implements ExceptionMapper<ResourceStorageException> {

    @Override
    public Response toResponse(ResourceStorageException refusal) {
        return problem(refusal);
    }

    /**
     * @param refusal a storage refusal, possibly reached through a wrapping exception
     * @return its problem response
     */
    static Response problem(ResourceStorageException refusal) {
        return Problem.response(status(refusal), refusal.getMessage());
    }

    private static Response.Status status(ResourceStorageException refusal) {
        if (refusal instanceof InvalidResourcePathException) {
            return Response.Status.BAD_REQUEST;
        }
        if (refusal instanceof InvalidUserNameException) {
            return Response.Status.FORBIDDEN;
        }
        if (refusal instanceof ResourceNotFoundException) {
            return Response.Status.NOT_FOUND;
        }
        if (refusal instanceof ResourceConflictException) {
            return Response.Status.CONFLICT;
        }
        if (refusal instanceof ResourceRangeException) {
            return Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE;
        }
        return Response.Status.BAD_REQUEST;
    }
}
