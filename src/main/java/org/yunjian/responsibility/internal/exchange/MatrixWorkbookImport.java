package org.yunjian.responsibility.internal.exchange;

import io.swagger.v3.oas.annotations.media.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.internal.EditInputs;
import org.yunjian.responsibility.internal.MatrixDocument.StoredHop;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.exchange.ChainImport.ChainEdit;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.ContentSniffing;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * Reads a responsibility workbook edited offline ({@link MatrixWorkbook}) and stores its delegation chains as one
 * new draft version. The whole file is checked first, with no transaction open: its type by content (Apache Tika,
 * never the file name), size and zip-bomb limits (POI's {@link ZipSecureFile}), that it is this system's workbook,
 * its header, and every row (known row, known organisation names, recorded agreements, contiguous hops, lengths).
 * Every problem is named by sheet, row and column; if there is any, nothing is stored. Rows changed on the platform
 * since the export are conflicts, listed and not applied ({@link ChainImport}).
 */
@Component
public class MatrixWorkbookImport {

    /** Largest workbook accepted: a full matrix is well under 200 KiB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    static final int MAX_ROWS = 5000;
    private static final Set<String> ZIP_TYPES = Set.of(
            "application/zip",
            "application/x-tika-ooxml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    static {
        // zip-bomb guards for uploaded workbooks (POI's inflate-ratio check stays on at its default)
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    private final ResponsibilityService service;
    private final MatrixImports imports;
    private final org.yunjian.catalog.Catalog catalog;

    MatrixWorkbookImport(ResponsibilityService service, MatrixImports imports, org.yunjian.catalog.Catalog catalog) {
        this.service = service;
        this.imports = imports;
        this.catalog = catalog;
    }

    /** A problem in the workbook, located as the spreadsheet shows it (row 1-based, column letter). */
    public record Problem(String sheet, int row, String column, String message) {}

    /** A row changed both in the workbook and on the platform since the export: not applied. */
    @Schema(name = "MatrixWorkbookConflict")
    public record Conflict(int row, String clause, String accountable, String platform, String workbook) {}

    /** What the import did: rows applied (in the new version, if any), rows unchanged, conflicts. */
    @Schema(name = "MatrixWorkbookImportReport")
    public record ImportReport(int applied, int unchanged, List<Conflict> conflicts, Integer version) {}

    /** The workbook was refused as a whole; nothing was stored. */
    public static class WorkbookRejected extends org.yunjian.shared.ProblemException {
        private final transient List<Problem> problems;

        WorkbookRejected(List<Problem> problems) {
            super(400, "responsibility-workbook-rejected", Msg.of("responsibility.workbook.rejected", problems.size()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }

        /** Every problem located by sheet, row and column. */
        @Override
        public java.util.Map<String, Object> problemProperties() {
            return java.util.Map.of("problems", problems);
        }
    }

    public ImportReport importWorkbook(UUID systemId, byte[] bytes) {
        MatrixView current = service.current(systemId);
        current.access().requireEditor();
        List<Problem> problems = new ArrayList<>();
        Parsed parsed = parse(systemId, current.matrix(), bytes, problems);
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems);
        }
        ChainImport.Outcome o;
        try {
            o = imports.importChains(systemId, parsed.edits());
        } catch (ChainImport.RowsRefused e) {
            throw new WorkbookRejected(e.refusals().stream()
                    .map(r -> new Problem(
                            parsed.sheet(),
                            r.sheetRow(),
                            MatrixWorkbook.col(MatrixWorkbook.FIRST_HOP),
                            r.message().text()))
                    .toList());
        }
        Map<UUID, String> names = names(o.view().matrix());
        List<Conflict> conflicts = o.conflicts().stream()
                .map(c -> conflict(c, o.view().matrix(), names))
                .toList();
        return new ImportReport(
                o.applied(),
                o.unchanged(),
                conflicts,
                o.stored() ? o.view().version().version() : null);
    }

    private Conflict conflict(ChainEdit c, ResponsibilityMatrix m, Map<UUID, String> names) {
        String clause = catalog.requirement(c.duty())
                .map(org.yunjian.catalog.ClauseLabel::text)
                .orElse(c.duty().value());
        String platform = m.row(c.duty())
                .flatMap(r -> r.assignments().stream()
                        .filter(a -> a.accountable().equals(c.accountable()))
                        .findFirst())
                .map(a -> MatrixTexts.chain(a, names))
                .orElse(Texts.get("responsibility.workbook.conflict.gone"));
        return new Conflict(
                c.sheetRow(),
                clause,
                MatrixTexts.accountable(Assignment.of(c.accountable()), names),
                platform,
                MatrixTexts.chain(c.requested(), names));
    }

    private static Map<UUID, String> names(ResponsibilityMatrix m) {
        Map<UUID, String> out = new HashMap<>();
        m.participants().forEach(p -> out.put(p.organisation(), p.name()));
        return out;
    }

    record Parsed(String sheet, List<ChainEdit> edits) {}

    Parsed parse(UUID systemId, ResponsibilityMatrix m, byte[] bytes, List<Problem> problems) {
        String sheetName = MatrixWorkbook.sheetName(Texts.locale());
        List<ChainEdit> edits = new ArrayList<>();
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
            problems.add(
                    new Problem("-", 0, "-", Texts.get("responsibility.workbook.error.size", Formats.size(MAX_BYTES))));
            return new Parsed(sheetName, edits);
        }
        String type = ContentSniffing.detect(bytes);
        if (!ZIP_TYPES.contains(type)) {
            problems.add(new Problem("-", 0, "-", Texts.get("responsibility.workbook.error.notXlsx", type)));
            return new Parsed(sheetName, edits);
        }
        XSSFWorkbook wb;
        try {
            wb = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            boolean bomb =
                    String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb");
            problems.add(new Problem(
                    "-",
                    0,
                    "-",
                    Texts.get(
                            bomb ? "responsibility.workbook.error.zipBomb" : "responsibility.workbook.error.notXlsx",
                            type)));
            return new Parsed(sheetName, edits);
        }
        try (wb) {
            return read(wb, systemId, m, problems, sheetName);
        } catch (IOException e) {
            problems.add(new Problem("-", 0, "-", Texts.get("responsibility.workbook.error.notXlsx", type)));
            return new Parsed(sheetName, edits);
        }
    }

    private Parsed read(
            XSSFWorkbook wb, UUID systemId, ResponsibilityMatrix m, List<Problem> problems, String fallbackSheet) {
        DataFormatter fmt = new DataFormatter();
        List<ChainEdit> edits = new ArrayList<>();
        Sheet meta = wb.getSheet(MatrixWorkbook.META);
        if (meta == null || !MatrixWorkbook.FORMAT.equals(text(fmt, meta, 0, 1))) {
            problems.add(new Problem(MatrixWorkbook.META, 1, "B", Texts.get("responsibility.workbook.error.format")));
            return new Parsed(fallbackSheet, edits);
        }
        if (!systemId.toString().equals(text(fmt, meta, 1, 1))) {
            problems.add(new Problem(
                    MatrixWorkbook.META,
                    2,
                    "B",
                    Texts.get("responsibility.workbook.error.foreign", text(fmt, meta, 2, 1))));
            return new Parsed(fallbackSheet, edits);
        }
        Map<String, String> fingerprints = new HashMap<>();
        for (int r = MatrixWorkbook.META_FIRST_FINGERPRINT; r <= Math.min(meta.getLastRowNum(), MAX_ROWS + 10); r++) {
            fingerprints.put(text(fmt, meta, r, 0), text(fmt, meta, r, 1));
        }
        Locale lang = wb.getSheet(MatrixWorkbook.sheetName(Texts.CHINESE)) != null ? Texts.CHINESE : Texts.ENGLISH;
        String name = MatrixWorkbook.sheetName(lang);
        Sheet sheet = wb.getSheet(name);
        if (sheet == null) {
            problems.add(new Problem(fallbackSheet, 0, "-", Texts.get("responsibility.workbook.error.noSheet")));
            return new Parsed(fallbackSheet, edits);
        }
        List<String> header = MatrixWorkbook.header(lang);
        for (int c = MatrixWorkbook.FIRST_HOP; c <= MatrixWorkbook.LAST_COLUMN; c++) {
            if (!header.get(c).equals(text(fmt, sheet, MatrixWorkbook.HEADER_ROW, c))) {
                problems.add(new Problem(
                        name,
                        MatrixWorkbook.HEADER_ROW + 1,
                        MatrixWorkbook.col(c),
                        Texts.get("responsibility.workbook.error.header", header.get(c))));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(name, edits);
        }
        if (sheet.getLastRowNum() > MAX_ROWS) {
            problems.add(new Problem(
                    name,
                    sheet.getLastRowNum() + 1,
                    "-",
                    Texts.get("responsibility.workbook.error.tooManyRows", MAX_ROWS)));
            return new Parsed(name, edits);
        }
        Rows rows = new Rows(m, name, problems);
        Set<String> seen = new HashSet<>();
        for (int r = MatrixWorkbook.FIRST_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(fmt, row)) {
                continue;
            }
            ChainEdit e = rows.edit(fmt, sheet, r, fingerprints, seen);
            if (e != null) {
                edits.add(e);
            }
        }
        return new Parsed(name, edits);
    }

    /** Reads one row at a time against the matrix's participants and agreements. */
    private static final class Rows {
        private final ResponsibilityMatrix m;
        private final String sheet;
        private final List<Problem> problems;
        private final Map<String, List<Participant>> byName = new HashMap<>();

        Rows(ResponsibilityMatrix m, String sheet, List<Problem> problems) {
            this.m = m;
            this.sheet = sheet;
            this.problems = problems;
            m.participants().forEach(p -> byName.computeIfAbsent(p.name().strip(), k -> new ArrayList<>())
                    .add(p));
        }

        private void problem(int r, int col, String key, Object... args) {
            problems.add(new Problem(sheet, r + 1, MatrixWorkbook.col(col), Texts.get(key, args)));
        }

        ChainEdit edit(DataFormatter fmt, Sheet s, int r, Map<String, String> fingerprints, Set<String> seen) {
            String key = text(fmt, s, r, MatrixWorkbook.KEY);
            int before = problems.size();
            if (!fingerprints.containsKey(key)) {
                problem(r, MatrixWorkbook.KEY, "responsibility.workbook.error.unknownRow");
                return null;
            }
            if (!seen.add(key)) {
                problem(r, MatrixWorkbook.KEY, "responsibility.workbook.error.twice");
                return null;
            }
            String[] parts = key.split("\\|", -1);
            boolean anyHop = false;
            for (int c = MatrixWorkbook.FIRST_HOP; c <= MatrixWorkbook.LAST_COLUMN; c++) {
                anyHop |= c != MatrixWorkbook.KEY && !text(fmt, s, r, c).isEmpty();
            }
            RequirementId duty;
            Accountable accountable = null;
            try {
                duty = RequirementId.of(parts[0]);
                if (parts.length == 3 && !parts[1].isEmpty()) {
                    accountable = new Accountable(UUID.fromString(parts[1]), PartyRole.valueOf(parts[2]));
                }
            } catch (IllegalArgumentException e) {
                problem(r, MatrixWorkbook.KEY, "responsibility.workbook.error.unknownRow");
                return null;
            }
            MatrixRow row = m.row(duty).orElse(null);
            if (accountable == null || row == null || !row.applicable()) {
                if (anyHop) {
                    problem(r, MatrixWorkbook.FIRST_HOP, "responsibility.workbook.error.noAccountable");
                }
                return null;
            }
            List<StoredHop> chain = new ArrayList<>();
            UUID at = accountable.organisation();
            boolean ended = false;
            for (int h = 0; h < MatrixWorkbook.HOPS; h++) {
                int c = MatrixWorkbook.FIRST_HOP + 3 * h;
                String to = text(fmt, s, r, c);
                String agreement = text(fmt, s, r, c + 1);
                String clause = text(fmt, s, r, c + 2);
                int dayAt = MatrixWorkbook.dayColumn(h);
                boolean dayGiven = !text(fmt, s, r, dayAt).isEmpty();
                if (to.isEmpty() && agreement.isEmpty() && clause.isEmpty() && !dayGiven) {
                    ended = true;
                    continue;
                }
                if (ended) {
                    problem(r, c, "responsibility.workbook.error.hopGap", h + 1);
                    continue;
                }
                UUID receiver = receiver(r, c, to);
                java.time.LocalDate day = day(fmt, s, r, dayAt);
                agreement(r, c + 1, agreement);
                line(r, c + 2, clause, EditInputs.CLAUSE_MAX);
                if (receiver != null && receiver.equals(at)) {
                    problem(r, c, "responsibility.workbook.error.chainBroken");
                    receiver = null;
                }
                if (receiver == null) {
                    ended = true;
                    continue;
                }
                chain.add(new StoredHop(
                        at, receiver, agreement.isEmpty() ? null : agreement, clause.isEmpty() ? null : clause, day));
                at = receiver;
            }
            if (problems.size() > before) {
                return null;
            }
            return new ChainEdit(r + 1, duty, accountable, chain, fingerprints.get(key));
        }

        /** A hand-over day typed as 年-月-日 text or entered as a date cell; empty: none; else a problem. */
        private java.time.LocalDate day(DataFormatter fmt, Sheet s, int r, int c) {
            Row row = s.getRow(r);
            Cell cell = row == null ? null : row.getCell(c);
            if (cell != null
                    && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                    && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate();
            }
            String text = text(fmt, s, r, c);
            if (text.isEmpty()) {
                return null;
            }
            try {
                return java.time.LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                problem(r, c, "responsibility.workbook.error.date", text);
                return null;
            }
        }

        private UUID receiver(int r, int c, String name) {
            if (name.isEmpty()) {
                problem(r, c, "responsibility.workbook.error.receiverRequired");
                return null;
            }
            List<Participant> found = byName.getOrDefault(name, List.of());
            if (found.size() != 1) {
                problem(
                        r,
                        c,
                        found.isEmpty()
                                ? "responsibility.workbook.error.unknownOrganisation"
                                : "responsibility.workbook.error.ambiguousOrganisation",
                        name);
                return null;
            }
            return found.get(0).organisation();
        }

        private void agreement(int r, int c, String name) {
            if (!name.isEmpty() && m.agreement(name).isEmpty()) {
                problem(r, c, "responsibility.workbook.error.unknownAgreement", name);
            }
        }

        private void line(int r, int c, String value, int max) {
            if (value.length() > max) {
                problem(r, c, "responsibility.workbook.error.tooLong", max);
            } else if (!Text.isAcceptable(value, Text.Kind.LINE)) {
                problem(r, c, "responsibility.workbook.error.characters");
            }
        }
    }

    private static boolean blank(DataFormatter fmt, Row row) {
        for (Cell c : row) {
            if (!fmt.formatCellValue(c).isBlank()) {
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

    static Msg describe(Problem p) {
        return Msg.of("responsibility.workbook.problem", p.sheet(), p.row(), p.column(), p.message());
    }
}
