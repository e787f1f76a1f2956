package io.ocmee.signature;

import java.time.Duration;
import java.util.Objects;

/**
 * What an {@link OcmRequestVerifier} accepts.
 *
 * @param maxFutureSkew how far {@code created} may lie ahead of the verifier's clock
 * @param maxAge how old {@code created} may be
 * @param allowSymmetric whether HMAC keys are acceptable; OCM forbids them (OCM-NOTES §7.2), so
 *     only tests of the RFC 9421 example turn this on
 * @param acceptCavage whether draft-cavage signatures are verified (true to talk to Nextcloud
 *     31–33); when false they are rejected as {@link RejectionReason#ALGORITHM_REFUSED}
 * @param minimumRsaBits the smallest RSA modulus accepted
 */
public record VerificationPolicy(
        Duration maxFutureSkew,
        Duration maxAge,
        boolean allowSymmetric,
        boolean acceptCavage,
        int minimumRsaBits) {

    /**
     * The OCM default: 60 s ahead and 300 s old (the window Nextcloud uses, OCM-NOTES §11 Q23), no
     * HMAC, cavage accepted, RSA at least 2048 bits.
     */
    public static final VerificationPolicy DEFAULT =
            new VerificationPolicy(
                    Duration.ofSeconds(60), Duration.ofSeconds(300), false, true, 2048);

    /**
     * @throws IllegalArgumentException if a duration is negative
     */
    public VerificationPolicy {
        Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxFutureSkew.isNegative() || maxAge.isNegative()) {
            throw new IllegalArgumentException("Verification policy rejected: negative window");
        }
    }

    /**
     * @return a copy with another freshness window
     */
    public VerificationPolicy withWindow(Duration newMaxFutureSkew, Duration newMaxAge) {
        return new VerificationPolicy(
                newMaxFutureSkew, newMaxAge, allowSymmetric, acceptCavage, minimumRsaBits);
    }

    /**
     * @return a copy that accepts or refuses draft-cavage signatures
     */
    public VerificationPolicy withCavage(boolean accept) {
        return new VerificationPolicy(
                maxFutureSkew, maxAge, allowSymmetric, accept, minimumRsaBits);
    }
}
