package io.ocmee.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.address.IpLiterals;
import io.ocmee.delivery.http.AddressPolicy.Category;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "93.184.216.34, PUBLIC",
        "8.8.8.8, PUBLIC",
        "2a00:1450:4001:80b::200e, PUBLIC",
        "127.0.0.1, LOOPBACK",
        "127.255.255.254, LOOPBACK",
        "::1, LOOPBACK",
        "10.0.0.1, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "172.32.0.1, PUBLIC",
        "192.168.1.1, PRIVATE",
        "fc00::1, PRIVATE",
        "fd12:3456::1, PRIVATE",
        "fec0::1, PRIVATE",
        "100.64.0.1, SHARED",
        "100.127.255.255, SHARED",
        "100.128.0.1, PUBLIC",
        "169.254.0.1, LINK_LOCAL",
        "fe80::1, LINK_LOCAL",
        "169.254.169.254, METADATA",
        "fd00:ec2::254, METADATA",
        "100.100.100.200, METADATA",
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, UNSPECIFIED",
        "::, UNSPECIFIED",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "ff02::1, MULTICAST",
        "255.255.255.255, RESERVED",
        "240.0.0.1, RESERVED",
        "192.0.2.1, RESERVED",
        "198.18.0.1, RESERVED",
        "2001:db8::1, RESERVED",
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:169.254.169.254, METADATA",
        "::ffff:10.0.0.1, PRIVATE",
        "::ffff:93.184.216.34, PUBLIC",
        "::127.0.0.1, LOOPBACK",
        "64:ff9b::a9fe:a9fe, METADATA",
        "2002:0a00:0001::1, PRIVATE",
        "2002:7f00:0001::1, LOOPBACK",
    })
    void categorizesAddressesWithoutResolving(String literal, Category expected) {
        assertThat(AddressPolicy.categorize(address(literal))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with loopback={1} private={2} -> {3}")
    @CsvSource({
        "93.184.216.34, false, false, true",
        "127.0.0.1, false, false, false",
        "127.0.0.1, true, false, true",
        "::1, true, false, true",
        "10.0.0.1, false, false, false",
        "10.0.0.1, false, true, true",
        "10.0.0.1, true, false, false",
        "100.64.0.1, false, true, true",
        "fd12::1, false, true, true",
        "169.254.169.254, true, true, false",
        "fd00:ec2::254, true, true, false",
        "100.100.100.200, true, true, false",
        "169.254.0.1, true, true, false",
        "fe80::1, true, true, false",
        "0.0.0.0, true, true, false",
        "::, true, true, false",
        "224.0.0.1, true, true, false",
        "::ffff:127.0.0.1, false, false, false",
        "::ffff:127.0.0.1, true, false, true",
        "::ffff:169.254.169.254, true, true, false",
    })
    void permitsOnlyWhatTheFlagsAllow(
            String literal, boolean allowLoopback, boolean allowPrivate, boolean permitted) {
        AddressPolicy policy = new AddressPolicy(allowLoopback, allowPrivate);

        assertThat(policy.permits(address(literal))).isEqualTo(permitted);
    }

    @Test
    void judgesIpv4MappedInet6AddressByTheEmbeddedIpv4() throws UnknownHostException {
        byte[] mapped = IpLiterals.parseIpv6("::ffff:169.254.169.254").orElseThrow();
        Inet6Address forcedV6 = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(AddressPolicy.categorize(forcedV6)).isEqualTo(Category.METADATA);
        assertThat(AddressPolicy.publicOnly().refusal(forcedV6)).contains(Category.METADATA);
    }

    static InetAddress address(String literal) {
        byte[] bytes =
                literal.contains(":")
                        ? IpLiterals.parseIpv6(literal).orElseThrow()
                        : IpLiterals.parseIpv4(literal).orElseThrow();
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
