package org.yunjian.assessment.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.assessment.internal.Records.TestItem;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;
import org.yunjian.shared.Texts;

/**
 * The item table as an XLSX workbook assessors fill offline. Sheet {@code 测评项} has one row per test item;
 * sheet {@code meta} names the assessment and the format. Each row carries the item's version (its last
 * change) as exported. On import a row whose values differ from the platform's is applied only if the item
 * has not changed since the export; otherwise it is reported as a conflict and nothing is overwritten. A
 * workbook that is malformed or belongs to another assessment is rejected whole, each problem named by
 * sheet, row and column.
 */
@Service
public class Workbooks {

    public static final String META_SHEET = "meta";
    static final String FORMAT = "yunjian-assessment-items/1";
    /** Column names ({@code workbook.header.<key>}); the workbook is written in the reader's language, read in either. */
    static final List<String> HEADER_KEYS = List.of("id", "requirement", "side", "layer", "controlPoint", "verdict",
            "reason", "risk", "riskReason", "observations", "version");
    static final int ID = 0, REQ = 1, SIDE = 2, VERDICT = 5, REASON = 6, RISK = 7, RISK_REASON = 8, OBS = 9, VERSION = 10;
    static final int MAX_ROWS = 5000;
    /** Largest workbook accepted: a full item table is a few hundred KiB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    static {
        // zip-bomb guards for uploaded workbooks (POI's ratio check stays on at its default)
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    private final AssessmentService service;
    private final AssessmentRepository repo;
    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;
    private final ItemLabels labels;

    Workbooks(AssessmentService service, AssessmentRepository repo, ApplicationEventPublisher events,
              PlatformTransactionManager transactionManager, ItemLabels labels) {
        this.labels = labels;
        this.service = service;
        this.repo = repo;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A problem in the workbook, located. */
    public record Problem(String sheet, int row, String column, String message) {
        @Override
        public String toString() {
            return sheet + "!" + column + row + ": " + message;
        }
    }

    /** A row changed offline whose item also changed on the platform since the export. */
    public record Conflict(int row, UUID itemId, String requirementId, ItemSide side, Verdict platformVerdict,
                           Verdict workbookVerdict) {
    }

    public record ImportReport(int applied, int unchanged, List<Conflict> conflicts) {
    }

    /** The workbook could not be read as this assessment's item table. */
    public static class WorkbookRejected extends RuntimeException {
        private final List<Problem> problems;

