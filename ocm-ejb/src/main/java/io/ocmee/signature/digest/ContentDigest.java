package io.ocmee.signature.digest;

import io.ocmee.signature.sf.BareItem;
import io.ocmee.signature.sf.Item;
import io.ocmee.signature.sf.Member;
import io.ocmee.signature.sf.SfDictionary;
import io.ocmee.signature.sf.StructuredFieldException;
import io.ocmee.signature.sf.StructuredFieldParser;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code Content-Digest} field of RFC 9530 §2: a Structured-Field Dictionary from algorithm key
 * to a Byte Sequence holding the hash of the message content.
 */
public final class ContentDigest {

    /** The field name, as written on the wire. */
    public static final String FIELD_NAME = "Content-Digest";

    private ContentDigest() {}

    /**
     * Computes the field value for one algorithm, for example {@code sha-256=:X48E…PE=:}.
     *
     * @param algorithm the hash
     * @param content the exact content bytes (possibly empty)
     * @return the serialised field value
     */
    public static String compute(DigestAlgorithm algorithm, byte[] content) {
        return serialize(Map.of(algorithm, algorithm.digest(content)));
    }

    /**
     * @param digests hash values by algorithm; serialised in enum order
     * @return the serialised field value
     */
    public static String serialize(Map<DigestAlgorithm, byte[]> digests) {
        Map<String, Member> members = new LinkedHashMap<>();
        new EnumMap<>(digests)
                .forEach((a, d) -> members.put(a.key(), Item.of(new BareItem.ByteSequence(d))));
        return new SfDictionary(members).serialize();
    }

    /**
     * Parses a field value and keeps the recognised algorithms. Unknown keys are ignored as RFC
     * 9530 §2 requires; their values must still be Byte Sequences.
     *
     * @param fieldValue the combined field value
     * @return the recognised digests by algorithm, never empty
     * @throws DigestFormatException if the value is not a dictionary of byte sequences, a
     *     recognised digest has the wrong length, or no algorithm is recognised
     */
    public static Map<DigestAlgorithm, byte[]> parse(String fieldValue) {
        SfDictionary dictionary = parseDictionary(fieldValue);
        Map<DigestAlgorithm, byte[]> digests = new EnumMap<>(DigestAlgorithm.class);
        dictionary.members().forEach((key, member) -> collect(digests, key, member));
        if (digests.isEmpty()) {
            throw new DigestFormatException(
                    "Content-Digest rejected: no recognised algorithm (sha-256, sha-512) in '"
                            + String.join(", ", dictionary.members().keySet())
                            + "'",
                    true);
        }
        return Collections.unmodifiableMap(digests);
    }

    /**
     * Checks a received field value against the received content: every recognised algorithm must
     * match (RFC 9530 §2; OCM-NOTES §7.3 step 3).
     *
     * @param fieldValue the combined field value
     * @param content the exact received content bytes
     * @return true if every recognised digest matches; false if any does not
     * @throws DigestFormatException as {@link #parse(String)}
     */
    public static boolean matches(String fieldValue, byte[] content) {
        return parse(fieldValue).entrySet().stream()
                .allMatch(e -> MessageDigest.isEqual(e.getKey().digest(content), e.getValue()));
    }

    private static SfDictionary parseDictionary(String fieldValue) {
        try {
            return StructuredFieldParser.parseDictionary(fieldValue);
        } catch (StructuredFieldException e) {
            throw new DigestFormatException(
                    "Content-Digest rejected: not a Structured-Field Dictionary ("
                            + e.getMessage()
                            + ")",
                    false);
        }
    }

    private static void collect(Map<DigestAlgorithm, byte[]> digests, String key, Member member) {
        if (!(member instanceof Item item && item.value() instanceof BareItem.ByteSequence bytes)) {
            throw new DigestFormatException(
                    "Content-Digest rejected: the value of '" + key + "' is not a Byte Sequence",
                    false);
        }
        DigestAlgorithm.fromKey(key)
                .ifPresent(algorithm -> digests.put(algorithm, checked(algorithm, bytes)));
    }

    private static byte[] checked(DigestAlgorithm algorithm, BareItem.ByteSequence bytes) {
        int expected = algorithm.digest(new byte[0]).length;
        if (bytes.length() != expected) {
            throw new DigestFormatException(
                    "Content-Digest rejected: a "
                            + algorithm.key()
                            + " digest has "
                            + expected
                            + " bytes, got "
                            + bytes.length(),
                    false);
        }
        return bytes.bytes();
    }
}
