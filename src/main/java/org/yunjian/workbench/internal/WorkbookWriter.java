package org.yunjian.workbench.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.catalog.MlpsAssessment;
import org.yunjian.catalog.Requirement;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;

/**
 * Writes the item table ({@link WorkbookFormat#CURRENT}) in one language: per item the requirement text and the
 * catalog's criteria beside the verdict, the side and control point in words; drop-down lists for verdict (only
 * the verdicts the item allows) and risk level; read-only columns grey; header row and the first three columns
 * frozen; widths and row heights that fit the text. An inherited item's verdict cells are read-only too.
 */
final class WorkbookWriter {

    /** Column widths in characters (a CJK character counts two). */
    private static final Map<String, Integer> WIDTHS = Map.ofEntries(
            Map.entry("id", 10),
            Map.entry("requirement", 20),
            Map.entry("side", 14),
            Map.entry("layer", 16),
            Map.entry("controlPoint", 16),
            Map.entry("requirementText", 50),
            Map.entry("criteriaCompliant", 36),
            Map.entry("criteriaPartial", 36),
            Map.entry("criteriaNonCompliant", 36),
            Map.entry("verdict", 14),
            Map.entry("reason", 30),
            Map.entry("risk", 10),
            Map.entry("riskReason", 30),
            Map.entry("finding", 36),
            Map.entry("recommendation", 36),
            Map.entry("noEvidenceReason", 30),
            Map.entry("observations", 40),
            Map.entry("version", 24));
    /** Columns shown on one line (an id is never wrapped); every other column wraps. */
    private static final Set<String> ONE_LINE = Set.of("id", "version", "verdict", "risk");
    /** Columns fixed on the left when scrolling right: item id, requirement number, side. */
    static final int FROZEN_COLUMNS = 3;
    /** A row grows to fit its longest text, up to this many lines (the cell shows the rest when selected). */
    private static final int MAX_LINES = 12;

    private static final float LINE_POINTS = 15f;

    private final ItemLabels labels;
    private final Locale lang;
    private final WorkbookFormat format = WorkbookFormat.CURRENT;
    private org.yunjian.party.SystemAsset.Inventory assets;

    WorkbookWriter(ItemLabels labels, Locale lang) {
        this.labels = labels;
        this.lang = lang;
    }

    /** Adds the sheet 测评对象 with the system's assets ({@link WorkbookAssets}). */
    WorkbookWriter withAssets(org.yunjian.party.SystemAsset.Inventory list) {
        this.assets = list;
        return this;
    }

