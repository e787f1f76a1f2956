package io.ocmee.signature.digest;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The legacy {@code Digest} field (RFC 3230 §4.3.2, obsoleted by RFC 9530) as draft-cavage signers
 * send it: {@code SHA-256=<base64>} or {@code SHA-512=<base64>}, several separated by commas.
 * Nextcloud sends {@code SHA-512=} (OCM-NOTES §7.4).
 */
public final class LegacyDigest {

    /** The field name, as written on the wire. */
    public static final String FIELD_NAME = "Digest";

    private LegacyDigest() {}

    /**
     * @param algorithm the hash
     * @param content the exact content bytes
     * @return the field value, for example {@code SHA-512=WZDP…ew==}
     */
    public static String compute(DigestAlgorithm algorithm, byte[] content) {
        return algorithm.legacyName()
                + '='
                + Base64.getEncoder().encodeToString(algorithm.digest(content));
    }

    /**
     * Parses a field value; unknown algorithms are ignored.
     *
     * @param fieldValue the combined field value
     * @return the recognised digests by algorithm, never empty
     * @throws DigestFormatException if an entry is not {@code name=base64}, a recognised value is
     *     not valid base64 of the right length, or no algorithm is recognised
     */
    public static Map<DigestAlgorithm, byte[]> parse(String fieldValue) {
        Map<DigestAlgorithm, byte[]> digests = new EnumMap<>(DigestAlgorithm.class);
        for (String entry : fieldValue.split(",", -1)) {
            collect(digests, entry.strip());
        }
        if (digests.isEmpty()) {
            throw new DigestFormatException(
                    "Digest rejected: no recognised algorithm (SHA-256, SHA-512)", true);
        }
        return Collections.unmodifiableMap(digests);
    }

    /**
     * @param fieldValue the combined field value
     * @param content the exact received content bytes
     * @return true if every recognised digest matches the content
     * @throws DigestFormatException as {@link #parse(String)}
     */
    public static boolean matches(String fieldValue, byte[] content) {
        return parse(fieldValue).entrySet().stream()
                .allMatch(e -> MessageDigest.isEqual(e.getKey().digest(content), e.getValue()));
    }

    private static void collect(Map<DigestAlgorithm, byte[]> digests, String entry) {
        int equals = entry.indexOf('=');
        if (equals <= 0) {
            throw new DigestFormatException(
                    "Digest rejected: an entry is not of the form <algorithm>=<base64>", false);
        }
        String name = entry.substring(0, equals);
        DigestAlgorithm.fromLegacyName(name)
                .ifPresent(a -> digests.put(a, decode(a, entry.substring(equals + 1))));
    }

    private static byte[] decode(DigestAlgorithm algorithm, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new DigestFormatException(
                    "Digest rejected: the " + algorithm.legacyName() + " value is not base64",
                    false);
        }
        int expected = algorithm.digest(new byte[0]).length;
        if (bytes.length != expected) {
            throw new DigestFormatException(
                    "Digest rejected: a "
                            + algorithm.legacyName()
                            + " digest has "
                            + expected
                            + " bytes, got "
                            + bytes.length,
                    false);
        }
        return bytes;
    }
}
