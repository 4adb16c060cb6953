package org.yunjian.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.Assessment;
import org.yunjian.assessment.AssessmentChanges;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentRole;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.AssessmentTeam;
import org.yunjian.assessment.Assessments;
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.SubmissionCheck;
import org.yunjian.review.internal.ReviewRepository;
import org.yunjian.security.PeopleNames;
import org.yunjian.security.UserView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.PreconditionRequiredException;
import org.yunjian.shared.version.StaleVersionException;

/**
 * Review and sign-off of an assessment: the team (测评人员 / 审核人 / 批准人), every status move with the caller's role
 * on it, the check before submitting, the reviewer's comments on items and the review history. The rules are the
 * domain's ({@link Assessment}, {@link AssessmentTeam}, {@link SubmissionCheck}); this class loads, checks access,
 * stores and audits.
 */
@Service
@Transactional
public class Reviews {

    /** One step of the review history. */
    public enum StepKind {
        SUBMITTED,
        SENT_BACK,
        REVIEW_APPROVED,
        REPORT_APPROVED,
        RETURNED
    }

    /** A step: who, when, with what comment, and how many item comments it sent back. */
    public record Step(
            UUID id,
            UUID assessmentId,
            StepKind kind,
            UUID actorId,
            String actorName,
            String comment,
            int commentCount,
            Instant at) {}

    /** A reviewer's comment on an item; open until a tester marks it resolved. */
    public record Comment(
            UUID id,
            UUID assessmentId,
            UUID itemId,
            UUID stepId,
            String authorName,
            String body,
            Instant createdAt,
            Instant resolvedAt,
            String resolvedByName) {
        public boolean open() {
            return resolvedAt == null;
        }
    }

    /** An item that keeps the assessment from going to review, with what it lacks. */
    public record MissingItem(
            UUID itemId,
            int number,
            String requirementId,
            org.yunjian.assessment.ItemSide side,
            String controlPoint,
            List<SubmissionCheck.Gap> gaps)
            implements java.io.Serializable {}

    /** The refusal of a submission, listing every item that is not ready (409 {@code submission-incomplete}). */
    public static final class SubmissionRefused extends ConflictException {
        private final transient List<MissingItem> missing;

        SubmissionRefused(List<MissingItem> missing) {
            super("submission-incomplete", "assessment.review.error.incomplete", missing.size());
            this.missing = List.copyOf(missing);
        }

        public List<MissingItem> missing() {
            return missing;
        }

        /** The first {@value #SHOWN} of the missing items, which a page lists (the rest are a link away). */
        public List<MissingItem> shown() {
            return missing.subList(0, Math.min(SHOWN, missing.size()));
        }

        /** How many of a refused submission's items a page lists. */
        public static final int SHOWN = 10;

        /** {@code missing}: every item not ready (number, item, control point, gaps, link). */
        @Override
        public java.util.Map<String, Object> problemProperties() {
            return java.util.Map.of(
                    "missing",
                    missing.stream()
                            .map(m -> new MissingItemResponse(
                                    m.itemId(),
                                    m.number(),
                                    m.requirementId(),
                                    m.side(),
                                    m.controlPoint(),
                                    m.gaps(),
                                    m.gaps().stream()
                                            .map(g ->
                                                    org.yunjian.shared.Msg.of(g).text())
                                            .toList(),
                                    "/assessment-items/" + m.itemId()))
                            .toList());
        }
    }

    /** One item a submission lacks, as a problem lists it: {@code gaps} as codes, {@code gapTexts} in the caller's language. */
    record MissingItemResponse(
            UUID itemId,
            int number,
            String requirementId,
            org.yunjian.assessment.ItemSide side,
            String controlPoint,
            List<SubmissionCheck.Gap> gaps,
            List<String> gapTexts,
            String link) {}

    public record TeamInput(List<UUID> testers, UUID reviewer, UUID approver) implements java.io.Serializable {}

    private final AssessmentService assessments;
    private final AssessmentReads repo;
    private final Assessments aggregates;
    private final ReviewRepository reviews;
    private final PeopleNames people;
    private final ItemLabels labels;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReportSealing records;

    private final AssessmentChanges work;
    private final AssessmentReads inheritance;

