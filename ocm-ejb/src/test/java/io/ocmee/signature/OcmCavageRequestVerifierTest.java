package io.ocmee.signature;

import static io.ocmee.signature.OcmTestFixtures.BODY;
import static io.ocmee.signature.OcmTestFixtures.CLOCK;
import static io.ocmee.signature.OcmTestFixtures.NOW;
import static io.ocmee.signature.OcmTestFixtures.TARGET;
import static io.ocmee.signature.OcmTestFixtures.clockAt;
import static io.ocmee.signature.OcmTestFixtures.key;
import static io.ocmee.signature.OcmTestFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.signature.OcmRequestVerifierTest.Received;
import io.ocmee.signature.OcmTestFixtures.RecordingResolver;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.jwk.GeneratedKey;
import io.ocmee.signature.jwk.PemKeys;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.testing.TestKeys;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Nextcloud-style draft-cavage variant (OCM-NOTES §7.4, §11 Q24), signed and verified. */
class OcmCavageRequestVerifierTest {

    private static final String KEY_ID = "https://nextcloud.example.com/sub/ocm#signature";
    private static final GeneratedKey RSA = key(SignatureAlgorithm.RSA_V1_5_SHA512);

    @Test
    void signsInNextcloudsForm() {
        HeaderFields headers = sign();

        assertThat(OcmRequestVerifierTest.names(headers))
                .containsExactly("Digest", "Date", "Host", "Content-Length", "Signature");
        assertThat(headers.combined("Digest").orElseThrow()).startsWith("SHA-512=");
        assertThat(headers.combined("Host")).contains("receiver.example.org");
        assertThat(headers.combined("Signature").orElseThrow())
                .startsWith(
                        "keyId=\""
                                + KEY_ID
                                + "\",algorithm=\"rsa-sha512\",headers=\"(request-target)"
                                + " content-length date digest host\",signature=\"");
    }

    @Test
    void verifiesANextcloudStyleCavageRequestWithAPemKey() throws Exception {
        Received received = new Received(request("POST", TARGET, sign()), BODY);

        VerifiedSignature verified =
                verifier(pemResolver()).verify(received.message(), received.body());

        assertThat(verified.scheme()).isEqualTo(SignatureScheme.CAVAGE);
        assertThat(verified.algorithm()).isEqualTo(SignatureAlgorithm.RSA_V1_5_SHA512);
        assertThat(verified.keyId()).isEqualTo(KEY_ID);
        assertThat(verified.created()).isEqualTo(NOW);
    }

    @Test
    void verifiesTheAuthorizationForm() throws Exception {
        HeaderFields headers = sign();
        String signature = headers.combined("Signature").orElseThrow();
        HeaderFields asAuthorization =
                headers.without("Signature").toBuilder()
                        .add("Authorization", "Signature " + signature)
                        .build();

        VerifiedSignature verified =
                verifier(pemResolver()).verify(request("POST", TARGET, asAuthorization), BODY);

        assertThat(verified.keyId()).isEqualTo(KEY_ID);
    }

