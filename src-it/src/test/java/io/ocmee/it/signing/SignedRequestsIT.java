package io.ocmee.it.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.ocmee.it.support.Deployments;
import io.ocmee.it.support.Http;
import io.ocmee.it.support.SigningPeer;
import io.ocmee.signature.OcmCavageRequestSigner;
import io.ocmee.signature.OcmRequestSigner;
import io.ocmee.signature.SigningKey;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.jwk.GeneratedKey;
import io.ocmee.signature.jwk.OcmKeys;
import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpMessage;
import io.ocmee.signature.rfc9421.MessageSignature;
import io.ocmee.signature.rfc9421.SignatureParameters;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inbound signature checks over real HTTP (issue "Signed requests", OCM-NOTES §10 R76–R87): the
 * server under test verifies requests that this test signs as a fake peer on loopback, fetching the
 * peer's discovery and JWK Set itself. The request target is signed as the server's public URL
 * ({@code http://arquillian.ocm.test:8443}), not the address the test connects to, as behind a
 * reverse proxy.
 */
@ExtendWith(ArquillianExtension.class)
class SignedRequestsIT {

    private static final String PUBLIC_TARGET = "http://arquillian.ocm.test:8443/ocm/test-signed";
    private static final String PUBLIC_SHARES = "http://arquillian.ocm.test:8443/ocm/shares";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.ocmModule(SignedEchoResource.class);
    }

    @ArquillianResource URL base;

    private SigningPeer peer;
    private GeneratedKey key;

    @BeforeEach
    void startSigningPeer() {
        peer = SigningPeer.signing();
        key =
                OcmKeys.generate(
                        SignatureAlgorithm.ED25519, "http://" + peer.authority() + "/ocm#k1");
        peer.publish(key.publicJwk());
    }

    @AfterEach
    void stopPeer() {
        peer.close();
    }

    @Test
    void acceptsARequestSignedByTheClaimedSender() throws Exception {
        byte[] body = shareFrom(peer);

        JsonObject answer =
                accepted(send(body, sign(key, Clock.systemUTC(), "POST", PUBLIC_TARGET, body)));

        assertThat(answer.getString("peer")).isEqualTo(peer.authority());
        assertThat(answer.getBoolean("signed")).isTrue();
        assertThat(answer.getString("scheme")).isEqualTo("RFC9421");
    }

    static Stream<Arguments> tampering() {
        return Stream.of(
                Arguments.of("body", (Tamper) r -> r.withBody(flip(r.body())), "DIGEST_MISMATCH"),
                Arguments.of(
                        "method",
                        (Tamper) r -> r.signedAs("PUT", PUBLIC_TARGET),
                        "SIGNATURE_INVALID"),
                Arguments.of(
                        "target URI",
                        (Tamper) r -> r.signedAs("POST", PUBLIC_TARGET + "?x=1"),
                        "SIGNATURE_INVALID"),
                Arguments.of(
                        "created too old",
                        (Tamper) r -> r.signedAt(Instant.now().minus(Duration.ofMinutes(10))),
                        "SIGNATURE_EXPIRED"),
                Arguments.of(
                        "created in the future",
                        (Tamper) r -> r.signedAt(Instant.now().plus(Duration.ofMinutes(10))),
                        "SIGNATURE_FROM_FUTURE"),
                Arguments.of("keyid", (Tamper) Req::signedWithUnpublishedKey, "KEY_NOT_FOUND"),
                Arguments.of(
                        "digest",
                        (Tamper)
                                r ->
                                        r.withHeader(
                                                "Content-Digest",
                                                "sha-256=:" + "A".repeat(43) + "=:"),
                        "DIGEST_MISMATCH"));
    }

    @ParameterizedTest(name = "{0} tampered → {2}")
    @MethodSource("tampering")
    void rejectsATamperedRequestNamingTheReason(String what, Tamper tamper, String reason)
            throws Exception {
        Req genuine =
                new Req(this, shareFrom(peer), "POST", PUBLIC_TARGET, Instant.now(), key, null);

        Http.Reply response = tamper.apply(genuine).send();

        assertRejected(response, reason);
    }

    @Test
    void rejectsTheSameSignatureTwice() throws Exception {
        byte[] body = shareFrom(peer);
        HeaderFields headers = sign(key, Clock.systemUTC(), "POST", PUBLIC_TARGET, body);

        accepted(send(body, headers));
        assertRejected(send(body, headers), "SIGNATURE_REPLAYED");
    }

    @Test
    void rejectsAnUnsignedRequestFromAPeerThatAdvertisesHttpSig() throws Exception {
        assertRejected(send(shareFrom(peer), HeaderFields.EMPTY), "SIGNATURE_MISSING");
    }

    @Test
    void acceptsAnUnsignedRequestFromAPeerWithoutSignatureSupport() throws Exception {
        try (SigningPeer legacy = SigningPeer.legacy()) {
            JsonObject answer = accepted(send(shareFrom(legacy), HeaderFields.EMPTY));

            assertThat(answer.getBoolean("signed")).isFalse();
            assertThat(answer.getString("peer")).isEqualTo(legacy.authority());
        }
    }

    @Test
    void acceptsANextcloudStyleRfc9421RequestAndRejectsItWithOneByteChanged() throws Exception {
        String kid = "http://" + peer.authority() + "/ocm#ed25519-1";
        GeneratedKey nextcloud = OcmKeys.generate(SignatureAlgorithm.ED25519, kid);
        JWK eddsa =
                new OctetKeyPair.Builder((OctetKeyPair) nextcloud.publicJwk())
                        .algorithm(JWSAlgorithm.EdDSA)
                        .build();
        peer.publish(eddsa);
        byte[] body = shareFrom(peer);

        HeaderFields headers = nextcloudStyle(nextcloud, body);
        JsonObject answer = accepted(send(body, headers));
        Http.Reply changed = send(flip(body), nextcloudStyle(nextcloud, body));

        assertThat(headers.combined("Signature-Input").orElseThrow()).doesNotContain("tag=");
        assertThat(answer.getString("scheme")).isEqualTo("RFC9421");
        assertRejected(changed, "DIGEST_MISMATCH");
    }

    @Test
    void acceptsANextcloudStyleCavageRequestAndThenRequiresSignatures() throws Exception {
        try (SigningPeer legacy = SigningPeer.legacy()) {
            String keyId = "http://" + legacy.authority() + "/ocm#signature";
            GeneratedKey rsa = OcmKeys.generate(SignatureAlgorithm.RSA_V1_5_SHA512, keyId);
            legacy.publishCavageKey(keyId, rsa.keyPair().getPublic());
            byte[] body = shareFrom(legacy);
            SigningKey signing = new SigningKey(rsa.keyPair().getPrivate(), keyId, rsa.algorithm());

            HeaderFields headers =
                    new OcmCavageRequestSigner(signing, Clock.systemUTC())
                            .sign("POST", URI.create(PUBLIC_TARGET), body);
            JsonObject answer = accepted(send(body, headers));
            Http.Reply changed = send(flip(body), headers);
            Http.Reply unsignedLater = send(shareFrom(legacy), HeaderFields.EMPTY);

            assertThat(headers.combined("Digest").orElseThrow()).startsWith("SHA-512=");
            assertThat(answer.getString("scheme")).isEqualTo("CAVAGE");
            assertRejected(changed, "DIGEST_MISMATCH");
            assertRejected(unsignedLater, "SIGNATURE_MISSING");
        }
    }

    @Test
    void acceptsARotatedKeyAfterOneRefetchAndRejectsARemovedKey() throws Exception {
        byte[] first = shareFrom(peer);
        accepted(send(first, sign(key, Clock.systemUTC(), "POST", PUBLIC_TARGET, first)));
        int fetchesBefore = peer.jwksFetches();
        GeneratedKey rotated =
                OcmKeys.generate(
                        SignatureAlgorithm.ED25519, "http://" + peer.authority() + "/ocm#k2");
        peer.publish(rotated.publicJwk());

        byte[] body = shareFrom(peer);
        accepted(send(body, sign(rotated, Clock.systemUTC(), "POST", PUBLIC_TARGET, body)));
        int fetchesAfterRotation = peer.jwksFetches();
        byte[] old = shareFrom(peer);
        Http.Reply withRemovedKey =
                send(old, sign(key, Clock.systemUTC(), "POST", PUBLIC_TARGET, old));

        assertThat(fetchesAfterRotation - fetchesBefore).isEqualTo(1);
        assertRejected(withRemovedKey, "KEY_NOT_FOUND");
    }

    @Test
    void aSignedShareMayOnlyNameItsOwnServerAsOwner() {
        String own = "alice@" + peer.authority();
        byte[] foreignOwner = shareCreation(own, "mallory@elsewhere.example");
        byte[] ownOwner = shareCreation(own, own);

        Http.Reply refused =
                sendTo(
                        "/ocm/shares",
                        foreignOwner,
                        sign(key, Clock.systemUTC(), "POST", PUBLIC_SHARES, foreignOwner));
        Http.Reply accepted =
                sendTo(
                        "/ocm/shares",
                        ownOwner,
                        sign(key, Clock.systemUTC(), "POST", PUBLIC_SHARES, ownOwner));

        assertRejected(refused, "SIGNER_MISMATCH");
        assertThat(refused.json().asJsonObject().getString("message"))
                .contains("owner names elsewhere.example");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    private static byte[] shareCreation(String sender, String owner) {
        return Json.createObjectBuilder()
                .add("shareWith", "bob@arquillian.ocm.test:8443")
                .add("name", "signed-" + System.nanoTime() + ".txt")
                .add("providerId", "p-" + System.nanoTime())
                .add("owner", owner)
                .add("sender", sender)
                .add("shareType", "user")
                .add("resourceType", "file")
                .add(
                        "protocol",
                        Json.createObjectBuilder()
                                .add("name", "multi")
                                .add(
                                        "webdav",
                                        Json.createObjectBuilder()
                                                .add("uri", "abc123")
                                                .add("sharedSecret", "s3cr3t-" + System.nanoTime())
                                                .add(
                                                        "permissions",
                                                        Json.createArrayBuilder().add("read"))))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A change to a genuine request. */
    interface Tamper extends UnaryOperator<Req> {}

    /** A request to send: body, what was signed, and optional header overrides. */
    record Req(
            SignedRequestsIT test,
            byte[] body,
            String signedMethod,
            String signedTarget,
            Instant created,
            GeneratedKey key,
            String[] override) {

        Req withBody(byte[] newBody) {
            // the signature covers the original body; only the bytes sent change
            return new Req(
                    test,
                    newBody,
                    signedMethod,
                    signedTarget,
                    created,
                    key,
                    new String[] {"sign-original", new String(body, StandardCharsets.ISO_8859_1)});
        }

        Req signedAs(String method, String target) {
            return new Req(test, body, method, target, created, key, override);
        }

        Req signedAt(Instant when) {
            return new Req(test, body, signedMethod, signedTarget, when, key, override);
        }

        Req signedWithUnpublishedKey() {
            GeneratedKey stranger =
                    OcmKeys.generate(
                            SignatureAlgorithm.ED25519,
                            "http://" + test.peer.authority() + "/ocm#unknown");
            return new Req(test, body, signedMethod, signedTarget, created, stranger, override);
        }

        Req withHeader(String name, String value) {
            return new Req(
                    test,
                    body,
                    signedMethod,
                    signedTarget,
                    created,
                    key,
                    new String[] {name, value});
        }

        Http.Reply send() throws Exception {
            byte[] signedBody = body;
            if (override != null && override[0].equals("sign-original")) {
                signedBody = override[1].getBytes(StandardCharsets.ISO_8859_1);
            }
            HeaderFields headers =
                    sign(
                            key,
                            Clock.fixed(created, ZoneOffset.UTC),
                            signedMethod,
                            signedTarget,
                            signedBody);
            if (override != null && !override[0].equals("sign-original")) {
                headers =
                        headers.without(override[0]).toBuilder()
                                .add(override[0], override[1])
                                .build();
            }
            return test.send(body, headers);
        }
    }

    private static HeaderFields sign(
            GeneratedKey key, Clock clock, String method, String target, byte[] body) {
        SigningKey signing =
                new SigningKey(
                        key.keyPair().getPrivate(), key.publicJwk().getKeyID(), key.algorithm());
        return new OcmRequestSigner(signing, clock).sign(method, URI.create(target), body);
    }

    /** Label {@code ocm}, no tag, {@code date} covered, no {@code alg}: Nextcloud 35's form. */
    private static HeaderFields nextcloudStyle(GeneratedKey key, byte[] body) throws Exception {
        Instant now = Instant.now();
        HeaderFields content =
                sign(key, Clock.fixed(now, ZoneOffset.UTC), "POST", PUBLIC_TARGET, body);
        HeaderFields unsigned =
                HeaderFields.builder()
                        .add("Content-Digest", content.combined("Content-Digest").orElseThrow())
                        .add("Content-Length", content.combined("Content-Length").orElseThrow())
                        .add("Date", content.combined("Date").orElseThrow())
                        .build();
        SignatureParameters parameters =
                SignatureParameters.builder()
                        .component("@method")
                        .component("@target-uri")
                        .component("content-digest")
                        .component("content-length")
                        .component("date")
                        .created(now)
                        .keyId(key.publicJwk().getKeyID())
                        .build();
        MessageSignature signature =
                MessageSignature.sign(
                        "ocm",
                        HttpMessage.request("POST", URI.create(PUBLIC_TARGET), unsigned),
                        parameters,
                        key.algorithm().signer(key.keyPair().getPrivate()));
        return unsigned.toBuilder()
                .add("Signature-Input", signature.signatureInputValue())
                .add("Signature", signature.signatureValue())
                .build();
    }

    private static byte[] shareFrom(SigningPeer from) {
        String address = "alice@" + from.authority();
        return Json.createObjectBuilder()
                .add("shareWith", "bob@arquillian.ocm.test:8443")
                .add("name", "report-" + System.nanoTime() + ".txt")
                .add("sender", address)
                .add("owner", address)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] flip(byte[] body) {
        byte[] copy = body.clone();
        copy[copy.length - 2] ^= 0x01;
        return copy;
    }

    Http.Reply send(byte[] body, HeaderFields headers) {
        return sendTo("/ocm/test-signed", body, headers);
    }

    Http.Reply sendTo(String path, byte[] body, HeaderFields headers) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"Content-Type", "application/json"});
        for (HeaderFields.FieldLine line : headers.lines()) {
            boolean setByClient =
                    line.name().equalsIgnoreCase("Content-Length")
                            || line.name().equalsIgnoreCase("Host");
            if (!setByClient) {
                fields.add(new String[] {line.name(), line.value()});
            }
        }
        return Http.post(Deployments.loopback(base) + path, fields, body);
    }

    private static JsonObject accepted(Http.Reply response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static void assertRejected(Http.Reply response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        JsonObject error = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(error.getString("message")).startsWith("Request rejected: ");
        assertThat(error.getJsonArray("validationErrors").getJsonObject(0).getString("name"))
                .isEqualTo("signature");
        assertThat(error.getJsonArray("validationErrors").getJsonObject(0).getString("message"))
                .isEqualTo(reason);
    }
}