    Reviews(
            AssessmentService assessments,
            AssessmentReads repo,
            Assessments aggregates,
            ReviewRepository reviews,
            PeopleNames people,
            ItemLabels labels,
            ApplicationEventPublisher events,
            Clock clock,
            ReportSealing records,
            AssessmentChanges work,
            AssessmentReads inheritance) {
        this.work = work;
        this.inheritance = inheritance;
        this.records = records;
        this.assessments = assessments;
        this.repo = repo;
        this.aggregates = aggregates;
        this.reviews = reviews;
        this.people = people;
        this.labels = labels;
        this.events = events;
        this.clock = clock;
    }

    // --- reading

    /** The team with display names. */
    @Transactional(readOnly = true)
    public AssessmentTeam team(AssessmentInfo a) {
        List<UUID> ids = new java.util.ArrayList<>(a.assessors());
        a.reviewers().stream().findFirst().ifPresent(ids::add);
        a.approvers().stream().findFirst().ifPresent(ids::add);
        Map<UUID, PeopleNames.Person> names = people.byIds(ids);
        java.util.function.Function<UUID, AssessmentTeam.Member> m = id -> new AssessmentTeam.Member(
                id,
                java.util.Optional.ofNullable(names.get(id))
                        .map(PeopleNames.Person::displayName)
                        .orElse(null));
        return new AssessmentTeam(
                a.assessors().stream().map(m).toList(),
                a.reviewers().isEmpty() ? null : m.apply(a.reviewers().get(0)),
                a.approvers().isEmpty() ? null : m.apply(a.approvers().get(0)));
    }

    @Transactional(readOnly = true)
    public List<Step> history(UUID assessmentId) {
        assessments.access(assessmentId);
        return reviews.steps(assessmentId);
    }

    @Transactional(readOnly = true)
    public List<Comment> comments(UUID assessmentId) {
        assessments.access(assessmentId);
        return reviews.comments(assessmentId);
    }

    /** One review comment; 404 unless its assessment is visible to the caller. */
    @Transactional(readOnly = true)
    public Comment comment(UUID commentId) {
        Comment c = reviews.comment(commentId).orElseThrow(() -> new NotFoundException("review comment", commentId));
        try {
            assessments.access(c.assessmentId());
        } catch (NotFoundException e) {
            throw new NotFoundException("review comment", commentId);
        }
        return c;
    }

    /** The review comments on one item (the item page). */
    @Transactional(readOnly = true)
    public List<Comment> commentsOfItem(UUID itemId) {
        assessments.item(itemId);
        return reviews.commentsOfItem(itemId);
    }

    /** Every item not ready for review, with all it lacks (empty: the assessment may be submitted). */
    @Transactional(readOnly = true)
    public List<MissingItem> missing(UUID assessmentId) {
        assessments.access(assessmentId);
        return missingOf(assessmentId);
    }

    /**
     * One page of the items not ready for review that lack {@code gap} (null = anything) and whose number,
     * requirement id or control point contains {@code q} (any case; null = all), with their total. Cut from the
     * whole check ({@link org.yunjian.shared.paging.Paged#slice}, ADR 009): the items are bounded by the assessment's scope.
     */
    @Transactional(readOnly = true)
    public Paged<MissingItem> missing(UUID assessmentId, String q, SubmissionCheck.Gap gap, PageRequest page) {
        return Paged.slice(
                missing(assessmentId).stream()
                        .filter(m -> gap == null || m.gaps().contains(gap))
                        .filter(m -> ListFilters.contains(
                                q, String.valueOf(m.number()), m.requirementId(), m.controlPoint()))
                        .toList(),
                page);
    }

