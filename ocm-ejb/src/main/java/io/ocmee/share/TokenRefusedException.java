package io.ocmee.share;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * A token request is refused. The token endpoint answers 400 {@code {"error": <code>,
 * "error_description": <message>}} (OCM-NOTES §6). Messages never contain the code or a token.
 */
@ApplicationException(rollback = true)
public class TokenRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final TokenError error;

    /**
     * @param error the RFC 6749 error code
     * @param message the house wording, "Token request rejected: ..."
     */
    public TokenRefusedException(TokenError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    /**
     * @return the error code
     */
    public TokenError error() {
        return error;
    }
}
