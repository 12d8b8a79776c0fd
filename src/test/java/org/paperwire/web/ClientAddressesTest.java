package org.paperwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.paperwire.net.Cidr;
import org.junit.jupiter.api.Test;

/** Issue 9, finding 2: which address is the client, and which addresses share a network. */
class ClientAddressesTest {
    static final byte[] SECRET = "a test secret of thirty-two bytes".getBytes(StandardCharsets.UTF_8);

    static InetAddress ip(String literal) {
        return Cidr.address(literal).orElseThrow();
    }

    static ClientAddresses trusting(String... blocks) {
        return new ClientAddresses(Arrays.stream(blocks).map(Cidr::parse).toList(), SECRET);
    }

    @Test
    void withoutTrustedProxiesTheSocketPeerIsTheClientWhateverTheHeadersSay() {
        assertThat(trusting().resolve(ip("198.51.100.7"), List.of("203.0.113.9"))).isEqualTo(ip("198.51.100.7"));
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        ClientAddresses clients = trusting("10.0.0.0/8", "2001:db8:ffff::/48");
        // the client forged the first entry; our two proxies appended the rest
        assertThat(clients.resolve(ip("10.0.0.2"), ClientAddresses.hops(List.of("1.2.3.4, 203.0.113.9, 10.0.0.1"))))
                .isEqualTo(ip("203.0.113.9"));
        assertThat(clients.resolve(ip("2001:db8:ffff::1"), ClientAddresses.hops(List.of("[2001:db8:1:2::5]:443"))))
                .isEqualTo(ip("2001:db8:1:2::5"));
        assertThat(clients.resolve(ip("10.0.0.2"), List.of())).isEqualTo(ip("10.0.0.2"));
        assertThat(clients.resolve(ip("10.0.0.2"), ClientAddresses.hops(List.of("unknown, 10.0.0.1"))))
                .as("garbage stops the walk at the proxy that passed it on").isEqualTo(ip("10.0.0.1"));
        assertThat(clients.resolve(ip("10.0.0.2"), ClientAddresses.hops(List.of("example.org"))))
                .as("no host name is ever looked up").isEqualTo(ip("10.0.0.2"));
    }

    @Test
    void rfc7239ForwardedIsReadWithQuotesPortsAndSeveralElements() {
        assertThat(ClientAddresses.forwardedFor(List.of("for=192.0.2.60;proto=http;by=203.0.113.43",
                "For=\"[2001:db8:cafe::17]:4711\", for=198.51.100.1:80")))
                .containsExactly("192.0.2.60", "2001:db8:cafe::17", "198.51.100.1");
    }

    @Test
    void ipv6ClientsShareTheirSlash64AndIpv4ClientsTheirAddress() {
        ClientAddresses clients = trusting();
        assertThat(clients.networkId(ip("2001:db8:1:2::1"))).isEqualTo(clients.networkId(ip("2001:db8:1:2:ffff::9")));
        assertThat(clients.networkId(ip("2001:db8:1:2::1"))).isNotEqualTo(clients.networkId(ip("2001:db8:1:3::1")));
        assertThat(clients.networkId(ip("192.0.2.1"))).isNotEqualTo(clients.networkId(ip("192.0.2.2")));
        assertThat(clients.networkId(ip("::ffff:192.0.2.1"))).isEqualTo(clients.networkId(ip("192.0.2.1")));
        assertThat(clients.networkId(ip("192.0.2.1"))).doesNotContain("192");
    }

    @Test
    void aCidrContainsItsAddressesOnlyAndABadOneIsNamed() {
        assertThat(Cidr.parse("10.1.0.0/16").contains(ip("10.1.255.3"))).isTrue();
        assertThat(Cidr.parse("10.1.0.0/16").contains(ip("10.2.0.1"))).isFalse();
        assertThat(Cidr.parse("fd00::/8").contains(ip("fd12::1"))).isTrue();
        assertThat(Cidr.parse("fd00::/8").contains(ip("10.0.0.1"))).isFalse();
        assertThat(Cidr.parse("127.0.0.1").contains(ip("127.0.0.1"))).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
        for (String bad : List.of("10.0.0.0/33", "10.0.0/8", "proxy.example.org", "fd00::/129", "10.0.0.0/-1", "")) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
