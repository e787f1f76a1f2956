package io.ocmee.signature.rfc9421;

import io.ocmee.signature.crypto.MessageSigner;
import io.ocmee.signature.crypto.MessageVerifier;
import io.ocmee.signature.message.HttpMessage;
import io.ocmee.signature.sf.BareItem;
import io.ocmee.signature.sf.Item;
import io.ocmee.signature.sf.SfDictionary;
import java.util.Arrays;

/**
 * One signature of a message: the label shared by a {@code Signature-Input} member and a {@code
 * Signature} member (RFC 9421 §4), its parameters, and the signature bytes.
 *
 * @param label the dictionary key, for example {@code ocm} or {@code sig-b21}
 * @param parameters the covered components and signature parameters
 * @param signature the signature bytes (copied in and out)
 */
public record MessageSignature(String label, SignatureParameters parameters, byte[] signature) {

    public MessageSignature {
        signature = signature.clone();
    }

    /**
     * Creates a signature over a message (RFC 9421 §3.1).
     *
     * @param label the dictionary key to use
     * @param message the message to sign, including every covered field
     * @param parameters what to cover and the signature parameters
     * @param signer the prepared private key
     * @return the signature
     * @throws MissingComponentException if a covered component is absent from the message
     */
    public static MessageSignature sign(
            String label,
            HttpMessage message,
            SignatureParameters parameters,
            MessageSigner signer) {
        SignatureBase base = SignatureBaseBuilder.build(message, parameters);
        return new MessageSignature(label, parameters, signer.sign(base.bytes()));
    }

    /**
     * Verifies this signature over a message (RFC 9421 §3.2 steps 7–8). The caller has already
     * chosen the key and applied its policy (tag, components, freshness, algorithm).
     *
     * @param message the received message
     * @param verifier the prepared key
     * @return true if the signature is valid for the message
     * @throws MissingComponentException if a covered component is absent from the message
     * @throws MalformedSignatureException if a covered component cannot be resolved
     */
    public boolean verify(HttpMessage message, MessageVerifier verifier) {
        SignatureBase base = SignatureBaseBuilder.build(message, parameters);
        return verifier.verify(base.bytes(), signature);
    }

    /**
     * @return a copy of the signature bytes
     */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * @return the {@code Signature-Input} field value for this signature alone
     */
    public String signatureInputValue() {
        return SfDictionary.of(label, parameters.innerList()).serialize();
    }

    /**
     * @return the {@code Signature} field value for this signature alone
     */
    public String signatureValue() {
        return SfDictionary.of(label, Item.of(new BareItem.ByteSequence(signature))).serialize();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageSignature that
                && label.equals(that.label)
                && parameters.equals(that.parameters)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * label.hashCode() + parameters.hashCode()) + Arrays.hashCode(signature);
    }

    /** Omits the signature bytes, which are not to be logged. */
    @Override
    public String toString() {
        return "MessageSignature[label=" + label + ", parameters=" + parameters.serialize() + "]";
    }
}
