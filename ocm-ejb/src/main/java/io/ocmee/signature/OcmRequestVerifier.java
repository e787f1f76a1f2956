package io.ocmee.signature;

import static io.ocmee.signature.VerificationSteps.rejected;

import io.ocmee.signature.cavage.CavageSignatureHeader;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpMessage;
import io.ocmee.signature.rfc9421.MessageSignatures;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies the signature of an inbound OCM request, RFC 9421 or draft-cavage.
 *
 * <p>RFC 9421 (OCM-NOTES §7.3): find the signature tagged {@code ocm} (more than one: reject; none:
 * fall back to an untagged signature labelled {@code ocm}, as Nextcloud sends), require the
 * components {@code "@method"}, {@code "@target-uri"}, {@code "content-digest"} and {@code
 * "content-length"} covered and {@code created}, {@code keyid} present, check the freshness window,
 * check {@code Content-Digest} and {@code Content-Length} against the body, resolve the key, derive
 * the algorithm from the key's JWK {@code alg} (checking any {@code alg} parameter), verify.
 *
 * <p>draft-cavage (§7.4): parse {@code Signature} or {@code Authorization: Signature}, require
 * {@code (request-target) date digest host content-length} signed, check the {@code Date} age,
 * {@code Digest} and {@code Content-Length}, resolve the key, verify.
 *
 * <p>Cheap checks come before key resolution, so garbage never triggers a key fetch. The verifier
 * does not detect replays inside the window: keep {@link VerifiedSignature#signature()} in a cache.
 * Thread-safe if the key resolver is.
 */
public final class OcmRequestVerifier {

    private final Rfc9421Verification rfc9421;
    private final CavageVerification cavage;

    /**
     * A verifier with {@link VerificationPolicy#DEFAULT}.
     *
     * @param resolver finds signer keys by key id
     * @param clock the verifier's notion of now
     */
    public OcmRequestVerifier(KeyResolver resolver, Clock clock) {
        this(resolver, clock, VerificationPolicy.DEFAULT);
    }

    /**
     * @param resolver finds signer keys by key id
     * @param clock the verifier's notion of now
     * @param policy the window and what is accepted
     */
    public OcmRequestVerifier(KeyResolver resolver, Clock clock, VerificationPolicy policy) {
        VerificationSteps steps =
                new VerificationSteps(
                        Objects.requireNonNull(resolver, "resolver"),
                        Objects.requireNonNull(clock, "clock"),
                        Objects.requireNonNull(policy, "policy"));
        this.rfc9421 = new Rfc9421Verification(steps);
        this.cavage = new CavageVerification(steps);
    }

    /**
     * @param request the received request: method, the public target URI as rebuilt by the server
     *     (scheme and authority as the client addressed them, also behind a TLS-terminating proxy),
     *     and every header line as received
     * @param body the exact received body bytes
     * @return the verified signature
     * @throws SignatureRejectedException with the reason, if the request has no acceptable valid
     *     signature
     */
    public VerifiedSignature verify(HttpMessage request, byte[] body)
            throws SignatureRejectedException {
        HeaderFields fields = request.fields();
        if (fields.contains(MessageSignatures.SIGNATURE_INPUT)) {
            return rfc9421.verify(request, body);
        }
        Optional<String> signature = fields.combined(MessageSignatures.SIGNATURE);
        if (signature.isPresent()) {
            return cavage.verify(request, body, signature.get(), false);
        }
        Optional<String> authorization =
                fields.combined("Authorization")
                        .filter(CavageSignatureHeader::isSignatureAuthorization);
        if (authorization.isPresent()) {
            return cavage.verify(request, body, authorization.get(), true);
        }
        throw rejected(
                RejectionReason.SIGNATURE_MISSING,
                "the request has no Signature-Input, Signature or Authorization: Signature header");
    }
}
