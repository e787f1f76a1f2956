package io.ocmee.signature;

/** The signature scheme an inbound request used. */
public enum SignatureScheme {
    /** HTTP Message Signatures, RFC 9421 ({@code Signature-Input} + {@code Signature}). */
    RFC9421,
    /**
     * draft-cavage-http-signatures-12 ({@code Signature} or {@code Authorization: Signature}), as
     * Nextcloud 31–33 sends it (OCM-NOTES §7.4).
     */
    CAVAGE
}
