package io.ocmee.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class OcmAddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    alice@cloud.example.org | alice | cloud.example.org |
                    mahdi@it-department@cloud.example.org|mahdi@it-department|cloud.example.org|
                    alice@[2001:db8::1]:8443 | alice | [2001:db8::1] | 8443
                    056fc874@https://cloud2.example.test:10200|056fc874|cloud2.example.test|10200
                    bob@https://cloud.example.org/ | bob | cloud.example.org |
                    bob@https://cloud.example.org:443 | bob | cloud.example.org |
                    bob@http://cloud.example.org:80/ | bob | cloud.example.org |
                    bob@http://cloud.example.org:443 | bob | cloud.example.org | 443
                    bob@cloud.example.org:443 | bob | cloud.example.org | 443
                    Bob@Cloud.Example.ORG | Bob | cloud.example.org |
                    a%40b@cloud.example.org | a%40b | cloud.example.org |
                    John Doe@cloud.example.org | John Doe | cloud.example.org |
                    carol@192.0.2.10:8080 | carol | 192.0.2.10 | 8080
                    dave@[2001:DB8::A] | dave | [2001:db8::a] |
                    erin@bücher.example | erin | xn--bcher-kva.example |
                    """)
    void parsesAddressSplittingOnLastAt(
            String input, String identifier, String host, Integer port) {
        OcmAddress address = OcmAddress.parse(input);

        assertThat(address.identifier()).isEqualTo(identifier);
        assertThat(address.host()).isEqualTo(host);
        assertThat(address.port())
                .isEqualTo(port == null ? OptionalInt.empty() : OptionalInt.of(port));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    alice@cloud.example.org                    | alice@cloud.example.org
                    mahdi@it-department@cloud.example.org | mahdi@it-department@cloud.example.org
                    alice@[2001:db8::1]:8443                   | alice@[2001:db8::1]:8443
                    056fc874@https://cloud2.example.test:10200 | 056fc874@cloud2.example.test:10200
                    bob@HTTPS://Cloud.Example.org/             | bob@cloud.example.org
                    """)
    void formatsNormalisedAddressThatParsesBackToItself(String input, String formatted) {
        OcmAddress address = OcmAddress.parse(input);

        assertThat(address.format()).isEqualTo(formatted);
        assertThat(address.toString()).isEqualTo(formatted);
        assertThat(OcmAddress.parse(formatted)).isEqualTo(address);
    }

    @Test
    void providerAuthorityKeepsAnExplicitPort() {
        assertThat(OcmAddress.parse("alice@[2001:db8::1]:8443").providerAuthority())
                .isEqualTo("[2001:db8::1]:8443");
        assertThat(OcmAddress.parse("alice@cloud.example.org").providerAuthority())
                .isEqualTo("cloud.example.org");
    }

    @Test
    void identifierIsCaseSensitiveAndNeverDecoded() {
        OcmAddress upper = OcmAddress.parse("Alice@cloud.example.org");
        OcmAddress lower = OcmAddress.parse("alice@cloud.example.org");

        assertThat(upper).isNotEqualTo(lower);
        assertThat(OcmAddress.parse("a+b%20c@cloud.example.org").identifier()).isEqualTo("a+b%20c");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            textBlock =
                    """
                    x@host/path                   | host part has a path
                    x@https://host/path/          | host part has a path
                    @host                         | identifier before the last '@' is empty
                    user@                         | host after the last '@' is empty
                    "   "                         | value is blank
                    " alice@host"                 | leading or trailing whitespace
                    "alice@host "                 | leading or trailing whitespace
                    alice                         | no '@' separates identifier and host
                    alice@host:0                  | port '0' is not a number between 1 and 65535
                    alice@host:65536              | port '65536' is not a number between 1 and 65535
                    alice@host:-1                 | port '-1' is not a number between 1 and 65535
                    alice@host:8o                 | port '8o' is not a number between 1 and 65535
                    alice@host:                   | port '' is not a number between 1 and 65535
                    alice@2001:db8::1             | must be enclosed in brackets
                    alice@[2001:db8::1            | IPv6 literal has no closing ']'
                    alice@[2001:db8::1]x          | unexpected text after the IPv6 literal
                    alice@[2001:db8::zz]          | is not a valid bracketed IPv6 literal
                    alice@[fe80::1%eth0]          | is not a valid bracketed IPv6 literal
                    alice@[]                      | is not a valid bracketed IPv6 literal
                    alice@ftp://host              | scheme 'ftp' is not https or http
                    alice@host?x=1                | query or fragment
                    alice@host#frag               | query or fragment
                    alice@ho st                   | host part contains whitespace
                    alice@host..example           | has an empty or over-long label
                    alice@-host.example           | label starting or ending in '-'
                    alice@host!.example           | contains the character '!'
                    alice@2130706433              | neither a dotted-quad IPv4 address nor a name
                    alice@127.1                   | neither a dotted-quad IPv4 address nor a name
                    alice@0x7f.0.0.1              | neither a dotted-quad IPv4 address nor a name
                    alice@010.0.0.1               | neither a dotted-quad IPv4 address nor a name
                    alice@256.1.1.1               | neither a dotted-quad IPv4 address nor a name
                    alice@https://                | host is empty
                    """)
    void rejectsMalformedAddressWithReason(String input, String reason) {
        assertThatThrownBy(() -> OcmAddress.parse(input))
                .isInstanceOf(InvalidOcmAddressException.class)
                .hasMessageStartingWith("OCM address '" + input + "' rejected: ")
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsNullAndEmpty(String input) {
        assertThatThrownBy(() -> OcmAddress.parse(input))
                .isInstanceOf(InvalidOcmAddressException.class)
                .hasMessageStartingWith("OCM address rejected: value is ");
    }

    @Test
    void rejectsControlCharacterInIdentifier() {
        assertThatThrownBy(() -> OcmAddress.parse("ali\nce@host"))
                .isInstanceOf(InvalidOcmAddressException.class)
                .hasMessageContaining("control character");
    }
}
