package org.yunjian.report.internal;

import static org.yunjian.report.ReportText.*;

import java.util.ArrayList;
import java.util.List;
import org.yunjian.report.internal.ReportOutline.Block;
import org.yunjian.report.internal.ReportOutline.Para;
import org.yunjian.report.internal.ReportOutline.Table;
import org.yunjian.shared.Formats;

/**
 * The template's record tables (docs/modules/assessment.md, "Chapters"): the 网络安全等级测评基本信息表 at the front,
 * the 等级测评结论扩充表（云计算安全）with the platform the system runs on and that platform's assessment, and the
 * sign-off page — signature lines for 测评人 / 审核人 / 批准人 (names and dates once signed, blank lines to sign
 * otherwise) and the 测评机构（盖章）block.
 */
final class ReportTemplateTables {

    private ReportTemplateTables() {}

    /** A line to write on by hand. */
    private static String blank() {
        return t("report.signOff.blank");
    }

    /** 网络安全等级测评基本信息表: the system, the parties, the assessment and its people in one table. */
    static List<Block> basicInfo(ReportData d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("report.basicInfo.system"), d.system().name()));
        rows.add(List.of(t("report.cover.level"), level(d.system().protectionLevel())));
        rows.add(List.of(t("report.basicInfo.extensions"), t("report.basicInfo.cloudExtension")));
        rows.add(List.of(
                t("report.basicInfo.models"),
                t(
                        "report.basicInfo.modelsValue",
                        label(d.system().deploymentModel()),
                        label(d.system().serviceModel()))));
        rows.add(List.of(t("report.basicInfo.owner"), d.customerName()));
        rows.add(List.of(t("report.object.provider"), d.providerName() == null ? "—" : d.providerName()));
        rows.add(List.of(
                t("report.basicInfo.platform"),
                d.setup().platforms().isEmpty()
                        ? "—"
                        : String.join(
                                "\n",
                                d.setup().platforms().stream()
                                        .map(ReportData.PlatformAssessment::platform)
                                        .distinct()
                                        .toList())));
        rows.add(List.of(t("report.cover.assessor"), d.assessorName()));
        rows.add(List.of(
                t("report.cover.assessors"),
                d.assessorNames().isEmpty()
                        ? t("report.cover.allAssessors")
                        : String.join(t("report.listSeparator"), d.assessorNames())));
        rows.add(List.of(
                t("report.basicInfo.period"),
                t(
                        "report.basicInfo.periodValue",
                        date(d.assessment().createdAt()),
                        d.assessment().completedAt() == null
                                ? t("report.basicInfo.open")
                                : date(d.assessment().completedAt()))));
        rows.add(List.of(t("report.cover.number"), nz(d.reportNumber())));
        rows.add(List.of(t("report.cover.reportDate"), date(d.reportDate())));
        rows.add(List.of(
                t("report.summary.conclusion"), d.score().conclusionText().text()));
        SignOffs.SignOffSheet s = d.setup().signOffs();
        rows.add(List.of(
                t("report.signOff.tester"),
                s.testers().isEmpty()
                        ? "—"
                        : String.join(
                                t("report.listSeparator"),
                                s.testers().stream()
                                        .map(SignOffs.Signature::name)
                                        .toList())));
        rows.add(List.of(
                t("report.signOff.reviewer"),
                s.reviewer() == null ? "—" : s.reviewer().name()));
        rows.add(List.of(
                t("report.signOff.approver"),
                s.approver() == null ? "—" : s.approver().name()));
        return List.of(new Table("basic-info", List.of(t("report.table.item"), t("report.table.content")), rows, true));
    }

    /** 等级测评结论扩充表（云计算安全）: this system on its platform, and the platform's own assessment. */
    static List<Block> cloudExtension(ReportData d) {
        List<Block> b = new ArrayList<>();
        List<List<String>> system = new ArrayList<>();
        system.add(List.of(t("report.basicInfo.system"), d.system().name()));
        system.add(List.of(t("report.cover.level"), level(d.system().protectionLevel())));
        system.add(List.of(
                t("report.basicInfo.models"),
                t(
                        "report.basicInfo.modelsValue",
                        label(d.system().deploymentModel()),
                        label(d.system().serviceModel()))));
        system.add(List.of(t("report.object.provider"), d.providerName() == null ? "—" : d.providerName()));
        system.add(List.of(
                t("report.summary.conclusion"), d.score().conclusionText().text()));
        b.add(new Table("cloud-extension", List.of(t("report.table.item"), t("report.table.content")), system, true));
        b.addAll(platforms(d));
        return b;
    }

    /** The platform(s) the system runs on and their assessments; a sentence when none is recorded. */
    static List<Block> platforms(ReportData d) {
        if (d.setup().platforms().isEmpty()) {
            return List.of(new Para(t("report.platform.none")));
        }
        List<Block> b = new ArrayList<>();
        for (ReportData.PlatformAssessment p : d.setup().platforms()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(t("report.platform.name"), p.platform()));
            rows.add(List.of(t("report.platform.level"), p.level() == null ? "—" : level(p.level())));
            rows.add(List.of(t("report.platform.conclusion"), p.conclusion() == null ? "—" : p.conclusion()));
            rows.add(List.of(t("report.platform.reportNumber"), nz(p.reportNumber())));
            rows.add(List.of(t("report.platform.date"), p.date() == null ? "—" : Formats.date(p.date())));
            rows.add(List.of(t("report.platform.organisation"), nz(p.organisation())));
            rows.add(List.of(t("report.platform.inherited"), String.valueOf(p.inherited())));
            b.add(new Table(
                    "platform-assessment", List.of(t("report.table.item"), t("report.table.content")), rows, true));
        }
        return b;
    }

    /** Signature lines and the 测评机构（盖章）block. */
    static List<Block> signOff(ReportData d) {
        SignOffs.SignOffSheet s = d.setup().signOffs();
        List<List<String>> rows = new ArrayList<>();
        if (s.testers().isEmpty()) {
            rows.add(line(t("report.signOff.tester"), null));
        }
        s.testers().forEach(x -> rows.add(line(t("report.signOff.tester"), x)));
        rows.add(line(t("report.signOff.reviewer"), s.reviewer()));
        rows.add(line(t("report.signOff.approver"), s.approver()));
        ReportData.Revision r = d.setup().revision();
        if (r != null) { // a 修订版 is signed by whoever issued it, on the day it was issued
            rows.add(line(
                    t("report.signOff.revisionApprover", r.number()),
                    new SignOffs.Signature(r.approver(), r.issuedAt())));
        }
        return List.of(
                new Table(
                        "sign-off",
                        List.of(
                                t("report.signOff.role"),
                                t("report.signOff.name"),
                                t("report.signOff.signature"),
                                t("report.signOff.date")),
                        rows,
                        false),
                new Para(t("report.seal.body", d.assessorName())),
                new Para(t("report.seal.place")),
                new Para(t("report.seal.date", t("report.signOff.blankDate"))));
    }

    /**
     * Name and date once signed, the name assigned (or a blank line) and a blank date otherwise; always a blank line
     * for the handwritten signature.
     */
    private static List<String> line(String role, SignOffs.Signature sig) {
        if (sig == null) {
            return List.of(role, blank(), blank(), t("report.signOff.blankDate"));
        }
        return sig.at() == null
                ? List.of(role, sig.name(), blank(), t("report.signOff.blankDate"))
                : List.of(role, sig.name(), blank(), date(sig.at()));
    }
}
