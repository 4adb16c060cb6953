package org.yunjian.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.CheckRun;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.Probe;
import org.yunjian.monitoring.ProbeChain;
import org.yunjian.monitoring.ProbeOutcome;
import org.yunjian.monitoring.probe.FetchLimits;
import org.yunjian.monitoring.probe.FetchResult;
import org.yunjian.monitoring.probe.Fetcher;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.monitoring.probe.PageSnapshot;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;

/**
 * Probing a monitor: the page fetched within limits no site can exceed ({@link Fetcher}) — never inside a database
 * transaction — then checked ({@link PageChecks}), and the result stored in one: the probe with the SM3 digest of the
 * response as received, sealed at the end of the monitor's chain ({@link ProbeEvidence}), the failures in a row, the
 * availability alert once they reach the monitor's number (closed again by the first good answer) and the alerts of
 * the findings; the response behind a probe that opened an alert, or behind an approved baseline, is kept. Run by the
 * scheduler ({@link MonitorScheduler}) or now by a responsible organisation; the customer approves the page's current
 * content as the baseline.
 */
@Service
public class ProbeService {

    private final MonitorRepository monitors;
    private final AlertService alerts;
    private final MonitorAccess access;
    private final AddressPolicy addresses;
    private final PageChecks checks;
    private final BaselineWork work;
    private final DeepChecks deep;
    private final NetworkChecks network;
    private final Fetcher fetcher;
    private final ProbeEvidence evidence;
    private final CheckRunRepository runs;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String node;

    ProbeService(
            MonitorRepository monitors,
            AlertService alerts,
            MonitorAccess access,
            AddressPolicy addresses,
            PageChecks checks,
            BaselineWork work,
            DeepChecks deep,
            NetworkChecks network,
            Fetcher fetcher,
            ProbeEvidence evidence,
            CheckRunRepository runs,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${yunjian.cluster.node-name:${HOSTNAME:node}}") String node) {
        this.monitors = monitors;
        this.alerts = alerts;
        this.access = access;
        this.addresses = addresses;
        this.checks = checks;
        this.work = work;
        this.deep = deep;
        this.network = network;
        this.fetcher = fetcher;
        this.evidence = evidence;
        this.runs = runs;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.node = node;
    }

    /** A probe and the alerts it opened. */
    public record Report(Probe probe, List<Alert> opened) {}

    /** The approved baseline: its text's SM3, how many resources it holds, who approved it and when. */
    public record Baseline(String textSm3, int resources, String approvedBy, Instant approvedAt) {}

    /** Probes the monitor now (the customer, the provider, the security agents; 403 for others who see it). */
    public Report runNow(UUID monitorId) {
        Monitor m = monitors.find(monitorId).orElseThrow(() -> new NotFoundException(MonitorService.OBJECT, monitorId));
        access.handle(m.systemId());
        return run(m);
    }

    /** The monitor's latest probes, newest first; 404 if the caller does not see it. */
    public List<Probe> recent(UUID monitorId) {
        Monitor m = monitors.find(monitorId).orElseThrow(() -> new NotFoundException(MonitorService.OBJECT, monitorId));
        access.see(m.systemId());
        return monitors.probes(monitorId, 100);
    }

    /** The approved baseline, if any; 404 if the caller does not see the monitor. */
    public Optional<Baseline> baseline(UUID monitorId) {
        Monitor m = monitors.find(monitorId).orElseThrow(() -> new NotFoundException(MonitorService.OBJECT, monitorId));
        access.see(m.systemId());
        return monitors.currentBaseline(monitorId)
                .map(b -> new Baseline(b.textSm3(), PageChecks.resources(b.content()), b.approvedBy(), b.approvedAt()));
    }

