package io.ocmee.signature.sf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StructuredFieldParserTest {

    @Test
    void parsesSignatureInputDictionaryAndSerialisesItBack() {
        String value =
                "sig1=(\"@method\" \"@target-uri\" \"content-digest\");created=1618884473;"
                        + "keyid=\"k\";tag=\"ocm\", proxy=(\"@authority\");created=1";

        SfDictionary dictionary = StructuredFieldParser.parseDictionary(value);

        assertThat(dictionary.members()).containsOnlyKeys("sig1", "proxy");
        InnerList sig1 = (InnerList) dictionary.get("sig1").orElseThrow();
        assertThat(sig1.items())
                .extracting(Item::value)
                .containsExactly(
                        new BareItem.SfString("@method"),
                        new BareItem.SfString("@target-uri"),
                        new BareItem.SfString("content-digest"));
        assertThat(sig1.parameters().get("created")).contains(new BareItem.SfInteger(1618884473));
        assertThat(dictionary.serialize()).isEqualTo(value);
    }

    @Test
    void parsesEveryBareItemType() {
        SfList list =
                StructuredFieldParser.parseList(
                        "\"a\\\"b\", tok/en:x, -42, 3.140, ?0, :AQID:, *star");

        assertThat(list.members())
                .extracting(m -> ((Item) m).value())
                .containsExactly(
                        new BareItem.SfString("a\"b"),
                        new BareItem.Token("tok/en:x"),
                        new BareItem.SfInteger(-42),
                        new BareItem.SfDecimal(new BigDecimal("3.140")),
                        new BareItem.SfBoolean(false),
                        new BareItem.ByteSequence(new byte[] {1, 2, 3}),
                        new BareItem.Token("*star"));
        assertThat(list.serialize())
                .isEqualTo("\"a\\\"b\", tok/en:x, -42, 3.14, ?0, :AQID:, *star");
    }

    @Test
    void dictionaryMemberWithoutValueIsBooleanTrueAndSerialisesAsBareKey() {
        SfDictionary dictionary = StructuredFieldParser.parseDictionary("a, b=?0;x, c;y=1");

        assertThat(dictionary.get("a")).contains(Item.of(new BareItem.SfBoolean(true)));
        assertThat(dictionary.serialize()).isEqualTo("a, b=?0;x, c;y=1");
    }

    @Test
    void toleratesOptionalWhitespaceAroundCommasAndLeadingAndTrailingSpaces() {
        SfDictionary dictionary = StructuredFieldParser.parseDictionary("  a=1 ,\tb=2   ");

        assertThat(dictionary.serialize()).isEqualTo("a=1, b=2");
    }

    @Test
    void repeatedDictionaryKeyKeepsFirstPositionAndLastValue() {
        SfDictionary dictionary = StructuredFieldParser.parseDictionary("a=1, b=2, a=3");

        assertThat(dictionary.serialize()).isEqualTo("a=3, b=2");
    }

    @Test
    void keyAloneAtEndIsBooleanTrue() {
        assertThat(StructuredFieldParser.parseDictionary("a=1, b").get("b"))
                .contains(Item.of(new BareItem.SfBoolean(true)));
    }

    @Test
    void emptyValueIsAnEmptyDictionary() {
        assertThat(StructuredFieldParser.parseDictionary("   ").members()).isEmpty();
    }

    @Test
    void byteSequenceWithoutPaddingIsAccepted() {
        Item item = StructuredFieldParser.parseItem(":AQI:");

        assertThat(((BareItem.ByteSequence) item.value()).bytes()).containsExactly(1, 2);
        assertThat(item.serialize()).isEqualTo(":AQI=:");
    }

    @Test
    void byteSequenceToStringDoesNotRevealContent() {
        assertThat(new BareItem.ByteSequence(new byte[] {9, 9}).toString())
                .isEqualTo("ByteSequence[2 bytes]");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "a=1,                | Structured field rejected: a trailing ',' must be followed"
                        + " by another member at position 4",
                "A=1                 | Structured field rejected: a key must start with a"
                        + " lower-case letter or '*', found 'A' at position 0",
                "a=1 b=2             | Structured field rejected: expected ',' between members but"
                        + " found 'b' at position 4",
                "a=(\"x\"            | Structured field rejected: an Inner List is not closed with"
                        + " ')' at position 6",
                "a=(\"x\"\"y\")      | Structured field rejected: expected ' ' or ')' in an Inner"
                        + " List but found '\"' at position 6",
                "a=\"unterminated    | Structured field rejected: the String starting at position 2"
                        + " is not closed",
                "a=\"bad\\escape\"   | Structured field rejected: only '\\\"' and '\\\\' may be"
                        + " escaped in a String at position 7",
                "a=1234567890123456  | Structured field rejected: an Integer may have at most 15"
                        + " digits, at position 2",
                "a=1234567890123.5   | Structured field rejected: a Decimal may have at most 12"
                        + " integer digits at position 17",
                "a=1.2345            | Structured field rejected: a Decimal must have 1 to 3"
                        + " fraction digits at position 8",
                "a=1.                | Structured field rejected: a Decimal must have 1 to 3"
                        + " fraction digits at position 4",
                "a=-                 | Structured field rejected: a number must have a digit after"
                        + " '-' at position 3",
                "a=?2                | Structured field rejected: a Boolean must be ?0 or ?1 at"
                        + " position 3",
                "a=:AQID             | Structured field rejected: the Byte Sequence starting at"
                        + " position 2 is not closed with ':'",
                "a=:A*ID:            | Structured field rejected: a Byte Sequence may hold only"
                        + " base64 characters, found '*' at position 4",
                "a=:A=QID:           | Structured field rejected: the Byte Sequence at position 2"
                        + " is not valid base64",
                "a=@x                | Structured field rejected: an Item cannot start with '@' at"
                        + " position 2",
                "a=                  | Structured field rejected: expected an Item but the value"
                        + " ended at position 2",
                "a=1;                | Structured field rejected: a key must start with a"
                        + " lower-case letter or '*' but the value ended at position 4",
                "a=1;Key=2           | Structured field rejected: a key must start with a"
                        + " lower-case letter or '*', found 'K' at position 4",
                "'\ta=1'             | Structured field rejected: a key must start with a"
                        + " lower-case letter or '*', found 0x9 at position 0",
            })
    void rejectsMalformedDictionary(String input, String message) {
        assertThatThrownBy(() -> StructuredFieldParser.parseDictionary(input))
                .isInstanceOf(StructuredFieldException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsNonAsciiInsideString() {
        assertThatThrownBy(() -> StructuredFieldParser.parseItem("\"caf\u00e9\""))
                .isInstanceOf(StructuredFieldException.class)
                .hasMessage(
                        "Structured field rejected: a String may hold only printable ASCII, found"
                                + " 0xe9 at position 4");
    }

    @Test
    void rejectsTrailingGarbageAfterItem() {
        assertThatThrownBy(() -> StructuredFieldParser.parseItem("1 2"))
                .isInstanceOf(StructuredFieldException.class)
                .hasMessage(
                        "Structured field rejected: unexpected '2' after the value at position 2");
    }

    @Test
    void refusesToSerialiseOutOfRangeValues() {
        assertThatThrownBy(() -> new BareItem.SfInteger(1_000_000_000_000_000L))
                .isInstanceOf(StructuredFieldException.class)
                .hasMessage("Structured field rejected: an Integer may have at most 15 digits");
        assertThatThrownBy(() -> new BareItem.Token("1abc"))
                .isInstanceOf(StructuredFieldException.class)
                .hasMessage("Structured field rejected: '1abc' is not a valid Token");
        assertThatThrownBy(() -> new BareItem.SfString("line\nbreak"))
                .isInstanceOf(StructuredFieldException.class)
                .hasMessage(
                        "Structured field rejected: a String may hold only printable ASCII, found"
                                + " character 0xa");
        assertThatThrownBy(() -> Parameters.builder().putInteger("Upper", 1).build())
                .isInstanceOf(StructuredFieldException.class)
                .hasMessage("Structured field rejected: 'Upper' is not a valid key");
    }

    @Test
    void decimalSerialisationRoundsToThreeFractionDigits() {
        assertThat(new BareItem.SfDecimal(new BigDecimal("1.23456")).serialize())
                .isEqualTo("1.235");
        assertThat(new BareItem.SfDecimal(new BigDecimal("5")).serialize()).isEqualTo("5.0");
    }
}
