package org.yunjian.inheritance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentChanges;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Assessments;
import org.yunjian.assessment.Inheritance;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.Records.ExternalConclusion;
import org.yunjian.assessment.Records.ItemInheritance;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.evidence.EvidenceService;
import org.yunjian.inheritance.internal.InheritanceRowRepository;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.vault.ContentTypes;

/**
 * Who is responsible for each test item on the assessed system, and inherited items: a cloud-platform item takes
 * its verdict from a completed 等保 assessment of the provider's own cloud platform in Yunjian, or from a recorded
 * conclusion of an assessment done elsewhere (docs/modules/assessment.md, "Inherited items"). The rules are
 * {@link Inheritance}'s; this service finds sources, copies verdicts and audits.
 */
@Service
@Transactional
public class Inheritances {

    private final AssessmentService assessments;
    private final AssessmentReads repo;
    private final AssessmentReads inherited;
    private final InheritanceRowRepository rows;
    private final Assessments aggregates;
    private final EvidenceService evidence;
    private final InheritanceSources sources;
    private final OrganizationDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final AssessmentChanges work;

    Inheritances(
            AssessmentService assessments,
            AssessmentReads repo,
            AssessmentReads inherited,
            InheritanceRowRepository rows,
            Assessments aggregates,
            EvidenceService evidence,
            InheritanceSources sources,
            OrganizationDirectory directory,
            ApplicationEventPublisher events,
            Clock clock,
            AssessmentChanges work) {
        this.work = work;
        this.directory = directory;
        this.assessments = assessments;
        this.repo = repo;
        this.inherited = inherited;
        this.rows = rows;
        this.aggregates = aggregates;
        this.evidence = evidence;
        this.sources = sources;
        this.events = events;
        this.clock = clock;
    }

    /** An organisation responsible for an item on the assessed system, by name. */
    public record Responsible(UUID id, String name) {}

    public enum SourceKind {
        YUNJIAN,
        EXTERNAL
    }

    /**
     * Something to inherit from: a completed Yunjian assessment of the provider's platform ({@code name}, its
     * report number, completion date) or a recorded conclusion (report number, assessment organisation, date,
     * verdict); {@code fresh} says whether its date is inside the validity window today.
     */
    public record Source(
            SourceKind kind,
            UUID id,
            String name,
            String reportNumber,
            String organisation,
            LocalDate date,
            Verdict verdict,
            RiskLevel riskLevel,
            UUID evidenceId,
            boolean fresh) {
        /** The source as one phrase in the reader's language, for messages and audit details. */
        public Msg label() {
            return kind == SourceKind.YUNJIAN
                    ? Msg.of("assessment.inherit.source.yunjian", name, reportNumber, Formats.date(date))
                    : Msg.of("assessment.inherit.source.external", reportNumber, organisation, Formats.date(date));
        }
    }

    /** An inherited item: the source, the source's item (Yunjian sources), who marked it and when. */
    public record Inherited(UUID itemId, Source source, UUID sourceItemId, String markedBy, Instant markedAt) {}

    /** Responsible organisations per side and the inherited items of one assessment, for lists and reports. */
    public record View(Map<ItemSide, List<Responsible>> responsible, Map<UUID, Inherited> inherited) {
        public List<Responsible> responsibleFor(TestItem item) {
            return responsible.getOrDefault(item.side(), List.of());
        }

        public Inherited inheritedOf(TestItem item) {
            return inherited.get(item.id());
        }

        public String names(TestItem item) {
            return Msg.joined(responsibleFor(item).stream()
                            .map(r -> Msg.decode(r.name()))
                            .toList())
                    .text();
        }
    }

    public record ConclusionInput(
            String reportNumber, String assessorName, LocalDate concludedOn, Verdict verdict, RiskLevel riskLevel) {}

