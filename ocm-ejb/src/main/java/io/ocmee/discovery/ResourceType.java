package io.ocmee.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code resourceTypes[]} entry of a discovery document (notes §2.3).
 *
 * @param name wire {@code name}, e.g. {@code file} or {@code folder}
 * @param shareTypes wire {@code shareTypes}; {@code [user]} when the peer did not say
 * @param protocols protocols the peer can <em>send</em> over: wire {@code protocols} members
 *     without the {@code -receive} suffix, mapped to their string value (the WebDAV path for {@code
 *     webdav}) or to {@code ""} when the value is an object (e.g. {@code webapp: {}}); in order
 * @param receives protocols the peer can <em>receive</em>: wire {@code <protocol>-receive} members,
 *     keyed by protocol name without the suffix
 */
public record ResourceType(
        String name,
        List<String> shareTypes,
        Map<String, String> protocols,
        Map<String, ReceiveProtocol> receives) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public ResourceType {
        Objects.requireNonNull(name, "name");
        shareTypes = List.copyOf(shareTypes);
        protocols = Collections.unmodifiableMap(new LinkedHashMap<>(protocols));
        receives = Collections.unmodifiableMap(new LinkedHashMap<>(receives));
    }

    /**
     * @return the {@code webdav} path this peer serves shares of this type under, if any
     */
    public Optional<String> webdavPath() {
        return Optional.ofNullable(protocols.get("webdav")).filter(path -> !path.isEmpty());
    }

    /**
     * @param shareType e.g. {@code user}
     * @param protocol e.g. {@code webdav}
     * @return {@code true} if this entry lists {@code shareType} and {@code <protocol>-receive}
     */
    public boolean receives(String shareType, String protocol) {
        return shareTypes.contains(shareType) && receives.containsKey(protocol);
    }
}
