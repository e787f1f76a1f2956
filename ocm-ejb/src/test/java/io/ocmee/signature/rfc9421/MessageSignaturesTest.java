package io.ocmee.signature.rfc9421;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageSignaturesTest {

    @Test
    void pairsInputsAndValuesByLabelInInputOrder() {
        var signatures =
                MessageSignatures.parse(
                        "b=(\"@method\");created=2, a=();created=1", "a=:AQ==:, b=:Ag==:");

        assertThat(signatures).extracting(MessageSignature::label).containsExactly("b", "a");
        assertThat(signatures.get(0).signature()).containsExactly(2);
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a=();created=1                  | b=:AQ==:        | Signature rejected: label 'a'"
                        + " has no Signature value",
                "a=();created=1                  | a=:AQ==:, b=:AQ==: | Signature rejected: label"
                        + " 'b' has no Signature-Input",
                "a=\"@method\"                   | a=:AQ==:        | Signature rejected:"
                        + " Signature-Input member 'a' is not an Inner List",
                "a=()                            | a=\"c2ln\"      | Signature rejected: Signature"
                        + " member 'a' is not a Byte Sequence",
                "a=(\"@method\"                  | a=:AQ==:        | Signature rejected:"
                    + " Signature-Input is malformed: Structured field rejected: an Inner List is"
                    + " not closed with ')' at position 12",
                "a=()                            | a=:AQ==         | Signature rejected: Signature"
                        + " is malformed: Structured field rejected: the Byte Sequence starting at"
                        + " position 2 is not closed with ':'",
            })
    void rejectsFieldsThatDoNotPairUp(String input, String signature, String message) {
        assertThatThrownBy(() -> MessageSignatures.parse(input, signature))
                .isInstanceOf(MalformedSignatureException.class)
                .hasMessage(message);
    }
}
