package io.ocmee.rest.pages;

import jakarta.ws.rs.core.Response;

/** Small helpers the pages share. */
final class Pages {

    private Pages() {}

    /**
     * @param status an HTTP status code from a service refusal
     * @return the status, or 400 if it is no known error status
     */
    static Response.Status status(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null || status < 400 ? Response.Status.BAD_REQUEST : known;
    }
}
