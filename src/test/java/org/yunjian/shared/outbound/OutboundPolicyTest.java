package org.yunjian.shared.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The one outbound address policy against both IANA special-purpose registries, every IPv6 form that embeds an IPv4
 * address, the ranges an administrator allows, and a real socket: a refused address is never connected to.
 */
class OutboundPolicyTest {

    private static final OutboundPolicy PRODUCTION = OutboundPolicy.publicOnly("monitoring");

    @Test
    void refusesTheFirstAndLastAddressOfEveryRegistryEntryThatIsNotGloballyReachable() {
        List<String> walked = new ArrayList<>();
        for (List<SpecialAddresses.Entry> registry :
                List.of(SpecialAddresses.IPV4, SpecialAddresses.IPV6, SpecialAddresses.NEVER)) {
            for (SpecialAddresses.Entry e : registry) {
                if (e.globallyReachable()) {
                    continue;
                }
                for (byte[] b : List.of(e.range().first(), e.range().last())) {
                    InetAddress a = Addresses.of(b);
                    OutboundPolicy.Decision d = PRODUCTION.judge(a);
                    assertThat(d.allowed()).as(e.name() + " " + d.addressText()).isFalse();
                    walked.add(d.addressText());
                }
            }
        }
        long entries = java.util.stream.Stream.of(SpecialAddresses.IPV4, SpecialAddresses.IPV6, SpecialAddresses.NEVER)
                .flatMap(List::stream)
                .filter(e -> !e.globallyReachable())
                .count();
        assertThat(walked).hasSize((int) (2 * entries)).hasSizeGreaterThan(80);
    }

    @Test
    void allowsTheGloballyReachableEntriesAndPublicAddresses() throws Exception {
        for (String reachable : List.of(
                "192.0.0.9",
                "192.0.0.10",
                "192.31.196.1",
                "192.52.193.7",
                "192.175.48.1",
                "2001:1::1",
                "2001:1::2",
                "2001:1::3",
                "2001:3::1",
                "2001:4:112::1",
                "2001:20::1",
                "2001:30::1",
                "2620:4f:8000::1",
                "64:ff9b::808:808", // NAT64 of 8.8.8.8
                "2002:808:808::1", // 6to4 of 8.8.8.8
                "8.8.8.8",
                "223.5.5.5",
                "2400:3200::1")) {
            assertThat(PRODUCTION.judge(InetAddress.getByName(reachable)).allowed())
                    .as(reachable)
                    .isTrue();
        }
    }

    @Test
    void judgesEveryIpv6FormThatEmbedsAnIpv4AddressByThatAddress() throws Exception {
        for (String internal : List.of(
                "127.0.0.1",
                "169.254.169.254",
                "100.100.100.200",
                "100.64.1.1",
                "10.0.0.1",
                "192.168.1.1",
                "172.16.0.1",
                "198.18.0.1",
                "0.0.0.0")) {
            byte[] v4 = InetAddress.getByName(internal).getAddress();
            String hex = String.format("%02x%02x:%02x%02x", v4[0], v4[1], v4[2], v4[3]);
            String inverted =
                    String.format("%02x%02x:%02x%02x", ~v4[0] & 0xff, ~v4[1] & 0xff, ~v4[2] & 0xff, ~v4[3] & 0xff);
            for (String form : List.of(
                    "::ffff:" + internal,
                    "::ffff:" + hex,
                    "::" + internal,
                    "64:ff9b::" + internal,
                    "64:ff9b:1::" + hex,
                    "2002:" + hex + "::1",
                    "2001:0:" + hex + "::1", // Teredo server
                    "2001:0:808:808::" + inverted)) { // Teredo client (inverted), public server
                InetAddress a = Addresses.of(v6(form));
                assertThat(a.getAddress()).hasSize(16); // judged as met: an IPv6 address, as a native resolver gives it
                assertThat(PRODUCTION.judge(a).allowed()).as(form).isFalse();
            }
        }
    }

