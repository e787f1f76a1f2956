package io.ocmee.rest.errors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
        return builder(status, detail).build();
    }

    /**
     * @param status the HTTP status
     * @param detail what went wrong
     * @return a builder of a problem response, for adding extension members
     */
    public static Builder builder(Response.Status status, String detail) {
        return new Builder(status, detail);
    }

    /**
     * @param status the HTTP status (also one a JAX-RS response carries without a body)
     * @param detail what went wrong
     * @return the problem document itself, for a response built elsewhere
     */
    public static JsonObject document(Response.StatusType status, String detail) {
        return members(status, detail).build();
    }

    private static JsonObjectBuilder members(Response.StatusType status, String detail) {
        return Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode())
                .add("detail", detail);
    }

    /** A problem document with extension members (RFC 9457 §3.2). */
    public static final class Builder {

        private final Response.Status status;
        private final JsonObjectBuilder json;

        private Builder(Response.Status status, String detail) {
            this.status = status;
            this.json = members(status, detail);
        }

        /**
         * @param name an extension member name
         * @param value its value
         * @return this builder
         */
        public Builder add(String name, String value) {
            json.add(name, value);
            return this;
        }

        /**
         * @return the response
         */
        public Response build() {
            return Response.status(status).type(MEDIA_TYPE).entity(json.build()).build();
        }
    }

    /**
     * @param detail why the request is invalid
     * @return an exception that answers 400 with a problem document
     */
    public static WebApplicationException badRequest(String detail) {
        return new WebApplicationException(response(Response.Status.BAD_REQUEST, detail));
    }
}
