package io.ocmee.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderHostTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    cloud.example.org                | cloud.example.org
                    cloud.example.org/               | cloud.example.org
                    https://cloud.example.org        | cloud.example.org
                    https://cloud.example.org:443/   | cloud.example.org
                    https://cloud.example.org:8443   | cloud.example.org:8443
                    http://localhost:8080/           | localhost:8080
                    http://localhost:80              | localhost
                    cloud.example.org:443            | cloud.example.org:443
                    [::1]:9200                       | [::1]:9200
                    https://[2001:db8::1]/           | [2001:db8::1]
                    198.51.100.7                     | 198.51.100.7
                    reva_1.docker                    | reva_1.docker
                    """)
    void normalisesRecipientProviderSenderDomainAndClientIdValues(String input, String authority) {
        assertThat(ProviderHost.parse(input).authority()).isEqualTo(authority);
    }

    @Test
    void buildsBaseUriWithoutTrailingSlash() {
        ProviderHost host = ProviderHost.parse("https://cloud.example.org:8443/");

        assertThat(host.baseUri("https")).isEqualTo(URI.create("https://cloud.example.org:8443"));
        assertThat(host.baseUri("http")).isEqualTo(URI.create("http://cloud.example.org:8443"));
    }

    @Test
    void recognisesIpLiterals() {
        assertThat(ProviderHost.parse("[2001:db8::1]").isIpLiteral()).isTrue();
        assertThat(ProviderHost.parse("192.0.2.1").isIpLiteral()).isTrue();
        assertThat(ProviderHost.parse("cloud.example.org").isIpLiteral()).isFalse();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    https://cloud.example.org/ocm  | host part has a path
                    user@cloud.example.org         | host part contains '@'
                    gopher://cloud.example.org     | scheme 'gopher' is not https or http
                    ::1                            | must be enclosed in brackets
                    """)
    void rejectsValuesThatAreNotHostAndPort(String input, String reason) {
        assertThatThrownBy(() -> ProviderHost.parse(input))
                .isInstanceOf(InvalidOcmAddressException.class)
                .hasMessageStartingWith("provider host '" + input + "' rejected: ")
                .hasMessageContaining(reason);
    }

    @Test
    void constructorRejectsNonCanonicalHost() {
        assertThatThrownBy(() -> new ProviderHost("Cloud.Example.org", OptionalInt.empty()))
                .isInstanceOf(InvalidOcmAddressException.class)
                .hasMessageContaining("not in canonical form");
    }

    @Test
    void baseUriRejectsOtherSchemes() {
        assertThatThrownBy(() -> ProviderHost.parse("cloud.example.org").baseUri("ftp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scheme rejected: 'ftp' is not https/http");
    }
}
