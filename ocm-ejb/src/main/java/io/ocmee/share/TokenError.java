package io.ocmee.share;

import java.util.Locale;

/**
 * The error codes the token endpoint may answer (OCM-NOTES §6, RFC 6749 §5.2), each with the
 * request that earns it here.
 */
public enum TokenError {
    /**
     * Not a form body, or {@code grant_type}, {@code client_id} or {@code code} missing or sent
     * twice.
     */
    INVALID_REQUEST,
    /** {@code client_id} is not a host, or names another server than the one that signed. */
    INVALID_CLIENT,
    /** The code is no secret of a live, unexpired share of this server. */
    INVALID_GRANT,
    /** The code is genuine, but its share was made with a user of another server. */
    UNAUTHORIZED_CLIENT,
    /**
     * {@code grant_type} is neither {@code authorization_code} nor the legacy {@code ocm_share}.
     */
    UNSUPPORTED_GRANT_TYPE;

    /**
     * @return the wire code, e.g. {@code invalid_grant}
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
