package org.yunjian.monitoring.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yunjian.monitoring.CheckCoverage;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.net.DnsOutcome;
import org.yunjian.monitoring.net.DomainRegistrations;
import org.yunjian.monitoring.net.DomainRegistrations.Registration;
import org.yunjian.monitoring.net.DomainRegistrations.Status;
import org.yunjian.monitoring.net.LinkedDomains;
import org.yunjian.monitoring.net.RdapCheck;
import org.yunjian.monitoring.net.RdapOutcome;
import org.yunjian.monitoring.net.RdapResult;
import org.yunjian.monitoring.probe.Fetcher;
import org.yunjian.monitoring.probe.Finding;

/**
 * The registrations of the other sites a monitored page links to (issue 38: 外链域名过期), a part of the deep checks
 * ({@link DeepChecks}): for the linked registrable domains {@link LinkedDomains#select} chooses, whether the name
 * exists, asked of the monitors' resolvers ({@link NetworkChecks#lookup}; NXDOMAIN: not registered, possibly lapsed),
 * and when it does, its expiration over RDAP with the network checks' RDAP service and the probes' {@link Fetcher} —
 * each answer held a day per node ({@link DomainRegistrations}). Judged with the monitor's warning period, as its own
 * domain. Without an RDAP service only the existence of the names is judged.
 */
@Component
class ExternalDomains {

    /** What a run found and what it judged. */
    record Checked(List<Finding> findings, CheckCoverage coverage) {}

    private final NetworkChecks network;
    private final Fetcher fetcher;
    private final Clock clock;
    private volatile DomainRegistrations registrations;

    ExternalDomains(NetworkChecks network, Fetcher fetcher, Clock clock) {
        this.network = network;
        this.fetcher = fetcher;
        this.clock = clock;
        this.registrations = new DomainRegistrations(clock);
    }

    /** Replaces the answers held (tests start from none, on a clock they move); returns those replaced. */
    DomainRegistrations use(DomainRegistrations replacement) {
        DomainRegistrations before = registrations;
        registrations = replacement;
        return before;
    }

    /** The linked domains of {@code links} on {@code m}'s pages, while {@code until} (a nano time) is not reached. */
    Checked check(Monitor m, Collection<URI> links, long until) {
        List<Finding> findings = new ArrayList<>();
        List<String> judged = new ArrayList<>();
        DomainRegistrations held = registrations;
        // resolvers that did not answer once are not asked again in this run: ten silent lookups would spend the budget
        boolean[] dnsDown = {false};
        for (LinkedDomains.Linked linked : LinkedDomains.select(links, m.hosts(), LinkedDomains.MAX_DOMAINS)) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Duration deadline = Duration.ofNanos(Math.min(left, RdapCheck.DEFAULT_DEADLINE.toNanos()));
            Registration r = held.get(linked.domain(), d -> ask(d, deadline, dnsDown));
            if (r.judged()) {
                judged.add(linked.domain());
                LinkedDomains.finding(linked, r, m.expiryWarningDays(), clock.instant())
                        .ifPresent(findings::add);
            }
        }
        return new Checked(findings, CheckCoverage.subjects(CheckKind.EXTERNAL_DOMAIN, judged, findings));
    }

    /** Whether {@code domain} exists (DNS), and when it does and an RDAP service is set, until when it is registered. */
    private Registration ask(String domain, Duration deadline, boolean[] dnsDown) {
        DnsOutcome dns =
                dnsDown[0] ? DnsOutcome.UNREACHABLE : network.lookup(domain).outcome();
        dnsDown[0] = dns == DnsOutcome.UNREACHABLE || dns == DnsOutcome.TIMEOUT;
        if (dns == DnsOutcome.NXDOMAIN) {
            return new Registration(domain, Status.NOT_REGISTERED, null);
        }
        boolean exists = dns == DnsOutcome.ANSWERED || dns == DnsOutcome.NO_ANSWER;
        URI base = network.rdapBase();
        if (base == null) {
            return new Registration(domain, exists ? Status.REGISTERED : Status.UNKNOWN, null);
        }
        RdapResult rr = new RdapCheck(fetcher, base, deadline, 0, clock).check(domain);
        if (rr.outcome() == RdapOutcome.CHECKED) {
            return new Registration(domain, Status.REGISTERED, rr.expires());
        }
        // a registry that cannot be asked, or publishes no date, does not tell an expiry: nothing judged of it
        return new Registration(domain, Status.UNKNOWN, null);
    }
}
