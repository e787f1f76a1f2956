package io.ocmee.discovery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which generation of the OCM API a peer speaks, derived from its {@code apiVersion}; used to pick
 * payload shapes for that peer (notes §11 Q1, Q5, Q9).
 */
public enum Dialect {
    /** {@code 1.0-proposal1} and {@code 1.0.x}: legacy {@code protocol.options} only. */
    LEGACY_1_0,
    /** {@code 1.1.x} (Nextcloud up to 33): legacy {@code options}, invites, multi-protocol. */
    V1_1,
    /** {@code 1.2} and later: protocol objects, signatures, Code Flow. */
    MODERN;

    private static final Pattern VERSION = Pattern.compile("^[vV]?(\\d+)(?:\\.(\\d+))?");

    /**
     * @param apiVersion the peer's {@code apiVersion}, e.g. {@code "1.1.0"} or {@code
     *     "1.0-proposal1"}
     * @return the dialect; {@link #MODERN} when the version cannot be read (unknown peers are
     *     assumed to follow the current text)
     */
    public static Dialect of(String apiVersion) {
        Matcher matcher = VERSION.matcher(apiVersion == null ? "" : apiVersion.strip());
        if (!matcher.find()) {
            return MODERN;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
        if (major < 1 || (major == 1 && minor == 0)) {
            return LEGACY_1_0;
        }
        return major == 1 && minor == 1 ? V1_1 : MODERN;
    }
}
