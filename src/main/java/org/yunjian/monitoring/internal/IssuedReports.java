package org.yunjian.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.crypto.Sm3;
import org.yunjian.documents.DocumentFormat;
import org.yunjian.exit.ReportSeal;
import org.yunjian.monitoring.IssuedReport;
import org.yunjian.monitoring.OperationReportRecords;
import org.yunjian.monitoring.report.OperationReport;
import org.yunjian.monitoring.report.ReportMonth;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.SerialNumberRepository;
import org.yunjian.shared.keys.PlatformSigningKey;
import org.yunjian.shared.work.Notice;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkTask;

/**
 * The monthly 安全运行报告 issued as a record (docs/modules/monitoring.md, "Issued reports"): a person of the system's
 * customer who may set up its monitors issues a closed month's report; it is rendered once — Word and PDF, in Chinese
 * and in English — each file kept byte for byte with its SM3, and the set named in a manifest signed with the
 * platform's SM2 key ({@link ReportSeal}, checked offline by {@code yunjian report verify}). From then on every
 * download of the month is the stored bytes ({@link OperationReports#render}). A correction is a new revision with a
 * reason; the one before stays downloadable, marked superseded. Issuing is audited and the provider and the security
 * service agents of the system are told (a notification, nothing waits on them).
 */
@Service
public class IssuedReports implements OperationReportRecords {

    /** The series of the reports' numbers: {@code YJ-SOR-2026-000001}. */
    static final String SERIES = "YJ-SOR";

    static final String SCOPE = "monitor-report:";

    private final MonitorAccess access;
    private final OperationReports reports;
    private final IssuedReportRepository repo;
    private final IssuedReportCheck check;
    private final SerialNumberRepository serials;
    private final PlatformSigningKey key;
    private final PeopleNames people;
    private final org.yunjian.party.Parties parties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final TransactionTemplate read;
    private final Clock clock;

