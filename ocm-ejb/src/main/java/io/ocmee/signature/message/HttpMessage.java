package io.ocmee.signature.message;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request or response as RFC 9421 sees it, without the body (the body enters only through
 * {@code Content-Digest}).
 *
 * <p>A request has a method and a target URI and no status. A response has a status, and may carry
 * the request it answers so that components with the {@code req} parameter (RFC 9421 §2.4) can be
 * resolved.
 *
 * @param method the request method as sent, case preserved (for example {@code POST}); null for a
 *     response
 * @param targetUri the absolute target URI as the recipient reconstructs it (scheme, authority,
 *     path, query); null for a response
 * @param fields the header section
 * @param status the response status code; null for a request
 * @param request the related request of a response; null if unknown or for a request
 */
public record HttpMessage(
        String method, URI targetUri, HeaderFields fields, Integer status, HttpMessage request) {

    /**
     * @throws IllegalArgumentException if neither or both of (method, targetUri) and status are
     *     given, or the target URI is not absolute
     */
    public HttpMessage {
        Objects.requireNonNull(fields, "fields");
        boolean isRequest = method != null && targetUri != null;
        if (isRequest == (status != null)) {
            throw new IllegalArgumentException(
                    "HTTP message rejected: give either a method and target URI or a status");
        }
        if (isRequest && (!targetUri.isAbsolute() || targetUri.getRawAuthority() == null)) {
            throw new IllegalArgumentException(
                    "HTTP message rejected: the target URI must be absolute with an authority");
        }
    }

    /**
     * @param method the request method
     * @param targetUri the absolute target URI
     * @param fields the header section
     * @return a request
     */
    public static HttpMessage request(String method, URI targetUri, HeaderFields fields) {
        return new HttpMessage(method, targetUri, fields, null, null);
    }

    /**
     * @param status the status code
     * @param fields the header section
     * @param request the request this answers, or null
     * @return a response
     */
    public static HttpMessage response(int status, HeaderFields fields, HttpMessage request) {
        return new HttpMessage(null, null, fields, status, request);
    }

    /**
     * @return whether this is a response
     */
    public boolean isResponse() {
        return status != null;
    }

    /**
     * @return the related request, if this is a response that carries one
     */
    public Optional<HttpMessage> relatedRequest() {
        return Optional.ofNullable(request);
    }

    /**
     * @return a copy with these header fields
     */
    public HttpMessage withFields(HeaderFields newFields) {
        return new HttpMessage(method, targetUri, newFields, status, request);
    }
}