    byte[] write(AssessmentInfo assessment, List<TestItem> items, Set<UUID> inherited) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            XSSFSheet sheet = wb.createSheet(WorkbookFormat.sheetName(lang));
            List<String> keys = format.keys;
            XSSFRow header = sheet.createRow(0);
            List<String> names = format.header(lang);
            for (int c = 0; c < keys.size(); c++) {
                var cell = header.createCell(c);
                cell.setCellValue(names.get(c));
                cell.setCellStyle(
                        WorkbookFormat.EDITABLE.contains(keys.get(c)) ? styles.headerEditable : styles.header);
                sheet.setColumnWidth(c, WIDTHS.get(keys.get(c)) * 256);
            }
            header.setHeightInPoints(2 * LINE_POINTS);
            List<Integer> allVerdicts = new ArrayList<>();
            List<Integer> noPartial = new ArrayList<>();
            int r = 1;
            for (TestItem i : items) {
                Requirement req = labels.requirement(i.requirementId()).orElse(null);
                boolean locked = inherited.contains(i.id());
                Map<String, String> values = values(i, req);
                XSSFRow row = sheet.createRow(r);
                int lines = 1;
                for (int c = 0; c < keys.size(); c++) {
                    String key = keys.get(c);
                    boolean editable =
                            WorkbookFormat.EDITABLE.contains(key) && !(locked && !key.equals("observations"));
                    var cell = row.createCell(c);
                    cell.setCellStyle(
                            ONE_LINE.contains(key)
                                    ? (editable ? styles.editableLine : styles.readOnlyLine)
                                    : (editable ? styles.editable : styles.readOnly));
                    String v = values.get(key);
                    if (v != null) {
                        cell.setCellValue(Text.safe(v)); // a stored control character must not break the file
                        if (!ONE_LINE.contains(key)) {
                            lines = Math.max(lines, lines(v, WIDTHS.get(key)));
                        }
                    }
                }
                row.setHeightInPoints(Math.min(lines, MAX_LINES) * LINE_POINTS);
                if (!locked) {
                    (Verdict.PARTIALLY_COMPLIANT.allowedFor(req) ? allVerdicts : noPartial).add(r);
                }
                r++;
            }
            validations(sheet, allVerdicts, noPartial);
            sheet.createFreezePane(FROZEN_COLUMNS, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, keys.size() - 1));
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true); // printed one page wide, as many pages long as it takes
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            guide(wb, sheet);
            meta(wb, assessment);
            if (assets != null) {
                WorkbookAssets.write(wb, assets, lang, styles.headerEditable, styles.editable);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> values(TestItem i, Requirement req) {
        Map<String, String> v = new java.util.HashMap<>();
        v.put("id", i.id().toString());
        v.put("requirement", i.requirementId());
        v.put("side", Msg.of(i.side()).text(lang));
        v.put("layer", labels.layer(i));
        v.put("controlPoint", labels.controlPoint(i));
        v.put(
                "requirementText",
                req == null ? Msg.of("assessment.requirement.missing").text(lang) : labels.text(req));
        MlpsAssessment.Criteria criteria =
                req == null || req.mlps() == null ? null : req.mlps().criteria();
        if (criteria != null) {
            v.put("criteriaCompliant", criteria.compliant());
            v.put(
                    "criteriaPartial",
                    criteria.partiallyCompliant() != null
                            ? criteria.partiallyCompliant()
                            : Msg.of("workbook.criteria.noPartial").text(lang));
            v.put("criteriaNonCompliant", criteria.nonCompliant());
        }
        v.put("verdict", i.verdict() == null ? null : Msg.of(i.verdict()).text(lang));
        v.put("reason", i.verdictReason());
        v.put("risk", i.riskLevel() == null ? null : Msg.of(i.riskLevel()).text(lang));
        v.put("riskReason", i.riskReason());
        v.put("finding", i.finding());
        v.put("recommendation", i.recommendation());
        v.put("noEvidenceReason", i.noEvidenceReason());
        v.put("observations", i.observations());
        v.put("version", i.updatedAt().toString());
        return v;
    }

    /** Lines {@code text} takes in a column {@code width} characters wide (CJK characters are two wide). */
    static int lines(String text, int width) {
        int total = 0;
        for (String paragraph : text.split("\n", -1)) {
            int w = 0;
            for (int k = 0; k < paragraph.length(); k++) {
                w += paragraph.charAt(k) >= 0x2E80 ? 2 : 1;
            }
            total += Math.max(1, (w + width - 2) / (width - 1));
        }
        return total;
    }

    /** Drop-down lists: the verdicts each row allows (in the workbook's language) and the risk levels. */
    private void validations(XSSFSheet sheet, List<Integer> allVerdicts, List<Integer> noPartial) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        int verdict = format.index("verdict");
        int risk = format.index("risk");
        String[] all =
                Arrays.stream(Verdict.values()).map(v -> Msg.of(v).text(lang)).toArray(String[]::new);
        String[] withoutPartial = Arrays.stream(Verdict.values())
                .filter(v -> v != Verdict.PARTIALLY_COMPLIANT)
                .map(v -> Msg.of(v).text(lang))
                .toArray(String[]::new);
        String[] risks =
                Arrays.stream(RiskLevel.values()).map(v -> Msg.of(v).text(lang)).toArray(String[]::new);
        String verdictName = Msg.of("workbook.header.verdict").text(lang);
        list(
                sheet,
                helper,
                ranges(allVerdicts, verdict),
                all,
                verdictName,
                Msg.of("workbook.validation.verdict", String.join(" / ", all)).text(lang));
        list(
                sheet,
                helper,
                ranges(noPartial, verdict),
                withoutPartial,
                verdictName,
                Msg.of("workbook.validation.verdictNoPartial", String.join(" / ", withoutPartial))
                        .text(lang));
        List<Integer> rows = new ArrayList<>(allVerdicts);
        rows.addAll(noPartial);
        rows.sort(null);
        list(
                sheet,
                helper,
                ranges(rows, risk),
                risks,
                Msg.of("workbook.header.risk").text(lang),
                Msg.of("workbook.validation.risk", String.join(" / ", risks)).text(lang));
    }

    private static void list(
            XSSFSheet sheet,
            XSSFDataValidationHelper helper,
            CellRangeAddressList ranges,
            String[] words,
            String title,
            String error) {
        if (ranges.countRanges() == 0) {
            return;
        }
        DataValidation v = helper.createValidation(helper.createExplicitListConstraint(words), ranges);
        v.setEmptyCellAllowed(true);
        v.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox(title, error);
        sheet.addValidationData(v);
    }

    /** Rows (sorted) in one column as few ranges as possible. */
    static CellRangeAddressList ranges(List<Integer> rows, int column) {
        CellRangeAddressList out = new CellRangeAddressList();
        int k = 0;
        while (k < rows.size()) {
            int first = rows.get(k);
            int last = first;
            while (k + 1 < rows.size() && rows.get(k + 1) == last + 1) {
                last = rows.get(++k);
            }
            out.addCellRangeAddress(first, column, last, column);
            k++;
        }
        return out;
    }

    /** A note on the verdict header: which columns to fill and the rules the import checks. */
    private void guide(XSSFWorkbook wb, XSSFSheet sheet) {
        var drawing = sheet.createDrawingPatriarch();
        int col = format.index("verdict");
        XSSFClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
        anchor.setCol1(col);
        anchor.setCol2(col + 4);
        anchor.setRow1(0);
        anchor.setRow2(9);
        var comment = drawing.createCellComment(anchor);
        comment.setString(wb.getCreationHelper()
                .createRichTextString(Msg.of("workbook.guide").text(lang)));
        sheet.getRow(0).getCell(col).setCellComment(comment);
    }

    private void meta(XSSFWorkbook wb, AssessmentInfo assessment) {
        XSSFSheet meta = wb.createSheet(Workbooks.META_SHEET);
        meta.createRow(0).createCell(0).setCellValue("format");
        meta.getRow(0).createCell(1).setCellValue(format.id);
        meta.createRow(1).createCell(0).setCellValue("assessment");
        meta.getRow(1).createCell(1).setCellValue(assessment.id().toString());
        meta.createRow(2).createCell(0).setCellValue("name");
        meta.getRow(2).createCell(1).setCellValue(Text.safe(assessment.name()));
        wb.setSheetVisibility(wb.getSheetIndex(meta), SheetVisibility.HIDDEN);
    }

    /** Grey for what the import ignores, white for what the assessor fills; a blue header over the latter. */
    private static final class Styles {
        final XSSFCellStyle header;
        final XSSFCellStyle headerEditable;
        final XSSFCellStyle readOnly;
        final XSSFCellStyle readOnlyLine;
        final XSSFCellStyle editable;
        final XSSFCellStyle editableLine;

        Styles(XSSFWorkbook wb) {
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            header = style(wb, rgb(0xD9, 0xD9, 0xD9), true);
            header.setFont(bold);
            headerEditable = style(wb, rgb(0xBD, 0xD7, 0xEE), true);
            headerEditable.setFont(bold);
            readOnly = style(wb, rgb(0xEE, 0xEE, 0xEE), true);
            readOnlyLine = style(wb, rgb(0xEE, 0xEE, 0xEE), false);
            editable = style(wb, null, true);
            editableLine = style(wb, null, false);
        }

        private static XSSFColor rgb(int r, int g, int b) {
            return new XSSFColor(new byte[] {(byte) r, (byte) g, (byte) b}, null);
        }

        private static XSSFCellStyle style(XSSFWorkbook wb, XSSFColor fill, boolean wrap) {
            XSSFCellStyle s = wb.createCellStyle();
            if (fill != null) {
                s.setFillForegroundColor(fill);
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            s.setWrapText(wrap);
            s.setVerticalAlignment(VerticalAlignment.TOP);
            s.setLocked(fill != null);
            XSSFColor line = rgb(0xBF, 0xBF, 0xBF);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setTopBorderColor(line);
            s.setBottomBorderColor(line);
            s.setLeftBorderColor(line);
            s.setRightBorderColor(line);
            return s;
        }
    }
}
