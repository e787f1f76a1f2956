package io.ocmee.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "::, 0:0:0:0:0:0:0:0",
        "::1, 0:0:0:0:0:0:0:1",
        "2001:db8::1, 2001:db8:0:0:0:0:0:1",
        "fe80::, fe80:0:0:0:0:0:0:0",
        "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
        "1::8, 1:0:0:0:0:0:0:8",
        "64:ff9b::192.0.2.33, 64:ff9b:0:0:0:0:c000:221",
        "FD00:EC2::254, fd00:ec2:0:0:0:0:0:254",
    })
    void parsesIpv6Literals(String literal, String expanded) throws UnknownHostException {
        byte[] bytes = IpLiterals.parseIpv6(literal).orElseThrow();

        assertThat(InetAddress.getByAddress(bytes).getHostAddress()).isEqualTo(expanded);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "",
                ":",
                ":::",
                "1:::2",
                "1::2::3",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9",
                "1::2:3:4:5:6:7:8",
                "12345::",
                "g::",
                ":1::",
                "1::2:",
                "fe80::1%eth0",
                "1.2.3.4::",
                "::1.2.3",
                "::256.0.0.1",
                "１::"
            })
    void rejectsMalformedIpv6(String literal) {
        assertThat(IpLiterals.parseIpv6(literal)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "",
                "1.2.3",
                "1.2.3.4.5",
                "01.2.3.4",
                "1.2.3.256",
                "0x7f.0.0.1",
                "2130706433",
                "1..3.4",
                "1.2.3.-4",
                "١.2.3.4"
            })
    void rejectsNonCanonicalIpv4(String literal) {
        assertThat(IpLiterals.parseIpv4(literal)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "255.255.255.255", "169.254.169.254"})
    void parsesDottedQuads(String literal) throws UnknownHostException {
        byte[] bytes = IpLiterals.parseIpv4(literal).orElseThrow();

        assertThat(InetAddress.getByAddress(bytes).getHostAddress()).isEqualTo(literal);
    }
}