    private List<MissingItem> missingOf(UUID assessmentId) {
        Map<UUID, Integer> evidence = new HashMap<>();
        repo.evidenceOfAssessment(assessmentId).forEach(e -> evidence.merge(e.itemId(), 1, Integer::sum));
        // an inherited item rests on its source (the platform's assessment or its recorded conclusion): a linked record
        inheritance.inheritancesOf(assessmentId).forEach(i -> evidence.merge(i.itemId(), 1, Integer::sum));
        Map<UUID, Integer> open = new HashMap<>();
        reviews.comments(assessmentId).stream()
                .filter(Comment::open)
                .forEach(c -> open.merge(c.itemId(), 1, Integer::sum));
        List<MissingItem> out = new ArrayList<>();
        for (TestItem i : aggregates.items(assessmentId)) {
            List<SubmissionCheck.Gap> gaps = SubmissionCheck.gaps(new SubmissionCheck.ItemFacts(
                    i.id(),
                    i.verdict(),
                    i.verdictReason(),
                    i.observations(),
                    i.riskLevel(),
                    i.riskReason(),
                    i.finding(),
                    i.recommendation(),
                    evidence.getOrDefault(i.id(), 0),
                    i.noEvidenceReason(),
                    open.getOrDefault(i.id(), 0)));
            if (!gaps.isEmpty()) {
                out.add(new MissingItem(
                        i.id(), i.position() + 1, i.requirementId(), i.side(), labels.controlPoint(i), gaps));
            }
        }
        return out;
    }

    /**
     * When the review first decided on the assessment (sent back, approved, report approved or returned), or null: a
     * verdict changed after it is a re-test (复测), one changed before it a correction.
     */
    public static java.time.Instant firstReview(List<Step> steps) {
        return steps.stream()
                .filter(s -> s.kind() != StepKind.SUBMITTED)
                .map(Step::at)
                .min(java.util.Comparator.naturalOrder())
                .orElse(null);
    }

    /** When the testers submitted, the reviewer approved and the approver signed — cleared by a later send-back. */
    public static Map<AssessmentRole, Step> signatures(List<Step> steps) {
        Map<AssessmentRole, Step> out = new LinkedHashMap<>();
        for (Step s : steps) {
            switch (s.kind()) {
                case SUBMITTED -> out.put(AssessmentRole.TESTER, s);
                case SENT_BACK -> {
                    out.remove(AssessmentRole.TESTER);
                    out.remove(AssessmentRole.REVIEWER);
                }
                case REVIEW_APPROVED -> out.put(AssessmentRole.REVIEWER, s);
                case RETURNED -> out.remove(AssessmentRole.REVIEWER);
                case REPORT_APPROVED -> out.put(AssessmentRole.APPROVER, s);
            }
        }
        return out;
    }

    /**
     * Whether the assessment was sent back (退回修改) and waits for the testers to address the review and submit
     * again: IN_PROGRESS after a send-back (only a send-back moves a submitted assessment back to IN_PROGRESS).
     */
    public static boolean returned(AssessmentStatus status, List<Step> steps) {
        return status == AssessmentStatus.IN_PROGRESS && steps.stream().anyMatch(s -> s.kind() == StepKind.SENT_BACK);
    }

    /** Whether the caller may name the team: the testers and the 批准人, while the assessment is open. */
    public static boolean mayChangeTeam(Access access) {
        return (access.mayAssess() || access.relations().contains(Access.Relation.APPROVER))
                && access.assessment().status().teamOpen();
    }

    /** The caller's role on the assessment, as the status machine sees it (null: none). */
    public static AssessmentRole actor(Access access) {
        if (access.mayAssess()) {
            return AssessmentRole.TESTER;
        }
        if (access.relations().contains(Access.Relation.REVIEWER)) {
            return AssessmentRole.REVIEWER;
        }
        return access.relations().contains(Access.Relation.APPROVER) ? AssessmentRole.APPROVER : null;
    }

    // --- the team

