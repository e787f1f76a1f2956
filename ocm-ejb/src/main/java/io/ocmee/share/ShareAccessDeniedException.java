package io.ocmee.share;

import jakarta.ejb.ApplicationException;

/**
 * A request for a share's resources over WebDAV presents no valid credentials for it, or the share
 * can no longer be used (OCM-NOTES §8.1). Answered 401 with a {@code WWW-Authenticate} challenge.
 * Messages never contain secrets or tokens and do not tell an unknown share from a wrong secret.
 */
@ApplicationException
public class ShareAccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the house wording, "Access rejected: ..."
     */
    public ShareAccessDeniedException(String message) {
        super(message);
    }
}
