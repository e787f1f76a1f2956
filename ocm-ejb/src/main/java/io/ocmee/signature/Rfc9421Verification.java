package io.ocmee.signature;

import static io.ocmee.signature.VerificationSteps.rejected;

import io.ocmee.signature.crypto.MessageVerifier;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.digest.ContentDigest;
import io.ocmee.signature.digest.DigestFormatException;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpMessage;
import io.ocmee.signature.rfc9421.MalformedSignatureException;
import io.ocmee.signature.rfc9421.MessageSignature;
import io.ocmee.signature.rfc9421.MessageSignatures;
import io.ocmee.signature.rfc9421.MissingComponentException;
import io.ocmee.signature.rfc9421.SignatureParameters;
import java.time.Instant;
import java.util.List;

/** Verifies the OCM signature of a request signed with RFC 9421 (OCM-NOTES §7.3). */
final class Rfc9421Verification {

    /** Components OCM requires to be covered (OCM-NOTES §7.2, checklist 78). */
    static final List<String> REQUIRED_COMPONENTS =
            List.of("@method", "@target-uri", "content-digest", "content-length");

    private final VerificationSteps steps;

    Rfc9421Verification(VerificationSteps steps) {
        this.steps = steps;
    }

    VerifiedSignature verify(HttpMessage request, byte[] body) throws SignatureRejectedException {
        MessageSignature signature = selectOcmSignature(parseSignatures(request.fields()));
        SignatureParameters parameters = signature.parameters();

        requireComponents(parameters);
        String keyId = requireKeyId(parameters);
        Instant created = requireCreated(parameters);
        steps.checkFreshness(created, parameters.expires());

        checkContentDigest(request.fields(), body);
        VerificationSteps.checkContentLength(request.fields(), body);

        ResolvedKey key = steps.resolveKey(keyId, SignatureScheme.RFC9421);
        SignatureAlgorithm algorithm = algorithmFor(key, parameters, keyId);
        verifySignature(request, signature, VerificationSteps.verifierFor(algorithm, key, keyId));

        return new VerifiedSignature(
                keyId, algorithm, SignatureScheme.RFC9421, created, signature.signature());
    }

    private static List<MessageSignature> parseSignatures(HeaderFields fields)
            throws SignatureRejectedException {
        String input = fields.combined(MessageSignatures.SIGNATURE_INPUT).orElseThrow();
        String values =
                fields.combined(MessageSignatures.SIGNATURE)
                        .orElseThrow(
                                () ->
                                        rejected(
                                                RejectionReason.SIGNATURE_MALFORMED,
                                                "Signature-Input is present but Signature is"
                                                        + " absent"));
        try {
            return MessageSignatures.parse(input, values);
        } catch (MalformedSignatureException e) {
            throw new SignatureRejectedException(
                    RejectionReason.SIGNATURE_MALFORMED, e.getMessage(), e);
        }
    }

    /**
     * Picks the one signature tagged {@code ocm}; with none tagged, the signature labelled {@code
     * ocm} that has no tag at all (Nextcloud, OCM-NOTES §11 Q23).
     */
    private static MessageSignature selectOcmSignature(List<MessageSignature> signatures)
            throws SignatureRejectedException {
        List<MessageSignature> tagged =
                signatures.stream()
                        .filter(
                                s ->
                                        s.parameters()
                                                .tag()
                                                .filter(OcmRequestSigner.TAG::equals)
                                                .isPresent())
                        .toList();
        if (tagged.size() > 1) {
            throw rejected(
                    RejectionReason.MULTIPLE_SIGNATURES,
                    tagged.size() + " signatures carry tag=\"ocm\", at most one may");
        }
        if (tagged.size() == 1) {
            return tagged.get(0);
        }
        return signatures.stream()
                .filter(s -> s.label().equals(OcmRequestSigner.LABEL))
                .filter(s -> s.parameters().tag().isEmpty())
                .findFirst()
                .orElseThrow(
                        () ->
                                rejected(
                                        RejectionReason.SIGNATURE_MISSING,
                                        "no signature carries tag=\"ocm\" or the label ocm"));
    }

