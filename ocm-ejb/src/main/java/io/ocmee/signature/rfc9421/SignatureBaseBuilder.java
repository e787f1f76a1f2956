package io.ocmee.signature.rfc9421;

import io.ocmee.signature.message.HttpMessage;

/**
 * Creates the signature base of RFC 9421 §2.5 for a message and a set of signature parameters.
 * Stateless and thread-safe.
 */
public final class SignatureBaseBuilder {

    private SignatureBaseBuilder() {}

    /**
     * Follows §2.5: for each covered component, in order, resolve its value from the message and
     * emit {@code "<identifier>": <value>}; finally emit the {@code "@signature-params"} line.
     *
     * @param message the request or response
     * @param parameters the covered components and signature parameters
     * @return the signature base
     * @throws MissingComponentException if a covered component cannot be resolved from the message
     * @throws MalformedSignatureException if a component is not applicable (for example a {@code
     *     sf} parameter on a field whose structured type is unknown) or a value holds a character
     *     outside ISO-8859-1
     */
    public static SignatureBase build(HttpMessage message, SignatureParameters parameters) {
        StringBuilder base = new StringBuilder(256);
        for (ComponentIdentifier component : parameters.components()) {
            String value = ComponentValues.resolve(message, component);
            base.append(component.serialize()).append(": ").append(value).append('\n');
        }
        base.append("\"@signature-params\": ").append(parameters.serialize());
        requireLatin1(base);
        return new SignatureBase(base.toString());
    }

    private static void requireLatin1(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                throw new MalformedSignatureException(
                        "Signature rejected: a covered value holds a character that cannot be"
                                + " signed (not ISO-8859-1)");
            }
        }
    }
}
