package org.yunjian.workbench.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records.ItemInheritance;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.Verdict;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.workbench.internal.WorkbookReader.Line;

/**
 * The item table as an XLSX workbook assessors fill offline ({@link WorkbookWriter}, {@link WorkbookReader}).
 * Sheet {@code 测评项} has one row per test item; the hidden sheet {@code meta} names the assessment and the
 * format. Each row carries the item's version (its last change) as exported. On import a row whose values
 * differ from the platform's is applied only if the item has not changed since the export; otherwise it is
 * reported as a conflict and nothing is overwritten. Every row is checked — the file's structure, each cell,
 * and the verdict rules the item page applies — before anything is written: a workbook with any problem is
 * rejected whole, with every problem named by sheet, row and column.
 */
@Service
public class Workbooks {

    public static final String META_SHEET = "meta";
    /** Largest workbook accepted: a full item table is a few hundred KiB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final AssessmentService service;
    private final AssessmentReads repo;
    private final AssessmentReads inheritances;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ItemLabels labels;
    private final org.yunjian.party.Parties parties;

    Workbooks(
            AssessmentService service,
            AssessmentReads repo,
            AssessmentReads inheritances,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            ItemLabels labels,
            org.yunjian.party.Parties parties) {
        this.parties = parties;
        this.service = service;
        this.repo = repo;
        this.inheritances = inheritances;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.labels = labels;
    }

    /**
     * A problem in the workbook: {@code sheet}, {@code row} (as Excel numbers it) and {@code column} (its letter)
     * are null where the problem is not in one (a file that is not XLSX has none; a missing sheet has no row).
     */
    public record Problem(String sheet, Integer row, String column, String message) {

        static Problem ofFile(String message) {
            return new Problem(null, null, null, message);
        }

        static Problem ofSheet(String sheet, String message) {
            return new Problem(sheet, null, null, message);
        }

        static Problem ofRow(String sheet, int row, String message) {
            return new Problem(sheet, row, null, message);
        }

        static Problem ofCell(String sheet, int row, String column, String message) {
            return new Problem(sheet, row, column, message);
        }

        /** 「测评项」工作表第 7 行 F 列：… — where and what, in the reader's language. */
        public String describe() {
            if (sheet == null) {
                return Texts.get("workbook.problem.file", message);
            }
            if (row == null) {
                return Texts.get("workbook.problem.sheet", sheet, message);
            }
            return column == null
                    ? Texts.get("workbook.problem.row", sheet, row, message)
                    : Texts.get("workbook.problem.cell", sheet, row, column, message);
        }

        @Override
        public String toString() {
            return (sheet == null ? "" : sheet + "!" + (column == null ? "" : column) + (row == null ? "" : row) + ": ")
                    + message;
        }

