package org.yunjian.workbench.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentService.ItemDetail;
import org.yunjian.assessment.AssessmentService.VerdictInput;
import org.yunjian.assessment.Assessments;
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.Records;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.catalog.Requirement;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The assessor's workbench: the item list with requirement texts and progress, previous / next within a filter,
 * the one form of an item, and table mode's batch of verdicts — each row through the same rule as a single verdict
 * ({@link AssessmentService#checkVerdict}).
 */
@Service
@Transactional
public class Workbench {

    /** Characters of a requirement text shown in a list before it is cut (the full text stays available). */
    public static final int SHORT_TEXT = 60;

    private final AssessmentService service;
    private final AssessmentReads repo;
    private final Assessments aggregates;
    private final WorkbenchRepository reads;
    private final AssessmentReads inherited;
    private final ItemLabels labels;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    Workbench(
            AssessmentService service,
            AssessmentReads repo,
            Assessments aggregates,
            WorkbenchRepository reads,
            AssessmentReads inherited,
            ItemLabels labels,
            ApplicationEventPublisher events,
            java.time.Clock clock) {
        this.service = service;
        this.repo = repo;
        this.aggregates = aggregates;
        this.reads = reads;
        this.inherited = inherited;
        this.labels = labels;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One row of the list: the item, its number (1-based position), the catalog's requirement text in the reader's
     * language (null if the catalog no longer has it) and that text cut to {@link #SHORT_TEXT}, layer and control
     * point named, the verdicts its form offers, and whether it is inherited (locked).
     */
    public record ItemRow(
            TestItem item,
            int number,
            Requirement requirement,
            String text,
            String shortText,
            String layer,
            String controlPoint,
            List<Verdict> choices,
            boolean inherited) {
        public boolean shortened() {
            return text != null && !text.equals(shortText);
        }
    }

    /** Recorded of total items of one layer (or of the whole assessment). */
    public record Progress(String name, int recorded, int total) {
        public int percent() {
            return total == 0 ? 0 : (int) Math.round(100.0 * recorded / total);
        }
    }

    /**
     * The filtered rows, progress per layer and overall (over all items, not only the filtered ones), and the
     * filter's choices: layers and control points (stored value → name).
     */
    public record ItemList(
            List<ItemRow> rows,
            int total,
            List<Progress> byLayer,
            Progress overall,
            Map<String, String> layers,
            Map<String, String> controlPoints) {}

    /** Where an item stands within a filter: 1-based index of count, and its neighbours (null at the ends). */
    public record Position(int index, int count, UUID previous, UUID next) {}

    @Transactional(readOnly = true)
    public ItemList list(UUID assessmentId, ItemFilter filter) {
        service.access(assessmentId);
        return list(
                repo.items(assessmentId),
                inherited.inheritancesOf(assessmentId).stream()
                        .map(Records.ItemInheritance::itemId)
                        .collect(Collectors.toSet()),
                filter,
                null);
    }

    /**
     * One page of the assessment's items matching {@code filter}, in order, with their total (ADR 009): read in SQL,
     * the text searched in the number, the requirement id and — in the reader's language — the requirement text,
     * layer and control point.
     */
    @Transactional(readOnly = true)
    public Paged<TestItem> page(UUID assessmentId, ItemFilter filter, PageRequest page) {
        service.access(assessmentId);
        List<String> texts = filter.q() == null
                ? List.of()
                : reads.requirementsOf(assessmentId).stream()
                        .filter(r -> ListFilters.contains(
                                filter.q(),
                                labels.text(r[0]),
                                labels.layer(r[0], r[1]),
                                labels.controlPoint(r[0], r[2])))
                        .map(r -> r[0])
                        .distinct()
                        .toList();
        return reads.items(assessmentId, filter, texts, page);
    }

    /** The list; {@code keep} (an item id, or null) is listed even if the filter no longer matches it. */
    private ItemList list(List<TestItem> items, Set<UUID> inheritedIds, ItemFilter filter, UUID keep) {
        // names are computed once per requirement and per stored layer / control point, not per item
        Map<String, Requirement> requirements = new HashMap<>();
        Map<String, String> layers = new LinkedHashMap<>();
        Map<String, String> points = new LinkedHashMap<>();
        Map<String, int[]> perLayer = new LinkedHashMap<>();
        List<ItemRow> rows = new ArrayList<>();
        int recorded = 0;
        for (TestItem i : items) {
            Requirement r = requirements.computeIfAbsent(
                    i.requirementId(), id -> labels.requirement(id).orElse(null));
            String layer = layers.computeIfAbsent(i.layer(), k -> labels.layer(i));
            String point = points.computeIfAbsent(i.controlPoint(), k -> labels.controlPoint(i));
            int[] p = perLayer.computeIfAbsent(i.layer(), k -> new int[2]);
            p[1]++;
            if (i.verdict() != null) {
                p[0]++;
                recorded++;
            }
            String text = labels.text(r);
            int number = i.position() + 1;
            if (i.id().equals(keep) || filter.matches(i, String.valueOf(number), text, layer, point)) {
                rows.add(new ItemRow(
                        i,
                        number,
                        r,
                        text,
                        shorten(text),
                        layer,
                        point,
                        Verdict.offeredFor(r),
                        inheritedIds.contains(i.id())));
            }
        }
        List<Progress> byLayer = new ArrayList<>();
        perLayer.forEach((k, v) -> byLayer.add(new Progress(layers.get(k), v[0], v[1])));
        return new ItemList(rows, items.size(), byLayer, new Progress(null, recorded, items.size()), layers, points);
    }

    static String shorten(String text) {
        return org.yunjian.shared.Text.shorten(text, SHORT_TEXT);
    }

    /**
     * The item's place within {@code filter}; an item the filter no longer matches (just recorded, while the list
     * shows the unrecorded) keeps its place, so "next" goes on from it.
     */
    @Transactional(readOnly = true)
    public Position position(TestItem item, ItemFilter filter) {
        List<ItemRow> rows = list(repo.items(item.assessmentId()), Set.of(), filter, item.id())
                .rows();
        for (int k = 0; k < rows.size(); k++) {
            if (rows.get(k).item().id().equals(item.id())) {
                return new Position(
                        k + 1,
                        rows.size(),
                        k == 0 ? null : rows.get(k - 1).item().id(),
                        k == rows.size() - 1 ? null : rows.get(k + 1).item().id());
            }
        }
        return null;
    }

    /** What the one form of an item saved. */
    public record Saved(boolean verdict, boolean observations) {
        public boolean any() {
            return verdict || observations;
        }
    }

    /**
     * The item's one form: verdict, reason, risk level and reason, observations — checked together (all problems
     * at once, nothing stored if any) and stored only where they changed. An inherited item's verdict is locked, so
     * its verdict fields are ignored. The form names the item's {@code version} it was opened on: a change over a
     * newer version is a stale-version conflict (409), a form naming none is refused (428).
     */
    public Saved saveItem(UUID itemId, ExpectedVersion version, VerdictInput in, String observations) {
        ItemDetail d = service.openItemForAssessor(itemId);
        boolean locked = inherited.inheritance(itemId).isPresent();
        boolean verdictChanged = !locked && !AssessmentService.unchanged(d.item(), in);
        FieldErrors errors = new FieldErrors();
        if (verdictChanged) {
            service.checkVerdict(d.item(), d.requirement(), in).messages().forEach(errors::add);
        }
        service.tooLong(errors, "observations", observations, 20000);
        boolean observationsChanged = observations != null
                && !Objects.equals(FieldValues.stripped(observations), d.item().observations());
        errors.throwIfAny();
        long expected = version.value();
        if (verdictChanged) {
            service.applyVerdict(
                    d.access(), d.item(), expected++, in, !d.history().isEmpty(), d.remediations());
        }
        if (observationsChanged) {
            aggregates.replaceObservations(itemId, FieldValues.stripped(observations), expected);
            events.publishEvent(
                    AuditableEvent.success("assessment.observations", "assessment-item", itemId, (String) null));
        }
        return new Saved(verdictChanged, observationsChanged);
    }

    /** One row of table mode or of the REST batch; {@code version}: the item's version the row was read at. */
    /**
     * One row of table mode or of the REST batch; {@code version}: the item's version the row was read at;
     * {@code finding} and {@code recommendation} null: the row does not carry them and the stored ones stay.
     */
    public record BatchRow(
            UUID itemId,
            Verdict verdict,
            String reason,
            RiskLevel riskLevel,
            String riskReason,
            String finding,
            String recommendation,
            String observations,
            String noEvidenceReason,
            Long version) {

        public BatchRow(
                UUID itemId, Verdict verdict, String reason, RiskLevel riskLevel, String riskReason, Long version) {
            this(itemId, verdict, reason, riskLevel, riskReason, null, null, null, null, version);
        }

        /** A row without 现场记录 and 无证据说明 (kept as stored). */
        public BatchRow(
                UUID itemId,
                Verdict verdict,
                String reason,
                RiskLevel riskLevel,
                String riskReason,
                String finding,
                String recommendation,
                Long version) {
            this(itemId, verdict, reason, riskLevel, riskReason, finding, recommendation, null, null, version);
        }

        /** Whether the row's 现场记录 differs from what {@code item} holds (null: the row leaves it as stored). */
        boolean changesObservations(TestItem item) {
            if (observations == null) {
                return false;
            }
            String typed = observations.isBlank() ? null : observations.strip();
            return !Objects.equals(
                    typed,
                    item.observations() == null ? null : item.observations().strip());
        }

        /** The row's verdict over what {@code item} holds: the no-evidence reason, and texts the row leaves out. */
        VerdictInput input(TestItem item) {
            VerdictInput kept = new VerdictInput(verdict, reason, riskLevel, riskReason).keepingTextsOf(item);
            return new VerdictInput(
                    verdict,
                    reason,
                    riskLevel,
                    riskReason,
                    noEvidenceReason == null ? kept.noEvidenceReason() : noEvidenceReason,
                    finding == null ? kept.finding() : finding,
                    recommendation == null ? kept.recommendation() : recommendation);
        }
    }

    public enum Outcome {
        SAVED,
        UNCHANGED,
        REFUSED
    }

    /**
     * A row's outcome; {@code errors} maps field → problem in the reader's language (empty unless refused);
     * {@code version}: the item's stored version after the row ({@code null} for an unknown item).
     */
    public record RowResult(UUID itemId, int number, Outcome outcome, Map<String, String> errors, Long version) {}

    public record BatchResult(List<RowResult> rows) {
        public long count(Outcome o) {
            return rows.stream().filter(r -> r.outcome() == o).count();
        }

        public Map<UUID, RowResult> byItem() {
            Map<UUID, RowResult> out = new HashMap<>();
            rows.forEach(r -> out.put(r.itemId(), r));
            return out;
        }
    }

    /**
     * Applies many verdicts of one open assessment at once: each row is checked by the single verdict's rule; the rows
     * that pass are stored (with history, remediation task and audit event, as a single verdict), the others are
     * reported with their problems and left as they were; rows equal to what is stored are not recorded again.
     * Each row names the item's version it was read at: a row over a newer version is refused (its input kept,
     * the message naming when the item changed), a batch with a row naming none is refused as a whole (428).
     */
    public BatchResult applyBatch(UUID assessmentId, List<BatchRow> batch) {
        Access access = service.access(assessmentId);
        access.requireAssessor();
        service.requireOpen(assessmentId);
        List<BatchRow> rowsIn = batch == null ? List.of() : batch;
        rowsIn.stream().filter(Objects::nonNull).forEach(r -> ExpectedVersion.of(null, r.version())
                .value());
        Map<UUID, TestItem> items = new HashMap<>();
        repo.items(assessmentId).forEach(i -> items.put(i.id(), i));
        Set<UUID> locked = inherited.inheritancesOf(assessmentId).stream()
                .map(Records.ItemInheritance::itemId)
                .collect(Collectors.toSet());
        Set<UUID> withHistory = reads.itemsWithHistory(assessmentId);
        Map<UUID, List<Remediation>> tasks =
                repo.remediations(assessmentId).stream().collect(Collectors.groupingBy(Remediation::itemId));
        List<RowResult> out = new ArrayList<>();
        Set<UUID> seen = new java.util.HashSet<>();
        for (BatchRow row : rowsIn) {
            TestItem item = row == null || row.itemId() == null ? null : items.get(row.itemId());
            if (item == null) {
                out.add(new RowResult(
                        row == null ? null : row.itemId(),
                        0,
                        Outcome.REFUSED,
                        new FieldErrors()
                                .add("itemId", "workbench.error.unknownItem")
                                .asMap(),
                        null));
                continue;
            }
            int number = item.position() + 1;
            if (!seen.add(item.id())) {
                out.add(new RowResult(
                        item.id(),
                        number,
                        Outcome.REFUSED,
                        new FieldErrors()
                                .add("itemId", "workbench.error.duplicateItem")
                                .asMap(),
                        item.version()));
                continue;
            }
            VerdictInput in = row.input(item);
            boolean verdictSame = AssessmentService.unchanged(item, in);
            boolean observations = row.changesObservations(item);
            if (verdictSame && !observations) {
                out.add(new RowResult(item.id(), number, Outcome.UNCHANGED, Map.of(), item.version()));
                continue;
            }
            if (item.version() != row.version()) {
                out.add(new RowResult(
                        item.id(),
                        number,
                        Outcome.REFUSED,
                        new FieldErrors()
                                .add("version", Msg.of("workbench.error.stale", Formats.minute(item.updatedAt())))
                                .asMap(),
                        item.version()));
                continue;
            }
            if (locked.contains(item.id())) {
                out.add(new RowResult(
                        item.id(),
                        number,
                        Outcome.REFUSED,
                        new FieldErrors()
                                .add("verdict", Msg.of("assessment.inherit.error.inherited", item.requirementId()))
                                .asMap(),
                        item.version()));
                continue;
            }
            FieldErrors errors = verdictSame
                    ? new FieldErrors()
                    : service.checkVerdict(
                            item, labels.requirement(item.requirementId()).orElse(null), in);
            if (observations) {
                service.observationErrors(row.observations())
                        .asMap()
                        .forEach((f, m) -> errors.add(f, Msg.of(org.yunjian.shared.Texts.VERBATIM, m)));
            }
            if (!errors.isEmpty()) {
                out.add(new RowResult(item.id(), number, Outcome.REFUSED, errors.asMap(), item.version()));
                continue;
            }
            long version = item.version();
            if (!verdictSame) {
                service.applyVerdict(
                        access,
                        item,
                        row.version(),
                        in,
                        withHistory.contains(item.id()),
                        tasks.getOrDefault(item.id(), List.of()));
                version++;
            }
            if (observations) { // what the assessor observed, where: what a 符合 rests on without evidence
                version = service.recordObservations(item.id(), ExpectedVersion.exactly(version), row.observations())
                        .version();
            }
            out.add(new RowResult(item.id(), number, Outcome.SAVED, Map.of(), version));
        }
        return new BatchResult(out);
    }
}
