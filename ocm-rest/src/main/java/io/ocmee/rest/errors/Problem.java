package io.ocmee.rest.errors;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details for the user and admin APIs. */
public final class Problem {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {}

    /**
     * @param status the HTTP status
     * @param detail what went wrong, in the house wording "<what> rejected: <reason>"
     * @return a response carrying a problem document
     */
    public static Response response(Response.Status status, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(
                        Json.createObjectBuilder()
                                .add("type", "about:blank")
                                .add("title", status.getReasonPhrase())
                                .add("status", status.getStatusCode())
                                .add("detail", detail)
                                .build())
                .build();
    }

    /**
     * @param detail why the request is invalid
     * @return an exception that answers 400 with a problem document
     */
    public static WebApplicationException badRequest(String detail) {
        return new WebApplicationException(response(Response.Status.BAD_REQUEST, detail));
    }
}
