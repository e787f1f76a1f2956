package io.ocmee.rest.errors;

import jakarta.ws.rs.core.Response;

/**
 * The HTTP status a service refusal is answered with, for the APIs' problem documents and the pages
 * alike: the status the refusal names ({@link io.ocmee.share.ShareRefusedException#status()} and
 * the like), or 400 if that is no known error status.
 */
public final class RefusalStatus {

    private RefusalStatus() {}

    /**
     * @param status an HTTP status code from a service refusal
     * @return the status, or 400 if it is no known error status
     */
    public static Response.Status of(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null || status < 400 ? Response.Status.BAD_REQUEST : known;
    }
}
