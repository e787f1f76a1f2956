package io.ocmee.signature;

import java.util.Objects;

/**
 * An inbound request's signature was rejected. Checked, so that a caller cannot forget that
 * verification can fail. The message reads "Signature rejected: …" and never contains key material
 * or a whole signature value; key ids may appear.
 */
public class SignatureRejectedException extends Exception {

    private final RejectionReason reason;

    /**
     * @param reason the category, for mapping to a protocol error
     * @param message what was wrong
     */
    public SignatureRejectedException(RejectionReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason the category
     * @param message what was wrong
     * @param cause the parse error underneath
     */
    public SignatureRejectedException(RejectionReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @return why the signature was rejected
     */
    public RejectionReason reason() {
        return reason;
    }
}
