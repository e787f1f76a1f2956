package io.ocmee.rest.filters;

import io.ocmee.rest.errors.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Refuses, before any routing, a request whose path has a {@code .} or {@code ..} segment, also
 * when percent-encoded (once or several times) or separated by an encoded slash or a backslash.
 *
 * <p>Why: the servlet container normalises such a path before it applies the {@code web.xml}
 * security constraints, while JAX-RS routes the path as sent. {@code /api/v1/files/../../x} is thus
 * unprotected for the container ({@code /api/x}) yet reaches the files resource. The EJBs' own role
 * checks still refuse it, but no request should be routed differently from how it was authorised.
 * Answered 400 as a problem document, also on protocol endpoints, where no legitimate peer sends
 * such a path.
 */
@Provider
@PreMatching
public class DotSegmentFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(DotSegmentFilter.class.getName());

    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");

    private static final int DECODING_ROUNDS = 4;

    @Override
    public void filter(ContainerRequestContext request) {
        String rawPath = request.getUriInfo().getRequestUri().getRawPath();
        if (rawPath != null && hasDotSegment(rawPath)) {
            LOG.warning("OCM-0604 Request rejected: its path has a '.' or '..' segment");
            request.abortWith(
                    Problem.response(
                            Response.Status.BAD_REQUEST,
                            "Request rejected: the path must not contain '.' or '..' segments"));
        }
    }

    /**
     * @param rawPath a request path as sent, still percent-encoded
     * @return {@code true} if it, or any of its repeated percent-decodings, has a dot segment
     */
    static boolean hasDotSegment(String rawPath) {
        String path = rawPath;
        for (int round = 0; round <= DECODING_ROUNDS; round++) {
            for (String segment : SEPARATORS.split(path, -1)) {
                if (segment.equals(".") || segment.equals("..")) {
                    return true;
                }
            }
            String decoded = percentDecode(path);
            if (decoded.equals(path)) {
                return false;
            }
            path = decoded;
        }
        return true;
    }

    private static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%'
                    && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
