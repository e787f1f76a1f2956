package io.ocmee.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Shared secrets (OCM-NOTES §3.4 {@code webdav.sharedSecret}) and opaque ids. Thread-safe. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /**
     * @return a new secret of 256 random bits, base64url without padding (43 characters)
     */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @return a new opaque provider id: a random UUID (122 random bits)
     */
    public static String newProviderId() {
        return UUID.randomUUID().toString();
    }

    /**
     * @param secret a shared secret
     * @return its SHA-256 in lower-case hex, the only form in which our own secrets are stored
     */
    public static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
