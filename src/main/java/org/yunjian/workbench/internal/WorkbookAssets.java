package org.yunjian.workbench.internal;

import static org.yunjian.shared.FieldValues.stripped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yunjian.party.AssetImportance;
import org.yunjian.party.AssetType;
import org.yunjian.party.SystemAsset;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;
import org.yunjian.workbench.internal.Workbooks.Problem;

/**
 * The workbook's sheet 测评对象: the system's assets (type, name, version, 重要程度, note) with drop-down lists for type
 * and 重要程度, and the list's version in the hidden meta sheet. Read back, the sheet replaces the system's list
 * ({@link Workbooks}) when it differs — only for someone who may edit the system, and only over the list as exported.
 * A workbook without the sheet (format 1 exports, or the sheet deleted) leaves the list alone.
 */
final class WorkbookAssets {

    /** The row of the meta sheet holding the exported list's version. */
    static final int META_ROW = 3;

    static final String META_KEY = "assets-version";
    /** The hidden sheet holding the drop-down choices. */
    static final String LISTS_SHEET = "assets-lists";

    static final List<String> KEYS = List.of("type", "name", "version", "importance", "note");
    private static final int[] WIDTHS = {22, 40, 30, 12, 40};
    /** Rows below the list that offer the drop-down lists for new assets. */
    private static final int SPARE_ROWS = 50;

    private WorkbookAssets() {}

    /** One asset row as read: its Excel row number and the values as the party module takes them. */
    record Line(int row, SystemAsset.Input input) {}

    /** The sheet as read: its name, the list version the export carried (null if none), the rows. */
    record Read(String sheet, Long exportedVersion, List<Line> lines) {

        List<SystemAsset.Input> inputs() {
            return lines.stream().map(Line::input).toList();
        }
    }

    static String sheetName(Locale lang) {
        return Msg.of("workbook.assets.sheet").text(lang);
    }

    static String letter(String key) {
        return WorkbookReader.col(KEYS.indexOf(key));
    }

    static void write(XSSFWorkbook wb, SystemAsset.Inventory list, Locale lang, CellStyle header, CellStyle cell) {
        XSSFSheet sheet = wb.createSheet(sheetName(lang));
        XSSFRow h = sheet.createRow(0);
        for (int c = 0; c < KEYS.size(); c++) {
            var x = h.createCell(c);
            x.setCellValue(Msg.of("workbook.assets.header." + KEYS.get(c)).text(lang));
            x.setCellStyle(header);
            sheet.setColumnWidth(c, WIDTHS[c] * 256);
        }
        int r = 1;
        for (SystemAsset a : list.assets()) {
            XSSFRow row = sheet.createRow(r++);
            List<String> values = Arrays.asList(
                    Msg.of(a.type()).text(lang),
                    a.name(),
                    a.version(),
                    Msg.of(a.importance()).text(lang),
                    a.note());
            for (int c = 0; c < KEYS.size(); c++) {
                var x = row.createCell(c);
                x.setCellStyle(cell);
                if (values.get(c) != null) {
                    x.setCellValue(Text.safe(values.get(c)));
                }
            }
        }
        // the choices on a hidden sheet: an explicit list is limited to 255 characters, the English types are longer
        XSSFSheet lists = wb.createSheet(LISTS_SHEET);
        String[] types = labels(AssetType.values(), lang);
        String[] importances = labels(AssetImportance.values(), lang);
        for (int k = 0; k < Math.max(types.length, importances.length); k++) {
            Row row = lists.createRow(k);
            if (k < types.length) {
                row.createCell(0).setCellValue(types[k]);
            }
            if (k < importances.length) {
                row.createCell(1).setCellValue(importances[k]);
            }
        }
        wb.setSheetVisibility(wb.getSheetIndex(lists), org.apache.poi.ss.usermodel.SheetVisibility.HIDDEN);
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        int last = r + SPARE_ROWS;
        dropDown(sheet, helper, KEYS.indexOf("type"), last, "'" + LISTS_SHEET + "'!$A$1:$A$" + types.length);
        dropDown(
                sheet, helper, KEYS.indexOf("importance"), last, "'" + LISTS_SHEET + "'!$B$1:$B$" + importances.length);
        sheet.createFreezePane(0, 1);
        Sheet meta = wb.getSheet(Workbooks.META_SHEET);
        Row m = meta.createRow(META_ROW);
        m.createCell(0).setCellValue(META_KEY);
        m.createCell(1).setCellValue(String.valueOf(list.version()));
    }

