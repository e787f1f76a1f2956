package io.ocmee.signature.rfc9421;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpMessage;
import io.ocmee.signature.sf.InnerList;
import io.ocmee.signature.sf.StructuredFieldParser;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureBaseBuilderTest {

    private static final HttpMessage REQUEST =
            HttpMessage.request(
                    "POST",
                    URI.create(
                            "HTTPS://WWW.Example.com:443/path/a%20b?param=value&foo=bar&baz=bat%2Dman&qux=&sp=this%20is+big&dup=1&dup=2"),
                    HeaderFields.builder()
                            .add("Host", "www.example.com")
                            .add("Accept", " application/json ")
                            .add("accept", "*/*")
                            .add("Example-Dict", " a=1,    b=2;x=1;y=2,   c=(a   b   c)")
                            .add("Content-Digest", "sha-256=:AAAA:")
                            .add("Example-Header", "value, with, lots")
                            .add("Example-Header", "of, commas")
                            .build());

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"@method\"                     | POST",
                "\"@target-uri\"                 |"
                    + " HTTPS://WWW.Example.com:443/path/a%20b?param=value&foo=bar&baz=bat%2Dman&qux=&sp=this%20is+big&dup=1&dup=2",
                "\"@authority\"                  | www.example.com",
                "\"@scheme\"                     | https",
                "\"@path\"                       | /path/a%20b",
                "\"@query\"                      |"
                        + " ?param=value&foo=bar&baz=bat%2Dman&qux=&sp=this%20is+big&dup=1&dup=2",
                "\"@request-target\"             |"
                    + " /path/a%20b?param=value&foo=bar&baz=bat%2Dman&qux=&sp=this%20is+big&dup=1&dup=2",
                "\"@query-param\";name=\"baz\"   | bat-man",
                "\"@query-param\";name=\"qux\"   | ''",
                "\"@query-param\";name=\"sp\"    | this%20is%20big",
                "\"accept\"                      | application/json, */*",
                "\"example-header\"              | value, with, lots, of, commas",
                "\"example-dict\"                | a=1,    b=2;x=1;y=2,   c=(a   b   c)",
                "\"example-dict\";sf             | a=1, b=2;x=1;y=2, c=(a b c)",
                "\"example-dict\";key=\"b\"      | 2;x=1;y=2",
                "\"example-header\";bs           | :dmFsdWUsIHdpdGgsIGxvdHM=:, :b2YsIGNvbW1hcw==:",
            })
    void resolvesComponentValuesAsRfc9421Section2Describes(String identifier, String expected) {
        String base = baseFor(REQUEST, identifier);

        assertThat(base).startsWith(identifier + ": " + expected + "\n\"@signature-params\": (");
    }

    @Test
    void resolvesStatusAndRequestBoundComponentsOfAResponse() {
        HttpMessage response =
                HttpMessage.response(503, HeaderFields.builder().add("Date", "x").build(), REQUEST);

        assertThat(baseFor(response, "\"@status\" \"@method\";req \"content-digest\";req"))
                .isEqualTo(
                        "\"@status\": 503\n"
                                + "\"@method\";req: POST\n"
                                + "\"content-digest\";req: sha-256=:AAAA:\n"
                                + "\"@signature-params\": (\"@status\" \"@method\";req"
                                + " \"content-digest\";req)");
    }

    @Test
    void omitsDefaultPortButKeepsOtherPortsInAuthority() {
        HttpMessage request =
                HttpMessage.request(
                        "GET", URI.create("http://Example.org:8080"), HeaderFields.EMPTY);

        assertThat(baseFor(request, "\"@authority\" \"@path\" \"@query\""))
                .startsWith("\"@authority\": example.org:8080\n\"@path\": /\n\"@query\": ?\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"date\"                        | MissingComponentException  | Signature rejected:"
                        + " covered field \"date\" is not present in the message",
                "\"@status\"                     | MissingComponentException  | Signature rejected:"
                        + " \"@status\" does not apply to a request",
                "\"@query-param\";name=\"dup\"   | MissingComponentException  | Signature rejected:"
                        + " query parameter 'dup' must occur exactly once, found 2",
                "\"@query-param\";name=\"nope\"  | MissingComponentException  | Signature rejected:"
                        + " query parameter 'nope' must occur exactly once, found 0",
                "\"@query-param\"                | MalformedSignatureException | Signature"
                        + " rejected: \"@query-param\" needs a 'name' parameter",
                "\"example-dict\";key=\"zz\"     | MissingComponentException  | Signature rejected:"
                        + " dictionary field \"example-dict\" has no member 'zz'",
                "\"example-header\";sf           | MalformedSignatureException | Signature"
                    + " rejected: the structured type of field \"example-header\" is unknown, so"
                    + " 'sf' cannot be applied",
                "\"accept\";bs;sf                | MalformedSignatureException | Signature"
                        + " rejected: \"accept\";bs;sf combines 'bs' with 'sf' or 'key'",
                "\"@method\";req                 | MalformedSignatureException | Signature"
                        + " rejected: \"@method\";req uses 'req' on a request",
                "\"@unknown\"                    | MalformedSignatureException | Signature"
                        + " rejected: unknown derived component \"@unknown\"",
                "\"Accept\"                      | MalformedSignatureException | Signature"
                        + " rejected: component name 'Accept' must be non-empty lower case",
                "\"accept\";tr                   | MalformedSignatureException | Signature"
                        + " rejected: component 'accept' has unsupported parameter 'tr'",
                "\"@method\";name=\"x\"          | MalformedSignatureException | Signature"
                        + " rejected: only \"@query-param\" takes a 'name' parameter",
                "\"@signature-params\"           | MalformedSignatureException | Signature"
                        + " rejected: \"@signature-params\" cannot be a covered component",
                "\"accept\" \"accept\"           | MalformedSignatureException | Signature"
                        + " rejected: component \"accept\" is covered twice",
                "accept                          | MalformedSignatureException | Signature"
                        + " rejected: a covered component must be a String, got accept",
            })
    void rejectsComponentsThatCannotBeResolved(String identifiers, String type, String message) {
        assertThatThrownBy(() -> baseFor(REQUEST, identifiers))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(type))
                .hasMessage(message);
    }

    @Test
    void rejectsSignatureParameterOfTheWrongType() {
        assertThatThrownBy(() -> parameters("(\"@method\");created=\"yesterday\""))
                .isInstanceOf(MalformedSignatureException.class)
                .hasMessage("Signature rejected: signature parameter 'created' must be an Integer");
        assertThatThrownBy(() -> parameters("(\"@method\");keyid=42"))
                .isInstanceOf(MalformedSignatureException.class)
                .hasMessage("Signature rejected: signature parameter 'keyid' must be a String");
    }

    @Test
    void builderSerialisesParametersInCallOrder() {
        SignatureParameters parameters =
                SignatureParameters.builder()
                        .component("@method")
                        .component("@target-uri")
                        .created(java.time.Instant.ofEpochSecond(1788256800))
                        .keyId("https://files.example.net/ocm#ed25519-1")
                        .algorithm("ed25519")
                        .tag("ocm")
                        .build();

        assertThat(parameters.serialize())
                .isEqualTo(
                        "(\"@method\" \"@target-uri\");created=1788256800;"
                            + "keyid=\"https://files.example.net/ocm#ed25519-1\";alg=\"ed25519\";tag=\"ocm\"");
    }

    private static String baseFor(HttpMessage message, String identifiers) {
        return SignatureBaseBuilder.build(message, parameters("(" + identifiers + ")")).text();
    }

    private static SignatureParameters parameters(String innerList) {
        return new SignatureParameters(
                (InnerList)
                        StructuredFieldParser.parseDictionary("s=" + innerList)
                                .get("s")
                                .orElseThrow());
    }
}
