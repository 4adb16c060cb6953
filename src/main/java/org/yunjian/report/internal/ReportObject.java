package org.yunjian.report.internal;

import static org.yunjian.report.ReportText.*;

import java.util.ArrayList;
import java.util.List;
import org.yunjian.party.CloudSystem;
import org.yunjian.report.internal.ReportOutline.Block;
import org.yunjian.report.internal.ReportOutline.Para;
import org.yunjian.report.internal.ReportOutline.Sub;
import org.yunjian.report.internal.ReportOutline.Table;
import org.yunjian.responsibility.MatrixSummaries;
import org.yunjian.shared.Msg;

/**
 * 被测对象描述: the system, its 测评对象 list, its parties, the platform it runs on (2025 template; the 2021 template
 * has the 扩充表 for it) and — where the system has one — the approved version of its responsibility matrix in numbers.
 */
final class ReportObject {

    private ReportObject() {}

    static List<Block> blocks(ReportData d) {
        CloudSystem s = d.system();
        List<Block> b = new ArrayList<>();
        b.add(new Sub(2, t("report.object.system")));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("report.cover.system"), s.name()));
        rows.add(List.of(t("report.cover.level"), level(s.protectionLevel())));
        rows.add(List.of(t("report.object.deployment"), label(s.deploymentModel())));
        rows.add(List.of(t("report.object.service"), label(s.serviceModel())));
        rows.add(List.of(t("report.object.industry"), label(s.industry())));
        rows.add(List.of(t("report.object.data"), label(s.dataClassification())));
        rows.add(List.of(
                t("report.object.regions"),
                s.regions().isEmpty() ? "—" : String.join(t("report.listSeparator"), s.regions())));
        b.add(new Table("object", List.of(t("report.table.item"), t("report.table.content")), rows, true));
        b.addAll(assets(d));
        b.add(new Sub(2, t("report.object.parties")));
        List<List<String>> parties = new ArrayList<>();
        parties.add(List.of(t("report.object.customer"), d.customerName()));
        parties.add(List.of(t("report.object.provider"), d.providerName() == null ? "—" : d.providerName()));
        parties.add(List.of(
                t("report.object.agents"),
                d.setup().agents().isEmpty() ? "—" : String.join("\n", d.setup().agents())));
        parties.add(List.of(t("report.cover.assessor"), d.assessorName()));
        b.add(new Table("parties", List.of(t("report.object.role"), t("report.object.organisation")), parties, true));
        if (d.setup().template() == org.yunjian.assessment.ReportTemplate.T2025 && !d.generic()) { // a 等保 attribute
            b.add(new Sub(2, t("report.platform.heading")));
            b.addAll(ReportTemplateTables.platforms(d));
        }
        b.add(new Sub(2, t("report.object.matrix")));
        MatrixSummaries.MatrixSummary m = d.setup().matrix();
        if (m == null) {
            MatrixSummaries.MatrixSummary draft = d.setup().draftMatrix();
            b.add(new Para(
                    draft == null
                            ? t("report.object.noMatrix")
                            : t(
                                    "report.object.noApprovedMatrix",
                                    date(
                                            d.assessment().completedAt() != null
                                                    ? d.assessment().completedAt()
                                                    : d.generatedAt()))));
            return b;
        }
        b.add(new Para(t("report.object.approvedMatrix", m.version(), date(m.approvedAt()), m.duties())));
        b.add(new Table(
                "matrix",
                List.of(
                        t("report.object.organisation"),
                        t("report.object.matrixRoles"),
                        t("report.object.accountable")),
                m.shares().stream()
                        .map(x -> List.of(
                                x.name(),
                                Msg.joined(x.roles().stream()
                                                .sorted()
                                                .map(Msg::of)
                                                .toList())
                                        .text(),
                                String.valueOf(x.accountableFor())))
                        .toList(),
                false));
        return b;
    }

    /** 测评对象: the system's assets with type, name, version, 重要程度 and note. */
    static List<Block> assets(ReportData d) {
        List<Block> b = new ArrayList<>();
        b.add(new Sub(2, t("report.assets.heading")));
        if (d.setup().assets().isEmpty()) {
            b.add(new Para(t("report.assets.none")));
            return b;
        }
        List<List<String>> rows = new ArrayList<>();
        for (org.yunjian.party.SystemAsset a : d.setup().assets()) {
            rows.add(List.of(
                    String.valueOf(rows.size() + 1),
                    label(a.type()),
                    a.name(),
                    nz(a.version()),
                    label(a.importance()),
                    nz(a.note())));
        }
        b.add(new Table(
                "assets",
                List.of(
                        t("report.highRisk.number"),
                        t("report.assets.type"),
                        t("report.assets.name"),
                        t("report.assets.version"),
                        t("report.assets.importance"),
                        t("report.assets.note")),
                rows,
                false));
        return b;
    }
}
