package org.yunjian.monitoring.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xbill.DNS.ResolverConfig;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.CheckCoverage;
import org.yunjian.monitoring.DomainIpChecked;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.net.ApprovedAddresses;
import org.yunjian.monitoring.net.DnsAnswer;
import org.yunjian.monitoring.net.DnsCheck;
import org.yunjian.monitoring.net.DnsOutcome;
import org.yunjian.monitoring.net.DnsResult;
import org.yunjian.monitoring.net.RdapCheck;
import org.yunjian.monitoring.net.RdapResult;
import org.yunjian.monitoring.net.Region;
import org.yunjian.monitoring.net.TlsCheck;
import org.yunjian.monitoring.net.TlsResult;
import org.yunjian.monitoring.probe.Fetcher;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;

/**
 * The network checks of a monitor (8.4.1.2 b, 域名及IP合规性), after a probe and at most once per
 * {@code yunjian.monitoring.network-interval} (an hour) per monitor, so that 2,000 monitors probed every five minutes
 * stay cheap: the certificate and protocol versions of an {@code https} page ({@link TlsCheck}, trusting the JDK's
 * roots and the configured trust store), the DNS records of the {@link #checkedDomain checked domain} asked of
 * the configured resolvers ({@code yunjian.monitoring.dns-servers}, else the system's) against the approved addresses
 * and the last answer ({@link DnsCheck}), and the domain's registration over RDAP when
 * {@code yunjian.monitoring.rdap-url} is set ({@link RdapCheck}). Each check has a deadline (the DNS lookup
 * {@code yunjian.monitoring.dns-deadline}, the others the monitor's timeout; RDAP through the probes' fetcher); what they find raises {@code TLS} and
 * {@code DNS} alerts like any finding, and an alert whose subject they judged fine closes itself ({@code coverage()}). When they ran, the answer found and each outcome are stored.
 */
@Component
public class NetworkChecks {

    /** Where the checks ask: the DNS servers in order, the RDAP service (null: none), and how often they run. */
    record Settings(List<InetSocketAddress> dnsServers, URI rdapBase, Duration interval) {
        Settings {
            dnsServers = List.copyOf(dnsServers);
        }
    }

    /** The network checks' last run as a page shows it; a message is null for a check that did not run. */
    public record Latest(Instant checkedAt, long everyMinutes, Msg tls, Msg dns, String answer, Msg rdap) {}

    /**
     * What one run found and what is stored of it; {@code domainChecked} when a DNS server answered about the domain and
     * the monitor has approved addresses to judge the answer by
     * (whatever it said): the day's 域名及IP合规性检测 was done.
     */
    record Ran(
            List<Finding> findings,
            List<CheckCoverage> checked,
            MonitorRepository.NetworkState state,
            boolean domainChecked,
            boolean tlsChecked) {

        /** The checks that ran against a criterion ({@link org.yunjian.monitoring.CheckRun}). */
        java.util.Set<org.yunjian.monitoring.CheckKind> ran() {
            java.util.Set<org.yunjian.monitoring.CheckKind> out =
                    java.util.EnumSet.noneOf(org.yunjian.monitoring.CheckKind.class);
            if (tlsChecked) {
                out.add(org.yunjian.monitoring.CheckKind.TLS);
            }
            if (domainChecked) {
                out.add(org.yunjian.monitoring.CheckKind.DNS);
            }
            return out;
        }
    }

    private static final int STORED_MAX = 2000;

    private final MonitorRepository monitors;
    private final CheckRunRepository runs;
    private final AlertService alerts;
    private final MonitorAccess access;
    private final AddressPolicy addresses;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Fetcher fetcher;
    private final KeyStore trust;
    private final boolean dnsTcp;
    private final Duration dnsDeadline;
    private final Clock clock;
    private volatile Settings settings;

