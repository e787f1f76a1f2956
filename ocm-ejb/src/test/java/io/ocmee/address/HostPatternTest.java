package io.ocmee.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "cloud.example.org, cloud.example.org, true",
        "cloud.example.org, cloud.example.org:8443, true",
        "Cloud.Example.ORG, cloud.example.org, true",
        "cloud.example.org, other.example.org, false",
        "cloud.example.org, sub.cloud.example.org, false",
        "cloud.example.org:8443, cloud.example.org:8443, true",
        "cloud.example.org:8443, cloud.example.org, false",
        "cloud.example.org:8443, cloud.example.org:9443, false",
        "*.example.org, a.example.org, true",
        "*.example.org, b.a.example.org:444, true",
        "*.example.org, example.org, false",
        "*.example.org, badexample.org, false",
        "*.example.org, example.org.evil.net, false",
        "*.example.org:443, a.example.org:443, true",
        "*.example.org:443, a.example.org:8443, false",
        "localhost:9999, localhost:9999, true",
        "localhost:9999, localhost:9998, false",
        "127.0.0.1, 127.0.0.1:80, true",
        "'[2001:db8::1]', '[2001:db8::1]:8443', true"
    })
    void matchesHostsPortsAndSubdomains(String pattern, String server, boolean expected) {
        assertThat(HostPattern.parse(pattern).matches(ProviderHost.parse(server)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "*",
                "*.",
                "a.*.example.org",
                "*example.org",
                "https://cloud.example.org",
                "cloud.example.org/path",
                "*.10.0.0.1",
                "bad host"
            })
    void rejectsWhatIsNeitherAHostNorADomainPattern(String text) {
        assertThatThrownBy(() -> HostPattern.parse(text))
                .isInstanceOf(InvalidOcmAddressException.class)
                .hasMessageContaining("rejected");
    }

    @org.junit.jupiter.api.Test
    void listsIgnoreBlankEntriesAndAnyEntryMatches() {
        List<HostPattern> list = HostPattern.parseList("a.example, ,*.b.example:8080,");

        assertThat(list).hasSize(2);
        assertThat(HostPattern.anyMatches(list, ProviderHost.parse("x.b.example:8080"))).isTrue();
        assertThat(HostPattern.anyMatches(list, ProviderHost.parse("x.b.example"))).isFalse();
        assertThat(HostPattern.anyMatches(List.of(), ProviderHost.parse("a.example"))).isFalse();
    }
}
