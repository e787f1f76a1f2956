package io.ocmee.signature.rfc9421;

import java.nio.charset.StandardCharsets;

/**
 * The signature base of RFC 9421 §2.5: one line {@code "<component>": <value>} per covered
 * component, then the {@code "@signature-params"} line, joined by LF, without a trailing LF.
 *
 * @param text the signature base
 */
public record SignatureBase(String text) {

    /**
     * @return the bytes that are signed. Characters are encoded as ISO-8859-1, which gives back the
     *     octets of field values exactly as received by servers that decode headers that way; for
     *     the ASCII a conforming sender uses, it equals US-ASCII.
     */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return text;
    }
}