    /**
     * Names the team: active business users of the assessor organisation, one role each; a person who recorded
     * verdicts on the assessment cannot become its reviewer or approver. {@code version}: the assessment's version
     * the caller read (a newer one: {@link org.yunjian.shared.version.StaleVersionException}, none: 428).
     */
    public AssessmentInfo setTeam(UUID assessmentId, ExpectedVersion version, TeamInput in) {
        Access access = assessments.access(assessmentId);
        if (!(access.mayAssess() || access.relations().contains(Access.Relation.APPROVER))) {
            throw new ForbiddenException(Msg.of("review.team.denied"));
        }
        AssessmentStatus status = aggregates.lock(assessmentId).status();
        if (!status.teamOpen()) {
            throw new ConflictException("assessment-closed", "assessment.team.error.closed", Msg.of(status));
        }
        AssessmentTeam team = validTeam(access.assessment().assessorOrgId(), in);
        team.requireSignersDidNotRecord(reviews.verdictRecorders(assessmentId).stream()
                .map(people::byUsername)
                .flatMap(java.util.Optional::stream)
                .map(PeopleNames.Person::id)
                .collect(Collectors.toSet()));
        aggregates.claimVersion(assessmentId, version.value());
        aggregates.replaceTeam(
                assessmentId,
                team.testers().stream().map(AssessmentTeam.Member::id).toList(),
                team.reviewer() == null ? null : team.reviewer().id(),
                team.approver() == null ? null : team.approver().id());
        events.publishEvent(AuditableEvent.success(
                "assessment.team",
                "assessment",
                assessmentId,
                Msg.of(
                        "assessment.audit.team",
                        names(team.testers()),
                        team.reviewer() == null ? "—" : team.reviewer().name(),
                        team.approver() == null ? "—" : team.approver().name())));
        return assessments.access(assessmentId).assessment();
    }

    /** The assessment's version now, for a caller that reads and changes in one step (the CLI); 404 if unseen. */
    @Transactional(readOnly = true)
    public long version(UUID assessmentId) {
        return assessments.access(assessmentId).assessment().version();
    }

    /** The team as a domain value: candidates checked (field errors), then one role per person (409). */
    AssessmentTeam validTeam(UUID assessorOrg, TeamInput in) {
        Map<UUID, UserView> candidates =
                assessments.assessorCandidates(assessorOrg).stream().collect(Collectors.toMap(UserView::id, v -> v));
        FieldErrors errors = new FieldErrors();
        List<UUID> testers = in.testers() == null ? List.of() : in.testers();
        if (!candidates.keySet().containsAll(testers)) {
            errors.add("testers", "assessment.error.assessors");
        }
        if (in.reviewer() != null && !candidates.containsKey(in.reviewer())) {
            errors.add("reviewer", "assessment.error.assessors");
        }
        if (in.approver() != null && !candidates.containsKey(in.approver())) {
            errors.add("approver", "assessment.error.assessors");
        }
        errors.throwIfAny();
        java.util.function.Function<UUID, AssessmentTeam.Member> m = id -> id == null
                ? null
                : new AssessmentTeam.Member(id, candidates.get(id).displayName());
        return new AssessmentTeam(testers.stream().map(m).toList(), m.apply(in.reviewer()), m.apply(in.approver()));
    }

    // --- moving

    /**
     * Moves the status as the caller; the review moves go through the same rules as their own endpoints, over the
     * version read here (the generic transition names none: its status check guards it, as starting and archiving).
     */
    public AssessmentInfo transition(UUID id, AssessmentStatus target, String comment) {
        Access access = assessments.access(id);
        AssessmentStatus current = access.assessment().status();
        if (!current.canMoveTo(target)) {
            throw Assessment.illegal(current, target);
        }
        ExpectedVersion asRead = ExpectedVersion.exactly(access.assessment().version());
        if (target == AssessmentStatus.IN_PROGRESS && current == AssessmentStatus.IN_REVIEW) {
            return sendBack(id, asRead, Map.of(), comment);
        }
        return switch (target) {
            case IN_REVIEW ->
                current == AssessmentStatus.APPROVAL ? returnReport(id, asRead, comment) : submit(id, asRead);
            case APPROVAL -> approveReview(id, asRead, comment);
            case COMPLETED -> approveReport(id, asRead, comment);
            case DRAFT, IN_PROGRESS, ARCHIVED -> plainMove(access, target);
        };
    }

    /** Start (a tester) and archive (a tester or the 批准人): no review step. */
    private AssessmentInfo plainMove(Access access, AssessmentStatus target) {
        boolean allowed = access.mayAssess()
                || (target == AssessmentStatus.ARCHIVED && access.relations().contains(Access.Relation.APPROVER));
        if (!allowed) {
            throw new AccessDeniedException("assessment.denied.notAssessor");
        }
        return move(access, null, target, null, null, Map.of());
    }

    /*
     * The review decisions name the assessment's version the caller read ({@code version}: If-Match, the body's or
     * the form's; a newer one is a StaleVersionException naming the assessment, none a 428), checked after access
     * and input, under the assessment's row lock; the status move then moves the version on.
     */