    /** The outcome of "inherit all cloud-platform items": how many were marked and which were left as they were. */
    public record BulkResult(int inherited, List<String> skipped) {}

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.zone()));
    }

    // --- reading

    /** The view for an assessment the caller sees (404 otherwise). */
    @Transactional(readOnly = true)
    public View view(UUID assessmentId) {
        Access access = assessments.access(assessmentId);
        return view(access.assessment(), access.system());
    }

    public View view(AssessmentInfo a, CloudSystem system) {
        Map<ItemSide, List<Responsible>> responsible = new LinkedHashMap<>();
        for (ItemSide side : ItemSide.values()) {
            responsible.put(side, responsible(system, side));
        }
        Map<UUID, Source> resolved = new HashMap<>();
        Map<UUID, Inherited> out = new LinkedHashMap<>();
        for (ItemInheritance i : inherited.inheritancesOf(a.id())) {
            UUID key = i.conclusionId() != null ? i.conclusionId() : i.sourceAssessmentId();
            Source s = resolved.computeIfAbsent(key, k -> sources.resolve(k).orElse(null));
            if (s != null) {
                out.put(i.itemId(), new Inherited(i.itemId(), s, i.sourceItemId(), i.markedBy(), i.markedAt()));
            }
        }
        return new View(responsible, out);
    }

    /**
     * The side → accountable party rule: a cloud-platform item is the provider's (the customer's when the system
     * has no provider), a customer-system item the customer's, a whole-system item both.
     */
    List<Responsible> responsible(CloudSystem s, ItemSide side) {
        List<UUID> ids =
                switch (side) {
                    case CLOUD_PLATFORM -> List.of(s.providerId() != null ? s.providerId() : s.customerId());
                    case CUSTOMER_SYSTEM -> List.of(s.customerId());
                    case WHOLE_SYSTEM ->
                        s.providerId() == null ? List.of(s.customerId()) : List.of(s.customerId(), s.providerId());
                };
        return ids.stream()
                .map(id -> new Responsible(
                        id,
                        directory
                                .find(id)
                                .map(OrganizationDirectory.OrganizationRef::name)
                                .orElse("—")))
                .toList();
    }

    /** What this assessment can inherit from: Yunjian platform assessments first, then recorded conclusions. */
    @Transactional(readOnly = true)
    public List<Source> sources(UUID assessmentId) {
        return sources.all(assessments.access(assessmentId));
    }

    // --- recording a conclusion done elsewhere

    /**
     * Records the conclusion of an assessment of the provider's platform done elsewhere (assessors of an open
     * assessment). The optional PDF is stored as evidence of the assessment's first cloud-platform item, shared
     * with the provider; anything but a PDF (by content) is refused.
     */
    public Source recordConclusion(UUID assessmentId, ConclusionInput in, String fileName, byte[] pdf) {
        Access access = assessments.access(assessmentId);
        access.requireAssessor();
        assessments.requireOpen(assessmentId);
        FieldErrors errors = new FieldErrors();
        if (FieldValues.blank(in.reportNumber())) {
            errors.add("reportNumber", AssessmentService.REQUIRED);
        }
        if (FieldValues.blank(in.assessorName())) {
            errors.add("assessorName", AssessmentService.REQUIRED);
        }
        if (in.concludedOn() == null) {
            errors.add("concludedOn", AssessmentService.REQUIRED);
        } else if (in.concludedOn().isAfter(today())) {
            errors.add("concludedOn", "assessment.inherit.error.concludedFuture");
        }
        if (in.verdict() == null) {
            errors.add("verdict", AssessmentService.REQUIRED);
        } else if (in.verdict() == Verdict.NOT_APPLICABLE) {
            errors.add("verdict", "assessment.inherit.error.conclusionNa");
        } else if (in.verdict().isFinding() && in.riskLevel() == null) {
            errors.add("riskLevel", "assessment.error.verdict.riskLevel");
        }
        assessments.tooLong(errors, "reportNumber", in.reportNumber(), 100);
        assessments.tooLong(errors, "assessorName", in.assessorName(), 200);
        if (pdf != null && pdf.length > 0) {
            StringBuilder rejected = new StringBuilder();
            if (!ContentTypes.accept(pdf, rejected)
                    .filter("application/pdf"::equals)
                    .isPresent()) {
                errors.add("file", "assessment.inherit.error.notPdf");
            }
        }
        errors.throwIfAny();
        UUID evidenceId = null;
        if (pdf != null && pdf.length > 0) {
            TestItem first = repo.items(assessmentId).stream()
                    .filter(i -> Inheritance.inheritable(i.side()))
                    .findFirst()
                    .orElseThrow(() -> new ValidationException("file", "assessment.inherit.error.noPlatformItem"));
            EvidenceInfo e = evidence.upload(
                    first.id(), fileName == null ? in.reportNumber().strip() + ".pdf" : fileName, pdf, true);
            evidenceId = e.id();
        }
        ExternalConclusion c = new ExternalConclusion(
                UUID.randomUUID(),
                assessmentId,
                in.reportNumber().strip(),
                in.assessorName().strip(),
                in.concludedOn(),
                in.verdict(),
                in.verdict().isFinding() ? in.riskLevel() : null,
                evidenceId,
                access.user().username(),
                clock.instant());
        rows.insertConclusion(c);
        Source s = sources.of(c);
        events.publishEvent(AuditableEvent.success(
                "assessment.conclusion.record",
                "assessment",
                assessmentId,
                Msg.of("assessment.audit.conclusion", s.label(), Msg.of(c.verdict()))));
        return s;
    }

    // --- marking and withdrawing

    /**
     * Marks one item inherited from a source (assessors of an open assessment); 409 naming why if it cannot be.
     * {@code version}: the item's version the caller read (inheriting replaces its verdict).
     */
    public Inherited inherit(UUID itemId, ExpectedVersion version, UUID sourceId) {
        TestItem item = repo.item(itemId).orElseThrow(() -> new NotFoundException("assessment item", itemId));
        Access access = assessorOfOpen(item);
        Source source = sources.require(access, sourceId);
        Inheritance.requireInheritable(item.requirementId(), item.side());
        Inheritance.requireFresh(source.date(), today(), source.label());
        if (inherited.inheritance(itemId).isPresent()) {
            throw new ConflictException("item-inherited", "assessment.inherit.error.already", item.requirementId());
        }
        Inherited out = mark(access, item, source, sourceItems(source), version.value());
        events.publishEvent(AuditableEvent.success(
                "assessment.inherit",
                "assessment-item",
                itemId,
                Msg.of(
                        "assessment.audit.inherit",
                        item.requirementId(),
                        Msg.of(item.side()),
                        source.label(),
                        Msg.of(repo.item(itemId).orElseThrow().verdict()))));
        return out;
    }

    /**
     * "Inherit all cloud-platform items from a source": every cloud-platform item not yet inherited and without a
     * verdict of its own is marked; items the source has no verdict for are left and named. {@code version}: the
     * assessment's version the caller read (the bulk change is a change of the assessment).
     */
    public BulkResult inheritAll(UUID assessmentId, ExpectedVersion version, UUID sourceId) {
        Access access = assessments.access(assessmentId);
        access.requireAssessor();
        assessments.requireOpen(assessmentId);
        Source source = sources.require(access, sourceId);
        Inheritance.requireFresh(source.date(), today(), source.label());
        aggregates.claimVersion(assessmentId, version.value());
        Map<String, TestItem> sourceItems = sourceItems(source);
        int count = 0;
        List<String> skipped = new ArrayList<>();
        for (TestItem item : repo.items(assessmentId)) {
            if (!Inheritance.inheritable(item.side())
                    || inherited.inheritance(item.id()).isPresent()) {
                continue;
            }
            if (item.verdict() != null) {
                skipped.add(item.requirementId());
                continue;
            }
            if (sourceItems != null && !hasVerdict(sourceItems, item)) {
                skipped.add(item.requirementId());
                continue;
            }
            mark(access, item, source, sourceItems, item.version());
            count++;
        }
        events.publishEvent(AuditableEvent.success(
                "assessment.inherit.bulk",
                "assessment",
                assessmentId,
                Msg.of("assessment.audit.inheritAll", count, source.label(), skipped.size())));
        return new BulkResult(count, skipped);
    }

    /**
     * Withdraws one item's inheritance: the item gets back what it held before. {@code version}: the item's version
     * the caller read.
     */
    public TestItem withdraw(UUID itemId, ExpectedVersion version) {
        TestItem item = repo.item(itemId).orElseThrow(() -> new NotFoundException("assessment item", itemId));
        assessorOfOpen(item);
        ItemInheritance i = inherited
                .inheritance(itemId)
                .orElseThrow(() -> new ConflictException(
                        "item-not-inherited", "assessment.inherit.error.notInherited", item.requirementId()));
        unmark(i, version.value());
        events.publishEvent(AuditableEvent.success(
                "assessment.inherit.withdraw",
                "assessment-item",
                itemId,
                Msg.of("assessment.audit.withdraw", item.requirementId(), Msg.of(item.side()))));
        return repo.item(itemId).orElseThrow();
    }

    /**
     * Withdraws every inheritance of the assessment; returns how many. {@code version}: the assessment's version the
     * caller read.
     */
    public int withdrawAll(UUID assessmentId, ExpectedVersion version) {
        assessments.access(assessmentId).requireAssessor();
        assessments.requireOpen(assessmentId);
        aggregates.claimVersion(assessmentId, version.value());
        List<ItemInheritance> all = inherited.inheritancesOf(assessmentId);
        all.forEach(i -> unmark(
                i,
                repo.item(i.itemId())
                        .map(TestItem::version)
                        .orElseThrow(() -> new NotFoundException("assessment item", i.itemId()))));
        events.publishEvent(AuditableEvent.success(
                "assessment.inherit.withdraw-all",
                "assessment",
                assessmentId,
                Msg.of("assessment.audit.withdrawAll", all.size())));
        return all.size();
    }

    private Access assessorOfOpen(TestItem item) {
        Access access;
        try {
            access = assessments.access(item.assessmentId());
        } catch (NotFoundException e) {
            throw new NotFoundException("assessment item", item.id());
        }
        access.requireAssessor();
        assessments.requireOpen(item.assessmentId());
        return access;
    }

    /** A Yunjian source's cloud-platform items by requirement, or {@code null} for a recorded conclusion. */
    private Map<String, TestItem> sourceItems(Source source) {
        if (source.kind() != SourceKind.YUNJIAN) {
            return null;
        }
        return repo.items(source.id()).stream()
                .filter(i -> Inheritance.inheritable(i.side()))
                .collect(Collectors.toMap(TestItem::requirementId, i -> i, (a, b) -> a));
    }

    private static boolean hasVerdict(Map<String, TestItem> sourceItems, TestItem item) {
        TestItem s = sourceItems.get(item.requirementId());
        return s != null && s.verdict() != null;
    }

    private Inherited mark(
            Access access, TestItem item, Source source, Map<String, TestItem> sourceItems, long expected) {
        Instant now = clock.instant();
        TestItem from = null;
        if (sourceItems != null) {
            if (!hasVerdict(sourceItems, item)) {
                throw new ConflictException(
                        "source-item-missing",
                        "assessment.inherit.error.sourceItem",
                        item.requirementId(),
                        source.label());
            }
            from = sourceItems.get(item.requirementId());
        }
        // the item's version first: a concurrent writer of the same version is refused before anything is marked
        if (from != null) {
            aggregates.replaceVerdict(
                    item.id(),
                    from.verdict(),
                    from.verdictReason(),
                    from.riskLevel(),
                    from.riskReason(),
                    now,
                    expected);
        } else {
            aggregates.replaceVerdict(item.id(), source.verdict(), null, source.riskLevel(), null, now, expected);
        }
        rows.insert(new ItemInheritance(
                item.id(),
                item.assessmentId(),
                from == null ? null : source.id(),
                from == null ? null : from.id(),
                from == null ? source.id() : null,
                item.verdict(),
                item.verdictReason(),
                item.riskLevel(),
                item.riskReason(),
                access.user().username(),
                now));
        work.changed(item.assessmentId());
        return new Inherited(
                item.id(),
                source,
                from == null ? null : from.id(),
                access.user().username(),
                now);
    }

    private void unmark(ItemInheritance i, long expected) {
        aggregates.replaceVerdict(
                i.itemId(),
                i.priorVerdict(),
                i.priorReason(),
                i.priorRiskLevel(),
                i.priorRiskReason(),
                clock.instant(),
                expected);
        rows.delete(i.itemId());
        work.changed(i.assessmentId());
    }
}
