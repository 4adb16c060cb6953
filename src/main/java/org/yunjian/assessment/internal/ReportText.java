package org.yunjian.assessment.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.Verdict;
import org.yunjian.assessment.internal.Records.EvidenceInfo;
import org.yunjian.assessment.internal.Records.VerdictEntry;
import org.yunjian.assessment.internal.ReportData.ItemReport;
import org.yunjian.assessment.internal.ReportData.RemediationRow;

/**
 * The report's Chinese wording and number formats, shared by the DOCX and the PDF so both say the same.
 * Reports are Chinese documents whatever the reader's interface language.
 */
public final class ReportText {

    /** Dates in reports are Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    public static final String TITLE = "云计算安全扩展要求等级测评报告";
    public static final String H_COVER = "项目信息";
    public static final String H_SUMMARY = "测评结论";
    public static final String H_BY_LAYER = "安全层面测评结果";
    public static final String H_BY_CONTROL_POINT = "控制点测评结果";
    public static final String H_HIGH_RISK = "高风险问题";
    public static final String H_ITEMS = "测评项详情";
    public static final String H_REMEDIATION = "整改任务";
    public static final String DRAFT = "草稿";

    private ReportText() {
    }

    public static String date(Instant t) {
        return t == null ? "—" : DATE.format(t);
    }

    public static String dateTime(Instant t) {
        return t == null ? "—" : DATE_TIME.format(t);
    }

    public static String percent(double rate) {
        return String.format(Locale.ROOT, "%.2f %%", rate);
    }

    /** Rate of a group, or a dash when it has no scored item. */
    public static String rate(ScoreResult.Group g) {
        return g.scored() == 0 ? "—" : percent(g.rate());
    }

    public static String verdict(Verdict v) {
        return v == null ? "未记录" : v.zh();
    }

    public static String risk(RiskLevel r) {
        return r == null ? "—" : switch (r) {
            case HIGH -> "高";
            case MEDIUM -> "中";
            case LOW -> "低";
        };
    }

    public static String side(ItemSide s) {
        return switch (s) {
            case CLOUD_PLATFORM -> "云计算平台";
            case CUSTOMER_SYSTEM -> "云服务客户系统";
            case WHOLE_SYSTEM -> "整个系统";
        };
    }

    public static String status(AssessmentStatus s) {
        return switch (s) {
            case DRAFT -> "草稿";
            case IN_PROGRESS -> "测评中";
            case IN_REVIEW -> "审核中";
            case COMPLETED -> "已完成";
            case ARCHIVED -> "已归档";
        };
    }

    public static String kind(AssessorKind k) {
        return switch (k) {
            case THIRD_PARTY -> "第三方测评";
            case CUSTOMER_SELF -> "客户自评";
            case PROVIDER_SELF -> "云服务商自评";
        };
    }

    public static String remediation(RemediationStatus s) {
        return switch (s) {
            case OPEN -> "待整改";
            case IN_PROGRESS -> "整改中";
            case DONE -> "已整改";
            case VERIFIED -> "已验证";
        };
    }

    public static String conclusion(ScoreResult.Conclusion c) {
        return c.zh();
    }

    public static String level(int protectionLevel) {
        return switch (protectionLevel) {
            case 1 -> "第一级";
            case 2 -> "第二级";
            case 3 -> "第三级";
            case 4 -> "第四级";
            default -> "第" + protectionLevel + "级";
        };
    }

    /** A file size for people: bytes below 1 KiB, else KiB or MiB with one decimal, and always the exact bytes. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String unit = bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        return unit + " (" + bytes + " B)";
    }

    /** The draft notice printed on reports of assessments not yet completed. */
    public static String draftNotice(AssessmentStatus s) {
        return DRAFT + "：测评状态为“" + status(s) + "”，结论尚未最终确定。";
    }

    // --- the tables both documents print

