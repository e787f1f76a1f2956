package io.ocmee.bench;

import io.ocmee.signature.OcmCavageRequestSigner;
import io.ocmee.signature.OcmRequestSigner;
import io.ocmee.signature.OcmRequestVerifier;
import io.ocmee.signature.ResolvedKey;
import io.ocmee.signature.SignatureRejectedException;
import io.ocmee.signature.SigningKey;
import io.ocmee.signature.VerifiedSignature;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.jwk.GeneratedKey;
import io.ocmee.signature.jwk.OcmKeys;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of signing and verifying one OCM request with a body of about 400 bytes, as the server
 * does it: {@code sign} computes Content-Digest, the signature base and the signature; {@code
 * verify} parses the fields and repeats every check of {@link OcmRequestVerifier}, with the key
 * already resolved (no network).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OcmSignatureBenchmark {

    private static final URI TARGET = URI.create("https://receiver.example.org/ocm/shares");
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-09-01T10:00:00Z"), ZoneOffset.UTC);

    /** The RFC 9421 algorithm name, or {@code cavage-rsa-sha512} for Nextcloud's legacy form. */
    @Param({
        "ed25519",
        "ecdsa-p256-sha256",
        "rsa-pss-sha512",
        "rsa-v1_5-sha256",
        "cavage-rsa-sha512"
    })
    public String algorithm;

    private byte[] body;
    private Function<byte[], HeaderFields> signer;
    private OcmRequestVerifier verifier;
    private HttpMessage signedRequest;

    /** Generates a key, prepares signer and verifier, and signs one request to verify. */
    @Setup
    public void setUp() {
        body = shareBody();
        boolean cavage = algorithm.startsWith("cavage-");
        SignatureAlgorithm signatureAlgorithm =
                cavage
                        ? SignatureAlgorithm.RSA_V1_5_SHA512
                        : SignatureAlgorithm.fromRfc9421Name(algorithm).orElseThrow();
        GeneratedKey key = OcmKeys.generate(signatureAlgorithm, "https://sender.example.net/ocm#k");
        SigningKey signingKey =
                new SigningKey(key.keyPair().getPrivate(), key.keyId(), signatureAlgorithm);
        ResolvedKey resolved =
                cavage
                        ? ResolvedKey.fromPem(key.keyPair().getPublic())
                        : ResolvedKey.fromJwk(key.publicJwk());

        if (cavage) {
            OcmCavageRequestSigner prepared = new OcmCavageRequestSigner(signingKey, CLOCK);
            signer = b -> prepared.sign("POST", TARGET, b);
        } else {
            OcmRequestSigner prepared = new OcmRequestSigner(signingKey, CLOCK);
            signer = b -> prepared.sign("POST", TARGET, b);
        }
        verifier = new OcmRequestVerifier((id, refresh, scheme) -> Optional.of(resolved), CLOCK);
        signedRequest = request(signer.apply(body));
    }

    /**
     * @return the headers of one signed request
     */
    @Benchmark
    public HeaderFields sign() {
        return signer.apply(body);
    }

    /**
     * @return the verified signature of the prepared request
     */
    @Benchmark
    public VerifiedSignature verify() throws SignatureRejectedException {
        return verifier.verify(signedRequest, body);
    }

    private static HttpMessage request(HeaderFields signed) {
        HeaderFields.Builder fields = HeaderFields.builder();
        if (!signed.contains("Host")) {
            fields.add("Host", TARGET.getRawAuthority());
        }
        fields.add("Content-Type", "application/json").addAll(signed);
        return HttpMessage.request("POST", TARGET, fields.build());
    }

    private static byte[] shareBody() {
        String json =
                "{\"shareWith\":\"bob@receiver.example.org\",\"name\":\"Quarterly report.pdf\","
                        + "\"providerId\":\"7c084226-d9a1-11e6-bf26-cec0c932ce01\","
                        + "\"owner\":\"alice@sender.example.net\","
                        + "\"sender\":\"alice@sender.example.net\",\"ownerDisplayName\":\"Alice\","
                        + "\"shareType\":\"user\",\"resourceType\":\"file\",\"protocol\":{"
                        + "\"name\":\"webdav\",\"webdav\":{\"uri\":"
                        + "\"7c084226-d9a1-11e6-bf26-cec0c932ce01\","
                        + "\"sharedSecret\":\"hfiuhworzwnur98d3wjiwhr\","
                        + "\"permissions\":[\"read\"]}}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
