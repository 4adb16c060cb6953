package org.yunjian.assessment.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.assessment.internal.Records.TestItem;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Text;

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

    public static final String ITEMS_SHEET = "测评项";
    public static final String META_SHEET = "meta";
    static final String FORMAT = "yunjian-assessment-items/1";
    static final List<String> HEADER = List.of("项ID", "要求编号", "测评对象", "安全层面", "控制点", "结论", "理由",
            "风险等级", "风险理由", "现场记录", "版本");
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

    Workbooks(AssessmentService service, AssessmentRepository repo, ApplicationEventPublisher events,
              PlatformTransactionManager transactionManager) {
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
    public record Conflict(int row, UUID itemId, String requirementId, String side, String platformVerdict,
                           String workbookVerdict) {
    }

    public record ImportReport(int applied, int unchanged, List<Conflict> conflicts) {
    }

    /** The workbook could not be read as this assessment's item table. */
    public static class WorkbookRejected extends RuntimeException {
        private final List<Problem> problems;

        WorkbookRejected(List<Problem> problems) {
            super("The workbook was rejected: " + problems);
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
            Sheet sheet = wb.createSheet(ITEMS_SHEET);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            int r = 1;
            for (TestItem i : items) {
                Row row = sheet.createRow(r++);
                set(row, ID, i.id().toString());
                set(row, REQ, i.requirementId());
                set(row, SIDE, i.side().name());
                set(row, 3, i.layer());
                set(row, 4, i.controlPoint());
                set(row, VERDICT, i.verdict() == null ? null : i.verdict().zh());
                set(row, REASON, i.verdictReason());
                set(row, RISK, i.riskLevel() == null ? null : i.riskLevel().name());
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
                    items.size() + " items"));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            throw new WorkbookRejected(List.of(new Problem("-", 0, "-", "the workbook must have 1 byte to "
                    + MAX_BYTES + " bytes")));
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
                problems.add(new Problem(ITEMS_SHEET, l.row(), col(ID), "no such test item in this assessment"));
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
                conflicts.add(new Conflict(l.row(), current.id(), current.requirementId(), current.side().name(),
                        current.verdict() == null ? null : current.verdict().zh(),
                        l.verdict() == null ? null : l.verdict().zh()));
                continue;
            }
            try {
                if (!verdictSame) {
                    if (l.verdict() == null) {
                        problems.add(new Problem(ITEMS_SHEET, l.row(), col(VERDICT), "a recorded verdict cannot be removed"));
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
                e.errors().forEach((field, message) -> problems.add(new Problem(ITEMS_SHEET, l.row(),
                        col(switch (field) {
                            case "reason" -> REASON;
                            case "riskLevel" -> RISK;
                            case "riskReason" -> RISK_REASON;
                            case "observations" -> OBS;
                            default -> VERDICT;
                        }), message)));
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems);
        }
        events.publishEvent(AuditableEvent.success("assessment.workbook.import", "assessment", assessmentId,
                applied + " applied, " + unchanged + " unchanged, " + conflicts.size() + " conflicts"));
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
            problems.add(new Problem("-", 0, "-", "not an XLSX workbook"));
            return lines;
        }
        try (wb) {
            DataFormatter fmt = new DataFormatter();
            Sheet meta = wb.getSheet(META_SHEET);
            if (meta == null) {
                problems.add(new Problem(META_SHEET, 0, "-", "sheet missing: not a workbook exported by Yunjian"));
                return lines;
            }
            if (!FORMAT.equals(text(fmt, meta, 0, 1))) {
                problems.add(new Problem(META_SHEET, 1, "B", "format must be " + FORMAT));
            }
            if (!assessmentId.toString().equals(text(fmt, meta, 1, 1))) {
                problems.add(new Problem(META_SHEET, 2, "B", "the workbook belongs to another assessment"));
                return lines;
            }
            Sheet sheet = wb.getSheet(ITEMS_SHEET);
            if (sheet == null) {
                problems.add(new Problem(ITEMS_SHEET, 0, "-", "sheet missing"));
                return lines;
            }
            for (int c = 0; c < HEADER.size(); c++) {
                if (!HEADER.get(c).equals(text(fmt, sheet, 0, c))) {
                    problems.add(new Problem(ITEMS_SHEET, 1, col(c), "header must be '" + HEADER.get(c) + "'"));
                }
            }
            if (!problems.isEmpty()) {
                return lines;
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                problems.add(new Problem(ITEMS_SHEET, sheet.getLastRowNum() + 1, "-", "more than " + MAX_ROWS + " rows"));
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
                        problems.add(new Problem(ITEMS_SHEET, excelRow, col(ID), "item listed twice"));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(ITEMS_SHEET, excelRow, col(ID), "not an item id"));
                }
                Verdict verdict = null;
                String v = text(fmt, sheet, r, VERDICT);
                if (!v.isEmpty()) {
                    verdict = verdict(v);
                    if (verdict == null) {
                        problems.add(new Problem(ITEMS_SHEET, excelRow, col(VERDICT),
                                "'" + v + "' is not one of 符合, 部分符合, 不符合, 不适用"));
                    }
                }
                RiskLevel risk = null;
                String k = text(fmt, sheet, r, RISK);
                if (!k.isEmpty()) {
                    risk = risk(k);
                    if (risk == null) {
                        problems.add(new Problem(ITEMS_SHEET, excelRow, col(RISK), "'" + k + "' is not one of 高, 中, 低"));
                    }
                }
                Instant version = null;
                try {
                    version = Instant.parse(text(fmt, sheet, r, VERSION));
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(ITEMS_SHEET, excelRow, col(VERSION), "the version must be kept as exported"));
                }
                lines.add(new Line(excelRow, id, verdict, emptyToNull(text(fmt, sheet, r, REASON)), risk,
                        emptyToNull(text(fmt, sheet, r, RISK_REASON)), emptyToNull(text(fmt, sheet, r, OBS)), version));
            }
        } catch (IOException e) {
            problems.add(new Problem("-", 0, "-", "not an XLSX workbook"));
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
        for (Verdict v : Verdict.values()) {
            if (v.zh().equals(s) || v.name().equalsIgnoreCase(s) || v.en().equalsIgnoreCase(s)) {
                return v;
            }
        }
        return null;
    }

    static RiskLevel risk(String s) {
        return switch (s.toUpperCase(java.util.Locale.ROOT)) {
            case "高", "HIGH" -> RiskLevel.HIGH;
            case "中", "MEDIUM" -> RiskLevel.MEDIUM;
            case "低", "LOW" -> RiskLevel.LOW;
            default -> null;
        };
    }
}
