package org.yunjian.report;

import static org.yunjian.shared.FieldValues.blank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.ItemGenerator;
import org.yunjian.assessment.Records;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.Records.VerdictEntry;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.Verdict;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.report.internal.ReportData;
import org.yunjian.report.internal.ReportData.ItemReport;
import org.yunjian.report.internal.ReportData.RemediationRow;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.vault.ContentTypes;

/**
 * The report's wording and number formats, shared by the DOCX and the PDF so both say the same. Every word
 * comes from the bundles ({@code report.*}) in the report's language — the language of the request or the
 * CLI's {@code --lang}, Chinese by default; times are Beijing time to the minute, sizes in KB/MB, people and
 * organisations by name.
 */
public final class ReportText {

    private ReportText() {}

    public static String t(String key, Object... args) {
        return Texts.get(key, args);
    }

    public static String label(Enum<?> value) {
        return value == null ? "—" : Msg.of(value).text();
    }

    public static String title() {
        return t("report.title");
    }

    /**
     * The title of this report: a generic report's from its catalogs ({@code report.generic.title}), a 等保 report
     * with an imported 通用要求 table {@code report.title.general}, else {@link #title()}.
     */
    public static String title(ReportData d) {
        if (d.generic()) {
            return t("report.generic.title", catalogs(d));
        }
        return d.setup().basis().generalRequirements() ? t("report.title.general") : title();
    }

    /** The cover's basis line: the 等保 template, or a generic report's catalogs. */
    public static String coverLine(ReportData d) {
        return d.generic()
                ? t("report.generic.basisLine", catalogs(d))
                : t("report.cover.templateLine", label(d.setup().template()));
    }

    /** 测评依据 of this report ({@link #basisLine(List)} of its scope). */
    public static String basisLine(ReportData d) {
        return basisLine(d.assessment().scope());
    }