    NetworkChecks(
            MonitorRepository monitors,
            CheckRunRepository runs,
            AlertService alerts,
            MonitorAccess access,
            AddressPolicy addresses,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Fetcher fetcher,
            MonitoringConfig.Trust trust,
            Clock clock,
            @Value("${yunjian.monitoring.dns-servers:}") List<String> dnsServers,
            @Value("${yunjian.monitoring.dns-tcp:false}") boolean dnsTcp,
            @Value("${yunjian.monitoring.dns-deadline:PT5S}") Duration dnsDeadline,
            @Value("${yunjian.monitoring.rdap-url:}") String rdapUrl,
            @Value("${yunjian.monitoring.network-interval:PT1H}") Duration interval) {
        this.monitors = monitors;
        this.runs = runs;
        this.alerts = alerts;
        this.access = access;
        this.addresses = addresses;
        this.tx = tx;
        this.events = events;
        this.fetcher = fetcher;
        this.trust = trust.store();
        this.dnsTcp = dnsTcp;
        this.dnsDeadline = dnsDeadline;
        this.clock = clock;
        this.settings = new Settings(
                servers(dnsServers),
                rdapUrl == null || rdapUrl.isBlank() ? null : URI.create(rdapUrl.strip()),
                interval);
    }

    /** Replaces where the checks ask (tests point them at their loopback servers); returns the settings replaced. */
    Settings use(Settings replacement) {
        Settings before = settings;
        settings = replacement;
        return before;
    }

    /** The last run on the monitor, if any; 404 if the caller does not see it. */
    public Optional<Latest> latest(UUID monitorId) {
        Monitor m = monitors.find(monitorId).orElseThrow(() -> new NotFoundException(MonitorService.OBJECT, monitorId));
        access.see(m.systemId());
        return monitors.network(monitorId)
                .map(s -> new Latest(
                        s.checkedAt(),
                        settings.interval().toMinutes(),
                        decoded(s.tls()),
                        decoded(s.dns()),
                        s.dnsAnswer(),
                        decoded(s.rdap())));
    }

    /**
     * After {@code report}'s probe of {@code m}: the network checks when due — run outside a transaction, their
     * findings raised and their run stored in one — and the report with the alerts they opened.
     */
    ProbeService.Report after(Monitor m, ProbeService.Report probed) {
        // the probe's response time first (the one judgement after a probe that is not the network's)
        ProbeService.Report report =
                with(probed, alerts.latency(m, probed.probe().id(), clock.instant()));
        Settings s = settings;
        Optional<MonitorRepository.NetworkState> last = monitors.network(m.id());
        Instant now = clock.instant();
        if (!monitors.claimNetwork(m.id(), now, now.minus(s.interval()))) {
            return report; // not due, or another probe of the monitor runs them
        }
        Ran ran = run(m, last.orElse(null), s);
        List<Alert> opened = tx.execute(t -> {
            monitors.network(m.id(), ran.state());
            runs.ran(m.id(), ran.ran(), ran.state().checkedAt());
            if (ran.domainChecked()) {
                events.publishEvent(
                        new DomainIpChecked(m.systemId(), m.id(), ran.state().checkedAt()));
            }
            Instant at = clock.instant();
            alerts.recovered(m, ran.checked(), at);
            return alerts.raise(m, report.probe().id(), ran.findings(), at);
        });
        return with(report, opened);
    }

    /** The report with {@code opened} added to the alerts it opened. */
    private static ProbeService.Report with(ProbeService.Report report, List<Alert> opened) {
        if (opened == null || opened.isEmpty()) {
            return report;
        }
        List<Alert> all = new ArrayList<>(report.opened());
        all.addAll(opened);
        return new ProbeService.Report(report.probe(), all);
    }