    private static void requireComponents(SignatureParameters parameters)
            throws SignatureRejectedException {
        for (String component : REQUIRED_COMPONENTS) {
            if (!parameters.covers(component)) {
                throw rejected(
                        RejectionReason.COMPONENT_MISSING,
                        "component \"" + component + "\" is not covered");
            }
        }
    }

    private static String requireKeyId(SignatureParameters parameters)
            throws SignatureRejectedException {
        return parameters
                .keyId()
                .orElseThrow(
                        () ->
                                rejected(
                                        RejectionReason.PARAMETER_MISSING,
                                        "parameter keyid is absent"));
    }

    private static Instant requireCreated(SignatureParameters parameters)
            throws SignatureRejectedException {
        return parameters
                .created()
                .orElseThrow(
                        () ->
                                rejected(
                                        RejectionReason.PARAMETER_MISSING,
                                        "parameter created is absent"));
    }

    /** Every recognised algorithm in Content-Digest must match the body (RFC 9530 §2). */
    private static void checkContentDigest(HeaderFields fields, byte[] body)
            throws SignatureRejectedException {
        String value =
                fields.combined(ContentDigest.FIELD_NAME)
                        .orElseThrow(
                                () ->
                                        rejected(
                                                RejectionReason.DIGEST_MISSING,
                                                "Content-Digest is absent"));
        boolean matches;
        try {
            matches = ContentDigest.matches(value, body);
        } catch (DigestFormatException e) {
            RejectionReason reason =
                    e.noRecognisedAlgorithm()
                            ? RejectionReason.DIGEST_MISSING
                            : RejectionReason.DIGEST_MALFORMED;
            throw new SignatureRejectedException(reason, e.getMessage(), e);
        }
        if (!matches) {
            throw rejected(
                    RejectionReason.DIGEST_MISMATCH, "Content-Digest does not match the body");
        }
    }

    /**
     * The algorithm is the one the key's JWK {@code alg} names; an {@code alg} signature parameter,
     * if present, must name the same (OCM-NOTES §7.2, checklist 82).
     */
    private SignatureAlgorithm algorithmFor(
            ResolvedKey key, SignatureParameters parameters, String keyId)
            throws SignatureRejectedException {
        String jwkAlg =
                key.algorithm()
                        .orElseThrow(
                                () ->
                                        rejected(
                                                RejectionReason.ALGORITHM_REFUSED,
                                                "key '" + keyId + "' has no alg"));
        SignatureAlgorithm algorithm =
                SignatureAlgorithm.fromJwkAlgorithm(jwkAlg)
                        .orElseThrow(
                                () ->
                                        rejected(
                                                RejectionReason.ALGORITHM_REFUSED,
                                                "key '"
                                                        + keyId
                                                        + "' has unacceptable alg '"
                                                        + jwkAlg
                                                        + "'"));
        steps.checkAcceptable(algorithm, key, keyId);
        if (parameters.algorithm().isPresent()
                && !parameters.algorithm().equals(algorithm.rfc9421Name())) {
            throw rejected(
                    RejectionReason.ALGORITHM_MISMATCH,
                    "alg=\""
                            + parameters.algorithm().get()
                            + "\" disagrees with the key's alg '"
                            + jwkAlg
                            + "'");
        }
        return algorithm;
    }

    private static void verifySignature(
            HttpMessage request, MessageSignature signature, MessageVerifier verifier)
            throws SignatureRejectedException {
        boolean valid;
        try {
            valid = signature.verify(request, verifier);
        } catch (MissingComponentException e) {
            throw new SignatureRejectedException(
                    RejectionReason.COMPONENT_MISSING, e.getMessage(), e);
        } catch (MalformedSignatureException e) {
            throw new SignatureRejectedException(
                    RejectionReason.SIGNATURE_MALFORMED, e.getMessage(), e);
        }
        if (!valid) {
            throw rejected(
                    RejectionReason.SIGNATURE_INVALID,
                    "the signature labelled " + signature.label() + " does not verify");
        }
    }
}