    /**
     * 测评依据: GB/T 22239-2019 and GB/T 28448-2019; when the scope holds the 等保 cloud-extension items, the 作业指导书
     * their test methods, expected evidence and verdict criteria are transcribed from; and the standard of every other
     * selection in the scope — each named as the texts in docs/standards name it (the 作业指导书 as its heading does:
     * 云计算安全拓展要求 (S3A3G3) 作业指导书; issue 59). Imported catalogs, whose titles no text gives, stay "the other
     * standards in the scope".
     */
    public static String basisLine(List<String> scope) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        keys.add("report.overview.basis.gb22239");
        keys.add("report.overview.basis.gb28448");
        boolean others = false;
        for (String s : scope) {
            if (s.equals(ItemGenerator.MLPS)) {
                keys.add("report.overview.basis.mlpsGuide");
            } else if (s.equals(ItemGenerator.JRT)) {
                keys.add("report.overview.basis.jrt");
            } else if (s.startsWith(ItemGenerator.GOVWEB + ":")) {
                keys.add("report.overview.basis.govweb");
            } else if (s.equals(ItemGenerator.EXIT)) {
                keys.add("report.overview.basis.gbt31167");
            } else {
                others = true;
            }
        }
        String documents = String.join(
                t("report.listSeparator"), keys.stream().map(ReportText::t).toList());
        return t(others ? "report.overview.basisWithOthers" : "report.overview.basis", documents);
    }

    /** A generic report's catalogs by title, joined. */
    public static String catalogs(ReportData d) {
        return String.join(t("report.listSeparator"), d.setup().basis().catalogs());
    }

    public static String date(java.time.Instant t) {
        return t == null ? "—" : Formats.date(t);
    }

    public static String dateTime(java.time.Instant t) {
        return t == null ? "—" : Formats.minute(t);
    }

    public static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f %%", rate);
    }

    /** Rate of a group, or a dash when it has no scored item. */
    public static String rate(ScoreResult.Group g) {
        return g.scored() == 0 ? "—" : percent(g.rate());
    }

    public static String verdict(Verdict v) {
        return v == null ? t("report.verdict.none") : label(v);
    }

    public static String level(int protectionLevel) {
        return t("report.level." + Math.max(1, Math.min(5, protectionLevel)));
    }

    /** The draft notice printed on reports of assessments not yet completed. */
    public static String draftNotice(AssessmentStatus s) {
        return t("report.draftNotice", label(s));
    }

    // --- the tables both documents print

    public static List<List<String>> coverRows(ReportData d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("report.cover.number"), nz(d.reportNumber())));
        rows.add(List.of(t("report.cover.project"), d.assessment().name()));
        rows.add(List.of(t("report.cover.system"), d.system().name()));
        rows.add(List.of(t("report.cover.level"), level(d.system().protectionLevel())));
        rows.add(List.of(t("report.cover.customer"), d.customerName()));
        rows.add(List.of(t("report.cover.provider"), d.providerName() == null ? "—" : d.providerName()));
        rows.add(List.of(
                t("report.cover.assessor"),
                t(
                        "report.cover.assessorKind",
                        d.assessorName(),
                        label(d.assessment().assessorKind()))));
        rows.add(List.of(
                t("report.cover.assessors"),
                d.assessorNames().isEmpty()
                        ? t("report.cover.allAssessors")
                        : String.join(t("report.listSeparator"), d.assessorNames())));
        rows.add(List.of(t("report.cover.template"), label(d.setup().template())));
        rows.add(List.of(t("report.cover.status"), label(d.assessment().status())));
        rows.add(List.of(t("report.cover.created"), date(d.assessment().createdAt())));
        rows.add(List.of(t("report.cover.completed"), date(d.assessment().completedAt())));
        rows.add(List.of(t("report.cover.generated"), t("report.beijingTime", dateTime(d.generatedAt()))));
        return rows;
    }

    /**
     * The footer's page line split around the page number and the page count: "第 ", " 页 共 ", " 页" (English "Page ",
     * " of ", "").
     */
    public static List<String> footerParts() {
        String s = t("report.footer.pattern", "\uE000", "\uE001");
        int a = s.indexOf('\uE000');
        int b = s.indexOf('\uE001');
        return List.of(s.substring(0, a), s.substring(a + 1, b), s.substring(b + 1));
    }

    /** The cover page's lines: 报告编号, system, 委托单位, 测评单位, contract and report dates. */
    public static List<List<String>> coverPageRows(ReportData d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("report.cover.number"), nz(d.reportNumber())));
        rows.add(List.of(t("report.coverPage.object"), d.system().name()));
        rows.add(List.of(t("report.coverPage.client"), d.customerName()));
        rows.add(List.of(t("report.coverPage.assessor"), d.assessorName()));
        rows.add(List.of(
                t("report.cover.contractDate"),
                d.setup().contractDate() == null
                        ? "—"
                        : Formats.date(d.setup()
                                .contractDate()
                                .atStartOfDay(Formats.zone())
                                .toInstant())));
        rows.add(List.of(t("report.cover.reportDate"), date(d.reportDate())));
        ReportData.Revision r = d.setup().revision();
        if (r != null) {
            rows.add(List.of(
                    t("report.cover.revision"),
                    t("report.cover.revisionValue", r.number(), date(r.issuedAt()), r.reason())));
        }
        return rows;
    }

    /** The header and rows of a group table, shared with the PDF's model. */
    public static List<String> groupHeader(String first) {
        return List.of(
                first,
                label(Verdict.COMPLIANT),
                label(Verdict.PARTIALLY_COMPLIANT),
                label(Verdict.NON_COMPLIANT),
                label(Verdict.NOT_APPLICABLE),
                t("report.verdict.none"),
                t("report.group.score"),
                t("report.group.rate"));
    }

    public static List<String> groupRow(ScoreResult.Group g) {
        return List.of(
                g.name(),
                String.valueOf(g.compliant()),
                String.valueOf(g.partiallyCompliant()),
                String.valueOf(g.nonCompliant()),
                String.valueOf(g.notApplicable()),
                String.valueOf(g.pending()),
                g.score() + " / " + g.scored(),
                rate(g));
    }

    public static String itemHeading(ItemReport i) {
        return t(
                "report.item.heading",
                i.number(),
                i.item().requirementId(),
                label(i.item().side()));
    }

    public static List<List<String>> itemRows(ItemReport i, ReportData d) {
        var t = i.item();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                t("report.item.id"),
                i.clause() == null ? t.requirementId() : t("report.item.idWithClause", t.requirementId(), i.clause())));
        rows.add(List.of(t("report.item.requirement"), nz(i.requirement())));
        rows.add(List.of(t("report.item.layerAndControlPoint"), i.layer() + " / " + i.controlPoint()));
        rows.add(List.of(t("report.item.side"), label(t.side())));
        rows.add(List.of(t("report.item.responsible"), i.responsibleNames()));
        rows.add(List.of(t("report.item.verdict"), verdict(t.verdict())));
        if (i.inherited() != null) {
            rows.add(List.of(
                    t("report.item.inherited"), i.inherited().source().label().text()));
        }
        recorded(rows, "report.item.reason", t.verdictReason());
        recorded(rows, "report.item.observations", t.observations());
        if (blank(t.verdictReason()) && blank(t.observations())) {
            rows.add(List.of(t("report.item.observations"), "—"));
        }
        boolean finding = t.verdict() != null && t.verdict().isFinding();
        if (finding) {
            rows.add(List.of(t("report.item.finding"), problem(t)));
            rows.add(List.of(t("report.item.risk"), label(t.riskLevel())));
            rows.add(List.of(t("report.item.riskReason"), nz(t.riskReason())));
            rows.add(List.of(t("report.item.recommendation"), nz(t.recommendation())));
        }
        if (!i.interviews().isEmpty()) {
            rows.add(List.of(
                    t("report.item.interviews"),
                    String.join(
                            "\n",
                            i.interviews().stream()
                                    .map(ReportText::interviewLine)
                                    .toList())));
        }
        if (!i.evidence().isEmpty()) {
            rows.add(List.of(
                    t("report.item.evidence"),
                    String.join(
                            "\n",
                            i.evidence().stream().map(e -> evidenceLine(e, d)).toList())));
        } else if (finding && !blank(t.noEvidenceReason())) {
            rows.add(List.of(t("report.item.noEvidenceReason"), t.noEvidenceReason()));
        } else if (t.verdict() != null && !blank(t.observations())) {
            // the verdict rests on what was observed on site (issue 58), printed above: no bare "无证据" beside it
            rows.add(List.of(t("report.item.evidence"), t("report.item.evidenceOnObservations")));
        } else {
            rows.add(List.of(t("report.item.evidence"), t("report.item.noEvidence")));
        }
        if (i.history().size() > 1) {
            rows.add(List.of(
                    t("report.item.history"),
                    String.join(
                            "\n",
                            i.history().stream().map(v -> historyLine(i, v, d)).toList())));
        }
        return rows;
    }

    /** A row only for what was recorded: no "—" row beside the ones that say something. */
    private static void recorded(List<List<String>> rows, String key, String value) {
        if (!blank(value)) {
            rows.add(List.of(t(key), value));
        }
    }

    /**
     * What the assessor found (安全问题); for an item recorded before findings had their own text, the verdict's
     * reason — never the reason for the risk level.
     */
    public static String problem(Records.TestItem t) {
        return !blank(t.finding()) ? t.finding() : nz(t.verdictReason());
    }

    /** 访谈 who（role），when (the report's zone, to the minute)：summary. */
    static String interviewLine(Records.Interview v) {
        return blank(v.notes())
                ? t("report.item.interviewLineNoNotes", v.interviewee(), v.role(), dateTime(v.heldAt()))
                : t("report.item.interviewLine", v.interviewee(), v.role(), dateTime(v.heldAt()), v.notes());
    }

    static String evidenceLine(EvidenceInfo e, ReportData d) {
        return t(
                "report.item.evidenceLine",
                e.displayName(),
                ContentTypes.typeName(e.contentType()).text(),
                Formats.size(e.size()),
                e.sm3(),
                d.person(e.uploadedByName()));
    }

    static String historyLine(ItemReport i, VerdictEntry v, ReportData d) {
        return t(
                i.retest(v) ? "report.item.historyRetest" : "report.item.historyLine",
                dateTime(v.recordedAt()),
                verdict(v.verdict()),
                d.person(v.recordedBy()));
    }

    public static List<String> inheritedHeader() {
        return List.of(
                t("report.highRisk.number"),
                t("report.item.id"),
                t("report.remediation.controlPoint"),
                t("report.item.verdict"),
                t("report.inherited.source"),
                t("report.inherited.reportNumber"),
                t("report.inherited.date"));
    }

    /** One row per inherited item: number, item, control point, verdict, source, its report number and date. */
    public static List<List<String>> inheritedRows(ReportData d) {
        return d.inherited().stream()
                .map(i -> {
                    Inheritances.Source s = i.inherited().source();
                    String source = s.kind() == Inheritances.SourceKind.YUNJIAN
                            ? t("report.inherited.yunjian", s.name())
                            : t("report.inherited.external", s.organisation());
                    return List.of(
                            String.valueOf(i.number()),
                            i.item().requirementId(),
                            i.controlPoint(),
                            verdict(i.item().verdict()),
                            source,
                            nz(s.reportNumber()),
                            Formats.date(s.date()));
                })
                .toList();
    }

    public static List<String> remediationHeader() {
        return List.of(
                t("report.remediation.item"),
                t("report.remediation.controlPoint"),
                t("report.remediation.responsible"),
                t("report.remediation.due"),
                t("report.remediation.status"),
                t("report.remediation.note"));
    }

    public static List<List<String>> remediationRows(List<RemediationRow> rows) {
        return rows.stream()
                .map(r -> List.of(
                        r.itemNumber() + ". " + r.requirementId(),
                        r.controlPoint(),
                        r.responsibleName(),
                        Formats.date(r.task().dueDate()),
                        label(r.task().status()),
                        nz(r.task().note())))
                .toList();
    }

    public static List<String> highRiskHeader() {
        return List.of(
                t("report.highRisk.number"),
                t("report.item.id"),
                t("report.remediation.controlPoint"),
                t("report.item.side"),
                t("report.item.verdict"),
                t("report.item.riskReason"));
    }

    public static List<List<String>> highRiskRows(ReportData d) {
        return d.highRisk().stream()
                .map(i -> List.of(
                        String.valueOf(i.number()),
                        i.item().requirementId(),
                        i.controlPoint(),
                        label(i.item().side()),
                        verdict(i.item().verdict()),
                        nz(i.item().riskReason())))
                .toList();
    }

    public static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    public static List<List<String>> summaryRows(ScoreResult s) {
        List<List<String>> rows = new ArrayList<>();
        if (s.notYetAssessed()) {
            rows.add(List.of(t("report.summary.conclusion"), s.conclusionText().text()));
            rows.add(List.of(t("report.summary.basis"), t("assessment.notYetAssessed.hint")));
            rows.add(List.of(t("report.summary.pending"), String.valueOf(s.pending())));
            return rows;
        }
        rows.add(List.of(t("report.summary.rate"), percent(s.complianceRate())));
        rows.add(List.of(t("report.summary.conclusion"), s.conclusionText().text()));
        rows.add(List.of(
                t("report.summary.highRisk"), String.valueOf(s.highRisk().size())));
        rows.add(List.of(t("report.summary.mediumRisk"), String.valueOf(s.mediumRisk())));
        rows.add(List.of(t("report.summary.pending"), String.valueOf(s.pending())));
        rows.add(List.of(t("report.summary.policy"), policyName(s)));
        rows.add(List.of(
                t("report.summary.basis"),
                String.join(
                        t("report.reasonSeparator"),
                        s.reasons().stream().map(Msg::text).toList())));
        return rows;
    }

    /** The scoring policy by name and version ({@code report.policy.<id>}; the id itself for an unknown policy). */
    public static String policyName(ScoreResult s) {
        return policyName(s.policyId(), s.policyVersion());
    }

    public static String policyName(String id, String version) {
        String key = "report.policy." + id;
        String name = t(key);
        String v = version.startsWith("v") ? version.substring(1) : version;
        return t("report.summary.policyVersion", name.equals(key) ? id : name, v);
    }

    public static String policyNote(ScoreResult s) {
        return t("report.policyNote", policyName(s));
    }
}