    private static String[] labels(Enum<?>[] values, Locale lang) {
        return Arrays.stream(values).map(v -> Msg.of(v).text(lang)).toArray(String[]::new);
    }

    private static void dropDown(XSSFSheet sheet, XSSFDataValidationHelper helper, int column, int last, String range) {
        DataValidation v = helper.createValidation(
                helper.createFormulaListConstraint(range), new CellRangeAddressList(1, last, column, column));
        v.setEmptyCellAllowed(true);
        v.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
        v.setShowErrorBox(true);
        sheet.addValidationData(v);
    }

    /** The sheet in either language, or null when the workbook has none; cell problems are added to {@code problems}. */
    static Read read(Workbook wb, DataFormatter fmt, List<Problem> problems) {
        Sheet sheet = wb.getSheet(sheetName(Texts.CHINESE));
        if (sheet == null) {
            sheet = wb.getSheet(sheetName(Texts.ENGLISH));
        }
        if (sheet == null) {
            return null;
        }
        String name = sheet.getSheetName();
        if (sheet.getLastRowNum() > WorkbookReader.MAX_ROWS) {
            problems.add(Problem.ofRow(
                    name, sheet.getLastRowNum() + 1, Texts.get("workbook.error.tooManyRows", WorkbookReader.MAX_ROWS)));
            return null;
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            List<String> v = new ArrayList<>();
            for (int c = 0; c < KEYS.size(); c++) {
                Row row = sheet.getRow(r);
                v.add(
                        row == null || row.getCell(c) == null
                                ? ""
                                : fmt.formatCellValue(row.getCell(c)).strip());
            }
            if (v.stream().allMatch(String::isEmpty)) {
                continue;
            }
            lines.add(new Line(
                    r + 1,
                    new SystemAsset.Input(
                            code(AssetType.values(), v.get(0), name, r + 1, "type", problems),
                            v.get(1),
                            stripped(v.get(2)),
                            code(AssetImportance.values(), v.get(3), name, r + 1, "importance", problems),
                            stripped(v.get(4)))));
        }
        Sheet meta = wb.getSheet(Workbooks.META_SHEET);
        Long version = null;
        Row m = meta == null ? null : meta.getRow(META_ROW);
        if (m != null && META_KEY.equals(fmt.formatCellValue(m.getCell(0)))) {
            try {
                version = Long.parseLong(fmt.formatCellValue(m.getCell(1)).strip());
            } catch (NumberFormatException e) {
                version = null;
            }
        }
        return new Read(name, version, lines);
    }

    /** A drop-down value as its code (a label in either language, or the code); empty stays empty for "required". */
    private static <E extends Enum<E>> String code(
            E[] values, String text, String sheet, int row, String key, List<Problem> problems) {
        if (text.isEmpty()) {
            return "";
        }
        E e = WorkbookReader.parse(values, text);
        if (e == null) {
            problems.add(Problem.ofCell(
                    sheet,
                    row,
                    letter(key),
                    Texts.get(
                            "workbook.assets.error.choice",
                            text,
                            String.join(
                                    " / ",
                                    Arrays.stream(values)
                                            .map(v -> Msg.of(v).text())
                                            .toList()))));
            return null;
        }
        return e.name();
    }

    /** Whether {@code in} says what {@code list} holds (blank and missing alike), in the same order. */
    static boolean same(SystemAsset.Inventory list, List<SystemAsset.Input> in) {
        if (list.assets().size() != in.size()) {
            return false;
        }
        for (int i = 0; i < in.size(); i++) {
            SystemAsset a = list.assets().get(i);
            SystemAsset.Input x = in.get(i);
            if (!a.type().name().equals(x.type())
                    || !a.importance().name().equals(x.importance())
                    || !Objects.equals(a.name(), stripped(x.name()))
                    || !Objects.equals(a.version(), stripped(x.version()))
                    || !Objects.equals(a.note(), stripped(x.note()))) {
                return false;
            }
        }
        return true;
    }
}