    Ran run(Monitor m, MonitorRepository.NetworkState last, Settings s) {
        List<Finding> findings = new ArrayList<>();
        List<CheckCoverage> checked = new ArrayList<>();
        String tls = null;
        boolean https = "https".equalsIgnoreCase(m.url().getScheme());
        if (https) {
            TlsResult r = tls(m);
            findings.addAll(r.findings());
            checked.add(r.coverage());
            tls = stored(r.message(), r.findings());
        }
        String name = null;
        String answer = null;
        String dns = null;
        String rdap = null;
        boolean domainChecked = false;
        Optional<String> domain = checkedDomain(m);
        if (domain.isPresent()) {
            DnsResult r = dns(domain.get(), m, last, s);
            findings.addAll(r.findings());
            checked.add(r.coverage());
            dns = stored(r.message(), r.findings(), regionsOf(m, r.answer()));
            // 域名及IP合规性检测 (8.4.1.2 b)) judges the records against the approved addresses: without a list the check
            // only watches for changes, which is no compliance check and completes no duty (issue 59)
            domainChecked =
                    approved(m) != null && r.outcome() != DnsOutcome.TIMEOUT && r.outcome() != DnsOutcome.UNREACHABLE;
            if (r.outcome() == DnsOutcome.ANSWERED) {
                name = domain.get();
                answer = r.answer().serialize();
            }
            if (s.rdapBase() != null) {
                RdapResult rr = new RdapCheck(
                                fetcher,
                                s.rdapBase(),
                                Duration.ofSeconds(m.timeoutSeconds()),
                                m.expiryWarningDays(),
                                clock)
                        .check(domain.get());
                findings.addAll(rr.findings());
                checked.add(rr.coverage());
                rdap = stored(rr.message(), rr.findings());
            }
        }
        return new Ran(
                findings,
                checked,
                new MonitorRepository.NetworkState(clock.instant(), name, answer, tls, dns, rdap),
                domainChecked,
                https);
    }

    /**
     * The name whose DNS records and registration are checked: the monitor's domain name, else the page's host unless
     * that is an address literal or {@code localhost} (never asked of DNS, RFC 6761); empty when none.
     */
    public static Optional<String> checkedDomain(Monitor m) {
        if (m.domainName() != null) {
            return Optional.of(m.domainName());
        }
        String host = m.url().getHost().toLowerCase(Locale.ROOT);
        boolean literal = host.startsWith("[") || host.matches("[0-9.]+");
        return literal || host.equals("localhost") || host.endsWith(".localhost")
                ? Optional.empty()
                : Optional.of(host);
    }

    /** The approved networks the DNS check judges addresses by; null when none are set (no address check). */
    static ApprovedAddresses approved(Monitor m) {
        List<String> networks = m.approvedAddresses();
        List<Region> regions = m.watch().approvedRegions();
        if (networks.isEmpty() && regions.isEmpty()) {
            return null;
        }
        ApprovedAddresses listed = ApprovedAddresses.of(networks.toArray(String[]::new));
        return regions.isEmpty()
                ? listed
                : listed.withRegions(
                        Region.table(regions),
                        regions.stream().map(Region::name).collect(java.util.stream.Collectors.toSet()));
    }

    /** Each answered address with the approved region it lies in, as the page shows the DNS check (none: no regions). */
    static List<Msg> regionsOf(Monitor m, DnsAnswer answer) {
        ApprovedAddresses approved = approved(m);
        if (approved == null || !approved.checksRegions()) {
            return List.of();
        }
        List<Msg> out = new ArrayList<>();
        for (String a : answer.addresses()) {
            try {
                java.net.InetAddress address = java.net.InetAddress.getByName(a); // a literal: never asked of DNS
                approved.region(address).ifPresent(region -> out.add(Msg.of("monitoring.net.dns.inRegion", a, region)));
            } catch (java.net.UnknownHostException notALiteral) {
                // not an address: nothing to name
            }
        }
        return out;
    }

