package io.ocmee.signature.cavage;

/** Thrown when a draft-cavage {@code Signature} or {@code Authorization} value is malformed. */
public class MalformedCavageSignatureException extends IllegalArgumentException {

    /**
     * @param message what is wrong, in the form "Signature rejected: …"
     */
    public MalformedCavageSignatureException(String message) {
        super(message);
    }
}