    record Tamper(
            String name, UnaryOperator<Received> change, RejectionReason reason, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Tamper> tampering() {
        return Stream.of(
                new Tamper(
                        "one body byte",
                        r -> r.withBody(flipFirstByte(r.body())),
                        RejectionReason.DIGEST_MISMATCH,
                        "Signature rejected: Digest does not match the body"),
                new Tamper(
                        "method",
                        r -> r.withRequestLine("PUT", TARGET),
                        RejectionReason.SIGNATURE_INVALID,
                        "Signature rejected: the draft-cavage signature does not verify"),
                new Tamper(
                        "Host",
                        r -> r.withHeader("Host", v -> "other.example.org"),
                        RejectionReason.SIGNATURE_INVALID,
                        "Signature rejected: the draft-cavage signature does not verify"),
                new Tamper(
                        "signature byte",
                        r ->
                                r.withHeader(
                                        "Signature",
                                        v ->
                                                v.replace(
                                                                "signature=\"",
                                                                "signature=\""
                                                                        + (v.contains(
                                                                                        "signature=\"A")
                                                                                ? "B"
                                                                                : "A"))
                                                        .replaceFirst(
                                                                "signature=\"(.)(.)",
                                                                "signature=\"$1")),
                        RejectionReason.SIGNATURE_INVALID,
                        "Signature rejected: the draft-cavage signature does not verify"),
                new Tamper(
                        "Digest removed",
                        r -> r.withHeader("Digest", v -> null),
                        RejectionReason.DIGEST_MISSING,
                        "Signature rejected: Digest is absent"),
                new Tamper(
                        "Date removed",
                        r -> r.withHeader("Date", v -> null),
                        RejectionReason.COMPONENT_MISSING,
                        "Signature rejected: signed header 'date' is not present in the message"),
                new Tamper(
                        "Date not a date",
                        r -> r.withHeader("Date", v -> "yesterday"),
                        RejectionReason.SIGNATURE_MALFORMED,
                        "Signature rejected: Date is not an HTTP date"),
                new Tamper(
                        "host not signed",
                        r -> r.withHeader("Signature", v -> v.replace(" host\"", "\"")),
                        RejectionReason.COMPONENT_MISSING,
                        "Signature rejected: header 'host' is not signed"),
                new Tamper(
                        "algorithm hs2019",
                        r -> r.withHeader("Signature", v -> v.replace("rsa-sha512", "hs2019")),
                        RejectionReason.ALGORITHM_REFUSED,
                        "Signature rejected: algorithm 'hs2019' is not supported"),
                new Tamper(
                        "algorithm rsa-sha256",
                        r -> r.withHeader("Signature", v -> v.replace("rsa-sha512", "rsa-sha256")),
                        RejectionReason.SIGNATURE_INVALID,
                        "Signature rejected: the draft-cavage signature does not verify"),
                new Tamper(
                        "keyId",
                        r ->
                                r.withHeader(
                                        "Signature",
                                        v ->
                                                v.replace(
                                                        KEY_ID,
                                                        "https://evil.example/ocm#signature")),
                        RejectionReason.KEY_NOT_FOUND,
                        "Signature rejected: no key with id 'https://evil.example/ocm#signature'"),
                new Tamper(
                        "Content-Length",
                        r -> r.withHeader("Content-Length", v -> "1"),
                        RejectionReason.CONTENT_LENGTH_MISMATCH,
                        "Signature rejected: Content-Length '1' differs from the body length "
                                + BODY.length),
                new Tamper(
                        "garbage",
                        r -> r.withHeader("Signature", v -> "keyId="),
                        RejectionReason.SIGNATURE_MALFORMED,
                        "Signature rejected: parameter 'keyId' is missing"));
    }

    @ParameterizedTest(name = "tampered {0}")
    @MethodSource("tampering")
    void rejectsATamperedCavageRequest(Tamper tamper) {
        Received received =
                tamper.change().apply(new Received(request("POST", TARGET, sign()), BODY));

        assertThatThrownBy(
                        () -> verifier(pemResolver()).verify(received.message(), received.body()))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage(tamper.message())
                .satisfies(
                        e ->
                                assertThat(((SignatureRejectedException) e).reason())
                                        .isEqualTo(tamper.reason()));
    }

    @Test
    void rejectsADateOlderThanFiveMinutes() {
        Received received = new Received(request("POST", TARGET, sign()), BODY);
        OcmRequestVerifier verifier =
                new OcmRequestVerifier(pemResolver(), clockAt(NOW.plusSeconds(301)));

        assertThatThrownBy(() -> verifier.verify(received.message(), received.body()))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage(
                        "Signature rejected: created 2026-09-01T10:00:00Z is more than 300 s before"
                                + " 2026-09-01T10:05:01Z");
    }

    @Test
    void rejectsCavageWhenThePolicyTurnsItOff() {
        Received received = new Received(request("POST", TARGET, sign()), BODY);
        OcmRequestVerifier verifier =
                new OcmRequestVerifier(
                        pemResolver(), CLOCK, VerificationPolicy.DEFAULT.withCavage(false));

        assertThatThrownBy(() -> verifier.verify(received.message(), received.body()))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage(
                        "Signature rejected: draft-cavage signatures are not accepted, sign with"
                                + " RFC 9421")
                .satisfies(
                        e ->
                                assertThat(((SignatureRejectedException) e).reason())
                                        .isEqualTo(RejectionReason.ALGORITHM_REFUSED));
    }

    @Test
    void refusesRsaKeysShorterThan2048Bits() {
        SigningKey shortKey =
                new SigningKey(
                        TestKeys.cavagePrivate(), KEY_ID, SignatureAlgorithm.RSA_V1_5_SHA256);
        HeaderFields headers =
                new OcmCavageRequestSigner(shortKey, CLOCK).sign("POST", TARGET, BODY);
        RecordingResolver resolver =
                new RecordingResolver().with(KEY_ID, ResolvedKey.fromPem(TestKeys.cavagePublic()));

        assertThatThrownBy(() -> verifier(resolver).verify(request("POST", TARGET, headers), BODY))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage(
                        "Signature rejected: RSA key '"
                                + KEY_ID
                                + "' has 1024 bits, fewer than 2048")
                .satisfies(
                        e ->
                                assertThat(((SignatureRejectedException) e).reason())
                                        .isEqualTo(RejectionReason.ALGORITHM_REFUSED));
    }

    @Test
    void refusesAnAlgorithmWithoutADraftCavageName() {
        SigningKey ed25519 = OcmTestFixtures.signingKey(SignatureAlgorithm.ED25519);

        assertThatThrownBy(() -> new OcmCavageRequestSigner(ed25519, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Signing key rejected: draft-cavage has no name for ED25519");
    }

    private static HeaderFields sign() {
        SigningKey key =
                new SigningKey(
                        RSA.keyPair().getPrivate(), KEY_ID, SignatureAlgorithm.RSA_V1_5_SHA512);
        return new OcmCavageRequestSigner(key, CLOCK).sign("POST", TARGET, BODY);
    }

    /** The key as Nextcloud publishes it: discovery publicKey.publicKeyPem. */
    private static RecordingResolver pemResolver() {
        String pem = PemKeys.encode(RSA.keyPair().getPublic());
        return new RecordingResolver().with(KEY_ID, ResolvedKey.fromPem(PemKeys.decode(pem)));
    }

    private static OcmRequestVerifier verifier(KeyResolver resolver) {
        return new OcmRequestVerifier(resolver, CLOCK);
    }

    private static byte[] flipFirstByte(byte[] bytes) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        copy[0] ^= 1;
        return copy;
    }
}