        /** File-wide problems first, then by sheet, row and column (A … Z, AA …). */
        static final Comparator<Problem> ORDER = Comparator.comparing(
                        Problem::sheet, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(Problem::row, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
                .thenComparing(
                        p -> p.column() == null ? "" : p.column(),
                        Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    }

    /** A row changed offline whose item also changed on the platform since the export. */
    public record Conflict(
            int row,
            UUID itemId,
            String requirementId,
            ItemSide side,
            Verdict platformVerdict,
            Verdict workbookVerdict) {}

    public record ImportReport(int applied, int unchanged, List<Conflict> conflicts) {}

    /** The workbook could not be read as this assessment's item table, or a row breaks a rule: nothing applied. */
    public static class WorkbookRejected extends org.yunjian.shared.ProblemException {
        private final transient List<Problem> problems;

        WorkbookRejected(List<Problem> problems) {
            super(400, "workbook-rejected", Msg.of("workbook.rejected"));
            this.problems = problems.stream().sorted(Problem.ORDER).toList();
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

    @Transactional(readOnly = true)
    public byte[] export(UUID assessmentId) {
        var access = service.access(assessmentId);
        List<TestItem> items = repo.items(assessmentId);
        Set<UUID> inherited = inheritances.inheritancesOf(assessmentId).stream()
                .map(ItemInheritance::itemId)
                .collect(Collectors.toSet());
        byte[] xlsx = new WorkbookWriter(labels, Texts.locale())
                .withAssets(parties.assets(access.system().id()))
                .write(access.assessment(), items, inherited);
        events.publishEvent(AuditableEvent.success(
                "assessment.workbook.export",
                "assessment",
                assessmentId,
                Msg.of("assessment.audit.workbookExport", items.size())));
        return xlsx;
    }

    /**
     * {@code attachment; filename="assessment-items-YJ-2026-000123.xlsx"; filename*=UTF-8''…} — the download name
     * {@code 测评表-<system>-YJ-2026-000123.xlsx} in the reader's language, with an ASCII fallback.
     */
    @Transactional(readOnly = true)
    public String contentDisposition(UUID assessmentId) {
        var access = service.access(assessmentId);
        return DownloadName.of(
                        "workbook.fileName",
                        "assessment-items",
                        access.system().name(),
                        access.assessment().reportNumber(),
                        null,
                        "xlsx")
                .contentDisposition();
    }

    /**
     * Reads and checks the whole workbook first, with no transaction open and no lock taken (a large file takes
     * seconds to read): its structure and cells, then each changed row against the item and the verdict rules.
     * Only a workbook without problems is applied, in one short transaction under the assessment's row lock
     * where the rows are checked again, so concurrent writers wait for the updates, not for the parsing.
     */
    public ImportReport importWorkbook(UUID assessmentId, byte[] bytes) {
        var access = service.access(assessmentId);
        access.requireAssessor();
        try {
            if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
                throw new WorkbookRejected(
                        List.of(Problem.ofFile(Texts.get("workbook.error.size", Formats.size(MAX_BYTES)))));
            }
            WorkbookReader.Parsed parsed = WorkbookReader.read(assessmentId, bytes);
            List<Problem> problems = new ArrayList<>(parsed.problems());
            if (parsed.format() != null) {
                problems.addAll(plan(assessmentId, parsed).problems());
                problems.addAll(planAssets(access.system().id(), parsed.assets()));
            }
            if (!problems.isEmpty()) {
                throw new WorkbookRejected(problems);
            }
            return transactions.execute(status -> apply(assessmentId, parsed));
        } catch (WorkbookRejected e) {
            events.publishEvent(AuditableEvent.failure(
                    "assessment.workbook.import",
                    "assessment",
                    assessmentId,
                    Msg.of("workbook.audit.rejected", e.problems().size())));
            throw e;
        }
    }

    /** What importing {@code parsed} would do to the items as they are now. */
    private record Plan(List<Line> changes, int unchanged, List<Conflict> conflicts, List<Problem> problems) {}

    private Plan plan(UUID assessmentId, WorkbookReader.Parsed parsed) {
        Map<UUID, TestItem> items = new HashMap<>();
        repo.items(assessmentId).forEach(i -> items.put(i.id(), i));
        Set<UUID> inherited = inheritances.inheritancesOf(assessmentId).stream()
                .map(ItemInheritance::itemId)
                .collect(Collectors.toSet());
        WorkbookFormat f = parsed.format();
        String sheet = parsed.sheet();
        List<Line> changes = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int unchanged = 0;
        for (Line l : parsed.lines()) {
            if (l.itemId() == null) {
                continue; // its id cell is already a problem
            }
            TestItem current = items.get(l.itemId());
            if (current == null) {
                problems.add(Problem.ofCell(sheet, l.row(), f.letter("id"), Texts.get("workbook.error.noSuchItem")));
                continue;
            }
            if (l.strayNoEvidenceReason()) {
                problems.add(Problem.ofCell(
                        sheet, l.row(), f.letter("noEvidenceReason"), Texts.get("workbook.error.noEvidenceReason")));
                continue;
            }
            boolean verdictSame = !l.verdictUnreadable() && AssessmentService.unchanged(current, l.input(current));
            boolean observationsSame = Objects.equals(current.observations(), l.observations());
            if (verdictSame && observationsSame) {
                unchanged++;
                continue;
            }
            if (l.version() == null) {
                continue; // its version cell is already a problem
            }
            if (!current.updatedAt().equals(l.version())) {
                conflicts.add(new Conflict(
                        l.row(),
                        current.id(),
                        current.requirementId(),
                        current.side(),
                        current.verdict(),
                        l.verdict()));
                continue;
            }
            int before = problems.size();
            if (!verdictSame && !l.verdictUnreadable()) {
                if (l.verdict() == null) {
                    problems.add(Problem.ofCell(
                            sheet, l.row(), f.letter("verdict"), Texts.get("workbook.error.removeVerdict")));
                } else if (inherited.contains(l.itemId())) {
                    problems.add(Problem.ofCell(
                            sheet,
                            l.row(),
                            f.letter("verdict"),
                            Msg.of("assessment.inherit.error.inherited", current.requirementId())
                                    .text()));
                } else {
                    FieldErrors errors = service.verdictErrors(
                            current.requirementId(),
                            labels.requirement(current.requirementId()).orElse(null),
                            l.input(current));
                    errors.asMap().forEach((field, message) -> {
                        if (!(field.equals("riskLevel") && l.riskUnreadable())) {
                            problems.add(Problem.ofCell(sheet, l.row(), column(f, field), message));
                        }
                    });
                }
            }
            if (!observationsSame) {
                service.observationErrors(l.observations())
                        .asMap()
                        .forEach((field, message) ->
                                problems.add(Problem.ofCell(sheet, l.row(), f.letter("observations"), message)));
            }
            if (problems.size() == before) {
                changes.add(l);
            }
        }
        return new Plan(changes, unchanged, conflicts, problems);
    }

    private static String column(WorkbookFormat f, String field) {
        return f.letter(
                switch (field) {
                    case "reason" -> "reason";
                    case "riskLevel" -> "risk";
                    case "riskReason" -> "riskReason";
                    case "observations" -> "observations";
                    case "finding" -> f.has("finding") ? "finding" : "verdict";
                    case "recommendation" -> f.has("recommendation") ? "recommendation" : "verdict";
                    case "noEvidenceReason" -> f.has("noEvidenceReason") ? "noEvidenceReason" : "verdict";
                    default -> "verdict";
                });
    }

    /**
     * The problems of the sheet 测评对象 if it would change the system's list: only someone who may edit the system
     * changes it, only over the list as exported, and each value as the system page checks it. None when the sheet is
     * absent or says what the list holds.
     */
    private List<Problem> planAssets(UUID systemId, WorkbookAssets.Read sheet) {
        if (sheet == null) {
            return List.of();
        }
        var current = parties.assets(systemId);
        List<org.yunjian.party.SystemAsset.Input> in = sheet.inputs();
        if (WorkbookAssets.same(current, in)) {
            return List.of();
        }
        if (!parties.canManage(systemId)) {
            return List.of(Problem.ofSheet(sheet.sheet(), Texts.get("workbook.assets.error.notAllowed")));
        }
        if (sheet.exportedVersion() == null || sheet.exportedVersion() != current.version()) {
            return List.of(Problem.ofSheet(sheet.sheet(), Texts.get("workbook.assets.error.stale")));
        }
        List<Problem> problems = new ArrayList<>();
        java.util.regex.Pattern field = java.util.regex.Pattern.compile("assets\\[(\\d+)]\\.(\\w+)");
        parties.assetErrors(in).forEach((f, message) -> {
            java.util.regex.Matcher m = field.matcher(f);
            if (!m.matches()) {
                problems.add(Problem.ofSheet(sheet.sheet(), message));
                return;
            }
            WorkbookAssets.Line line = sheet.lines().get(Integer.parseInt(m.group(1)));
            boolean unreadable = (m.group(2).equals("type") && line.input().type() == null)
                    || (m.group(2).equals("importance") && line.input().importance() == null);
            if (!unreadable) { // an unreadable drop-down value is already a problem of its cell
                problems.add(Problem.ofCell(sheet.sheet(), line.row(), WorkbookAssets.letter(m.group(2)), message));
            }
        });
        return problems;
    }

    /** Under the assessment's lock: plans again against the items as they are now, then applies every change. */
    private ImportReport apply(UUID assessmentId, WorkbookReader.Parsed parsed) {
        service.requireOpen(assessmentId);
        Plan plan = plan(assessmentId, parsed);
        if (!plan.problems().isEmpty()) {
            throw new WorkbookRejected(plan.problems());
        }
        UUID systemId = service.access(assessmentId).system().id();
        WorkbookAssets.Read assets = parsed.assets();
        if (assets != null && !WorkbookAssets.same(parties.assets(systemId), assets.inputs())) {
            parties.replaceAssets(systemId, ExpectedVersion.exactly(assets.exportedVersion()), assets.inputs());
        }
        Map<UUID, TestItem> items = new HashMap<>();
        repo.items(assessmentId).forEach(i -> items.put(i.id(), i));
        List<Problem> problems = new ArrayList<>();
        WorkbookFormat f = parsed.format();
        for (Line l : plan.changes()) {
            TestItem current = items.get(l.itemId());
            // the import plans and applies under the assessment's lock, over the versions it has just read
            long version = current.version();
            try {
                if (l.verdict() != null && !AssessmentService.unchanged(current, l.input(current))) {
                    service.recordVerdict(l.itemId(), ExpectedVersion.exactly(version++), l.input(current));
                }
                if (!Objects.equals(current.observations(), l.observations())) {
                    service.recordObservations(l.itemId(), ExpectedVersion.exactly(version), l.observations());
                }
            } catch (ValidationException e) {
                e.errors()
                        .forEach((field, message) ->
                                problems.add(Problem.ofCell(parsed.sheet(), l.row(), column(f, field), message)));
            } catch (ConflictException e) {
                if (!"item-inherited".equals(e.code())) {
                    throw e;
                }
                problems.add(Problem.ofCell(parsed.sheet(), l.row(), f.letter("verdict"), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new WorkbookRejected(problems); // rolls back what this import wrote
        }
        events.publishEvent(AuditableEvent.success(
                "assessment.workbook.import",
                "assessment",
                assessmentId,
                Msg.of(
                        "assessment.audit.workbookImport",
                        plan.changes().size(),
                        plan.unchanged(),
                        plan.conflicts().size())));
        return new ImportReport(plan.changes().size(), plan.unchanged(), plan.conflicts());
    }
}
