package org.yunjian.workbench.internal;

import static org.yunjian.shared.FieldValues.nullIfBlank;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Records;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.workbench.internal.Workbooks.Problem;

/**
 * Reads an uploaded item table of either format and language into {@link Line}s, collecting every problem of the
 * file's structure and cells (sheet, row as Excel numbers it, column letter) instead of stopping at the first.
 * Whether a row's values obey the verdict rules is checked afterwards against the items ({@code Workbooks}).
 *
 * <p>The upload is a zip of XML: its size is capped before it is opened ({@link Workbooks#MAX_BYTES}), POI's
 * zip-bomb guards stay on (expansion ratio at POI's default, each entry at most {@link #MAX_ENTRY_BYTES}), and
 * POI's XML parsers refuse document type declarations, so no external entity is ever resolved.
 */
final class WorkbookReader {

    static final int MAX_ROWS = 5000;
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private WorkbookReader() {}

    /**
     * What the workbook says about one item; a value the row holds but that cannot be read is null with its
     * {@code …Unreadable} flag set (the cell's problem is already listed).
     */
    record Line(
            int row,
            UUID itemId,
            Verdict verdict,
            boolean verdictUnreadable,
            String reason,
            RiskLevel risk,
            boolean riskUnreadable,
            String riskReason,
            String observations,
            Instant version,
            boolean hasFinding,
            String finding,
            String recommendation,
            boolean hasNoEvidenceReason,
            String noEvidenceReason) {

        /**
         * A 无证据说明 beside a verdict that keeps none (only a 不符合 / 部分符合 does): applied, it would be dropped
         * without a word, so the import refuses it.
         */
        boolean strayNoEvidenceReason() {
            return noEvidenceReason != null && !verdictUnreadable && (verdict == null || !verdict.isFinding());
        }

        /**
         * The row's verdict over what {@code current} holds where the workbook's format has no such columns: its
         * finding and recommendation (versions 1 and 2), its no-evidence reason (versions 1 to 3).
         */
        AssessmentService.VerdictInput input(Records.TestItem current) {
            return new AssessmentService.VerdictInput(
                    verdict,
                    reason,
                    risk,
                    riskReason,
                    hasNoEvidenceReason ? noEvidenceReason : current.noEvidenceReason(),
                    hasFinding ? finding : current.finding(),
                    hasFinding ? recommendation : current.recommendation());
        }
    }

    /**
     * The rows read, the items sheet's name as the file spells it, its format, and the problems found; the sheet
     * 测评对象 as read, or null when the workbook has none.
     */
    record Parsed(
            String sheet, WorkbookFormat format, List<Line> lines, List<Problem> problems, WorkbookAssets.Read assets) {

        Parsed(String sheet, WorkbookFormat format, List<Line> lines, List<Problem> problems) {
            this(sheet, format, lines, problems, null);
        }
    }

