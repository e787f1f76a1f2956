package io.ocmee.share;

import java.util.Locale;

/** Which of the three {@code protocol} shapes of OCM-NOTES §3.4 carried a WebDAV share. */
public enum ProtocolShape {
    /**
     * {@code {"name": "webdav", "options": {"sharedSecret", "permissions"}}}, deprecated (v1.0).
     */
    OPTIONS,
    /** {@code {"name": "webdav", "webdav": {...}}}. */
    NAMED,
    /** {@code {"name": "multi", "webdav": {...}}}, possibly beside an empty {@code options}. */
    MULTI;

    /**
     * @return the stored form, e.g. {@code multi}
     */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
