package io.ocmee.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One item of a shared folder (or the shared item itself) as the sending server's {@code PROPFIND}
 * describes it (RFC 4918 §14.16; OCM-NOTES §8.1).
 *
 * @param name the last segment of its {@code href}, decoded; empty for a server's root
 * @param folder whether {@code resourcetype} contains {@code collection}
 * @param size {@code getcontentlength}, if sent and valid
 * @param modified {@code getlastmodified}, if sent and valid
 * @param etag {@code getetag}, if sent
 */
public record RemoteEntry(
        String name,
        boolean folder,
        OptionalLong size,
        Optional<Instant> modified,
        Optional<String> etag) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public RemoteEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(etag, "etag");
    }
}