        WorkbookRejected(List<Problem> problems) {
            super("workbook-rejected " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    @Transactional(readOnly = true)
    public byte[] export(UUID assessmentId) {
        var access = service.access(assessmentId);
        List<TestItem> items = repo.items(assessmentId);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Locale lang = Texts.locale();
            Sheet sheet = wb.createSheet(sheetName(lang));
            Row header = sheet.createRow(0);
            List<String> names = header(lang);
            for (int c = 0; c < names.size(); c++) {
                header.createCell(c).setCellValue(names.get(c));
            }
            int r = 1;
            for (TestItem i : items) {
                Row row = sheet.createRow(r++);
                set(row, ID, i.id().toString());
                set(row, REQ, i.requirementId());
                set(row, SIDE, Msg.of(i.side()).text(lang));
                set(row, 3, labels.layer(i));
                set(row, 4, labels.controlPoint(i));
                set(row, VERDICT, i.verdict() == null ? null : Msg.of(i.verdict()).text(lang));
                set(row, REASON, i.verdictReason());
                set(row, RISK, i.riskLevel() == null ? null : Msg.of(i.riskLevel()).text(lang));
                set(row, RISK_REASON, i.riskReason());
                set(row, OBS, i.observations());
                set(row, VERSION, i.updatedAt().toString());
            }
            sheet.createFreezePane(0, 1);
            Sheet meta = wb.createSheet(META_SHEET);
            meta.createRow(0).createCell(0).setCellValue("format");
            meta.getRow(0).createCell(1).setCellValue(FORMAT);
            meta.createRow(1).createCell(0).setCellValue("assessment");
            meta.getRow(1).createCell(1).setCellValue(assessmentId.toString());
            meta.createRow(2).createCell(0).setCellValue("name");
            meta.getRow(2).createCell(1).setCellValue(Text.safe(access.assessment().name()));
            wb.write(out);
            events.publishEvent(AuditableEvent.success("assessment.workbook.export", "assessment", assessmentId,
                    Msg.of("assessment.audit.workbookExport", items.size())));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code attachment; filename="assessment-items-YJ-2026-000123.xlsx"; filename*=UTF-8''…} — the download name
     * {@code 测评表-<system>-YJ-2026-000123.xlsx} in the reader's language, with an ASCII fallback.
     */
    @Transactional(readOnly = true)
    public String contentDisposition(UUID assessmentId) {
        var access = service.access(assessmentId);
        return DownloadName.of("workbook.fileName", "assessment-items", access.system().name(),
                access.assessment().reportNumber(), null, "xlsx").contentDisposition();
    }

    private static void set(Row row, int col, String value) {
        if (value != null) {
            row.createCell(col).setCellValue(Text.safe(value)); // a stored control character must not break the file
        }
    }

    /** A parsed row: what the workbook says about one item. */
    record Line(int row, UUID itemId, Verdict verdict, String reason, RiskLevel risk, String riskReason,
                String observations, Instant version) {
    }

    /**
     * Parses and checks the whole workbook first, with no transaction open and no lock taken (a large file
     * takes seconds to read); only then applies the rows in one short transaction under the assessment's
     * row lock, so concurrent writers wait for the updates, not for the parsing.
     */
    public ImportReport importWorkbook(UUID assessmentId, byte[] bytes) {
        var access = service.access(assessmentId);
        access.requireAssessor();
        if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new WorkbookRejected(List.of(new Problem("-", 0, "-",
                    Texts.get("workbook.error.size", Formats.size(MAX_BYTES)))));
        }
        List<Problem> parseProblems = new ArrayList<>();
        List<Line> lines = parse(assessmentId, bytes, parseProblems);
        if (!parseProblems.isEmpty()) {
            throw new WorkbookRejected(parseProblems);
        }
        return transactions.execute(status -> apply(assessmentId, lines));
    }

    private ImportReport apply(UUID assessmentId, List<Line> lines) {
        service.requireOpen(assessmentId);
        List<Problem> problems = new ArrayList<>();
        Map<UUID, TestItem> items = new HashMap<>();
        repo.items(assessmentId).forEach(i -> items.put(i.id(), i));
        int applied = 0;
        int unchanged = 0;
        List<Conflict> conflicts = new ArrayList<>();
        for (Line l : lines) {
            TestItem current = items.get(l.itemId());
            if (current == null) {
                problems.add(new Problem(sheetName(Texts.locale()), l.row(), col(ID), Texts.get("workbook.error.noSuchItem")));
                continue;
            }
            boolean verdictSame = current.verdict() == l.verdict() && Objects.equals(current.verdictReason(), l.reason())
                    && Objects.equals(current.riskLevel(), l.verdict() != null && l.verdict().isFinding() ? l.risk() : null)
                    && Objects.equals(current.riskReason(),
                    l.verdict() != null && l.verdict().isFinding() ? l.riskReason() : null);
            boolean observationsSame = Objects.equals(current.observations(), l.observations());
            if (verdictSame && observationsSame) {
                unchanged++;
                continue;
            }
            if (!current.updatedAt().equals(l.version())) {
                conflicts.add(new Conflict(l.row(), current.id(), current.requirementId(), current.side(),
                        current.verdict(), l.verdict()));
                continue;
            }
            try {
                if (!verdictSame) {
                    if (l.verdict() == null) {
                        problems.add(new Problem(sheetName(Texts.locale()), l.row(), col(VERDICT), Texts.get("workbook.error.removeVerdict")));
                        continue;
                    }
                    service.recordVerdict(l.itemId(), new AssessmentService.VerdictInput(l.verdict(), l.reason(),
                            l.risk(), l.riskReason()));
                }
                if (!observationsSame) {
                    service.recordObservations(l.itemId(), l.observations());
                }
                applied++;
            } catch (ValidationException e) {
                e.errors().forEach((field, message) -> problems.add(new Problem(sheetName(Texts.locale()), l.row(),
                        col(switch (field) {
                            case "reason" -> REASON;
                            case "riskLevel" -> RISK;
                            case "riskReason" -> RISK_REASON;
                            case "observations" -> OBS;
                            default -> VERDICT;
                        }), message)));
            } catch (org.yunjian.shared.ConflictException e) {
                if (!"item-inherited".equals(e.code())) {
                    throw e;
                }
                // an inherited item's verdict comes from its source: a problem of this row, the rest still checked
                problems.add(new Problem(sheetName(Texts.locale()), l.row(), col(VERDICT), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems);
        }
        events.publishEvent(AuditableEvent.success("assessment.workbook.import", "assessment", assessmentId,
                Msg.of("assessment.audit.workbookImport", applied, unchanged, conflicts.size())));
        return new ImportReport(applied, unchanged, conflicts);
    }

    static String col(int index) {
        return CellReference.convertNumToColString(index);
    }

    List<Line> parse(UUID assessmentId, byte[] bytes, List<Problem> problems) {
        List<Line> lines = new ArrayList<>();
        Workbook wb;
        try {
            wb = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem("-", 0, "-", Texts.get("workbook.error.notXlsx")));
            return lines;
        }
        try (wb) {
            DataFormatter fmt = new DataFormatter();
            Sheet meta = wb.getSheet(META_SHEET);
            if (meta == null) {
                problems.add(new Problem(META_SHEET, 0, "-", Texts.get("workbook.error.noMeta")));
                return lines;
            }
            if (!FORMAT.equals(text(fmt, meta, 0, 1))) {
                problems.add(new Problem(META_SHEET, 1, "B", Texts.get("workbook.error.format", FORMAT)));
            }
            if (!assessmentId.toString().equals(text(fmt, meta, 1, 1))) {
                problems.add(new Problem(META_SHEET, 2, "B", Texts.get("workbook.error.foreign")));
                return lines;
            }
            Locale lang = wb.getSheet(sheetName(Texts.CHINESE)) != null ? Texts.CHINESE : Texts.ENGLISH;
            String itemsSheet = sheetName(lang);
            Sheet sheet = wb.getSheet(itemsSheet);
            if (sheet == null) {
                problems.add(new Problem(sheetName(Texts.locale()), 0, "-", Texts.get("workbook.error.noItems")));
                return lines;
            }
            List<String> header = header(lang);
            for (int c = 0; c < header.size(); c++) {
                if (!header.get(c).equals(text(fmt, sheet, 0, c))) {
                    problems.add(new Problem(itemsSheet, 1, col(c), Texts.get("workbook.error.header", header.get(c))));
                }
            }
            if (!problems.isEmpty()) {
                return lines;
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                problems.add(new Problem(itemsSheet, sheet.getLastRowNum() + 1, "-",
                        Texts.get("workbook.error.tooManyRows", MAX_ROWS)));
                return lines;
            }
            Set<UUID> seen = new HashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(fmt, row)) {
                    continue;
                }
                int excelRow = r + 1;
                UUID id = null;
                try {
                    id = UUID.fromString(text(fmt, sheet, r, ID));
                    if (!seen.add(id)) {
                        problems.add(new Problem(itemsSheet, excelRow, col(ID), Texts.get("workbook.error.twice")));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(itemsSheet, excelRow, col(ID), Texts.get("workbook.error.notAnId")));
                }
                Verdict verdict = null;
                String v = text(fmt, sheet, r, VERDICT);
                if (!v.isEmpty()) {
                    verdict = verdict(v);
                    if (verdict == null) {
                        problems.add(new Problem(itemsSheet, excelRow, col(VERDICT),
                                Texts.get("workbook.error.verdict", v, choices(Verdict.values()))));
                    }
                }
                RiskLevel risk = null;
                String k = text(fmt, sheet, r, RISK);
                if (!k.isEmpty()) {
                    risk = risk(k);
                    if (risk == null) {
                        problems.add(new Problem(itemsSheet, excelRow, col(RISK),
                                Texts.get("workbook.error.risk", k, choices(RiskLevel.values()))));
                    }
                }
                Instant version = null;
                try {
                    version = Instant.parse(text(fmt, sheet, r, VERSION));
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(itemsSheet, excelRow, col(VERSION), Texts.get("workbook.error.version")));
                }
                lines.add(new Line(excelRow, id, verdict, emptyToNull(text(fmt, sheet, r, REASON)), risk,
                        emptyToNull(text(fmt, sheet, r, RISK_REASON)), emptyToNull(text(fmt, sheet, r, OBS)), version));
            }
        } catch (IOException e) {
            problems.add(new Problem("-", 0, "-", Texts.get("workbook.error.notXlsx")));
        }
        return lines;
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

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Verdict verdict(String s) {
        return parse(Verdict.values(), s);
    }

    static RiskLevel risk(String s) {
        return parse(RiskLevel.values(), s);
    }

    /** A constant by its code or its display name in either language (what an edited cell may hold). */
    private static <E extends Enum<E>> E parse(E[] values, String s) {
        for (E v : values) {
            if (v.name().equalsIgnoreCase(s) || Msg.of(v).text(Texts.CHINESE).equals(s)
                    || Msg.of(v).text(Texts.ENGLISH).equalsIgnoreCase(s)) {
                return v;
            }
        }
        return null;
    }

    private static String choices(Enum<?>[] values) {
        return String.join(" / ", Arrays.stream(values).map(v -> Msg.of(v).text()).toList());
    }

    static String sheetName(Locale lang) {
        return Msg.of("workbook.sheet").text(lang);
    }

    static List<String> header(Locale lang) {
        return HEADER_KEYS.stream().map(k -> Msg.of("workbook.header." + k).text(lang)).toList();
    }
}
