package org.yunjian.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.documents.DocumentFormat;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.IssuedReport;
import org.yunjian.monitoring.report.OperationFigures;
import org.yunjian.monitoring.report.OperationReport;
import org.yunjian.monitoring.report.ReportDocx;
import org.yunjian.monitoring.report.ReportMonth;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Texts;

/**
 * The monthly 安全运行报告 of a system's website monitoring (issue 38; 政府网站云计算服务安全指南 8.4), for whoever
 * sees the system's monitors: the month's figures ({@link OperationFigures}) laid out in the reader's language
 * ({@link OperationReport}) and written as Word or as PDF. Rendered on request from the data as it is then, unless the
 * month was issued as a record ({@link IssuedReports}): then every download is the stored bytes.
 */
@Service
@Transactional(readOnly = true)
public class OperationReports {

    /**
     * {@code docx} or {@code pdf} (either case); {@code null} or blank is {@code fallback}.
     *
     * @throws FieldErrors.ValidationException naming {@code format} otherwise
     */
    public static DocumentFormat format(String text, DocumentFormat fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return DocumentFormat.ofExtension(text)
                .orElseThrow(() -> new FieldErrors.ValidationException("format", "monitoring.report.error.format"));
    }

    /**
     * A report to download: its bytes, their media type, the name to download them under and — for a month issued as
     * a record — the SM3 of the stored bytes (else {@code null}: rendered on request).
     */
    public record Document(byte[] content, DocumentFormat format, DownloadName name, String sm3) {}

    private final MonitorAccess access;
    private final MonitorRepository monitors;
    private final ReportRepository repo;
    private final PeopleNames people;
    private final ReportPdf pdf;
    private final Clock clock;
    private final IssuedReportRepository records;
    private final IssuedReportCheck check;
    private final WordListRepository wordLists;
    private final CheckRunRepository runs;

    OperationReports(
            MonitorAccess access,
            MonitorRepository monitors,
            ReportRepository repo,
            PeopleNames people,
            ReportPdf pdf,
            Clock clock,
            IssuedReportRepository records,
            IssuedReportCheck check,
            WordListRepository wordLists,
            CheckRunRepository runs) {
        this.runs = runs;
        this.check = check;
        this.wordLists = wordLists;
        this.access = access;
        this.monitors = monitors;
        this.repo = repo;
        this.people = people;
        this.pdf = pdf;
        this.clock = clock;
        this.records = records;
    }

    /** The month a report is offered for first: the last one that is over. */
    public String defaultMonth() {
        return ReportMonth.previous(Formats.zone(), clock.instant()).toString();
    }

    /**
     * The system's report for {@code month} ({@code 2026-10}, in the users' zone) in the reader's language: for a month
     * issued as a record the stored file of its latest revision, byte for byte, once it matches its signed manifest
     * (else {@link org.yunjian.monitoring.ReportAlteredException}); else rendered now. 404 if the caller does not see the system, 400 naming {@code month} if
     * it is malformed or still to come, {@code format} if it is neither {@code docx} nor {@code pdf} ({@code fallback}
     * when not given).
     */
    public Document render(UUID systemId, String month, String format, DocumentFormat fallback) {
        return render(systemId, month, format, fallback, null, null);
    }

    /**
     * As {@link #render(UUID, String, String, DocumentFormat)} in {@code language} ({@code zh}, {@code en};
     * {@code null}: the reader's; 400 naming {@code language} otherwise), and for an issued month the file of
     * {@code revision} ({@code null}: the latest; 404 if the month has no such revision, or was not issued).
     */
    public Document render(
            UUID systemId, String month, String format, DocumentFormat fallback, String language, Integer revision) {
        CloudSystem system = access.see(systemId);
        Instant now = clock.instant();
        ReportMonth m = ReportMonth.parse(month, Formats.zone(), now);
        DocumentFormat f = format(format, fallback);
        Locale reader = language(language);
        String code = reader.getLanguage();
        List<IssuedReport> revisions = records.ofMonth(systemId, m.month());
        Optional<IssuedReport> issued = revisions.stream()
                .filter(r -> revision == null || r.revision() == revision)
                .findFirst();
        if (revision != null && issued.isEmpty()) {
            throw new NotFoundException("monitor-report", m + " r" + revision);
        }
        if (issued.isPresent()) {
            IssuedReport r = issued.get();
            // the stored bytes only if they are what the manifest signed, and the SM3 the manifest gives them
            IssuedReportCheck.Checked file = check.file(r, f, code);
            return new Document(
                    file.content(),
                    f,
                    storedName(system, r.reportNumber(), r.month(), f, code),
                    file.file().sm3());
        }
        return new Document(write(system, m, f, reader, now, null), f, liveName(system, m, f), null);
    }

