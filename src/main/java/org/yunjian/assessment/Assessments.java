package org.yunjian.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.internal.AssessmentRepository;
import org.yunjian.assessment.internal.ItemSumRepository;
import org.yunjian.assessment.internal.ReportNumberRepository;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.NotFoundException;

/**
 * The assessment as a guarded aggregate for the feature modules (review, report, …): they never write the
 * assessment's rows, they ask for a change here, and the rule is checked once, in {@link Assessment} (the shape of
 * restbucks' {@code Orders.markPaid}). The caller has checked access and input; every method runs in the caller's
 * transaction under the assessment's row lock.
 */
@Service
@Transactional
public class Assessments {

    private final AssessmentRepository repo;
    private final ItemSumRepository sums;
    private final ReportNumberRepository reportNumbers;
    private final ScoringPolicies policies;
    private final AssessmentChanges work;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assessments(
            AssessmentRepository repo,
            ItemSumRepository sums,
            ReportNumberRepository reportNumbers,
            ScoringPolicies policies,
            AssessmentChanges work,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repo = repo;
        this.sums = sums;
        this.reportNumbers = reportNumbers;
        this.policies = policies;
        this.work = work;
        this.events = events;
        this.clock = clock;
    }

    /** Locks the assessment row for the rest of the transaction and loads the aggregate (404 if there is none). */
    public Assessment lock(UUID id) {
        AssessmentStatus status = repo.lockStatus(id).orElseThrow(() -> new NotFoundException("assessment", id));
        AssessmentInfo a = repo.find(id).orElseThrow(() -> new NotFoundException("assessment", id));
        return new Assessment(id, a.systemId(), status, a.completedAt(), a.assessorKind(), a.scope());
    }

    /** Locks the row and refuses (409 {@code assessment-closed}) unless verdicts and evidence may still change. */
    public Assessment requireOpen(UUID id) {
        Assessment a = lock(id);
        a.requireOpen();
        return a;
    }

    /** Refuses (stale-version conflict) unless the assessment is still at {@code expected}; moves nothing. */
    public void requireVersion(UUID id, long expected) {
        repo.requireVersion(id, expected);
    }

    /**
     * A change of the assessment record that is not a status move (its team, the review state, the report set-up):
     * moves its version on from {@code expected} (else a stale-version conflict).
     */
    public void claimVersion(UUID id, long expected) {
        repo.claimVersion(id, expected, clock.instant());
    }

    /**
     * Moves the status as {@code actor} through the status machine of {@link Assessment#moveTo}: the aggregate checks
     * the move, the row is updated compare-and-set on the status read under the lock, the sums of a completed
     * assessment are stored, and the aggregate's events are published. Returns the status it moved from.
     */
    public AssessmentStatus moveTo(UUID id, AssessmentStatus target, AssessmentRole actor, AssessmentTeam team) {
        Assessment aggregate = lock(id);
        AssessmentStatus from = aggregate.status();
        Instant now = clock.instant();
        aggregate.moveTo(target, actor, team, now);
        if (!repo.updateStatus(id, from, aggregate.status(), now, aggregate.completedAt())) {
            throw new ConflictException("concurrent-change", "assessment.error.concurrentChange");
        }
        if (aggregate.status() == AssessmentStatus.COMPLETED) {
            sums.store(id); // the items are final now: the dashboards read these sums
        }
        work.changed(id);
        for (AssessmentEvent e : aggregate.drainEvents()) {
            events.publishEvent(e);
        }
        return from;
    }

    /**
     * Replaces the team after the caller checked it ({@link AssessmentTeam}): one row per person, so a second role
     * for one person is refused by the key.
     */
    public void replaceTeam(UUID id, List<UUID> testers, UUID reviewer, UUID approver) {
        repo.replaceMembers(
                id,
                testers,
                reviewer == null ? List.of() : List.of(reviewer),
                approver == null ? List.of() : List.of(approver));
        work.changed(id);
    }