    @Test
    void refusesTheMetadataServicesCarrierGradeNatAndUnspecifiedEvenInsideAnAllowedRange() throws Exception {
        OutboundPolicy wide = PRODUCTION.allowing("everything-inside", List.of("0.0.0.0/0", "::/0"));
        for (String never : List.of(
                "169.254.169.254",
                "100.100.100.200",
                "fd00:ec2::254",
                "0.0.0.0",
                "::",
                "224.0.0.1",
                "ff02::1",
                "255.255.255.255")) {
            assertThat(wide.judge(InetAddress.getByName(never)).allowed())
                    .as(never)
                    .isFalse();
        }
        assertThat(wide.judge(InetAddress.getByName("10.1.2.3")).allowed()).isTrue();
        assertThat(PRODUCTION.judge(InetAddress.getByName("100.64.0.1")).reason())
                .contains("carrier-grade NAT");
    }

    @Test
    void anAllowedRangeOpensOnlyItsOwnAddressesAndItsEmbeddedForms() throws Exception {
        OutboundPolicy intranet = PRODUCTION.allowing("branch-intranet", List.of("10.20.0.0/16"));
        assertThat(intranet.judge(InetAddress.getByName("10.20.3.4")).reason()).contains("branch-intranet");
        assertThat(intranet.judge(Addresses.of(v6("::ffff:10.20.3.4"))).allowed())
                .isTrue();
        assertThat(intranet.judge(InetAddress.getByName("10.21.0.1")).allowed()).isFalse();
        assertThat(intranet.judge(InetAddress.getByName("127.0.0.1")).allowed()).isFalse();
        assertThatThrownBy(() -> PRODUCTION.allowing("typo", List.of("10.0.0.0/33")))
                .hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> PRODUCTION.allowing("name", List.of("intranet.example.cn")))
                .hasMessageContaining("intranet.example.cn");
    }

    @Test
    void readsNamedRangesPerPurposeAndRefusesTheOldSwitches() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("yunjian.outbound.monitoring.allowed-ranges.sample-site", "127.0.0.0/8, ::1/128")
                .withProperty("yunjian.outbound.allowed-ranges.branch", "10.20.0.0/16");
        OutboundPolicies policies = new OutboundPolicies(env);
        assertThat(policies.monitoring().allowedRanges()).containsOnlyKeys("branch", "sample-site");
        assertThat(policies.webhooks().allowedRanges()).containsOnlyKeys("branch");
        assertThat(new OutboundPolicies(new MockEnvironment()).webhooks().allowedRanges())
                .isEmpty();
        assertThatThrownBy(() -> new OutboundPolicies(
                        new MockEnvironment().withProperty("yunjian.monitoring.allow-private-addresses", "true")))
                .hasMessageContaining("yunjian.outbound.monitoring.allowed-ranges");
        assertThatThrownBy(() -> new OutboundPolicies(
                        new MockEnvironment().withProperty("yunjian.outbound.webhooks.allowed-ranges.x", "intranet")))
                .hasMessageContaining("yunjian.outbound.webhooks.allowed-ranges.x");
    }

    @Test
    void aRefusedAddressIsNeverConnectedToWhileAnAllowedOneIs() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            server.setSoTimeout(300);
            int port = server.getLocalPort();
            AtomicInteger decisions = new AtomicInteger();
            OutboundPolicy watched = PRODUCTION.observed(d -> decisions.incrementAndGet(), false);
            for (InetAddress spelled : List.of(
                    InetAddress.getByName("127.0.0.1"),
                    InetAddress.getByName("2130706433"),
                    Addresses.of(v6("::ffff:127.0.0.1")))) {
                try (Socket s = watched.socket()) {
                    assertThatThrownBy(() -> s.connect(new InetSocketAddress(spelled, port), 1000))
                            .isInstanceOf(RefusedAddressException.class);
                }
                assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class); // nothing arrived
            }
            assertThat(decisions).hasValue(3);
            try (Socket s =
                    PRODUCTION.allowing("loopback", List.of("127.0.0.0/8")).socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                try (Socket accepted = server.accept()) {
                    assertThat(accepted.isConnected()).isTrue(); // the same listener: the refusals were the policy's
                }
            }
        }
    }

    @Test
    void anUnresolvedAddressIsRefused() throws IOException {
        try (Socket s = PRODUCTION.socket()) {
            assertThatThrownBy(() -> s.connect(InetSocketAddress.createUnresolved("example.cn", 80)))
                    .isInstanceOf(RefusedAddressException.class);
        }
    }

    private static byte[] v6(String literal) throws IOException {
        byte[] b = InetAddress.getByName(literal).getAddress();
        return b.length == 16 ? b : EmbeddedIpv4.mapped(b);
    }
}
