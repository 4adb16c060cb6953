package org.yunjian.workbench.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;
import org.yunjian.shared.Msg;

/**
 * The column layouts of the offline item table, named in sheet {@code meta}. Version 2 adds the requirement text
 * and the three verdict criteria before the verdict; version 3 the finding (安全问题) and the assessor's
 * recommendation (整改建议) after the risk reason; version 4 (written now) the 无证据说明 of a finding before the
 * 现场记录 — the two what a verdict rests on without an evidence file. Workbooks of versions 1 to 3, exported before,
 * are still read (they leave what their columns lack — finding, recommendation, 无证据说明 — as stored). Columns are named {@code workbook.header.<key>} in the workbook's language.
 */
enum WorkbookFormat {
    V1(
            "yunjian-assessment-items/1",
            List.of(
                    "id",
                    "requirement",
                    "side",
                    "layer",
                    "controlPoint",
                    "verdict",
                    "reason",
                    "risk",
                    "riskReason",
                    "observations",
                    "version")),
    V2(
            "yunjian-assessment-items/2",
            List.of(
                    "id",
                    "requirement",
                    "side",
                    "layer",
                    "controlPoint",
                    "requirementText",
                    "criteriaCompliant",
                    "criteriaPartial",
                    "criteriaNonCompliant",
                    "verdict",
                    "reason",
                    "risk",
                    "riskReason",
                    "observations",
                    "version")),
    V3(
            "yunjian-assessment-items/3",
            List.of(
                    "id",
                    "requirement",
                    "side",
                    "layer",
                    "controlPoint",
                    "requirementText",
                    "criteriaCompliant",
                    "criteriaPartial",
                    "criteriaNonCompliant",
                    "verdict",
                    "reason",
                    "risk",
                    "riskReason",
                    "finding",
                    "recommendation",
                    "observations",
                    "version")),
    V4(
            "yunjian-assessment-items/4",
            List.of(
                    "id",
                    "requirement",
                    "side",
                    "layer",
                    "controlPoint",
                    "requirementText",
                    "criteriaCompliant",
                    "criteriaPartial",
                    "criteriaNonCompliant",
                    "verdict",
                    "reason",
                    "risk",
                    "riskReason",
                    "finding",
                    "recommendation",
                    "noEvidenceReason",
                    "observations",
                    "version"));

    static final WorkbookFormat CURRENT = V4;
    /** The columns an assessor fills; every other column is read-only (grey) and ignored on import but id and version. */
    static final Set<String> EDITABLE = Set.of(
            "verdict", "reason", "risk", "riskReason", "finding", "recommendation", "noEvidenceReason", "observations");

    final String id;
    final List<String> keys;

    WorkbookFormat(String id, List<String> keys) {
        this.id = id;
        this.keys = keys;
    }

    static Optional<WorkbookFormat> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** Whether the layout has column {@code key}. */
    boolean has(String key) {
        return keys.contains(key);
    }

    /** The 0-based index of column {@code key}. */
    int index(String key) {
        int i = keys.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException(key);
        }
        return i;
    }

    /** The letter of column {@code key}, as Excel names it. */
    String letter(String key) {
        return CellReference.convertNumToColString(index(key));
    }

    List<String> header(Locale lang) {
        return keys.stream().map(k -> Msg.of("workbook.header." + k).text(lang)).toList();
    }

    static String sheetName(Locale lang) {
        return Msg.of("workbook.sheet").text(lang);
    }
}
