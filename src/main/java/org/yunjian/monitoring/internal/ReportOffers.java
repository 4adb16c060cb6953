package org.yunjian.monitoring.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.yunjian.catalog.RequirementId;
import org.yunjian.documents.DocumentFormat;
import org.yunjian.monitoring.IssuedReport;
import org.yunjian.monitoring.MonitoringCoverage;
import org.yunjian.monitoring.MonitoringEvidence;
import org.yunjian.monitoring.OperationReportRecords;
import org.yunjian.monitoring.report.ReportMonth;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Texts;

/**
 * {@link MonitoringEvidence} from the monthly reports ({@link OperationReports}): a closed month is offered when the
 * system's monitors have probes in it; an issued month offers its stored record, any other the report rendered now.
 */
@Service
class ReportOffers implements MonitoringEvidence {

    private final MonitorAccess access;
    private final OperationReports reports;
    private final OperationReportRecords records;
    private final OfferRepository repo;
    private final Clock clock;

    ReportOffers(
            MonitorAccess access,
            OperationReports reports,
            OperationReportRecords records,
            OfferRepository repo,
            Clock clock) {
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
        for (int i = 0; i < MONTHS; i++, m = new ReportMonth(m.month().minusMonths(1), m.zone())) {
            long probes = repo.probes(systemId, m.start(), m.end());
            if (probes > 0) {
                String number = records.current(systemId, m.month())
                        .map(IssuedReport::reportNumber)
                        .orElse(null);
                out.add(new Offer(m.toString(), fileName(m.toString()), probes, number));
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