    static Parsed read(UUID assessmentId, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        String itemsSheet = WorkbookFormat.sheetName(Texts.locale());
        Workbook wb;
        try {
            wb = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            problems.add(Problem.ofFile(Texts.get("workbook.error.notXlsx")));
            return new Parsed(itemsSheet, null, lines, problems);
        }
        WorkbookFormat format = null;
        WorkbookAssets.Read assets = null;
        try (wb) {
            DataFormatter fmt = new DataFormatter();
            Sheet meta = wb.getSheet(Workbooks.META_SHEET);
            if (meta == null) {
                problems.add(Problem.ofSheet(Workbooks.META_SHEET, Texts.get("workbook.error.noMeta")));
                return new Parsed(itemsSheet, null, lines, problems);
            }
            Optional<WorkbookFormat> known = WorkbookFormat.of(text(fmt, meta, 0, 1));
            if (known.isEmpty()) {
                problems.add(Problem.ofCell(
                        Workbooks.META_SHEET, 1, "B", Texts.get("workbook.error.format", WorkbookFormat.CURRENT.id)));
                return new Parsed(itemsSheet, null, lines, problems);
            }
            format = known.get();
            if (!assessmentId.toString().equals(text(fmt, meta, 1, 1))) {
                problems.add(Problem.ofCell(Workbooks.META_SHEET, 2, "B", Texts.get("workbook.error.foreign")));
                return new Parsed(itemsSheet, format, lines, problems);
            }
            Locale lang = wb.getSheet(WorkbookFormat.sheetName(Texts.CHINESE)) != null ? Texts.CHINESE : Texts.ENGLISH;
            Sheet sheet = wb.getSheet(WorkbookFormat.sheetName(lang));
            if (sheet == null) {
                problems.add(Problem.ofSheet(itemsSheet, Texts.get("workbook.error.noItems", itemsSheet)));
                return new Parsed(itemsSheet, format, lines, problems);
            }
            itemsSheet = sheet.getSheetName();
            List<String> header = format.header(lang);
            for (int c = 0; c < header.size(); c++) {
                if (!header.get(c).equals(text(fmt, sheet, 0, c))) {
                    problems.add(
                            Problem.ofCell(itemsSheet, 1, col(c), Texts.get("workbook.error.header", header.get(c))));
                }
            }
            if (!problems.isEmpty()) {
                return new Parsed(itemsSheet, format, lines, problems);
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                problems.add(Problem.ofRow(
                        itemsSheet, sheet.getLastRowNum() + 1, Texts.get("workbook.error.tooManyRows", MAX_ROWS)));
                return new Parsed(itemsSheet, format, lines, problems);
            }
            Set<UUID> seen = new HashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && !blank(fmt, row)) {
                    lines.add(line(fmt, sheet, format, r, itemsSheet, seen, problems));
                }
            }
            assets = WorkbookAssets.read(wb, fmt, problems);
        } catch (IOException e) {
            problems.add(Problem.ofFile(Texts.get("workbook.error.notXlsx")));
        }
        return new Parsed(itemsSheet, format, lines, problems, assets);
    }

    private static Line line(
            DataFormatter fmt,
            Sheet sheet,
            WorkbookFormat f,
            int r,
            String itemsSheet,
            Set<UUID> seen,
            List<Problem> problems) {
        int excelRow = r + 1;
        UUID id = null;
        String idText = text(fmt, sheet, r, f.index("id"));
        try {
            id = UUID.fromString(idText);
            if (!seen.add(id)) {
                problems.add(Problem.ofCell(itemsSheet, excelRow, f.letter("id"), Texts.get("workbook.error.twice")));
            }
        } catch (IllegalArgumentException e) {
            problems.add(Problem.ofCell(
                    itemsSheet,
                    excelRow,
                    f.letter("id"),
                    idText.isEmpty() ? Texts.get("workbook.error.noId") : Texts.get("workbook.error.notAnId")));
        }
        String v = text(fmt, sheet, r, f.index("verdict"));
        Verdict verdict = v.isEmpty() ? null : parse(Verdict.values(), v);
        if (!v.isEmpty() && verdict == null) {
            problems.add(Problem.ofCell(
                    itemsSheet,
                    excelRow,
                    f.letter("verdict"),
                    Texts.get("workbook.error.verdict", v, choices(Verdict.values()))));
        }
        String k = text(fmt, sheet, r, f.index("risk"));
        RiskLevel risk = k.isEmpty() ? null : parse(RiskLevel.values(), k);
        if (!k.isEmpty() && risk == null) {
            problems.add(Problem.ofCell(
                    itemsSheet,
                    excelRow,
                    f.letter("risk"),
                    Texts.get("workbook.error.risk", k, choices(RiskLevel.values()))));
        }
        Instant version = null;
        try {
            version = Instant.parse(text(fmt, sheet, r, f.index("version")));
        } catch (DateTimeParseException e) {
            problems.add(
                    Problem.ofCell(itemsSheet, excelRow, f.letter("version"), Texts.get("workbook.error.version")));
        }
        return new Line(
                excelRow,
                id,
                verdict,
                !v.isEmpty() && verdict == null,
                nullIfBlank(text(fmt, sheet, r, f.index("reason"))),
                risk,
                !k.isEmpty() && risk == null,
                nullIfBlank(text(fmt, sheet, r, f.index("riskReason"))),
                nullIfBlank(text(fmt, sheet, r, f.index("observations"))),
                version,
                f.has("finding"),
                f.has("finding") ? nullIfBlank(text(fmt, sheet, r, f.index("finding"))) : null,
                f.has("recommendation") ? nullIfBlank(text(fmt, sheet, r, f.index("recommendation"))) : null,
                f.has("noEvidenceReason"),
                f.has("noEvidenceReason") ? nullIfBlank(text(fmt, sheet, r, f.index("noEvidenceReason"))) : null);
    }

    private static boolean blank(DataFormatter fmt, Row row) {
        for (Cell c : row) {
            if (c.getCellType() != CellType.BLANK && !fmt.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(DataFormatter fmt, Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null ? "" : fmt.formatCellValue(cell).strip();
    }

    static String col(int index) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(index);
    }

    /** A constant by its code or its display name in either language (what an edited cell may hold). */
    static <E extends Enum<E>> E parse(E[] values, String s) {
        for (E v : values) {
            if (v.name().equalsIgnoreCase(s)
                    || Msg.of(v).text(Texts.CHINESE).equals(s)
                    || Msg.of(v).text(Texts.ENGLISH).equalsIgnoreCase(s)) {
                return v;
            }
        }
        return null;
    }

    private static String choices(Enum<?>[] values) {
        return String.join(
                " / ", Arrays.stream(values).map(v -> Msg.of(v).text()).toList());
    }
}
