package io.ocmee.signature.sf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Base64;

/**
 * A bare item of RFC 8941 §3.3: String, Token, Integer, Decimal, Boolean or Byte Sequence. Each
 * variant is an immutable record that validates its content on construction, so every instance can
 * be serialised.
 */
public sealed interface BareItem
        permits BareItem.SfString,
                BareItem.Token,
                BareItem.SfInteger,
                BareItem.SfDecimal,
                BareItem.SfBoolean,
                BareItem.ByteSequence {

    /**
     * @return the RFC 8941 §4.1.3 serialisation of this bare item
     */
    String serialize();

    /**
     * An sf-string (RFC 8941 §3.3.3): printable ASCII only.
     *
     * @param value the unescaped text; 0x20–0x7E only
     */
    record SfString(String value) implements BareItem {
        /**
         * @throws StructuredFieldException if the text contains a non-printable-ASCII character
         */
        public SfString {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7E) {
                    throw new StructuredFieldException(
                            "Structured field rejected: a String may hold only printable ASCII,"
                                    + " found character 0x"
                                    + Integer.toHexString(c),
                            -1);
                }
            }
        }

        @Override
        public String serialize() {
            StringBuilder out = new StringBuilder(value.length() + 2).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.append('"').toString();
        }
    }

    /**
     * An sf-token (RFC 8941 §3.3.4), for example {@code sha-256} or {@code application/json}.
     *
     * @param value the token text
     */
    record Token(String value) implements BareItem {
        /**
         * @throws StructuredFieldException if the text is not a valid token
         */
        public Token {
            if (!Characters.isToken(value)) {
                throw new StructuredFieldException(
                        "Structured field rejected: '" + value + "' is not a valid Token", -1);
            }
        }

        @Override
        public String serialize() {
            return value;
        }
    }

    /**
     * An sf-integer (RFC 8941 §3.3.1): at most 15 decimal digits.
     *
     * @param value the number, within ±999,999,999,999,999
     */
    record SfInteger(long value) implements BareItem {
        /** Largest magnitude RFC 8941 allows. */
        public static final long MAX = 999_999_999_999_999L;

        /**
         * @throws StructuredFieldException if the value has more than 15 digits
         */
        public SfInteger {
            if (value > MAX || value < -MAX) {
                throw new StructuredFieldException(
                        "Structured field rejected: an Integer may have at most 15 digits", -1);
            }
        }

        @Override
        public String serialize() {
            return Long.toString(value);
        }
    }

    /**
     * An sf-decimal (RFC 8941 §3.3.2): at most 12 integer digits and 3 fraction digits.
     *
     * @param value the number; rounded half-even to 3 fraction digits on serialisation
     */
    record SfDecimal(BigDecimal value) implements BareItem {
        /**
         * @throws StructuredFieldException if the integer part has more than 12 digits
         */
        public SfDecimal {
            BigDecimal rounded = value.setScale(3, RoundingMode.HALF_EVEN);
            if (rounded.abs().compareTo(new BigDecimal("999999999999.999")) > 0) {
                throw new StructuredFieldException(
                        "Structured field rejected: a Decimal may have at most 12 integer digits",
                        -1);
            }
        }

        @Override
        public String serialize() {
            BigDecimal rounded = value.setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
            if (rounded.scale() < 1) {
                rounded = rounded.setScale(1);
            }
            return rounded.toPlainString();
        }
    }

    /**
     * An sf-boolean (RFC 8941 §3.3.6), serialised {@code ?1} or {@code ?0}.
     *
     * @param value the truth value
     */
    record SfBoolean(boolean value) implements BareItem {
        @Override
        public String serialize() {
            return value ? "?1" : "?0";
        }
    }

    /**
     * An sf-binary (RFC 8941 §3.3.5), serialised as {@code :base64:}. The bytes are copied in and
     * out, so the record stays immutable.
     *
     * @param bytes the content
     */
    record ByteSequence(byte[] bytes) implements BareItem {
        public ByteSequence {
            bytes = bytes.clone();
        }

        /**
         * @return a copy of the content
         */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /**
         * @return the number of bytes, without copying them
         */
        public int length() {
            return bytes.length;
        }

        @Override
        public String serialize() {
            return ':' + Base64.getEncoder().encodeToString(bytes) + ':';
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByteSequence that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        /** Shows only the length: byte sequences may be signatures, which are not logged. */
        @Override
        public String toString() {
            return "ByteSequence[" + bytes.length + " bytes]";
        }
    }
}
