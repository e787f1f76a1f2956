package io.ocmee.trust;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An inbound OCM request as the signature check needs it.
 *
 * @param method the HTTP method
 * @param targetUri the target URI rebuilt from this server's configured public URL, the request
 *     path and query, never from what the container sees behind a proxy (OCM-NOTES §10 R86)
 * @param headers the received header fields, every value of every field in order
 * @param body the exact received body bytes
 */
public record InboundRequest(
        String method, URI targetUri, Map<String, List<String>> headers, byte[] body) {}
