package org.yunjian.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.monitoring.Alert;
import org.yunjian.monitoring.report.OperationFigures;
import org.yunjian.monitoring.report.OperationReport;
import org.yunjian.monitoring.report.ReportDocx;
import org.yunjian.monitoring.report.ReportMonth;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Texts;

/**
 * The monthly 安全运行报告 of a system's website monitoring (issue 38; 政府网站云计算服务安全指南 8.4), for whoever
 * sees the system's monitors: the month's figures ({@link OperationFigures}) laid out in the reader's language
 * ({@link OperationReport}) and written as Word or as PDF. Rendered on request from the data as it is then (not kept as
 * a record).
 */
@Service
@Transactional(readOnly = true)
public class OperationReports {

    /** The formats a report is written in. */
    public enum Format {
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        PDF("application/pdf", "pdf");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        /**
         * {@code docx} or {@code pdf} (either case); {@code null} or blank is {@code fallback}.
         *
         * @throws FieldErrors.ValidationException naming {@code format} otherwise
         */
        public static Format parse(String text, Format fallback) {
            if (text == null || text.isBlank()) {
                return fallback;
            }
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(text.strip())) {
                    return f;
                }
            }
            throw new FieldErrors.ValidationException("format", "monitoring.report.error.format");
        }
    }

    /** A rendered report: its bytes, their media type and the name to download them under. */
    public record Document(byte[] content, Format format, DownloadName name) {}

    private final MonitorAccess access;
    private final MonitorRepository monitors;
    private final ReportRepository repo;
    private final PeopleNames people;
    private final ReportPdf pdf;
    private final Clock clock;

    OperationReports(
            MonitorAccess access,
            MonitorRepository monitors,
            ReportRepository repo,
            PeopleNames people,
            ReportPdf pdf,
            Clock clock) {
        this.access = access;
        this.monitors = monitors;
        this.repo = repo;
        this.people = people;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** The month a report is offered for first: the last one that is over. */
    public String defaultMonth() {
        return ReportMonth.previous(Formats.zone(), clock.instant()).toString();
    }

    /**
     * The system's report for {@code month} ({@code 2026-10}, in the users' zone) in the reader's language; 404 if the
     * caller does not see the system, 400 naming {@code month} if it is malformed or still to come, or {@code format}
     * if it is neither {@code docx} nor {@code pdf} ({@code fallback} when not given).
     */
    public Document render(UUID systemId, String month, String format, Format fallback) {
        CloudSystem system = access.see(systemId);
        Instant now = clock.instant();
        ReportMonth m = ReportMonth.parse(month, Formats.zone(), now);
        Format f = Format.parse(format, fallback);
        // one monitor's probes at a time: a month of a monitor probed every minute is 44,640 of them
        List<OperationFigures.MonitorFigures> perMonitor = monitors.ofSystem(systemId).stream()
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
        Locale language = Texts.locale();
        OperationReport report = OperationReport.of(system.name(), figures, people.displayNames(names), now, language);
        byte[] content = f == Format.DOCX ? ReportDocx.write(report) : pdf.render(report, m);
        return new Document(
                content,
                f,
                DownloadName.of(
                        "monitoring.report.kind",
                        "security-operation-report",
                        system.name(),
                        m.toString(),
                        null,
                        f.extension));
    }
}
