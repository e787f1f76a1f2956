package io.ocmee.rest.protocol;

import io.ocmee.rest.errors.OcmError;
import io.ocmee.settings.OcmSettings;
import io.ocmee.trust.InboundRequest;
import io.ocmee.trust.RequestVerificationService;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Guards every OCM endpoint marked {@link VerifySignature}: reads the exact body bytes (capped),
 * rebuilds the target URI from the configured public URL, and lets {@link
 * RequestVerificationService} decide who sent the request; the answer is kept in {@link
 * RequestPeer} for the endpoint. Refusals become 401 in the OCM error format (see {@link
 * io.ocmee.rest.errors.RequestRejectedMapper}).
 */
@Provider
@VerifySignature
@Priority(Priorities.AUTHENTICATION)
public class SignatureFilter implements ContainerRequestFilter {

    /** The largest OCM request body accepted; real ones are a few kilobytes. */
    static final int MAX_BODY_BYTES = 1 << 20;

    @Context private ResourceInfo resource;

    @Inject private RequestVerificationService verification;

    @Inject private OcmSettings settings;

    @Inject private RequestPeer requestPeer;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        ClaimedSigner claim = resource.getResourceMethod().getAnnotation(ClaimedSigner.class);
        if (claim == null) {
            throw new IllegalStateException(
                    resource.getResourceMethod() + " has @VerifySignature without @ClaimedSigner");
        }
        byte[] body = readBody(request);
        if (body == null) {
            request.abortWith(
                    OcmError.response(
                            Response.Status.REQUEST_ENTITY_TOO_LARGE,
                            "Request rejected: the body is larger than "
                                    + MAX_BODY_BYTES
                                    + " bytes"));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));

        URI target = targetUri(request);
        InboundRequest inbound =
                new InboundRequest(request.getMethod(), target, headers(request, target), body);
        requestPeer.set(verification.verify(inbound, claim.value()));
    }

    private URI targetUri(ContainerRequestContext request) {
        URI received = request.getUriInfo().getRequestUri();
        String query = received.getRawQuery() == null ? "" : "?" + received.getRawQuery();
        return URI.create(settings.publicBase() + received.getRawPath() + query);
    }

    /**
     * The received fields, with {@code Host} set to the public authority: like the target URI, the
     * host a draft-cavage signature covers is the one the peer addressed, not the one a proxy in
     * front of this server forwarded to (Nextcloud verifies against its own host, Q24).
     */
    private static Map<String, List<String>> headers(ContainerRequestContext request, URI target) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders()
                .forEach(
                        (name, values) -> {
                            if (!name.equalsIgnoreCase("Host")) {
                                headers.put(name, values);
                            }
                        });
        headers.put("Host", List.of(target.getRawAuthority()));
        return headers;
    }

    /**
     * @return the body, or {@code null} if it is larger than the cap
     */
    private static byte[] readBody(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.getEntityStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }
}
