package io.ocmee.signature.rfc9421;

import io.ocmee.signature.sf.BareItem;
import io.ocmee.signature.sf.InnerList;
import io.ocmee.signature.sf.Item;
import io.ocmee.signature.sf.Member;
import io.ocmee.signature.sf.SfDictionary;
import io.ocmee.signature.sf.StructuredFieldException;
import io.ocmee.signature.sf.StructuredFieldParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses the {@code Signature-Input} and {@code Signature} fields of RFC 9421 §4 together. */
public final class MessageSignatures {

    /** Field name of the signature parameters. */
    public static final String SIGNATURE_INPUT = "Signature-Input";

    /** Field name of the signature values. */
    public static final String SIGNATURE = "Signature";

    private MessageSignatures() {}

    /**
     * Pairs each {@code Signature-Input} member with the {@code Signature} member of the same
     * label.
     *
     * @param signatureInput the combined {@code Signature-Input} field value
     * @param signature the combined {@code Signature} field value
     * @return every signature, in {@code Signature-Input} order
     * @throws MalformedSignatureException if either field is not a dictionary, a member has the
     *     wrong type, a label is present in one field only, or parameters are invalid
     */
    public static List<MessageSignature> parse(String signatureInput, String signature) {
        SfDictionary inputs = parseDictionary(SIGNATURE_INPUT, signatureInput);
        SfDictionary values = parseDictionary(SIGNATURE, signature);
        requireSameLabels(inputs, values);
        List<MessageSignature> signatures = new ArrayList<>();
        for (Map.Entry<String, Member> input : inputs.members().entrySet()) {
            String label = input.getKey();
            signatures.add(
                    new MessageSignature(
                            label,
                            parameters(label, input.getValue()),
                            bytes(label, values.get(label).orElseThrow())));
        }
        return signatures;
    }

    private static SfDictionary parseDictionary(String fieldName, String value) {
        try {
            return StructuredFieldParser.parseDictionary(value);
        } catch (StructuredFieldException e) {
            throw new MalformedSignatureException(
                    "Signature rejected: " + fieldName + " is malformed: " + e.getMessage(), e);
        }
    }

    private static void requireSameLabels(SfDictionary inputs, SfDictionary values) {
        for (String label : inputs.members().keySet()) {
            if (values.get(label).isEmpty()) {
                throw new MalformedSignatureException(
                        "Signature rejected: label '" + label + "' has no Signature value");
            }
        }
        for (String label : values.members().keySet()) {
            if (inputs.get(label).isEmpty()) {
                throw new MalformedSignatureException(
                        "Signature rejected: label '" + label + "' has no Signature-Input");
            }
        }
    }

    private static SignatureParameters parameters(String label, Member member) {
        if (!(member instanceof InnerList list)) {
            throw new MalformedSignatureException(
                    "Signature rejected: Signature-Input member '"
                            + label
                            + "' is not an Inner List");
        }
        return new SignatureParameters(list);
    }

    private static byte[] bytes(String label, Member member) {
        if (!(member instanceof Item item && item.value() instanceof BareItem.ByteSequence bytes)) {
            throw new MalformedSignatureException(
                    "Signature rejected: Signature member '" + label + "' is not a Byte Sequence");
        }
        return bytes.bytes();
    }
}
