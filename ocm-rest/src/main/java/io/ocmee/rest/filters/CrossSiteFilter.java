package io.ocmee.rest.filters;

import io.ocmee.rest.errors.Problem;
import io.ocmee.settings.OcmSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Refuses a changing request ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) to the user
 * and admin API ({@code /api/...}) that a browser sent from another site (403, problem document).
 *
 * <p>Why: the API authenticates with HTTP Basic, which browsers resend by themselves once a person
 * signed in to the pages. Without this check, any web page that person opens could post a share of
 * their files, or accept an invite, with a plain HTML form ({@code text/plain} bodies are read as
 * JSON). Browsers mark such requests with {@code Sec-Fetch-Site} and {@code Origin}; clients that
 * send neither (curl, host applications, scripts) are not affected. The pages have their own form
 * tokens ({@code FormGuard}).
 */
@Provider
@PreMatching
public class CrossSiteFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(CrossSiteFilter.class.getName());

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject private OcmSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!CHANGING.contains(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path == null || !(path.startsWith("/api/") || path.equals("/api"))) {
            return;
        }
        String reason =
                BrowserOrigin.foreignReason(
                        request.getHeaderString("Origin"),
                        request.getHeaderString("Sec-Fetch-Site"),
                        settings);
        if (reason != null) {
            LOG.warning("OCM-0911 API request rejected: " + reason);
            request.abortWith(
                    Problem.response(
                            Response.Status.FORBIDDEN,
                            "Request rejected: a browser sent it from another site ("
                                    + reason
                                    + "); use this server's own pages"));
        }
    }
}
