package org.yunjian.report;

import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.ItemGenerator;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.report.internal.OscalPlan;
import org.yunjian.report.internal.OscalPoam;
import org.yunjian.report.internal.OscalSystemPlan;
import org.yunjian.report.internal.ReportData;
import org.yunjian.risk.RiskRegister;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Msg;

/**
 * The OSCAL documents beside an assessment's results (docs/modules/assessment.md, "OSCAL"): the assessment plan the
 * results import, the plan of action and milestones of its risk register, and — for a system without a
 * responsibility matrix — the minimal system security plan the assessment plan imports, so that the chain results →
 * plan → system plan → catalog resolves as NIST's tools resolve it. Read with the caller's rights like the results
 * ({@link Reports#data}); every download is audited as an export.
 */
@Service
public class OscalDocuments {

    /** The documents served here. */
    public enum Kind {
        PLAN("plan"),
        POAM("poam"),
        SSP("system-plan");

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        /** {@code plan}, {@code poam} (case-insensitive); 400 otherwise. */
        public static Kind parse(String s) {
            String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "plan", "ap", "assessment-plan" -> PLAN;
                case "poam", "plan-of-action-and-milestones" -> POAM;
                default -> throw new ValidationException("document", "assessment.error.oscalDocument");
            };
        }
    }

    /** A rendered document, its download name and format. */
    public record Document(byte[] content, DownloadName name, OscalFormat format) {}

    private final Reports reports;
    private final RiskRegister register;
    private final OscalPlan plan;
    private final OscalPoam poam;
    private final ItemGenerator generator;
    private final ApplicationEventPublisher events;

    OscalDocuments(
            Reports reports,
            RiskRegister register,
            OscalPlan plan,
            OscalPoam poam,
            ItemGenerator generator,
            ApplicationEventPublisher events) {
        this.reports = reports;
        this.register = register;
        this.plan = plan;
        this.poam = poam;
        this.generator = generator;
        this.events = events;
    }

    /** The document of {@code kind} in {@code format}; 404 when the caller may not see the assessment. */
    @Transactional(readOnly = true)
    public Document export(UUID assessmentId, Kind kind, OscalFormat format, String channel) {
        ReportData d = reports.data(assessmentId);
        byte[] content =
                switch (kind) {
                    case PLAN -> plan.render(d, format);
                    case POAM -> poam.render(d, register.view(assessmentId).entries(), format);
                    case SSP ->
                        OscalSystemPlan.render(
                                d, format, id -> generator.requirement(id).orElse(null));
                };
        events.publishEvent(AuditableEvent.success(
                "assessment.report.export",
                "assessment",
                assessmentId,
                Msg.of(
                        d.draft() ? "assessment.audit.exportDraft" : "assessment.audit.export",
                        d.reportNumber(),
                        Msg.of("assessment.reportFormat.OSCAL_" + kind.name()),
                        d.items().size(),
                        channel,
                        Msg.of(d.assessment().status()))));
        return new Document(
                content,
                DownloadName.of(
                        "assessment.fileName.oscal." + kind.name(),
                        "oscal-" + kind.file,
                        d.system().name(),
                        d.reportNumber(),
                        d.generatedAt(),
                        format == OscalFormat.XML ? "xml" : "json"),
                format);
    }
}
