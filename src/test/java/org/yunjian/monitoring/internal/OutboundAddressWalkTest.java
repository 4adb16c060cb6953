package org.yunjian.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.yunjian.monitoring.net.LoopbackDnsServer;
import org.yunjian.monitoring.net.RdapCheck;
import org.yunjian.monitoring.net.TlsCheck;
import org.yunjian.monitoring.net.TlsOutcome;
import org.yunjian.monitoring.probe.FetchLimits;
import org.yunjian.monitoring.probe.FetchOutcome;
import org.yunjian.monitoring.probe.Fetcher;
import org.yunjian.shared.outbound.OutboundHttp;
import org.yunjian.shared.outbound.OutboundPolicies;
import org.yunjian.shared.outbound.OutboundPolicy;
import org.yunjian.shared.outbound.SpecialPurposeWalk;

/**
 * The third attack's server-side request forgery, walked: the first and last address of every entry of both IANA
 * special-purpose registries that is not globally reachable, and the metadata services ({@link SpecialPurposeWalk}),
 * in every spelling the attacker used (a literal, decimal, octal and hex numbers,
 * bracketed IPv6 forms that embed it, and DNS names whose A or AAAA answer is it, from a loopback resolver), through
 * each path the platform connects on (a monitor's URL and its probe, a deep check's HEAD, the TLS handshake, an RDAP
 * look-up, a webhook's POST), under the production settings and under the demo's (read from application.yml). Every
 * socket runs in a dry run: the policy tells each decision and never connects, so the test reaches no address, and a
 * decision that lets a non-global address through fails it (the demo's one named range, loopback for monitors,
 * excepted and checked as allowed).
 */
class OutboundAddressWalkTest {

    private static final String ZONE = "walk.test";
    private static LoopbackDnsServer dns;
    private static OutboundHttp.Resolver resolver;
    /** Each walked target: its spellings (hosts), and the address they all mean. */
    private static final Map<InetAddress, List<String>> TARGETS = new LinkedHashMap<>();

