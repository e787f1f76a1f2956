package io.ocmee.signature;

import io.ocmee.signature.crypto.MessageSigner;
import io.ocmee.signature.digest.ContentDigest;
import io.ocmee.signature.digest.DigestAlgorithm;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpDate;
import io.ocmee.signature.message.HttpMessage;
import io.ocmee.signature.rfc9421.MessageSignature;
import io.ocmee.signature.rfc9421.MessageSignatures;
import io.ocmee.signature.rfc9421.SignatureParameters;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Signs outbound OCM requests with RFC 9421 as OCM-NOTES §7.2 asks, in the form both the OCM draft
 * and Nextcloud accept (§11 Q23): label {@code ocm} and {@code tag="ocm"}; covered components
 * {@code ("@method" "@target-uri" "content-digest" "content-length" "date")}; parameters {@code
 * created}, {@code nonce} (128 random bits), {@code keyid}, {@code alg} (only when the algorithm
 * has an RFC 9421 name), {@code tag}.
 *
 * <p>Thread-safe: the key is prepared once and each call works on its own values.
 */
public final class OcmRequestSigner {

    /** The dictionary label this signer uses. */
    public static final String LABEL = "ocm";

    /** The {@code tag} value that marks the OCM signature. */
    public static final String TAG = "ocm";

    /** Covered components, in signed order. */
    public static final List<String> COMPONENTS =
            List.of("@method", "@target-uri", "content-digest", "content-length", "date");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKey key;
    private final MessageSigner signer;
    private final Clock clock;

    /**
     * @param key the private key, its key id and algorithm
     * @param clock the source of {@code created} and {@code Date}
     * @throws io.ocmee.signature.crypto.UnsuitableKeyException if the key does not fit its
     *     algorithm
     */
    public OcmRequestSigner(SigningKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signer = key.algorithm().signer(key.privateKey());
    }

    /**
     * Computes the headers to add to a request. The caller sends the body bytes exactly as given
     * and must not let a later layer change these headers (a client that sets its own {@code
     * Content-Length} must set the same value).
     *
     * @param method the request method, for example {@code POST}
     * @param targetUri the absolute URI the request is sent to
     * @param body the exact body bytes (empty for none)
     * @return in order: {@code Content-Digest} (sha-256), {@code Content-Length}, {@code Date},
     *     {@code Signature-Input}, {@code Signature}
     */
    public HeaderFields sign(String method, URI targetUri, byte[] body) {
        Instant now = clock.instant();
        HeaderFields content = contentHeaders(body, now);

        HttpMessage message = HttpMessage.request(method, targetUri, content);
        MessageSignature signature = MessageSignature.sign(LABEL, message, parameters(now), signer);

        return content.toBuilder()
                .add(MessageSignatures.SIGNATURE_INPUT, signature.signatureInputValue())
                .add(MessageSignatures.SIGNATURE, signature.signatureValue())
                .build();
    }

    private static HeaderFields contentHeaders(byte[] body, Instant now) {
        return HeaderFields.builder()
                .add(ContentDigest.FIELD_NAME, ContentDigest.compute(DigestAlgorithm.SHA_256, body))
                .add("Content-Length", Integer.toString(body.length))
                .add("Date", HttpDate.format(now))
                .build();
    }

    private static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private SignatureParameters parameters(Instant now) {
        SignatureParameters.Builder builder = SignatureParameters.builder();
        COMPONENTS.forEach(builder::component);
        // A fresh nonce keeps two identical requests sent within one second (the same user
        // accepting twice, a repeated notification) apart for the receiver's replay check
        // (RFC 9421 section 7.2.2); verifiers include it in the base like any parameter.
        builder.created(now).nonce(newNonce()).keyId(key.keyId());
        key.algorithm().rfc9421Name().ifPresent(builder::algorithm);
        return builder.tag(TAG).build();
    }
}
