package io.ocmee.wayf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryDocumentVerifierTest {

    private static final URI SOURCE = URI.create("https://directory.example.org/federation");

    private static RSAKey rsa;
    private static ECKey ec;
    private static RSAKey stranger;

    @BeforeAll
    static void keys() throws JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("dir-rsa").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("dir-ec").generate();
        stranger = new RSAKeyGenerator(2048).keyID("dir-rsa").generate();
    }

    private static DirectoryDocumentVerifier verifier(boolean allowHttp) {
        return new DirectoryDocumentVerifier(new JWKSet(List.of(rsa, ec)), allowHttp);
    }

    private static String signedRsa(RSAKey key, String payload) throws JOSEException {
        JWSObject jws =
                new JWSObject(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        new Payload(payload));
        jws.sign(new RSASSASigner(key));
        return jws.serialize();
    }

    private static final String DIRECTORY =
            """
            {"federation": "Example Science Mesh", "servers": [
              {"url": "https://cloud.example.org", "displayName": "Example Cloud"},
              {"url": "https://files.example.net:8443/"},
              {"url": "https://box.example.com/owncloud", "displayName": "has a path"},
              {"url": "https://user@box.example.com", "displayName": "user info"},
              {"url": "https://box.example.com?x=1", "displayName": "query"},
              {"url": "box.example.com", "displayName": "no scheme"},
              {"url": "http://plain.example.org", "displayName": "Plain\\u0007 Server"},
              {"displayName": "no url"}
            ]}
            """;

    @Test
    void acceptsAnRsaSignedDirectoryAndKeepsOnlyValidServerUrls() throws JOSEException {
        DirectoryListing listing = verifier(false).verify(SOURCE, signedRsa(rsa, DIRECTORY));

        assertThat(listing.federation()).isEqualTo("Example Science Mesh");
        assertThat(listing.servers())
                .extracting(DirectoryServer::authority, DirectoryServer::displayName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cloud.example.org", "Example Cloud"),
                        org.assertj.core.groups.Tuple.tuple(
                                "files.example.net:8443", "files.example.net:8443"));
        assertThat(listing.skipped()).isEqualTo(6);
        assertThat(listing.source()).isEqualTo(SOURCE);
    }

    @Test
    void acceptsPlainHttpServersOnlyWhenAllowedAndDropsControlCharactersFromNames()
            throws JOSEException {
        DirectoryListing listing = verifier(true).verify(SOURCE, signedRsa(rsa, DIRECTORY));

        assertThat(listing.servers())
                .extracting(DirectoryServer::displayName)
                .contains("Plain Server");
        assertThat(listing.skipped()).isEqualTo(5);
    }

    @Test
    void acceptsAnEcdsaSignedDirectoryWithoutKeyId() throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(DIRECTORY));
        jws.sign(new ECDSASigner(ec));

        assertThat(verifier(false).verify(SOURCE, jws.serialize()).servers()).hasSize(2);
    }

    @Test
    void rejectsADocumentSignedByAnotherKeyWithTheSameKeyId() throws JOSEException {
        String forged = signedRsa(stranger, DIRECTORY);

        assertThatThrownBy(() -> verifier(false).verify(SOURCE, forged))
                .isInstanceOf(DirectoryDocumentException.class)
                .hasMessage(
                        "Directory document rejected: its signature does not verify with the"
                                + " configured keys");
    }

    @Test
    void rejectsADocumentWhosePayloadWasChanged() throws JOSEException {
        String[] parts = signedRsa(rsa, DIRECTORY).split("\\.");
        String otherPayload =
                new Payload("{\"federation\":\"x\",\"servers\":[]}").toBase64URL().toString();
        String tampered = parts[0] + "." + otherPayload + "." + parts[2];

        assertThatThrownBy(() -> verifier(false).verify(SOURCE, tampered))
                .isInstanceOf(DirectoryDocumentException.class)
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void rejectsAnUnknownKeyId() throws JOSEException {
        RSAKey other = new RSAKeyGenerator(2048).keyID("elsewhere").generate();

        assertThatThrownBy(() -> verifier(false).verify(SOURCE, signedRsa(other, DIRECTORY)))
                .isInstanceOf(DirectoryDocumentException.class)
                .hasMessage(
                        "Directory document rejected: no configured key has the key id it names");
    }

    @Test
    void rejectsHmacEvenWithAKeyThatWouldVerify() throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(DIRECTORY));
        jws.sign(new MACSigner(new byte[32]));

        assertThatThrownBy(() -> verifier(false).verify(SOURCE, jws.serialize()))
                .isInstanceOf(DirectoryDocumentException.class)
                .hasMessage(
                        "Directory document rejected: signature algorithm HS256 is not accepted"
                                + " (RS*, PS* or ES* only)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"federation\":\"x\",\"servers\":[]}",
                "not a jws",
                "eyJhbGciOiJub25lIn0.eyJmZWRlcmF0aW9uIjoieCIsInNlcnZlcnMiOltdfQ."
            })
    void rejectsUnsignedOrMalformedDocuments(String document) {
        assertThatThrownBy(() -> verifier(false).verify(SOURCE, document))
                .isInstanceOf(DirectoryDocumentException.class)
                .hasMessageStartingWith("Directory document rejected: ");
    }

    @Test
    void rejectsASignedPayloadThatIsNoDirectory() throws JOSEException {
        assertThatThrownBy(
                        () ->
                                verifier(false)
                                        .verify(SOURCE, signedRsa(rsa, "{\"federation\":\"x\"}")))
                .isInstanceOf(DirectoryDocumentException.class)
                .hasMessage("Directory document rejected: servers is missing or not a list");
        assertThatThrownBy(() -> verifier(false).verify(SOURCE, signedRsa(rsa, "[1,2]")))
                .isInstanceOf(DirectoryDocumentException.class)
                .hasMessage("Directory document rejected: its payload is not a JSON object");
    }
}
