package io.ocmee.signature.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Hash algorithms recognised in digest headers: the two that RFC 9530 §5 registers as "Active" and
 * that Nextcloud sends in the legacy {@code Digest} header.
 */
public enum DigestAlgorithm {
    /** SHA-256; RFC 9530 key {@code sha-256}, legacy token {@code SHA-256}. */
    SHA_256("sha-256", "SHA-256"),
    /** SHA-512; RFC 9530 key {@code sha-512}, legacy token {@code SHA-512}. */
    SHA_512("sha-512", "SHA-512");

    private final String key;
    private final String legacyName;

    DigestAlgorithm(String key, String legacyName) {
        this.key = key;
        this.legacyName = legacyName;
    }

    /**
     * @return the RFC 9530 dictionary key, lower case
     */
    public String key() {
        return key;
    }

    /**
     * @return the RFC 3230 token, upper case as Nextcloud writes and compares it
     */
    public String legacyName() {
        return legacyName;
    }

    /**
     * @param key an RFC 9530 dictionary key (lower case by RFC 8941 rules)
     * @return the algorithm, or empty if not recognised
     */
    public static Optional<DigestAlgorithm> fromKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }

    /**
     * @param name an RFC 3230 algorithm token; compared case-insensitively (RFC 3230 §4.1.1)
     * @return the algorithm, or empty if not recognised
     */
    public static Optional<DigestAlgorithm> fromLegacyName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.legacyName.equals(upper)).findFirst();
    }

    /**
     * @param content the exact bytes
     * @return the hash of the bytes
     */
    public byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance(legacyName).digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK lacks " + legacyName, e);
        }
    }
}
