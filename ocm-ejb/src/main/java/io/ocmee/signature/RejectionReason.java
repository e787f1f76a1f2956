package io.ocmee.signature;

/**
 * Why an inbound request's signature was rejected. The server maps every reason to its protocol
 * error (OCM answers 400/401 with {@code {"message"}}; Nextcloud expects 400, OCM-NOTES §11 Q7).
 */
public enum RejectionReason {
    /** No signature at all, or none tagged or labelled {@code ocm}. */
    SIGNATURE_MISSING,
    /** A signature field or parameter is syntactically or semantically invalid. */
    SIGNATURE_MALFORMED,
    /** The signature does not verify with the signer's key. */
    SIGNATURE_INVALID,
    /** The key resolver knows no key with the signature's key id, even after one refresh. */
    KEY_NOT_FOUND,
    /** The digest header the signature relies on is absent, or names no recognised algorithm. */
    DIGEST_MISSING,
    /** The digest header is present but malformed. */
    DIGEST_MALFORMED,
    /** The digest header does not match the received body. */
    DIGEST_MISMATCH,
    /** {@code Content-Length} is absent, malformed, or differs from the received body length. */
    CONTENT_LENGTH_MISMATCH,
    /**
     * {@code created} (or {@code Date}) is older than the window, or {@code expires} has passed.
     */
    SIGNATURE_EXPIRED,
    /** {@code created} (or {@code Date}) lies further in the future than the allowed skew. */
    SIGNATURE_FROM_FUTURE,
    /** A component OCM requires is not covered, or a covered component is absent. */
    COMPONENT_MISSING,
    /** {@code created} or {@code keyid} is absent. */
    PARAMETER_MISSING,
    /** More than one signature carries {@code tag="ocm"}. */
    MULTIPLE_SIGNATURES,
    /** The signature's {@code alg} disagrees with the key's, or the key does not fit it. */
    ALGORITHM_MISMATCH,
    /** The algorithm is not acceptable: {@code none}, unknown, symmetric, or a too-short key. */
    ALGORITHM_REFUSED
}
