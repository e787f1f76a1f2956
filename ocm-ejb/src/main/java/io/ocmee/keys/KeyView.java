package io.ocmee.keys;

import java.time.Instant;

/**
 * A signing key as operators see it; never carries private material.
 *
 * @param kid the key id (JWK {@code kid}, RFC 9421 {@code keyid}, cavage {@code keyId})
 * @param algorithm the RFC 9421 or cavage algorithm name
 * @param purpose which scheme it serves
 * @param state where it is in its rotation
 * @param createdAt when it was made
 * @param retiringSince when it was replaced, or {@code null}
 * @param publishedUntil until when a replaced key stays published, or {@code null}
 */
public record KeyView(
        String kid,
        String algorithm,
        KeyPurpose purpose,
        KeyState state,
        Instant createdAt,
        Instant retiringSince,
        Instant publishedUntil) {}
