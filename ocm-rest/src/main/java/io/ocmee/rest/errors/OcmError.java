package io.ocmee.rest.errors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Errors of the OCM protocol endpoints in the protocol's own format (OCM OpenAPI {@code Error} and
 * {@code 400}): {@code {"message", "validationErrors": [{"name", "message"}]}}.
 */
public final class OcmError {

    private OcmError() {}

    /**
     * @param status the HTTP status
     * @param message what went wrong, "<what> rejected: <reason>"
     * @param errors pairs of field name and error code, flattened: name, code, name, code, ...
     * @return the response
     */
    public static Response response(Response.Status status, String message, String... errors) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (int i = 0; i + 1 < errors.length; i += 2) {
            list.add(
                    Json.createObjectBuilder()
                            .add("name", errors[i])
                            .add("message", errors[i + 1]));
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(
                        Json.createObjectBuilder()
                                .add("message", message)
                                .add("validationErrors", list)
                                .build())
                .build();
    }

    /**
     * @return an exception answering 400 with one validation error
     */
    public static WebApplicationException badRequest(String message, String field, String code) {
        return new WebApplicationException(
                response(Response.Status.BAD_REQUEST, message, field, code));
    }
}