    /** The reader's language for {@code null} or blank, else {@code zh} or {@code en}; 400 naming it otherwise. */
    static Locale language(String code) {
        if (code == null || code.isBlank()) {
            return Texts.locale();
        }
        return switch (code.strip()) {
            case "zh" -> Texts.CHINESE;
            case "en" -> Texts.ENGLISH;
            default -> throw new FieldErrors.ValidationException("language", "monitoring.report.error.language");
        };
    }

    /**
     * The report of month {@code m} as the data are at {@code now}, written in {@code language}; with {@code issue},
     * saying so under its title.
     */
    public byte[] write(
            CloudSystem system,
            ReportMonth m,
            DocumentFormat f,
            Locale language,
            Instant now,
            OperationReport.Issue issue) {
        UUID systemId = system.id();
        int wordList = wordLists.latestNumber(system.customerId());
        List<org.yunjian.monitoring.Monitor> all = monitors.ofSystem(systemId);
        // what ran in the month as recorded when it ran, not the set-up of today (issue 59)
        java.util.Map<UUID, List<org.yunjian.monitoring.CheckRun>> ran =
                runs.ofSystem(systemId, m.start(), m.end(), now);
        OperationReport.Scope scope = new OperationReport.Scope(
                all.stream()
                        .map(x -> new org.yunjian.monitoring.CheckScope(
                                x.name(), x.url().toString(), ran.getOrDefault(x.id(), List.of())))
                        .toList(),
                wordList > 0 ? wordList : null);
        // one monitor's probes at a time: a month of a monitor probed every minute is 44,640 of them
        List<OperationFigures.MonitorFigures> perMonitor = all.stream()
                .map(x -> OperationFigures.monitor(
                        m,
                        now,
                        new OperationFigures.MonitorInput(
                                x.id(), x.name(), x.url().toString(), repo.probes(x.id(), m.start(), m.end()))))
                .toList();
        List<Alert> alerts = repo.alerts(systemId, m.start(), m.end());
        OperationFigures figures = OperationFigures.ofFigures(m, now, perMonitor, alerts);
        Set<String> names = new HashSet<>();
        for (Alert a : alerts) {
            names.add(a.acknowledgedBy());
            names.add(a.closedBy());
        }
        names.remove(null);
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(language);
        try {
            OperationReport report =
                    OperationReport.of(system.name(), figures, scope, people.displayNames(names), now, language);
            if (issue != null) {
                report = report.issued(issue, m.zone());
            }
            return f == DocumentFormat.DOCX ? ReportDocx.write(report) : pdf.render(report, m);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    private static DownloadName liveName(CloudSystem system, ReportMonth m, DocumentFormat f) {
        return DownloadName.of("monitoring.report.kind", ASCII_KIND, system.name(), m.toString(), null, f.extension());
    }

    /** {@code 安全运行报告-<system>-YJ-SOR-2026-000001-2026-10-zh.pdf}. */
    static DownloadName storedName(
            CloudSystem system, String number, YearMonth month, DocumentFormat f, String language) {
        return DownloadName.of(
                "monitoring.report.kind",
                ASCII_KIND,
                system.name(),
                number + "-" + month + "-" + language,
                null,
                f.extension());
    }

    static final String ASCII_KIND = "security-operation-report";
}
