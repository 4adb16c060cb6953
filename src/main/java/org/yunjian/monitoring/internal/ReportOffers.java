package org.yunjian.monitoring.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.yunjian.catalog.RequirementId;
import org.yunjian.documents.DocumentFormat;
import org.yunjian.monitoring.CheckRun;
import org.yunjian.monitoring.CheckScope;
import org.yunjian.monitoring.IssuedReport;
import org.yunjian.monitoring.MonitoringCoverage;
import org.yunjian.monitoring.MonitoringEvidence;
import org.yunjian.monitoring.OperationReportRecords;
import org.yunjian.monitoring.report.ReportMonth;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Texts;

/**
 * {@link MonitoringEvidence} from the monthly reports ({@link OperationReports}): a closed month is offered for a control
 * when the control's covering checks ran in it on one of the system's monitors, against a criterion and — for a "实时"
 * control — with no gap longer than the real-time interval ({@link MonitoringCoverage#covered(RequirementId,
 * java.util.Collection)}); an issued month offers its stored record, any other the report rendered now.
 */
@Service
class ReportOffers implements MonitoringEvidence {

    private final MonitorAccess access;
    private final OperationReports reports;
    private final OperationReportRecords records;
    private final OfferRepository repo;
    private final CheckRunRepository runs;
    private final Clock clock;

    ReportOffers(
            MonitorAccess access,
            OperationReports reports,
            OperationReportRecords records,
            OfferRepository repo,
            CheckRunRepository runs,
            Clock clock) {
        this.runs = runs;
        this.access = access;
        this.reports = reports;
        this.records = records;
        this.repo = repo;
        this.clock = clock;
    }

    @Override
    public Offers offers(UUID systemId, RequirementId control) {
        access.see(systemId);
        List<org.yunjian.monitoring.CheckKind> kinds = MonitoringCoverage.kinds(control);
        boolean monitored = repo.monitors(systemId) > 0;
        if (kinds.isEmpty() || !monitored) {
            return new Offers(control, kinds, monitored, List.of());
        }
        List<Offer> out = new ArrayList<>();
        ReportMonth m = ReportMonth.previous(Formats.zone(), clock.instant());
        java.time.Instant now = clock.instant();
        for (int i = 0; i < MONTHS; i++, m = new ReportMonth(m.month().minusMonths(1), m.zone())) {
            // a month its covering checks ran in, against a criterion, at the cadence the control asks (issue 59)
            List<CheckScope> ran = runs.ofSystem(systemId, m.start(), m.end(), now).values().stream()
                    .map(r -> new CheckScope("", "", r))
                    .toList();
            if (MonitoringCoverage.covered(control, ran)) {
                long checks = ran.stream()
                        .flatMap(s -> s.runs().stream())
                        .filter(r -> kinds.contains(r.kind()))
                        .mapToLong(CheckRun::runs)
                        .sum();
                String number = records.current(systemId, m.month())
                        .map(IssuedReport::reportNumber)
                        .orElse(null);
                out.add(new Offer(m.toString(), fileName(m.toString()), checks, number));
            }
        }
        return new Offers(control, kinds, true, out);
    }

    @Override
    public OfferedFile file(UUID systemId, RequirementId control, String month) {
        String wanted = month == null ? "" : month.strip();
        if (offers(systemId, control).months().stream().noneMatch(o -> o.month().equals(wanted))) {
            throw new FieldErrors.ValidationException(ReportMonth.FIELD, "monitoring.offer.error.month");
        }
        OperationReports.Document d = reports.render(systemId, wanted, null, DocumentFormat.PDF);
        return new OfferedFile(fileName(wanted), d.format().mediaType(), d.content());
    }

    /** {@code 安全运行报告-2026-10.pdf} in the reader's language. */
    static String fileName(String month) {
        return MonitoringEvidence.fileName(month, Texts.locale());
    }
}
