package io.ocmee.signature;

import io.ocmee.signature.crypto.MessageVerifier;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.crypto.UnsuitableKeyException;
import io.ocmee.signature.message.HeaderFields;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;

/** The steps both schemes share: freshness, body length, key lookup, algorithm acceptance. */
final class VerificationSteps {

    private final KeyResolver resolver;
    private final Clock clock;
    private final VerificationPolicy policy;

    VerificationSteps(KeyResolver resolver, Clock clock, VerificationPolicy policy) {
        this.resolver = resolver;
        this.clock = clock;
        this.policy = policy;
    }

    VerificationPolicy policy() {
        return policy;
    }

    static SignatureRejectedException rejected(RejectionReason reason, String what) {
        return new SignatureRejectedException(reason, "Signature rejected: " + what);
    }

    /** Rejects a signing time outside [now - maxAge, now + maxFutureSkew], or a passed expiry. */
    void checkFreshness(Instant created, Optional<Instant> expires)
            throws SignatureRejectedException {
        Instant now = clock.instant();
        if (created.isAfter(now.plus(policy.maxFutureSkew()))) {
            throw rejected(
                    RejectionReason.SIGNATURE_FROM_FUTURE,
                    "created "
                            + created
                            + " is more than "
                            + policy.maxFutureSkew().toSeconds()
                            + " s ahead of "
                            + now);
        }
        if (created.isBefore(now.minus(policy.maxAge()))) {
            throw rejected(
                    RejectionReason.SIGNATURE_EXPIRED,
                    "created "
                            + created
                            + " is more than "
                            + policy.maxAge().toSeconds()
                            + " s before "
                            + now);
        }
        if (expires.isPresent() && !expires.get().isAfter(now)) {
            throw rejected(RejectionReason.SIGNATURE_EXPIRED, "it expired at " + expires.get());
        }
    }

    /** Requires {@code Content-Length} to be one decimal number equal to the body length. */
    static void checkContentLength(HeaderFields fields, byte[] body)
            throws SignatureRejectedException {
        String value =
                fields.combined("Content-Length")
                        .orElseThrow(
                                () ->
                                        rejected(
                                                RejectionReason.CONTENT_LENGTH_MISMATCH,
                                                "Content-Length is absent"));
        if (!value.equals(Integer.toString(body.length))) {
            throw rejected(
                    RejectionReason.CONTENT_LENGTH_MISMATCH,
                    "Content-Length '" + value + "' differs from the body length " + body.length);
        }
    }

    /** Asks the resolver, then once more with refresh (key rotation). */
    ResolvedKey resolveKey(String keyId, SignatureScheme scheme) throws SignatureRejectedException {
        Optional<ResolvedKey> key = resolver.resolve(keyId, false, scheme);
        if (key.isEmpty()) {
            key = resolver.resolve(keyId, true, scheme);
        }
        return key.orElseThrow(
                () -> rejected(RejectionReason.KEY_NOT_FOUND, "no key with id '" + keyId + "'"));
    }

    /** Refuses symmetric algorithms (unless allowed) and RSA keys below the minimum size. */
    void checkAcceptable(SignatureAlgorithm algorithm, ResolvedKey key, String keyId)
            throws SignatureRejectedException {
        boolean symmetric = algorithm.isSymmetric() || key.key() instanceof SecretKey;
        if (symmetric && !policy.allowSymmetric()) {
            throw rejected(
                    RejectionReason.ALGORITHM_REFUSED,
                    "key '" + keyId + "' is symmetric, which OCM forbids");
        }
        if (key.key() instanceof RSAKey rsa
                && rsa.getModulus().bitLength() < policy.minimumRsaBits()) {
            throw rejected(
                    RejectionReason.ALGORITHM_REFUSED,
                    "RSA key '"
                            + keyId
                            + "' has "
                            + rsa.getModulus().bitLength()
                            + " bits, fewer than "
                            + policy.minimumRsaBits());
        }
    }

    /** Binds the key to the algorithm; a key of another type is an algorithm mismatch. */
    static MessageVerifier verifierFor(SignatureAlgorithm algorithm, ResolvedKey key, String keyId)
            throws SignatureRejectedException {
        try {
            return algorithm.verifier(key.key());
        } catch (UnsuitableKeyException e) {
            throw rejected(
                    RejectionReason.ALGORITHM_MISMATCH,
                    "key '"
                            + keyId
                            + "' does not fit "
                            + algorithm.label()
                            + " ("
                            + e.getMessage()
                            + ")");
        }
    }
}