    IssuedReports(
            MonitorAccess access,
            OperationReports reports,
            IssuedReportRepository repo,
            IssuedReportCheck check,
            SerialNumberRepository serials,
            PlatformSigningKey key,
            PeopleNames people,
            org.yunjian.party.Parties parties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.access = access;
        this.reports = reports;
        this.repo = repo;
        this.check = check;
        this.serials = serials;
        this.key = key;
        this.people = people;
        this.parties = parties;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Issues the month's report ({@code 2026-10}, users' zone) as a record, confirmed by the caller (irreversible);
     * with {@code reason}, a correction of the month's latest revision. In one transaction: the number is drawn (its
     * counter row stays locked while the four files render, so two issues never share a number), the files printed
     * with it and stored, and the audit entry written last (the audit log is not held while documents render).
     *
     * @throws FieldErrors.ValidationException naming {@code month} (malformed, to come or not over yet),
     *     {@code confirm} (not confirmed) or {@code reason} (a correction without one, or too long)
     * @throws ConflictException the month was issued already (a correction: it was not)
     */
    public IssuedReport issue(UUID systemId, String month, boolean confirmed, String reason) {
        CloudSystem system = access.issue(systemId);
        Instant now = clock.instant();
        ReportMonth m = ReportMonth.parse(month, Formats.zone(), now);
        boolean correction = reason != null;
        FieldErrors errors = new FieldErrors();
        if (!m.closed(now)) {
            errors.add(ReportMonth.FIELD, "monitoring.report.error.open", m.toString());
        }
        if (!confirmed) {
            errors.add("confirm", "monitoring.report.error.confirm");
        }
        if (correction && FieldValues.blank(reason)) {
            errors.add("reason", "monitoring.report.error.reason");
        } else if (correction && reason.strip().length() > 4000) {
            errors.add("reason", "monitoring.report.error.reasonLength", 4000);
        }
        errors.throwIfAny();
        CurrentUser issuer = CurrentUser.require();
        String issuerName = people.byIds(List.of(issuer.userId())).values().stream()
                .map(PeopleNames.Person::displayName)
                .findFirst()
                .orElse(issuer.username());
        String why = correction ? reason.strip() : null;
        try {
            return tx.execute(status -> {
                int revision = nextRevision(systemId, m, correction);
                String number = revision == 1
                        ? serials.next(SERIES)
                        : repo.ofMonth(systemId, m.month()).get(0).reportNumber();
                OperationReport.Issue issue = new OperationReport.Issue(number, revision, issuerName, now, why);
                Map<IssuedReport.File, byte[]> contents = new LinkedHashMap<>();
                for (String language : LANGUAGES) {
                    Locale locale = OperationReports.language(language);
                    for (DocumentFormat f : DocumentFormat.values()) {
                        byte[] content = reports.write(system, m, f, locale, now, issue);
                        contents.put(new IssuedReport.File(f, language, "", Sm3.hex(content), content.length), content);
                    }
                }
                return store(system, m, issue, issuer, contents);
            });
        } catch (DuplicateKeyException e) { // another issue of the month committed meanwhile
            throw issued(m);
        }
    }

    private int nextRevision(UUID systemId, ReportMonth m, boolean correction) {
        List<IssuedReport> before = repo.ofMonth(systemId, m.month());
        if (!correction && !before.isEmpty()) {
            throw issued(m);
        }
        if (correction && before.isEmpty()) {
            throw new ConflictException("report-not-issued", "monitoring.report.error.notIssued", m.toString());
        }
        return before.isEmpty() ? 1 : before.get(0).revision() + 1;
    }

    private static ConflictException issued(ReportMonth m) {
        return new ConflictException("report-issued", "monitoring.report.error.issued", m.toString());
    }

    private IssuedReport store(
            CloudSystem system,
            ReportMonth m,
            OperationReport.Issue issue,
            CurrentUser issuer,
            Map<IssuedReport.File, byte[]> rendered) {
        Map<IssuedReport.File, byte[]> contents = new LinkedHashMap<>();
        List<IssuedReport.File> files = new ArrayList<>();
        rendered.forEach((f, content) -> {
            IssuedReport.File named = new IssuedReport.File(
                    f.format(),
                    f.language(),
                    OperationReports.storedName(system, issue.number(), m.month(), f.format(), f.language())
                            .ascii(),
                    f.sm3(),
                    f.size());
            files.add(named);
            contents.put(named, content);
        });
        byte[] manifest = ReportSeal.sign(
                manifest(system, m, issue, issuer.userId(), files),
                key.pair().getPrivate(),
                key.pair().getPublic());
        IssuedReport r = new IssuedReport(
                UUID.randomUUID(),
                system.id(),
                m.month(),
                issue.revision(),
                issue.number(),
                issuer.userId(),
                issue.issuer(),
                issue.at(),
                issue.reason(),
                false,
                Sm3.hex(manifest),
                files);
        repo.insert(r, manifest, contents);
        events.publishEvent(AuditableEvent.success(
                r.revision() == 1 ? "monitor.report.issue" : "monitor.report.revise",
                "system",
                system.id(),
                Msg.of("monitoring.audit.reportIssue", r.reportNumber(), r.revision(), m.toString(), r.manifestSm3())));
        tell(system, r);
        return r;
    }

    /**
     * The signed manifest's content: the report seal's members ({@code reportNumber}, {@code revision},
     * {@code system}, {@code files}) and the issue's own (kind, month, issuer, time, reason).
     */
    private static Map<String, Object> manifest(
            CloudSystem system, ReportMonth m, OperationReport.Issue r, UUID issuerId, List<IssuedReport.File> files) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", OperationReports.ASCII_KIND);
        c.put("reportNumber", r.number());
        c.put("revision", r.revision());
        c.put("system", Map.of("id", system.id().toString(), "name", system.name()));
        c.put("month", m.toString());
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", issuerId.toString());
        issuer.put("name", r.issuer());
        c.put("issuer", issuer);
        c.put("issuedAt", r.at().toString());
        c.put("reason", r.reason());
        c.put(
                "files",
                files.stream()
                        .map(f -> Map.<String, Object>of(
                                "name", f.name(),
                                "format", f.format().name(),
                                "language", f.language(),
                                "sm3", f.sm3(),
                                "size", f.size()))
                        .toList());
        return c;
    }

    /**
     * Tells the provider and the security service agents of the system that the report was issued: a notification
     * for their people (in the application, by e-mail and robot as each chose), not a task — nothing waits on them.
     */
    private void tell(CloudSystem system, IssuedReport r) {
        UUID customer = system.customerId();
        for (UUID org : MonitorWork.responsible(system)) {
            if (org.equals(customer)) {
                continue;
            }
            events.publishEvent(new Notice(
                    UUID.randomUUID(),
                    SCOPE + r.id(),
                    new WorkTask(
                            "issued:" + org,
                            r.revision() == 1 ? "work.monitoring.reportIssued" : "work.monitoring.reportRevised",
                            List.of(r.month().toString(), system.name(), r.reportNumber()),
                            "/systems/" + system.id() + "/monitoring#operation-report",
                            WorkAddressee.organization(org, system.id()),
                            null),
                    r.issuedAt(),
                    r.issuerId()));
        }
    }

    // --- reading

    /**
     * The system's issued reports for whoever sees it (404 otherwise), newest month first, each checked against its
     * signed manifest (the SM3 shown are the manifest's; an altered file or manifest is marked).
     */
    public List<IssuedReport> list(UUID systemId) {
        access.see(systemId);
        return issued(systemId);
    }

    /** 404 if the caller does not see the system, 403 if they may not issue its reports. */
    public void requireIssuer(UUID systemId) {
        access.issue(systemId);
    }

    /** Whether the caller may issue the system's reports. */
    public boolean mayIssue(UUID systemId) {
        return access.mayIssue(systemId);
    }

    /**
     * The signed manifest of the month's latest revision ({@code revision} null) or of a revision, for whoever sees
     * the system; 404 when the month (or that revision) was not issued.
     */
    public OperationReports.Document manifest(UUID systemId, String month, Integer revision) {
        access.see(systemId);
        ReportMonth m = ReportMonth.parse(month, Formats.zone(), clock.instant());
        IssuedReport r = read.execute(s -> repo.ofMonth(systemId, m.month())).stream()
                .filter(i -> revision == null || i.revision() == revision)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("monitor-report", m.toString()));
        byte[] manifest = read.execute(s -> check.manifest(r));
        return new OperationReports.Document(manifest, null, manifestName(r), Sm3.hex(manifest));
    }

    /** {@code security-operation-report-YJ-SOR-2026-000001-2026-10-r1.seal.json}, ASCII for everyone. */
    private static org.yunjian.shared.DownloadName manifestName(IssuedReport r) {
        String name = OperationReports.ASCII_KIND + "-" + r.reportNumber() + "-" + r.month() + "-r" + r.revision()
                + ".seal.json";
        return new org.yunjian.shared.DownloadName(name, name);
    }

    @Override
    public List<IssuedReport> issued(UUID systemId) {
        return read.execute(
                s -> repo.ofSystem(systemId).stream().map(check::checked).toList());
    }

    @Override
    public Optional<IssuedReport> current(UUID systemId, YearMonth month) {
        return read.execute(
                s -> repo.ofMonth(systemId, month).stream().findFirst().map(check::checked));
    }

    /** The stored file, once it matches its signed manifest ({@link org.yunjian.monitoring.ReportAlteredException}). */
    @Override
    public Optional<byte[]> content(UUID systemId, YearMonth month, DocumentFormat format, String language) {
        return read.execute(s -> repo.ofMonth(systemId, month).stream()
                .findFirst()
                .filter(r -> r.file(format, language).isPresent())
                .map(r -> check.file(r, format, language).content()));
    }

    @Override
    public Optional<PublicMatch> publicMatch(String number, String sm3) {
        String n = number == null ? "" : number.strip();
        Optional<String> hash = org.yunjian.crypto.Sm3Digest.parse(sm3).map(org.yunjian.crypto.Sm3Digest::hex);
        if (!n.startsWith(SERIES + "-") || hash.isEmpty()) {
            return Optional.empty();
        }
        return read.execute(t -> repo.fileMatch(n, hash.get())
                .map(f -> new PublicMatch(
                        n,
                        f.revision(),
                        f.issuedAt(),
                        parties.systemForPlatformWork(f.systemId())
                                .flatMap(s -> parties.organizationNameForPlatformWork(s.customerId()))
                                .orElse(""),
                        f.format(),
                        f.language(),
                        repo.latestRevision(n))));
    }
}
