package io.ocmee.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Remembers the signatures seen within their validity window, so that a captured request cannot be
 * played again while its {@code created} is still fresh (OCM-NOTES §7.2: {@code created} bounds
 * lifetime but does not detect replay). Keyed by a SHA-256 of the signature bytes; entries expire
 * with their window. In memory, per server process: a cluster behind one public URL needs sticky
 * routing or accepts one replay per node (README, known gaps). Thread-safe.
 */
final class ReplayCache {

    private static final int SWEEP_EVERY = 256;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private int insertions;

    /**
     * @param signature the raw signature bytes
     * @param expires when the signature stops being acceptable anyway
     * @param now the current time
     * @return true if this is the first time, false for a replay
     */
    boolean firstSight(byte[] signature, Instant expires, Instant now) {
        sweepSometimes(now);
        AtomicBoolean first = new AtomicBoolean();
        seen.compute(
                fingerprint(signature),
                (key, until) -> {
                    if (until == null || until.isBefore(now)) {
                        first.set(true);
                        return expires;
                    }
                    return until;
                });
        return first.get();
    }

    private synchronized void sweepSometimes(Instant now) {
        if (++insertions % SWEEP_EVERY != 0) {
            return;
        }
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(now)) {
                it.remove();
            }
        }
    }

    private static String fingerprint(byte[] signature) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signature));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
