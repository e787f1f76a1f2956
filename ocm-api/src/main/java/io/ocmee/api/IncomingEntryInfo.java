package io.ocmee.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * One item of a received folder share (or the shared item itself) as the sending server describes
 * it. Values the sender left out or sent malformed are {@code null}.
 *
 * @param name the item's name (the last segment of its path)
 * @param folder whether it is a folder
 * @param size its length in bytes, or {@code null}
 * @param modified when it last changed, or {@code null}
 * @param etag its entity tag, or {@code null}
 */
public record IncomingEntryInfo(
        String name, boolean folder, Long size, Instant modified, String etag)
        implements Serializable {}