    /** A tester submits for review: refused with the list of every item not ready. */
    public AssessmentInfo submit(UUID id, ExpectedVersion version) {
        Access access = assessments.access(id);
        access.requireAssessor();
        Assessment locked = aggregates.lock(id);
        requireVersion(access, version);
        locked.submitForReview(AssessmentRole.TESTER, team(access.assessment()), clock.instant());
        List<MissingItem> missing = missingOf(id);
        if (!missing.isEmpty()) {
            events.publishEvent(AuditableEvent.failure(
                    "assessment.review.submit",
                    "assessment",
                    id,
                    Msg.of("assessment.audit.submitRefused", missing.size())));
            throw new SubmissionRefused(missing);
        }
        return move(access, version, AssessmentStatus.IN_REVIEW, StepKind.SUBMITTED, null, Map.of());
    }

    /** The 审核人 sends the assessment back with comments on items (item id → text) and/or a general comment. */
    public AssessmentInfo sendBack(UUID id, ExpectedVersion version, Map<UUID, String> itemComments, String comment) {
        Access access = requireRelation(id, Access.Relation.REVIEWER);
        Map<UUID, String> given = new LinkedHashMap<>();
        itemComments.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                given.put(k, v.strip());
            }
        });
        FieldErrors errors = new FieldErrors();
        if (given.isEmpty() && FieldValues.blank(comment)) {
            errors.add("comment", "assessment.review.error.commentRequired");
        }
        Set<UUID> items = aggregates.items(id).stream().map(TestItem::id).collect(Collectors.toSet());
        given.forEach((item, text) -> {
            if (!items.contains(item)) {
                throw new NotFoundException("assessment item", item);
            }
            assessments.tooLong(errors, "comment-" + item, text, 4000);
        });
        assessments.tooLong(errors, "comment", comment, 4000);
        errors.throwIfAny();
        return move(access, version, AssessmentStatus.IN_PROGRESS, StepKind.SENT_BACK, comment, given);
    }

    /** The 审核人 approves the review; the report then awaits the 批准人. */
    public AssessmentInfo approveReview(UUID id, ExpectedVersion version, String comment) {
        Access access = requireRelation(id, Access.Relation.REVIEWER);
        checkComment(comment, false);
        return move(access, version, AssessmentStatus.APPROVAL, StepKind.REVIEW_APPROVED, comment, Map.of());
    }

    /**
     * The 批准人 approves (signs) the report: the assessment is completed, and the report is rendered once and sealed
     * as its record ({@link ReportSealing}) as soon as the approval has committed.
     */
    public AssessmentInfo approveReport(UUID id, ExpectedVersion version, String comment) {
        Access access = requireRelation(id, Access.Relation.APPROVER);
        checkComment(comment, false);
        AssessmentInfo approved =
                move(access, version, AssessmentStatus.COMPLETED, StepKind.REPORT_APPROVED, comment, Map.of());
        records.freezeAfterCommit(id);
        return approved;
    }

    /** The 批准人 returns the report to the 审核人, saying why. */
    public AssessmentInfo returnReport(UUID id, ExpectedVersion version, String comment) {
        Access access = requireRelation(id, Access.Relation.APPROVER);
        checkComment(comment, true);
        return move(access, version, AssessmentStatus.IN_REVIEW, StepKind.RETURNED, comment, Map.of());
    }

    /**
     * A tester marks a review comment resolved. A comment keeps no version of its own: resolving it is a change of
     * the review state, whose version is the assessment's ({@code version}; it moves on).
     */
    public Comment resolve(UUID commentId, ExpectedVersion version) {
        Comment c = comment(commentId);
        Access access = assessments.access(c.assessmentId());
        access.requireAssessor();
        Assessment locked = aggregates.lock(c.assessmentId());
        if (!c.open()) {
            throw new ConflictException("comment-resolved", "assessment.review.error.resolved");
        }
        locked.requireOpen();
        Instant now = clock.instant();
        try {
            aggregates.claimVersion(c.assessmentId(), version.value());
        } catch (StaleVersionException | PreconditionRequiredException e) {
            throw e.naming(record(access));
        }
        reviews.resolve(commentId, name(access.user().userId()), now);
        work.changed(c.assessmentId());
        events.publishEvent(AuditableEvent.success(
                "assessment.review.resolve",
                "assessment-item",
                c.itemId(),
                Msg.of("assessment.audit.resolve", c.body())));
        return reviews.comment(commentId).orElseThrow();
    }

    private void checkComment(String comment, boolean required) {
        FieldErrors errors = new FieldErrors();
        if (required && FieldValues.blank(comment)) {
            errors.add("comment", "assessment.review.error.commentRequired");
        }
        assessments.tooLong(errors, "comment", comment, 4000);
        errors.throwIfAny();
    }

    /** 403 unless the caller is the assessment's 批准人 (before asking for a confirmation it would not get to use). */
    public void requireApprover(UUID id) {
        requireRelation(id, Access.Relation.APPROVER);
    }

    private Access requireRelation(UUID id, Access.Relation relation) {
        Access access = assessments.access(id);
        if (!access.relations().contains(relation)) {
            throw new ForbiddenException(Msg.of(
                    "assessment.review.denied",
                    Msg.of(relation == Access.Relation.REVIEWER ? AssessmentRole.REVIEWER : AssessmentRole.APPROVER)));
        }
        return access;
    }

    /** The assessment as a refusal for the version (stale, or naming none) names it. */
    private static Msg record(Access access) {
        return Msg.of("assessment.locking.record", access.assessment().name());
    }

    /** Refuses a decision over another version than the stored one (call under the row lock). */
    private void requireVersion(Access access, ExpectedVersion version) {
        try {
            aggregates.requireVersion(access.assessment().id(), version.value());
        } catch (StaleVersionException | PreconditionRequiredException e) {
            throw e.naming(record(access));
        }
    }

    /** {@code version}: what the caller named ({@code null}: a move no version guards — start, archive). */
    private AssessmentInfo move(
            Access access,
            ExpectedVersion version,
            AssessmentStatus target,
            StepKind kind,
            String comment,
            Map<UUID, String> itemComments) {
        UUID id = access.assessment().id();
        aggregates.lock(id);
        if (version != null) {
            requireVersion(access, version);
        }
        Instant now = clock.instant();
        AssessmentStatus current = aggregates.moveTo(id, target, actor(access), team(access.assessment()));
        AssessmentStatus moved = aggregates.find(id).status();
        if (kind != null) {
            String actorName = name(access.user().userId());
            Step step = new Step(
                    UUID.randomUUID(),
                    id,
                    kind,
                    access.user().userId(),
                    actorName,
                    FieldValues.stripped(comment),
                    itemComments.size(),
                    now);
            reviews.insertStep(step);
            itemComments.forEach((item, text) -> reviews.insertComment(
                    new Comment(UUID.randomUUID(), id, item, step.id(), actorName, text, now, null, null)));
            events.publishEvent(AuditableEvent.success(
                    auditAction(kind),
                    "assessment",
                    id,
                    Msg.of(
                            "assessment.audit.review",
                            Msg.of(kind),
                            itemComments.size(),
                            step.comment() == null ? "—" : step.comment())));
        }
        events.publishEvent(AuditableEvent.success(
                "assessment.transition",
                "assessment",
                id,
                Msg.of("assessment.audit.transition", Msg.of(current), Msg.of(moved))));
        return aggregates.find(id);
    }

    /** The audit action of a review step (each named in the audit bundles). */
    static String auditAction(StepKind kind) {
        return switch (kind) {
            case SUBMITTED -> "assessment.review.submitted";
            case SENT_BACK -> "assessment.review.sent_back";
            case REVIEW_APPROVED -> "assessment.review.review_approved";
            case REPORT_APPROVED -> "assessment.review.report_approved";
            case RETURNED -> "assessment.review.returned";
        };
    }

    private String name(UUID user) {
        PeopleNames.Person person = people.byIds(List.of(user)).get(user);
        return person == null ? "—" : person.displayName();
    }

    private static String names(List<AssessmentTeam.Member> members) {
        return members.isEmpty()
                ? "—"
                : members.stream().map(AssessmentTeam.Member::name).collect(Collectors.joining(", "));
    }
}
