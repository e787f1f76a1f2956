package io.ocmee.trust;

import jakarta.ejb.ApplicationException;

/**
 * An inbound OCM request is refused for a security reason. Endpoints answer 401 (403 for {@link
 * Reason#PEER_BLOCKED}) with {@code {"message", "validationErrors": [{"name": "signature",
 * "message": <reason>}]}}. Messages never contain signatures, tokens or key material.
 */
@ApplicationException(rollback = true)
public class RequestRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. The names are the stable codes peers and operators see. */
    public enum Reason {
        SIGNATURE_MISSING,
        SIGNATURE_MALFORMED,
        SIGNATURE_INVALID,
        SIGNATURE_EXPIRED,
        SIGNATURE_FROM_FUTURE,
        SIGNATURE_REPLAYED,
        KEY_NOT_FOUND,
        DIGEST_MISSING,
        DIGEST_MISMATCH,
        COMPONENT_MISSING,
        MULTIPLE_SIGNATURES,
        ALGORITHM_MISMATCH,
        ALGORITHM_REFUSED,
        SIGNER_UNKNOWN,
        SIGNER_MISMATCH,
        PEER_BLOCKED
    }

    private final Reason reason;

    /**
     * @param reason the stable code
     * @param message the house wording, "Request rejected: ..."
     */
    public RequestRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @return the stable code
     */
    public Reason reason() {
        return reason;
    }
}
