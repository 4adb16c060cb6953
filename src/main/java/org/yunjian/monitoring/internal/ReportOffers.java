package org.yunjian.monitoring.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yunjian.catalog.RequirementId;
import org.yunjian.monitoring.MonitoringCoverage;
import org.yunjian.monitoring.MonitoringEvidence;
import org.yunjian.monitoring.report.ReportMonth;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Texts;

/**
 * {@link MonitoringEvidence} from the reports rendered on request ({@link OperationReports}): a closed month is
 * offered when the system's monitors have probes in it. The one place to switch to issued report records.
 */
@Service
class ReportOffers implements MonitoringEvidence {

    private final MonitorAccess access;
    private final OperationReports reports;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReportOffers(MonitorAccess access, OperationReports reports, JdbcClient jdbc, Clock clock) {
        this.access = access;
        this.reports = reports;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Offers offers(UUID systemId, RequirementId control) {
        access.see(systemId);
        List<org.yunjian.monitoring.CheckKind> kinds = MonitoringCoverage.kinds(control);
        boolean monitored = monitors(systemId) > 0;
        if (kinds.isEmpty() || !monitored) {
            return new Offers(control, kinds, monitored, List.of());
        }
        List<Offer> out = new ArrayList<>();
        ReportMonth m = ReportMonth.previous(Formats.zone(), clock.instant());
        for (int i = 0; i < MONTHS; i++, m = new ReportMonth(m.month().minusMonths(1), m.zone())) {
            long probes = probes(systemId, m.start(), m.end());
            if (probes > 0) {
                out.add(new Offer(m.toString(), fileName(m.toString()), probes));
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
        OperationReports.Document d =
                reports.render(systemId, wanted, OperationReports.Format.PDF.name(), OperationReports.Format.PDF);
        return new OfferedFile(fileName(wanted), d.format().mediaType(), d.content());
    }

    /** {@code 安全运行报告-2026-10.pdf} in the reader's language. */
    static String fileName(String month) {
        return Texts.get("monitoring.report.kind") + "-" + month + ".pdf";
    }

    private long monitors(UUID systemId) {
        return jdbc.sql("SELECT COUNT(*) FROM monitor WHERE system_id = ?")
                .param(systemId)
                .query(Long.class)
                .single();
    }

    private long probes(UUID systemId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM monitor_probe p JOIN monitor m ON m.id = p.monitor_id
                        WHERE m.system_id = ? AND p.started_at >= ? AND p.started_at < ?""")
                .params(systemId, utc(from), utc(to))
                .query(Long.class)
                .single();
    }
}
