package io.ocmee.signature;

import static io.ocmee.signature.VerificationSteps.rejected;

import io.ocmee.signature.cavage.CavageSignatureHeader;
import io.ocmee.signature.cavage.CavageSigningString;
import io.ocmee.signature.cavage.MalformedCavageSignatureException;
import io.ocmee.signature.cavage.MissingHeaderException;
import io.ocmee.signature.crypto.MessageVerifier;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.digest.DigestFormatException;
import io.ocmee.signature.digest.LegacyDigest;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpDate;
import io.ocmee.signature.message.HttpMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Verifies a draft-cavage-12 signature the way Nextcloud checks them (OCM-NOTES §7.4). */
final class CavageVerification {

    /** Headers that must be signed: Nextcloud requires the same set (OCM-NOTES §7.4). */
    static final List<String> REQUIRED_HEADERS =
            List.of("(request-target)", "date", "digest", "host", "content-length");

    private final VerificationSteps steps;

    CavageVerification(VerificationSteps steps) {
        this.steps = steps;
    }

    VerifiedSignature verify(
            HttpMessage request, byte[] body, String headerValue, boolean authorization)
            throws SignatureRejectedException {
        requireEnabled();
        CavageSignatureHeader header = parse(headerValue, authorization);

        requireHeaders(header);
        Instant created = signingTime(request.fields(), header);
        steps.checkFreshness(created, header.expiresTime().map(Instant::ofEpochSecond));

        checkDigest(request.fields(), body);
        VerificationSteps.checkContentLength(request.fields(), body);

        ResolvedKey key = steps.resolveKey(header.keyId(), SignatureScheme.CAVAGE);
        SignatureAlgorithm algorithm = algorithmFor(header, key);
        verifySignature(
                request, header, VerificationSteps.verifierFor(algorithm, key, header.keyId()));

        return new VerifiedSignature(
                header.keyId(), algorithm, SignatureScheme.CAVAGE, created, header.signature());
    }

    private void requireEnabled() throws SignatureRejectedException {
        if (!steps.policy().acceptCavage()) {
            throw rejected(
                    RejectionReason.ALGORITHM_REFUSED,
                    "draft-cavage signatures are not accepted, sign with RFC 9421");
        }
    }

    private static CavageSignatureHeader parse(String value, boolean authorization)
            throws SignatureRejectedException {
        try {
            return authorization
                    ? CavageSignatureHeader.parseAuthorization(value)
                    : CavageSignatureHeader.parse(value);
        } catch (MalformedCavageSignatureException e) {
            throw new SignatureRejectedException(
                    RejectionReason.SIGNATURE_MALFORMED, e.getMessage(), e);
        }
    }

    private static void requireHeaders(CavageSignatureHeader header)
            throws SignatureRejectedException {
        for (String name : REQUIRED_HEADERS) {
            if (!header.headers().contains(name)) {
                throw rejected(
                        RejectionReason.COMPONENT_MISSING, "header '" + name + "' is not signed");
            }
        }
    }

    /** The {@code created} parameter if sent, else the signed {@code Date} header. */
    private static Instant signingTime(HeaderFields fields, CavageSignatureHeader header)
            throws SignatureRejectedException {
        String date =
                fields.combined("Date")
                        .orElseThrow(
                                () ->
                                        rejected(
                                                RejectionReason.COMPONENT_MISSING,
                                                "signed header 'date' is not present in the"
                                                        + " message"));
        Optional<Instant> parsed = HttpDate.parse(date);
        if (parsed.isEmpty()) {
            throw rejected(RejectionReason.SIGNATURE_MALFORMED, "Date is not an HTTP date");
        }
        return header.createdTime().map(Instant::ofEpochSecond).orElse(parsed.get());
    }

    private static void checkDigest(HeaderFields fields, byte[] body)
            throws SignatureRejectedException {
        String value =
                fields.combined(LegacyDigest.FIELD_NAME)
                        .orElseThrow(
                                () -> rejected(RejectionReason.DIGEST_MISSING, "Digest is absent"));
        boolean matches;
        try {
            matches = LegacyDigest.matches(value, body);
        } catch (DigestFormatException e) {
            RejectionReason reason =
                    e.noRecognisedAlgorithm()
                            ? RejectionReason.DIGEST_MISSING
                            : RejectionReason.DIGEST_MALFORMED;
            throw new SignatureRejectedException(reason, e.getMessage(), e);
        }
        if (!matches) {
            throw rejected(RejectionReason.DIGEST_MISMATCH, "Digest does not match the body");
        }
    }

    /**
     * The {@code algorithm} parameter decides ({@code rsa-sha256} or {@code rsa-sha512}); without
     * it, the key's JWK {@code alg}. When both exist they must agree.
     */
    private SignatureAlgorithm algorithmFor(CavageSignatureHeader header, ResolvedKey key)
            throws SignatureRejectedException {
        Optional<SignatureAlgorithm> fromKey =
                key.algorithm().flatMap(SignatureAlgorithm::fromJwkAlgorithm);
        SignatureAlgorithm algorithm;
        if (header.algorithm() == null) {
            algorithm =
                    fromKey.orElseThrow(
                            () ->
                                    rejected(
                                            RejectionReason.ALGORITHM_REFUSED,
                                            "no algorithm parameter and no alg on key '"
                                                    + header.keyId()
                                                    + "'"));
        } else {
            algorithm =
                    SignatureAlgorithm.fromCavageName(header.algorithm())
                            .orElseThrow(
                                    () ->
                                            rejected(
                                                    RejectionReason.ALGORITHM_REFUSED,
                                                    "algorithm '"
                                                            + header.algorithm()
                                                            + "' is not supported"));
        }
        if (fromKey.isPresent() && fromKey.get() != algorithm) {
            throw rejected(
                    RejectionReason.ALGORITHM_MISMATCH,
                    "algorithm '" + header.algorithm() + "' disagrees with the key's alg");
        }
        steps.checkAcceptable(algorithm, key, header.keyId());
        return algorithm;
    }

    private static void verifySignature(
            HttpMessage request, CavageSignatureHeader header, MessageVerifier verifier)
            throws SignatureRejectedException {
        byte[] signingString;
        try {
            signingString =
                    CavageSigningString.bytes(
                            CavageSigningString.build(
                                    request, header.headers(), header.created(), header.expires()));
        } catch (MissingHeaderException e) {
            throw new SignatureRejectedException(
                    RejectionReason.COMPONENT_MISSING, e.getMessage(), e);
        } catch (MalformedCavageSignatureException e) {
            throw new SignatureRejectedException(
                    RejectionReason.SIGNATURE_MALFORMED, e.getMessage(), e);
        }
        if (!verifier.verify(signingString, header.signature())) {
            throw rejected(
                    RejectionReason.SIGNATURE_INVALID,
                    "the draft-cavage signature does not verify");
        }
    }
}