    /**
     * Approves the page's current content as the baseline (a user of the system's customer): fetched now with its
     * resources; 409 naming why when the page cannot be fetched. Audited; an earlier baseline is superseded.
     */
    public Baseline approveBaseline(UUID monitorId) {
        Monitor m = monitors.find(monitorId).orElseThrow(() -> new NotFoundException(MonitorService.OBJECT, monitorId));
        access.approve(m.systemId());
        CurrentUser u = CurrentUser.require();
        Fetched f = fetch(m);
        if (f.outcome() != ProbeOutcome.OK || f.result() == null) {
            throw new ConflictException("baseline-unavailable", "monitoring.error.baselineFailed", Msg.of(f.outcome()));
        }
        Baseline approved = approve(m, u, checks.baseline(m, f.result()));
        evidence.keep(f.result());
        return approved;
    }

    /** Stores {@code approved} as the monitor's baseline, approved by {@code u}; audited. */
    Baseline approve(Monitor m, CurrentUser u, PageChecks.Approved approved) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            monitors.baseline(m.id(), approved.content(), approved.textSm3(), u.username(), u.organizationId(), now);
            events.publishEvent(AuditableEvent.success(
                    "monitor.baseline",
                    MonitorService.OBJECT,
                    m.id(),
                    Msg.of("monitoring.audit.baseline", m.name(), approved.textSm3())));
            work.publish(m.id());
        });
        return new Baseline(approved.textSm3(), approved.resources(), u.username(), now);
    }

    /**
     * One probe of {@code m}: fetched and checked outside a transaction, its result stored in one; the deep checks
     * (crawled pages, attachments, dead links) too when they are due ({@link DeepChecks}), then the network checks
     * when due ({@link NetworkChecks}).
     */
    Report run(Monitor m) {
        Instant started = clock.instant();
        return network.after(m, record(m, started, fetch(m), true));
    }

    /** Stores a probe of {@code m} that got {@code f} (the demo's, from the page it ships: no deep checks). */
    Report record(Monitor m, Instant started, Fetched f) {
        return record(m, started, f, false);
    }

    private Report record(Monitor m, Instant started, Fetched f, boolean deepChecks) {
        Checked checked = check(m, f, deepChecks);
        List<Finding> findings = checked.findings();
        FetchResult r = f.result();
        Probe probe = new Probe(
                UUID.randomUUID(),
                m.id(),
                ProbeChain.stored(started),
                r == null ? 0 : r.elapsedMillis(),
                f.outcome(),
                r == null || r.status() == 0 ? null : r.status(),
                r == null ? null : r.sm3(),
                r == null ? 0 : r.bodyLength(),
                findings.size(),
                node);
        List<Alert> opened = tx.execute(s -> {
            Instant now = clock.instant();
            evidence.append(probe);
            runs.ran(m.id(), checked.ran(), probe.startedAt());
            int failures = f.outcome().ok() ? 0 : current(m).consecutiveFailures() + 1;
            monitors.probed(m.id(), now, f.outcome(), failures);
            if (checked.deepRanOn() != null) {
                monitors.deepChecked(m.id(), checked.deepRanOn(), now);
            }
            List<Finding> all = new ArrayList<>(findings);
            if (f.outcome().ok()) {
                alerts.recovered(m, now);
            } else if (failures >= m.failuresBeforeAlert()) {
                all.add(new Finding(
                        CheckKind.AVAILABILITY,
                        AlertService.PAGE,
                        Msg.of("monitoring.finding.unavailable", failures, Msg.of(f.outcome())),
                        null));
            }
            return alerts.raise(m, probe.id(), all, now);
        });
        if (opened != null && !opened.isEmpty()) {
            evidence.keep(r);
        }
        return new Report(probe, opened == null ? List.of() : opened);
    }

    /**
     * What a probe's checks found, which checks ran against a criterion ({@link CheckRun}) and the fingerprint of the
     * page the deep checks ran on (null if they did not run).
     */
    private record Checked(List<Finding> findings, Set<CheckKind> ran, String deepRanOn) {}

    /** The checks of a page that answered as expected with HTML; the deep ones if asked for and due. */
    private Checked check(Monitor m, Fetched f, boolean deepChecks) {
        boolean threshold = m.watch().slowAboveMillis() != null;
        if (f.outcome() != ProbeOutcome.OK || !f.result().isHtml()) {
            return new Checked(List.of(), CheckRun.ofProbe(false, false, false, threshold), null);
        }
        String stored = monitors.currentBaseline(m.id())
                .map(MonitorRepository.StoredBaseline::content)
                .orElse(null);
        PageSnapshot snapshot = PageChecks.snapshot(m, f.result());
        List<Finding> findings = new ArrayList<>(checks.page(m, f.result(), snapshot, stored));
        Set<CheckKind> ran =
                EnumSet.copyOf(CheckRun.ofProbe(true, stored != null, checks.wordListImported(m), threshold));
        if (!deepChecks || !deep.due(monitors.deepChecks(m.id()), snapshot, clock.instant())) {
            return new Checked(findings, ran, null);
        }
        DeepChecks.Ran deeper = deep.check(m, f.result(), snapshot);
        findings.addAll(deeper.findings());
        ran.addAll(deeper.ran());
        return new Checked(findings, ran, DeepChecks.fingerprint(snapshot));
    }

    /** How a fetch that ended so counts as a probe. */
    static ProbeOutcome outcome(org.yunjian.monitoring.probe.FetchOutcome f) {
        return switch (f) {
            case OK -> ProbeOutcome.OK;
            case TIMEOUT -> ProbeOutcome.TIMEOUT;
            case TOO_LARGE -> ProbeOutcome.TOO_LARGE;
            case REDIRECT_LOOP -> ProbeOutcome.REDIRECT_LOOP;
            case REDIRECT_OFF_HOST -> ProbeOutcome.REDIRECT_OFF_HOST;
            case TOO_MANY_REDIRECTS -> ProbeOutcome.TOO_MANY_REDIRECTS;
            case CONNECTION_FAILED -> ProbeOutcome.CONNECTION_FAILED;
            case TLS_FAILED -> ProbeOutcome.TLS_FAILED;
            case BAD_URI -> ProbeOutcome.BAD_URI;
            case BLOCKED_ADDRESS -> ProbeOutcome.BLOCKED_ADDRESS;
        };
    }

    private Monitor current(Monitor m) {
        return monitors.find(m.id()).orElse(m);
    }

    /** How a fetch of the monitor's page ended, as the monitor judges it (status, keyword), with what came back. */
    record Fetched(ProbeOutcome outcome, FetchResult result) {}

    Fetched fetch(Monitor m) {
        AddressPolicy.Resolution where = addresses.resolve(m.url().getHost());
        if (where.blocked()) {
            return new Fetched(ProbeOutcome.BLOCKED_ADDRESS, null);
        }
        if (where.unresolved()) {
            return new Fetched(ProbeOutcome.CONNECTION_FAILED, null);
        }
        FetchLimits limits = FetchLimits.defaults()
                .withDeadline(Duration.ofSeconds(m.timeoutSeconds()))
                .withRedirectHosts(m.hosts());
        FetchResult r =
                fetcher.fetch("HEAD".equals(m.method()) ? Fetcher.Method.HEAD : Fetcher.Method.GET, m.url(), limits);
        ProbeOutcome outcome = outcome(r.outcome());
        if (!outcome.ok()) {
            return new Fetched(outcome, r);
        }
        if (r.status() != m.expectedStatus()) {
            return new Fetched(ProbeOutcome.UNEXPECTED_STATUS, r);
        }
        if (m.keyword() != null
                && !new String(r.body(), r.charset().orElse(StandardCharsets.UTF_8)).contains(m.keyword())) {
            return new Fetched(ProbeOutcome.KEYWORD_MISSING, r);
        }
        return new Fetched(ProbeOutcome.OK, r);
    }
}
