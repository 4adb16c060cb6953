package org.yunjian.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.demo.DemoData;
import org.yunjian.report.internal.ReportOutline.Section;
import org.yunjian.report.internal.ReportOutline.Table;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.workbench.internal.DemoCompletedAssessment;

/** The demo's completed assessment's report, rendered as its assessor downloads it, in a given language. */
final class DemoReportDocuments {

    private DemoReportDocuments() {}

    static UUID completedAssessment(JdbcClient jdbc) {
        return jdbc.sql("SELECT a.id FROM assessment a JOIN cloud_system s ON s.id = a.system_id "
                        + "WHERE s.name = ? AND a.status = 'COMPLETED' AND a.contract_date = ?")
                .params(DemoData.PORTAL_SYSTEM, DemoCompletedAssessment.CONTRACT)
                .query(UUID.class)
                .single();
    }

    /** {@code work} run as the demo assessor in {@code language}. */
    static <T> T as(UserAdministration users, Locale language, java.util.function.Supplier<T> work) {
        AtomicReference<T> out = new AtomicReference<>();
        SeedActor.run(SeedActor.account(users, DemoData.ASSESSOR_USER).orElseThrow(), () -> {
            LocaleContextHolder.setLocale(language);
            try {
                out.set(work.get());
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        });
        return out.get();
    }

    /** Every text of every table of the report: header and cells. */
    static List<String> tableTexts(ReportData d) {
        List<Section> all = new ArrayList<>(ReportChapters.front(d));
        all.addAll(ReportChapters.body(d));
        List<String> out = new ArrayList<>();
        for (Section s : all) {
            s.blocks().stream()
                    .filter(Table.class::isInstance)
                    .map(Table.class::cast)
                    .forEach(t -> {
                        out.addAll(t.header());
                        t.rows().forEach(out::addAll);
                    });
        }
        return out;
    }
}