    static List<List<String>> coverRows(ReportData d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("测评项目", d.assessment().name()));
        rows.add(List.of("被测系统", d.system().name()));
        rows.add(List.of("安全保护等级", level(d.system().protectionLevel())));
        rows.add(List.of("云服务客户", d.customerName()));
        rows.add(List.of("云服务商", d.providerName() == null ? "—" : d.providerName()));
        rows.add(List.of("测评机构", d.assessorName() + "（" + kind(d.assessment().assessorKind()) + "）"));
        rows.add(List.of("测评状态", status(d.assessment().status())));
        rows.add(List.of("创建日期", date(d.assessment().createdAt())));
        rows.add(List.of("完成日期", date(d.assessment().completedAt())));
        rows.add(List.of("报告生成时间", dateTime(d.generatedAt())));
        rows.add(List.of("测评编号", d.assessment().id().toString()));
        return rows;
    }

    /** The header and rows of a group table, shared with the PDF's model. */
    static List<String> groupHeader(String first) {
        return List.of(first, "符合", "部分符合", "不符合", "不适用", "未记录", "得分", "符合率");
    }

    static List<String> groupRow(ScoreResult.Group g) {
        return List.of(g.name(), String.valueOf(g.compliant()), String.valueOf(g.partiallyCompliant()),
                String.valueOf(g.nonCompliant()), String.valueOf(g.notApplicable()), String.valueOf(g.pending()),
                g.score() + " / " + g.scored(), rate(g));
    }

    static List<List<String>> itemRows(ItemReport i) {
        var t = i.item();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("要求编号", t.requirementId() + (i.clause() == null ? "" : "（条款 " + i.clause() + "）")));
        rows.add(List.of("安全要求", nz(i.requirement())));
        rows.add(List.of("安全层面 / 控制点", t.layer() + " / " + t.controlPoint()));
        rows.add(List.of("测评对象", side(t.side())));
        rows.add(List.of("测评结论", verdict(t.verdict())));
        rows.add(List.of("结论理由", nz(t.verdictReason())));
        rows.add(List.of("现场记录", nz(t.observations())));
        rows.add(List.of("风险等级", risk(t.riskLevel())));
        rows.add(List.of("风险理由", nz(t.riskReason())));
        rows.add(List.of("证据", i.evidence().isEmpty() ? "—"
                : String.join("\n", i.evidence().stream().map(ReportText::evidenceLine).toList())));
        if (i.history().size() > 1) {
            rows.add(List.of("结论历史", String.join("\n", i.history().stream().map(ReportText::historyLine).toList())));
        }
        return rows;
    }

    static String evidenceLine(EvidenceInfo e) {
        return e.displayName() + "，" + size(e.size()) + "，SM3 " + e.sm3();
    }

    static String historyLine(VerdictEntry v) {
        return dateTime(v.recordedAt()) + " " + verdict(v.verdict()) + (v.retest() ? "（复测）" : "") + " · "
                + v.recordedBy();
    }

    static List<List<String>> remediationRows(List<RemediationRow> rows) {
        return rows.stream().map(r -> List.of(r.itemNumber() + ". " + r.requirementId(), r.controlPoint(),
                r.responsibleName(), r.task().dueDate().toString(), remediation(r.task().status()),
                nz(r.task().note()))).toList();
    }

    static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    static List<List<String>> summaryRows(ScoreResult s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("综合符合率", percent(s.complianceRate())));
        rows.add(List.of("测评结论", conclusion(s.conclusion())));
        rows.add(List.of("高风险问题", String.valueOf(s.highRisk().size())));
        rows.add(List.of("中风险问题", String.valueOf(s.mediumRisk())));
        rows.add(List.of("未记录结论的测评项", String.valueOf(s.pending())));
        rows.add(List.of("评分规则", s.policyId() + " " + s.policyVersion()));
        rows.add(List.of("结论依据", String.join("；", s.reasons())));
        return rows;
    }

    static String policyNote(ScoreResult s) {
        return "本报告的符合率与结论由评分规则 " + s.policyId() + " 版本 " + s.policyVersion()
                + " 计算：符合计 1 分，部分符合计 0.5 分，不符合计 0 分，不适用不计入。";
    }
}
