package io.ocmee.signature;

import io.ocmee.signature.cavage.CavageSignatureHeader;
import io.ocmee.signature.cavage.CavageSigningString;
import io.ocmee.signature.crypto.MessageSigner;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.digest.DigestAlgorithm;
import io.ocmee.signature.digest.LegacyDigest;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpDate;
import io.ocmee.signature.message.HttpMessage;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Signs outbound requests with draft-cavage-12 exactly as Nextcloud 31–33 does and expects
 * (OCM-NOTES §7.4, §11 Q24): {@code Digest: SHA-512=…}, {@code Date}, {@code Host}, {@code
 * Content-Length}, and {@code Signature: keyId="…",algorithm="rsa-sha512",headers="(request-target)
 * content-length date digest host",signature="…"}, with {@code (request-target)} first.
 *
 * <p>Use it only towards peers that do not advertise RFC 9421 ({@code http-sig}). Thread-safe.
 */
public final class OcmCavageRequestSigner {

    /** The signed headers, in Nextcloud's order. */
    public static final List<String> HEADERS =
            List.of("(request-target)", "content-length", "date", "digest", "host");

    private final SigningKey key;
    private final MessageSigner signer;
    private final Clock clock;

    /**
     * @param key an RSA key with algorithm {@link SignatureAlgorithm#RSA_V1_5_SHA512} (Nextcloud's
     *     {@code rsa-sha512}) or {@link SignatureAlgorithm#RSA_V1_5_SHA256}; its key id is what
     *     discovery publishes as {@code publicKey.keyId}, for example {@code
     *     https://host/ocm#signature}
     * @param clock the source of {@code Date}
     * @throws IllegalArgumentException if the algorithm has no draft-cavage name
     * @throws io.ocmee.signature.crypto.UnsuitableKeyException if the key is not an RSA private key
     */
    public OcmCavageRequestSigner(SigningKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (key.algorithm().cavageName().isEmpty()) {
            throw new IllegalArgumentException(
                    "Signing key rejected: draft-cavage has no name for " + key.algorithm());
        }
        this.signer = key.algorithm().signer(key.privateKey());
    }

    /**
     * @param method the request method
     * @param targetUri the absolute target URI; its authority becomes {@code Host}
     * @param body the exact body bytes
     * @return in order: {@code Digest}, {@code Date}, {@code Host}, {@code Content-Length}, {@code
     *     Signature}
     */
    public HeaderFields sign(String method, URI targetUri, byte[] body) {
        HeaderFields content = contentHeaders(targetUri, body);

        HttpMessage request = HttpMessage.request(method, targetUri, content);
        String signingString = CavageSigningString.build(request, HEADERS, null, null);
        byte[] signature = signer.sign(CavageSigningString.bytes(signingString));

        CavageSignatureHeader header =
                new CavageSignatureHeader(
                        key.keyId(),
                        key.algorithm().cavageName().orElseThrow(),
                        null,
                        null,
                        HEADERS,
                        signature);
        return content.toBuilder().add("Signature", header.toSignatureValue()).build();
    }

    private HeaderFields contentHeaders(URI targetUri, byte[] body) {
        return HeaderFields.builder()
                .add(LegacyDigest.FIELD_NAME, LegacyDigest.compute(DigestAlgorithm.SHA_512, body))
                .add("Date", HttpDate.format(clock.instant()))
                .add("Host", targetUri.getRawAuthority())
                .add("Content-Length", Integer.toString(body.length))
                .build();
    }
}