    /** The page's certificate, on the first address its host resolves to, unless the platform may not go there. */
    private TlsResult tls(Monitor m) {
        String host = m.url().getHost();
        int port = m.url().getPort() < 0 ? 443 : m.url().getPort();
        TlsCheck check = new TlsCheck(
                Duration.ofSeconds(m.timeoutSeconds()), trust, m.expiryWarningDays(), clock, addresses.policy());
        AddressPolicy.Resolution where = addresses.resolve(host);
        return check.check(
                host,
                where.allowed()
                        ? new InetSocketAddress(where.first(), port)
                        : InetSocketAddress.createUnresolved(host, port));
    }

    /** The records of {@code name}, asked of each server in turn until one answers. */
    private DnsResult dns(String name, Monitor m, MonitorRepository.NetworkState last, Settings s) {
        DnsAnswer previous = null;
        if (last != null && name.equals(last.dnsName()) && last.dnsAnswer() != null) {
            try {
                previous = DnsAnswer.parse(last.dnsAnswer());
            } catch (IllegalArgumentException altered) {
                previous = null; // judged as a first answer
            }
        }
        return resolve(name, approved(m), previous, s);
    }

    /**
     * The records of {@code name} as the monitors' resolvers answer, judged against no approved list and no earlier
     * answer: whether the name exists ({@link DnsOutcome#NXDOMAIN}), for the linked domains of {@link ExternalDomains}.
     */
    DnsResult lookup(String name) {
        return resolve(name, null, null, settings);
    }

    /** The RDAP service the registration checks ask; null when none is configured. */
    URI rdapBase() {
        return settings.rdapBase();
    }

    private DnsResult resolve(String name, ApprovedAddresses approved, DnsAnswer previous, Settings s) {
        DnsResult result = null;
        for (InetSocketAddress server : s.dnsServers()) {
            try {
                result = new DnsCheck(server, dnsTcp, dnsDeadline).check(name, approved, previous);
            } catch (IllegalArgumentException notADomainName) {
                return new DnsResult(name, DnsOutcome.NO_ANSWER, null, DnsAnswer.EMPTY, List.of());
            }
            if (result.outcome() != DnsOutcome.TIMEOUT && result.outcome() != DnsOutcome.UNREACHABLE) {
                return result;
            }
        }
        return result != null
                ? result
                : new DnsResult(
                        name,
                        DnsOutcome.UNREACHABLE,
                        null,
                        DnsAnswer.EMPTY,
                        List.of(new Finding(
                                org.yunjian.monitoring.CheckKind.DNS,
                                DnsOutcome.UNREACHABLE.subject(),
                                Msg.of(DnsOutcome.UNREACHABLE.key(), name, ""),
                                null)));
    }

    /** The outcome and what was found, as stored for the page (the outcome alone when that is too long). */
    private static String stored(Msg outcome, List<Finding> findings) {
        return stored(outcome, findings, List.of());
    }

    /** The outcome, what was found and what else the page says of the check ({@code notes}). */
    private static String stored(Msg outcome, List<Finding> findings, List<Msg> notes) {
        List<Msg> parts = new ArrayList<>();
        parts.add(outcome);
        parts.addAll(notes);
        findings.forEach(f -> parts.add(f.message()));
        String all = Msg.joined(parts).encode();
        return all.length() <= STORED_MAX ? all : outcome.encode();
    }

    private static Msg decoded(String stored) {
        return stored == null ? null : Msg.decode(stored);
    }

    /** {@code host[:port]} entries (port 53 unless given; an IPv6 address in brackets), else the system's servers. */
    static List<InetSocketAddress> servers(List<String> configured) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String entry : configured) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            URI u = URI.create("dns://" + e.toLowerCase(Locale.ROOT));
            if (u.getHost() == null) {
                throw new IllegalArgumentException("yunjian.monitoring.dns-servers: " + e);
            }
            String host = u.getHost().startsWith("[")
                    ? u.getHost().substring(1, u.getHost().length() - 1)
                    : u.getHost();
            out.add(new InetSocketAddress(host, u.getPort() < 0 ? 53 : u.getPort()));
        }
        return out.isEmpty() ? ResolverConfig.getCurrentConfig().servers() : out;
    }
}
