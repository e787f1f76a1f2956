package io.ocmee.discovery;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a peer publishes in its discovery document, normalised (notes §2.3–§2.5, §11 Q1–Q3,
 * Q28–Q31). Built by {@link DiscoveryDocumentParser}; immutable.
 *
 * <p>All URIs are absolute: relative values were resolved against {@link #baseUri()}. Capability
 * and criteria names are mapped to their current spelling, with the published lists kept as {@link
 * #rawCapabilities()} and {@link #rawCriteria()}.
 *
 * @param baseUri where the document was fetched, {@code scheme://host[:port]} without a path
 * @param enabled wire {@code enabled}; always {@code true} here (a disabled document is an {@link
 *     DiscoveryException.Kind#OCM_DISABLED} failure)
 * @param apiVersion wire {@code apiVersion} (or its alias {@code version}), as published
 * @param endPoint wire {@code endPoint}: absolute, without a trailing slash, repeated slashes
 *     collapsed
 * @param provider wire {@code provider}, the branding name, if published
 * @param resourceTypes wire {@code resourceTypes} (or legacy top-level {@code shareTypes}) by
 *     {@code name}, in published order; the first entry wins for a duplicate name
 * @param capabilities wire {@code capabilities}, normalised (e.g. {@code /invite-accepted} → {@code
 *     invites}, {@code receive-code} → {@code exchange-token})
 * @param rawCapabilities wire {@code capabilities} as published (string members only)
 * @param criteria wire {@code criteria}, normalised (e.g. {@code http-request-signatures} → {@code
 *     must-use-http-sig}, {@code token-exchange}/{@code code} → {@code must-exchange-token})
 * @param rawCriteria wire {@code criteria} as published (string members only)
 * @param inviteAcceptDialog wire {@code inviteAcceptDialog}, made absolute
 * @param tokenEndPoint wire {@code tokenEndPoint}, made absolute
 * @param jwksUri wire {@code jwksUri}, made absolute
 * @param publicKey legacy wire {@code publicKey} for draft-cavage signatures
 */
public record PeerDiscovery(
        URI baseUri,
        boolean enabled,
        String apiVersion,
        URI endPoint,
        Optional<String> provider,
        Map<String, ResourceType> resourceTypes,
        Set<String> capabilities,
        List<String> rawCapabilities,
        Set<String> criteria,
        List<String> rawCriteria,
        Optional<URI> inviteAcceptDialog,
        Optional<URI> tokenEndPoint,
        Optional<URI> jwksUri,
        Optional<LegacyPublicKey> publicKey) {

    /**
     * Copies collections to unmodifiable ones, keeping order.
     *
     * @throws NullPointerException if a component is {@code null}
     */
    public PeerDiscovery {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(endPoint, "endPoint");
        Objects.requireNonNull(provider, "provider");
        resourceTypes = Collections.unmodifiableMap(new LinkedHashMap<>(resourceTypes));
        capabilities = Collections.unmodifiableSet(new LinkedHashSet<>(capabilities));
        rawCapabilities = List.copyOf(rawCapabilities);
        criteria = Collections.unmodifiableSet(new LinkedHashSet<>(criteria));
        rawCriteria = List.copyOf(rawCriteria);
        Objects.requireNonNull(inviteAcceptDialog, "inviteAcceptDialog");
        Objects.requireNonNull(tokenEndPoint, "tokenEndPoint");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /**
     * @return the API generation to address this peer in, from {@link #apiVersion()}
     */
    public Dialect dialect() {
        return Dialect.of(apiVersion);
    }

    /**
     * @param capability current capability name, e.g. {@code exchange-token}
     * @return {@code true} if the peer advertises it (under any known spelling)
     */
    public boolean hasCapability(String capability) {
        return capabilities.contains(capability);
    }

    /**
     * @param criterion current criterion name, e.g. {@code must-exchange-token}
     * @return {@code true} if the peer advertises it (under any known spelling)
     */
    public boolean hasCriterion(String criterion) {
        return criteria.contains(criterion);
    }

    /**
     * An OCM API endpoint of this peer, joined with exactly one slash.
     *
     * @param path e.g. {@code shares}, {@code /notifications}
     * @return e.g. {@code https://cloud.example.org/ocm/shares}
     */
    public URI endpoint(String path) {
        return URI.create(endPoint + "/" + stripLeadingSlashes(path));
    }

    /**
     * The WebDAV path to use for a resource type: that type's {@code webdav}, else {@code file}'s,
     * else the first one published.
     *
     * @param resourceType e.g. {@code folder}
     * @return the path as published (e.g. {@code /public.php/webdav/}), if any type has one
     */
    public Optional<String> webdavPath(String resourceType) {
        return Optional.ofNullable(resourceTypes.get(resourceType))
                .flatMap(ResourceType::webdavPath)
                .or(
                        () ->
                                Optional.ofNullable(resourceTypes.get("file"))
                                        .flatMap(ResourceType::webdavPath))
                .or(
                        () ->
                                resourceTypes.values().stream()
                                        .map(ResourceType::webdavPath)
                                        .flatMap(Optional::stream)
                                        .findFirst());
    }

    /**
     * Whether shares of this combination may be sent to this peer (notes §3.2): the peer lists the
     * resource type with that share type and a {@code <protocol>-receive} entry; {@code file} +
     * {@code user} + {@code webdav} is always assumed supported, for older peers.
     *
     * @param resourceType e.g. {@code file}
     * @param shareType e.g. {@code user}
     * @param protocol e.g. {@code webdav}
     * @return {@code true} if the combination may be sent
     */
    public boolean supports(String resourceType, String shareType, String protocol) {
        if ("file".equals(resourceType) && "user".equals(shareType) && "webdav".equals(protocol)) {
            return true;
        }
        ResourceType type = resourceTypes.get(resourceType);
        return type != null && type.receives(shareType, protocol);
    }

    private static String stripLeadingSlashes(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }
}