    @BeforeAll
    static void resolverWithEveryName() throws Exception {
        dns = new LoopbackDnsServer();
        SimpleResolver asked = new SimpleResolver(dns.address());
        asked.setTimeout(Duration.ofSeconds(2));
        resolver = host -> resolve(asked, host);
        int n = 0;
        for (InetAddress target : SpecialPurposeWalk.notGloballyReachable()) {
            n++;
            byte[] b = target.getAddress();
            if (b.length == 16) {
                dns.set(
                        "aaaa" + n + "." + ZONE,
                        new AAAARecord(LoopbackDnsServer.name("aaaa" + n + "." + ZONE), DClass.IN, 60, target));
                TARGETS.put(target, List.of("[" + target.getHostAddress() + "]", "aaaa" + n + "." + ZONE));
                continue;
            }
            String a = target.getHostAddress();
            long number = ((b[0] & 0xffL) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            String hex = String.format("%02x%02x:%02x%02x", b[0], b[1], b[2], b[3]);
            List<String> hosts = new ArrayList<>(List.of(
                    a,
                    Long.toString(number),
                    String.format("0%o.0%o.0%o.0%o", b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff),
                    String.format("0x%x.0x%x.0x%x.0x%x", b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff),
                    "0x" + Long.toHexString(number),
                    "[::ffff:" + a + "]",
                    "[::ffff:" + hex + "]",
                    "[::" + a + "]",
                    "[64:ff9b::" + a + "]",
                    "[64:ff9b:1::" + hex + "]",
                    "[2002:" + hex + "::1]",
                    "[2001:0:" + hex + "::1]"));
            dns.set(
                    "a" + n + "." + ZONE,
                    new ARecord(LoopbackDnsServer.name("a" + n + "." + ZONE), DClass.IN, 60, target));
            dns.set(
                    "mapped" + n + "." + ZONE,
                    new AAAARecord(LoopbackDnsServer.name("mapped" + n + "." + ZONE), DClass.IN, 60, mapped(b)));
            dns.set(
                    "nat64-" + n + "." + ZONE,
                    new AAAARecord(LoopbackDnsServer.name("nat64-" + n + "." + ZONE), DClass.IN, 60, nat64(b)));
            hosts.addAll(List.of("a" + n + "." + ZONE, "mapped" + n + "." + ZONE, "nat64-" + n + "." + ZONE));
            TARGETS.put(target, hosts);
        }
        assertThat(TARGETS).hasSizeGreaterThan(60); // both registries and the never-allowed list, each address once
    }

    @AfterAll
    static void stop() throws IOException {
        dns.close();
    }

    @Test
    void noPathConnectsToAnInternalAddressUnderTheProductionSettings() throws Exception {
        walk(new OutboundPolicies(new StandardEnvironment()), false);
    }

    @Test
    void noPathConnectsToAnInternalAddressUnderTheDemoSettingsButTheDemosNamedLoopbackForMonitors() throws Exception {
        walk(new OutboundPolicies(demoEnvironment()), true);
    }

    private void walk(OutboundPolicies settings, boolean demo) throws Exception {
        int refusals = 0;
        int allowedLoopback = 0;
        AtomicReference<List<OutboundPolicy.Decision>> seen = new AtomicReference<>(new ArrayList<>());
        OutboundPolicy monitoring =
                settings.monitoring().observed(d -> seen.get().add(d), true);
        OutboundPolicy webhooks = settings.webhooks().observed(d -> seen.get().add(d), true);
        AddressPolicy addresses = new AddressPolicy(monitoring, resolver);
        FetchLimits limits = FetchLimits.defaults().withDeadline(Duration.ofSeconds(5));
        TlsCheck tls = new TlsCheck(Duration.ofSeconds(2), null, 30, Clock.systemUTC(), monitoring);
        try (Fetcher fetcher = new Fetcher(null, 2, monitoring, resolver);
                CloseableHttpClient robots = OutboundHttp.client(webhooks, null, resolver, 4, Duration.ofSeconds(2))) {
            for (Map.Entry<InetAddress, List<String>> target : TARGETS.entrySet()) {
                boolean loopback = target.getKey().isLoopbackAddress();
                for (String host : target.getValue()) {
                    for (String purpose : List.of("monitoring", "webhooks")) {
                        boolean mayReach = demo && loopback && purpose.equals("monitoring");
                        seen.set(new CopyOnWriteArrayList<>());
                        String what =
                                purpose + " " + host + " (" + target.getKey().getHostAddress() + ")";
                        URI url = URI.create("http://" + host + ":8080/index.html");
                        if (purpose.equals("monitoring")) {
                            boolean refusedWhenSet = addresses.problem(url).isPresent();
                            AddressPolicy.Resolution where = addresses.resolve(url.getHost());
                            FetchOutcome page = fetcher.fetch(url, limits).outcome();
                            FetchOutcome link = fetcher.fetch(Fetcher.Method.HEAD, url, limits)
                                    .outcome();
                            assertThat(page).as(what).isNotEqualTo(FetchOutcome.OK);
                            assertThat(link).as(what).isNotEqualTo(FetchOutcome.OK);
                            if (!mayReach && !where.unresolved() && !refusedWhenSet) {
                                assertThat(where.blocked()).as(what).isTrue();
                            }
                            if (!mayReach && page == FetchOutcome.BLOCKED_ADDRESS) {
                                refusals++;
                            }
                            try {
                                new RdapCheck(
                                                fetcher,
                                                URI.create("http://" + host + ":8080"),
                                                Duration.ofSeconds(5),
                                                60,
                                                Clock.systemUTC())
                                        .check("www.example.gov.cn");
                            } catch (IllegalArgumentException notAnRdapBase) {
                                // a base without a host (0x7f.0x0.0x0.0x1 is no URI host): refused as configured
                            }
                            for (InetAddress a : where.addresses()) {
                                assertThat(tls.check(url.getHost(), new InetSocketAddress(a, 443))
                                                .outcome())
                                        .as(what)
                                        .isEqualTo(TlsOutcome.CANNOT_CONNECT);
                            }
                        } else {
                            boolean failed = false;
                            try {
                                robots.execute(new HttpPost(url), r -> r.getCode());
                            } catch (IOException refusedOrUnresolved) {
                                failed = true;
                            }
                            assertThat(failed).as(what).isTrue();
                        }
                        for (OutboundPolicy.Decision d : seen.get()) {
                            boolean global = OutboundPolicy.publicOnly("check")
                                    .judge(d.address())
                                    .allowed();
                            if (d.allowed() && !global) {
                                assertThat(mayReach)
                                        .as(what + " let through " + d.addressText())
                                        .isTrue();
                                allowedLoopback++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(refusals).isGreaterThan(400); // the walk reached the sockets, not only the URL checks
        assertThat(allowedLoopback > 0).isEqualTo(demo); // the demo's named range is the one way through
    }

    private static InetAddress[] resolve(SimpleResolver asked, String host) throws UnknownHostException {
        if (host.startsWith("[") || !host.endsWith(ZONE)) {
            return InetAddress.getAllByName(host); // literals (and numbers as Java reads them): never asked of DNS
        }
        List<InetAddress> out = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            try {
                Lookup l = new Lookup(host + ".", type);
                l.setResolver(asked);
                l.setCache(null);
                Record[] rs = l.run();
                if (rs == null) {
                    continue;
                }
                for (Record r : rs) {
                    if (r instanceof ARecord ar) {
                        out.add(ar.getAddress());
                    } else if (r instanceof AAAARecord aaaa) {
                        // as the system resolver gives it: an Inet6Address, even for ::ffff:a.b.c.d
                        out.add(Inet6Address.getByAddress(
                                null,
                                aaaa.getAddress().getAddress().length == 16
                                        ? aaaa.getAddress().getAddress()
                                        : mappedBytes(aaaa.getAddress().getAddress()),
                                -1));
                    }
                }
            } catch (org.xbill.DNS.TextParseException e) {
                throw new UnknownHostException(host);
            }
        }
        if (out.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return out.toArray(InetAddress[]::new);
    }

    private static InetAddress mapped(byte[] v4) throws UnknownHostException {
        return Inet6Address.getByAddress(null, mappedBytes(v4), -1);
    }

    private static byte[] mappedBytes(byte[] v4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(v4, 0, b, 12, 4);
        return b;
    }

    private static InetAddress nat64(byte[] v4) throws UnknownHostException {
        byte[] b = new byte[16];
        b[1] = 0x64;
        b[2] = (byte) 0xff;
        b[3] = (byte) 0x9b;
        System.arraycopy(v4, 0, b, 12, 4);
        return Inet6Address.getByAddress(null, b, -1);
    }

    /** The settings of the demo profile, as application.yml has them. */
    private static StandardEnvironment demoEnvironment() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.setActiveProfiles("demo");
        List<PropertySource<?>> docs =
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        for (PropertySource<?> doc : docs) {
            Object profile = doc.getProperty("spring.config.activate.on-profile");
            if (profile == null || "demo".equals(profile)) {
                env.getPropertySources().addLast(doc);
            }
        }
        assertThat(env.getProperty("yunjian.outbound.monitoring.allowed-ranges.demo-sample-site"))
                .isNotBlank();
        return env;
    }
}
