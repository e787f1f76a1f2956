package io.ocmee.signature;

import static io.ocmee.signature.OcmTestFixtures.BODY;
import static io.ocmee.signature.OcmTestFixtures.CLOCK;
import static io.ocmee.signature.OcmTestFixtures.NOW;
import static io.ocmee.signature.OcmTestFixtures.TARGET;
import static io.ocmee.signature.OcmTestFixtures.clockAt;
import static io.ocmee.signature.OcmTestFixtures.key;
import static io.ocmee.signature.OcmTestFixtures.request;
import static io.ocmee.signature.OcmTestFixtures.signingKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.ocmee.signature.OcmTestFixtures.RecordingResolver;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.jwk.GeneratedKey;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpMessage;
import io.ocmee.signature.rfc9421.MessageSignature;
import io.ocmee.signature.rfc9421.SignatureParameters;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OcmRequestVerifierTest {

    private static final GeneratedKey ED25519 = key(SignatureAlgorithm.ED25519);

    /** A received request: what the server hands to the verifier. */
    record Received(HttpMessage message, byte[] body) {
        Received withHeader(String name, UnaryOperator<String> change) {
            HeaderFields.Builder fields = HeaderFields.builder();
            for (HeaderFields.FieldLine line : message.fields().lines()) {
                String value =
                        line.name().equalsIgnoreCase(name)
                                ? change.apply(line.value())
                                : line.value();
                if (value != null) {
                    fields.add(line.name(), value);
                }
            }
            return new Received(message.withFields(fields.build()), body);
        }

        Received withBody(byte[] newBody) {
            return new Received(message, newBody);
        }

        Received withRequestLine(String method, URI target) {
            return new Received(HttpMessage.request(method, target, message.fields()), body);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SignatureAlgorithm.class,
            names = {"HMAC_SHA256"},
            mode = EnumSource.Mode.EXCLUDE)
    void verifiesWhatTheOcmSignerProduced(SignatureAlgorithm algorithm) throws Exception {
        GeneratedKey key = key(algorithm);
        Received received = signed(algorithm);

        VerifiedSignature verified =
                verifier(new RecordingResolver().with(key))
                        .verify(received.message(), received.body());

        assertThat(verified.keyId()).isEqualTo(key.keyId());
        assertThat(verified.algorithm()).isEqualTo(algorithm);
        assertThat(verified.scheme()).isEqualTo(SignatureScheme.RFC9421);
        assertThat(verified.created()).isEqualTo(NOW);
        assertThat(received.message().fields().combined("Signature").orElseThrow())
                .isEqualTo(
                        "ocm=:"
                                + java.util.Base64.getEncoder().encodeToString(verified.signature())
                                + ":");
    }

    record Tamper(
            String name, UnaryOperator<Received> change, RejectionReason reason, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Tamper> tampering() {
        String keyId = ED25519.keyId();
        return Stream.of(
                new Tamper(
                        "body",
                        r -> r.withBody(flipLastByte(r.body())),
                        RejectionReason.DIGEST_MISMATCH,
                        "Signature rejected: Content-Digest does not match the body"),
                new Tamper(
                        "method",
                        r -> r.withRequestLine("PUT", TARGET),
                        RejectionReason.SIGNATURE_INVALID,
                        "Signature rejected: the signature labelled ocm does not verify"),
                new Tamper(
                        "target URI",
                        r ->
                                r.withRequestLine(
                                        "POST",
                                        URI.create(
                                                "https://receiver.example.org/ocm/notifications")),
                        RejectionReason.SIGNATURE_INVALID,
                        "Signature rejected: the signature labelled ocm does not verify"),
                new Tamper(
                        "created",
                        r ->
                                r.withHeader(
                                        "Signature-Input",
                                        v -> v.replace("created=1788256800", "created=1788256801")),
                        RejectionReason.SIGNATURE_INVALID,
                        "Signature rejected: the signature labelled ocm does not verify"),
                new Tamper(
                        "keyid, unknown",
                        r ->
                                r.withHeader(
                                        "Signature-Input",
                                        v -> v.replace(keyId, "https://evil.example/ocm#k")),
                        RejectionReason.KEY_NOT_FOUND,
                        "Signature rejected: no key with id 'https://evil.example/ocm#k'"),
                new Tamper(
                        "keyid, another known key",
                        r ->
                                r.withHeader(
                                        "Signature-Input",
                                        v ->
                                                v.replace(
                                                        keyId,
                                                        "https://sender.example.net/ocm#other")),
                        RejectionReason.SIGNATURE_INVALID,
                        "Signature rejected: the signature labelled ocm does not verify"),
                new Tamper(
                        "Content-Digest",
                        r ->
                                r.withHeader(
                                        "Content-Digest", v -> "sha-256=:" + "A".repeat(43) + "=:"),
                        RejectionReason.DIGEST_MISMATCH,
                        "Signature rejected: Content-Digest does not match the body"),
                new Tamper(
                        "Content-Digest and body together",
                        r ->
                                r.withBody(new byte[0])
                                        .withHeader(
                                                "Content-Digest",
                                                v ->
                                                        "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:")
                                        .withHeader("Content-Length", v -> "0"),
                        RejectionReason.SIGNATURE_INVALID,
                        "Signature rejected: the signature labelled ocm does not verify"),
                new Tamper(
                        "Content-Digest removed",
                        r -> r.withHeader("Content-Digest", v -> null),
                        RejectionReason.DIGEST_MISSING,
                        "Signature rejected: Content-Digest is absent"),
                new Tamper(
                        "Content-Digest unknown algorithm",
                        r -> r.withHeader("Content-Digest", v -> "md5=:AAAA:"),
                        RejectionReason.DIGEST_MISSING,
                        "Content-Digest rejected: no recognised algorithm (sha-256, sha-512) in"
                                + " 'md5'"),
                new Tamper(
                        "Content-Digest malformed",
                        r -> r.withHeader("Content-Digest", v -> "sha-256=:AAAA"),
                        RejectionReason.DIGEST_MALFORMED,
                        "Content-Digest rejected: not a Structured-Field Dictionary (Structured"
                                + " field rejected: the Byte Sequence starting at position 8 is not"
                                + " closed with ':')"),
                new Tamper(
                        "Content-Length",
                        r -> r.withHeader("Content-Length", v -> "12"),
                        RejectionReason.CONTENT_LENGTH_MISMATCH,
                        "Signature rejected: Content-Length '12' differs from the body length "
                                + BODY.length),
                new Tamper(
                        "Date",
                        r -> r.withHeader("Date", v -> "Tue, 01 Sep 2026 10:00:01 GMT"),
                        RejectionReason.SIGNATURE_INVALID,
                        "Signature rejected: the signature labelled ocm does not verify"),
                new Tamper(
                        "Date removed",
                        r -> r.withHeader("Date", v -> null),
                        RejectionReason.COMPONENT_MISSING,
                        "Signature rejected: covered field \"date\" is not present in the message"),
                new Tamper(
                        "signature byte",
                        r ->
                                r.withHeader(
                                        "Signature",
                                        v ->
                                                v.charAt(5) == 'A'
                                                        ? v.replaceFirst(":A", ":B")
                                                        : v.replaceFirst(":.", ":A")),
                        RejectionReason.SIGNATURE_INVALID,
                        "Signature rejected: the signature labelled ocm does not verify"),
                new Tamper(
                        "alg parameter",
                        r ->
                                r.withHeader(
                                        "Signature-Input",
                                        v ->
                                                v.replace(
                                                        "alg=\"ed25519\"",
                                                        "alg=\"rsa-pss-sha512\"")),
                        RejectionReason.ALGORITHM_MISMATCH,
                        "Signature rejected: alg=\"rsa-pss-sha512\" disagrees with the key's alg"
                                + " 'Ed25519'"),
                new Tamper(
                        "tag removed, label renamed",
                        r ->
                                r.withHeader(
                                                "Signature-Input",
                                                v ->
                                                        v.replace(";tag=\"ocm\"", "")
                                                                .replace("ocm=", "sig1="))
                                        .withHeader("Signature", v -> v.replace("ocm=", "sig1=")),
                        RejectionReason.SIGNATURE_MISSING,
                        "Signature rejected: no signature carries tag=\"ocm\" or the label ocm"),
                new Tamper(
                        "content-length not covered",
                        r ->
                                r.withHeader(
                                        "Signature-Input",
                                        v -> v.replace(" \"content-length\"", "")),
                        RejectionReason.COMPONENT_MISSING,
                        "Signature rejected: component \"content-length\" is not covered"),
                new Tamper(
                        "target URI not covered",
                        r ->
                                r.withHeader(
                                        "Signature-Input",
                                        v -> v.replace("\"@target-uri\"", "\"@path\"")),
                        RejectionReason.COMPONENT_MISSING,
                        "Signature rejected: component \"@target-uri\" is not covered"),
                new Tamper(
                        "created removed",
                        r ->
                                r.withHeader(
                                        "Signature-Input",
                                        v -> v.replace(";created=1788256800", "")),
                        RejectionReason.PARAMETER_MISSING,
                        "Signature rejected: parameter created is absent"),
                new Tamper(
                        "keyid removed",
                        r ->
                                r.withHeader(
                                        "Signature-Input",
                                        v -> v.replace(";keyid=\"" + keyId + "\"", "")),
                        RejectionReason.PARAMETER_MISSING,
                        "Signature rejected: parameter keyid is absent"),
                new Tamper(
                        "Signature-Input malformed",
                        r -> r.withHeader("Signature-Input", v -> "ocm=("),
                        RejectionReason.SIGNATURE_MALFORMED,
                        "Signature rejected: Signature-Input is malformed: Structured field"
                                + " rejected: an Inner List is not closed with ')' at position 5"),
                new Tamper(
                        "Signature removed",
                        r -> r.withHeader("Signature", v -> null),
                        RejectionReason.SIGNATURE_MALFORMED,
                        "Signature rejected: Signature-Input is present but Signature is absent"));
    }

    @ParameterizedTest(name = "tampered {0}")
    @MethodSource("tampering")
    void rejectsATamperedRequestWithTheRightReason(Tamper tamper) {
        Received received = tamper.change().apply(signed(SignatureAlgorithm.ED25519));
        RecordingResolver resolver =
                new RecordingResolver()
                        .with(ED25519)
                        .with(
                                "https://sender.example.net/ocm#other",
                                ResolvedKey.fromJwk(otherEd25519().publicJwk()));

        assertThatThrownBy(() -> verifier(resolver).verify(received.message(), received.body()))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage(tamper.message())
                .satisfies(
                        e ->
                                assertThat(((SignatureRejectedException) e).reason())
                                        .isEqualTo(tamper.reason()));
    }

    @Test
    void rejectsTwoSignaturesTaggedOcm() {
        Received received = signed(SignatureAlgorithm.ED25519);
        Received doubled =
                received.withHeader("Signature-Input", v -> v + ", " + v.replace("ocm=", "again="))
                        .withHeader("Signature", v -> v + ", " + v.replace("ocm=", "again="));

        assertRejected(
                doubled,
                new RecordingResolver().with(ED25519),
                RejectionReason.MULTIPLE_SIGNATURES,
                "Signature rejected: 2 signatures carry tag=\"ocm\", at most one may");
    }

    @Test
    void ignoresOtherSignaturesSuchAsAProxySignature() throws Exception {
        Received received = signed(SignatureAlgorithm.ED25519);
        Received withProxy =
                received.withHeader(
                                "Signature-Input",
                                v -> "proxy=(\"@authority\");created=1;keyid=\"p\", " + v)
                        .withHeader("Signature", v -> "proxy=:AAAA:, " + v);

        assertThat(
                        verifier(new RecordingResolver().with(ED25519))
                                .verify(withProxy.message(), withProxy.body())
                                .keyId())
                .isEqualTo(ED25519.keyId());
    }

    @Test
    void rejectsUnsignedRequest() {
        Received unsigned = new Received(request("POST", TARGET, HeaderFields.EMPTY), BODY);

        assertRejected(
                unsigned,
                new RecordingResolver(),
                RejectionReason.SIGNATURE_MISSING,
                "Signature rejected: the request has no Signature-Input, Signature or"
                        + " Authorization: Signature header");
    }

    @Test
    void rejectsSignatureOlderThanTheWindow() {
        Received received = signed(SignatureAlgorithm.ED25519);
        OcmRequestVerifier verifier =
                new OcmRequestVerifier(
                        new RecordingResolver().with(ED25519), clockAt(NOW.plusSeconds(301)));

        assertThatThrownBy(() -> verifier.verify(received.message(), received.body()))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage(
                        "Signature rejected: created 2026-09-01T10:00:00Z is more than 300 s before"
                                + " 2026-09-01T10:05:01Z")
                .satisfies(
                        e ->
                                assertThat(((SignatureRejectedException) e).reason())
                                        .isEqualTo(RejectionReason.SIGNATURE_EXPIRED));
    }

    @Test
    void acceptsSignatureAtTheEdgesOfTheWindow() throws Exception {
        Received received = signed(SignatureAlgorithm.ED25519);
        RecordingResolver resolver = new RecordingResolver().with(ED25519);

        new OcmRequestVerifier(resolver, clockAt(NOW.plusSeconds(300)))
                .verify(received.message(), received.body());
        new OcmRequestVerifier(resolver, clockAt(NOW.minusSeconds(60)))
                .verify(received.message(), received.body());
    }

    @Test
    void rejectsSignatureFromTheFuture() {
        Received received = signed(SignatureAlgorithm.ED25519);
        OcmRequestVerifier verifier =
                new OcmRequestVerifier(
                        new RecordingResolver().with(ED25519), clockAt(NOW.minusSeconds(61)));

        assertThatThrownBy(() -> verifier.verify(received.message(), received.body()))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage(
                        "Signature rejected: created 2026-09-01T10:00:00Z is more than 60 s ahead"
                                + " of 2026-09-01T09:58:59Z")
                .satisfies(
                        e ->
                                assertThat(((SignatureRejectedException) e).reason())
                                        .isEqualTo(RejectionReason.SIGNATURE_FROM_FUTURE));
    }

    @Test
    void honoursAConfiguredWindow() {
        Received received = signed(SignatureAlgorithm.ED25519);
        VerificationPolicy strict =
                VerificationPolicy.DEFAULT.withWindow(Duration.ZERO, Duration.ofSeconds(10));
        OcmRequestVerifier verifier =
                new OcmRequestVerifier(
                        new RecordingResolver().with(ED25519),
                        clockAt(NOW.plusSeconds(11)),
                        strict);

        assertThatThrownBy(() -> verifier.verify(received.message(), received.body()))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage(
                        "Signature rejected: created 2026-09-01T10:00:00Z is more than 10 s before"
                                + " 2026-09-01T10:00:11Z");
    }

    @Test
    void refetchesKeysOnceWhenTheKeyIdIsUnknown() throws Exception {
        Received received = signed(SignatureAlgorithm.ED25519);
        RecordingResolver resolver =
                new RecordingResolver()
                        .withAfterRefresh(
                                ED25519.keyId(), ResolvedKey.fromJwk(ED25519.publicJwk()));

        verifier(resolver).verify(received.message(), received.body());

        assertThat(resolver.calls).containsExactly(ED25519.keyId(), ED25519.keyId() + " (refresh)");
    }

    @Test
    void asksTheResolverOnlyOnceWhenTheKeyIsKnown() throws Exception {
        Received received = signed(SignatureAlgorithm.ED25519);
        RecordingResolver resolver = new RecordingResolver().with(ED25519);

        verifier(resolver).verify(received.message(), received.body());

        assertThat(resolver.calls).containsExactly(ED25519.keyId());
    }

    @Test
    void doesNotFetchKeysForARequestThatFailsCheapChecks() {
        Received received = signed(SignatureAlgorithm.ED25519).withBody(new byte[] {1});
        RecordingResolver resolver = new RecordingResolver().with(ED25519);

        assertThatThrownBy(() -> verifier(resolver).verify(received.message(), received.body()))
                .isInstanceOf(SignatureRejectedException.class);
        assertThat(resolver.calls).isEmpty();
    }

    @Test
    void refusesAKeyPublishedWithAlgNone() {
        Received received = signed(SignatureAlgorithm.ED25519);
        RecordingResolver resolver =
                new RecordingResolver()
                        .with(
                                ED25519.keyId(),
                                new ResolvedKey(ED25519.keyPair().getPublic(), "none"));

        assertRejected(
                received,
                resolver,
                RejectionReason.ALGORITHM_REFUSED,
                "Signature rejected: key '" + ED25519.keyId() + "' has unacceptable alg 'none'");
    }

    @Test
    void refusesAKeyPublishedWithoutAlg() {
        Received received = signed(SignatureAlgorithm.ED25519);
        RecordingResolver resolver =
                new RecordingResolver()
                        .with(
                                ED25519.keyId(),
                                new ResolvedKey(ED25519.keyPair().getPublic(), null));

        assertRejected(
                received,
                resolver,
                RejectionReason.ALGORITHM_REFUSED,
                "Signature rejected: key '" + ED25519.keyId() + "' has no alg");
    }

    @Test
    void refusesASymmetricKeyEvenIfTheSignatureWouldVerify() {
        Received received = signed(SignatureAlgorithm.ED25519);
        RecordingResolver resolver =
                new RecordingResolver()
                        .with(
                                ED25519.keyId(),
                                new ResolvedKey(
                                        new SecretKeySpec(new byte[32], "HmacSHA256"), "HS256"));

        assertRejected(
                received,
                resolver,
                RejectionReason.ALGORITHM_REFUSED,
                "Signature rejected: key '"
                        + ED25519.keyId()
                        + "' is symmetric, which OCM forbids");
    }

    @Test
    void rejectsAKeyWhoseTypeDisagreesWithItsAlg() {
        Received received = signed(SignatureAlgorithm.ED25519);
        ResolvedKey p256LabelledEd25519 =
                new ResolvedKey(
                        key(SignatureAlgorithm.ECDSA_P256_SHA256).keyPair().getPublic(), "Ed25519");
        RecordingResolver resolver =
                new RecordingResolver().with(ED25519.keyId(), p256LabelledEd25519);

        assertRejected(
                received,
                resolver,
                RejectionReason.ALGORITHM_MISMATCH,
                "Signature rejected: key '"
                        + ED25519.keyId()
                        + "' does not fit ed25519 (Key rejected: ed25519 needs an Ed25519 public"
                        + " key, got a EC public key)");
    }

    @Test
    void rejectsAnAlgParameterThatDisagreesWithTheKeysAlg() {
        Received received = signed(SignatureAlgorithm.ED25519);
        RecordingResolver resolver =
                new RecordingResolver()
                        .with(
                                ED25519.keyId(),
                                new ResolvedKey(ED25519.keyPair().getPublic(), "ES256"));

        assertRejected(
                received,
                resolver,
                RejectionReason.ALGORITHM_MISMATCH,
                "Signature rejected: alg=\"ed25519\" disagrees with the key's alg 'ES256'");
    }

    @Test
    void verifiesANextcloudStyleRequest_labelOcmNoTagDateCoveredJwkAlgEdDSA() throws Exception {
        SignatureParameters parameters =
                SignatureParameters.builder()
                        .component("@method")
                        .component("@target-uri")
                        .component("content-digest")
                        .component("content-length")
                        .component("date")
                        .created(NOW)
                        .keyId("https://nextcloud.example.com/ocm#ed25519-1")
                        .build();
        HeaderFields content =
                new OcmRequestSigner(signingKey(SignatureAlgorithm.ED25519), CLOCK)
                        .sign("POST", TARGET, BODY);
        HeaderFields unsignedContent =
                HeaderFields.builder()
                        .add("Content-Digest", content.combined("Content-Digest").orElseThrow())
                        .add("Content-Length", content.combined("Content-Length").orElseThrow())
                        .add("Date", content.combined("Date").orElseThrow())
                        .build();
        HttpMessage unsigned = request("POST", TARGET, unsignedContent);
        MessageSignature signature =
                MessageSignature.sign(
                        "ocm",
                        unsigned,
                        parameters,
                        SignatureAlgorithm.ED25519.signer(ED25519.keyPair().getPrivate()));
        HttpMessage signed =
                unsigned.withFields(
                        unsigned.fields().toBuilder()
                                .add("Signature-Input", signature.signatureInputValue())
                                .add("Signature", signature.signatureValue())
                                .build());
        JWK nextcloudJwk =
                new OctetKeyPair.Builder((OctetKeyPair) ED25519.publicJwk())
                        .keyID("https://nextcloud.example.com/ocm#ed25519-1")
                        .algorithm(JWSAlgorithm.EdDSA)
                        .build();
        RecordingResolver resolver =
                new RecordingResolver()
                        .with(
                                "https://nextcloud.example.com/ocm#ed25519-1",
                                ResolvedKey.fromJwk(nextcloudJwk));

        VerifiedSignature verified = verifier(resolver).verify(signed, BODY);

        assertThat(signature.signatureInputValue()).doesNotContain("tag=").doesNotContain("alg=");
        assertThat(verified.algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
        assertThat(verified.keyId()).isEqualTo("https://nextcloud.example.com/ocm#ed25519-1");
        assertRejected(
                new Received(signed, flipLastByte(BODY)),
                resolver,
                RejectionReason.DIGEST_MISMATCH,
                "Signature rejected: Content-Digest does not match the body");
    }

    @Test
    void rejectionMessagesNeverContainTheSignatureValue() {
        Received received = signed(SignatureAlgorithm.ED25519);
        String signature = received.message().fields().combined("Signature").orElseThrow();
        String base64 = signature.substring(5, signature.length() - 1);

        for (Tamper tamper : tampering().toList()) {
            Received tampered = tamper.change().apply(received);
            assertThatThrownBy(
                            () ->
                                    verifier(new RecordingResolver().with(ED25519))
                                            .verify(tampered.message(), tampered.body()))
                    .satisfies(
                            e ->
                                    assertThat(e.getMessage())
                                            .doesNotContain(base64.substring(0, 16)));
        }
    }

    static Received signed(SignatureAlgorithm algorithm) {
        HeaderFields headers =
                new OcmRequestSigner(signingKey(algorithm), CLOCK).sign("POST", TARGET, BODY);
        return new Received(request("POST", TARGET, headers), BODY.clone());
    }

    static OcmRequestVerifier verifier(KeyResolver resolver) {
        return new OcmRequestVerifier(resolver, CLOCK);
    }

    static void assertRejected(
            Received received, KeyResolver resolver, RejectionReason reason, String message) {
        assertThatThrownBy(() -> verifier(resolver).verify(received.message(), received.body()))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage(message)
                .satisfies(
                        e ->
                                assertThat(((SignatureRejectedException) e).reason())
                                        .isEqualTo(reason));
    }

    private static GeneratedKey otherEd25519() {
        return io.ocmee.signature.jwk.OcmKeys.generate(
                SignatureAlgorithm.ED25519, "https://sender.example.net/ocm#other");
    }

    private static byte[] flipLastByte(byte[] bytes) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        copy[copy.length - 1] ^= 1;
        return copy;
    }

    static List<String> names(HeaderFields fields) {
        return fields.lines().stream().map(HeaderFields.FieldLine::name).toList();
    }
}