    /**
     * Sets the item's verdict to one it takes over (an inherited verdict, or the one it had before the inheritance
     * was withdrawn), if the item is still at version {@code expected} (else a stale-version conflict) and its
     * assessment is still open (else 409 {@code assessment-closed}). No history entry: the inheritance keeps it.
     */
    public void replaceVerdict(
            UUID itemId,
            Verdict verdict,
            String reason,
            RiskLevel risk,
            String riskReason,
            Instant now,
            long expected) {
        TestItem item = repo.item(itemId).orElseThrow(() -> new NotFoundException("assessment item", itemId));
        requireOpen(item.assessmentId());
        repo.updateVerdict(itemId, verdict, reason, risk, riskReason, now, expected);
    }

    /**
     * Replaces the item's observations if the item is still at version {@code expected} (else a stale-version
     * conflict) and its assessment is still open (else 409 {@code assessment-closed}).
     */
    public void replaceObservations(UUID itemId, String observations, long expected) {
        TestItem item = repo.item(itemId).orElseThrow(() -> new NotFoundException("assessment item", itemId));
        requireOpen(item.assessmentId());
        repo.updateObservations(itemId, observations, clock.instant(), expected);
    }

    /**
     * Records the report set-up as the platform's own change (the demo's signed contract), unless a contract date
     * is already recorded: the template and the contract date, no version claimed.
     */
    public void recordContractIfNone(UUID id, ReportTemplate template, LocalDate contractDate) {
        if (policies.setup(id).contractDate() == null) {
            repo.updateReportSetup(id, template, contractDate);
        }
    }

    /** Every assessment, newest first (no access check: for the platform's own jobs, the demo). */
    @Transactional(readOnly = true)
    public List<AssessmentInfo> all() {
        return repo.findAll();
    }

    /** A follow-up as created: its id, and the id of each copied item by the item it re-tests. */
    public record FollowUp(UUID id, Map<UUID, UUID> items) {}

    /**
     * Creates the follow-up (复测) of {@code origin} in status 草稿: the same system, assessor and team, a report
     * number of its own, and a fresh copy (no verdict) of each of {@code originItems}, in that order.
     */
    public FollowUp createFollowUp(AssessmentInfo origin, String name, List<UUID> originItems, UUID createdBy) {
        Instant now = clock.instant();
        AssessmentInfo a = new AssessmentInfo(
                UUID.randomUUID(),
                name,
                origin.systemId(),
                origin.assessorOrgId(),
                origin.assessorKind(),
                AssessmentStatus.DRAFT,
                origin.assessors(),
                origin.scope(),
                now,
                now,
                null,
                null);
        repo.insert(a, createdBy);
        reportNumbers.assign(a.id());
        repo.markFollowUp(a.id(), origin.id());
        Map<UUID, TestItem> byId =
                repo.items(origin.id()).stream().collect(Collectors.toMap(TestItem::id, Function.identity()));
        Map<UUID, UUID> copies = new LinkedHashMap<>();
        int position = 0;
        for (UUID originItem : originItems) {
            TestItem o = byId.get(originItem);
            TestItem copy = new TestItem(
                    UUID.randomUUID(),
                    a.id(),
                    position++,
                    o.requirementId(),
                    o.side(),
                    o.layer(),
                    o.controlPoint(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    now);
            repo.insertItem(copy);
            copies.put(originItem, copy.id());
        }
        work.changed(a.id());
        return new FollowUp(a.id(), copies);
    }

    /** The assessment's test items in order (no access check: for a caller that checked it). */
    @Transactional(readOnly = true)
    public List<TestItem> items(UUID id) {
        return repo.items(id);
    }

    /** The assessment as stored (no access check: for a caller that checked it). */
    @Transactional(readOnly = true)
    public AssessmentInfo find(UUID id) {
        return repo.find(id).orElseThrow(() -> new NotFoundException("assessment", id));
    }
}
