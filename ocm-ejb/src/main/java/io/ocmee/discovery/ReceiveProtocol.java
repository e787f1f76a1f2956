package io.ocmee.discovery;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code <protocol>-receive} entry of a resource type: the peer can receive shares offered over
 * that protocol (notes §2.3).
 *
 * @param protocol protocol name without the {@code -receive} suffix, e.g. {@code webdav}
 * @param options the entry's members as string lists, e.g. {@code uri → [absolute]} for {@code
 *     webdav-receive} or {@code targets → [blank, iframe]} for {@code webapp-receive}; members that
 *     are neither strings nor string arrays are dropped
 */
public record ReceiveProtocol(String protocol, Map<String, List<String>> options) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public ReceiveProtocol {
        Objects.requireNonNull(protocol, "protocol");
        options = Map.copyOf(options);
    }

    /**
     * @return {@code webdav-receive.uri}: {@code absolute} or {@code relative}, if advertised
     */
    public Optional<String> uriForm() {
        return options.getOrDefault("uri", List.of()).stream().findFirst();
    }

    /**
     * @return {@code webapp-receive.targets}, empty if not advertised
     */
    public List<String> targets() {
        return options.getOrDefault("targets", List.of());
    }
}
