package org.yunjian.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.ForbiddenException;
import org.yunjian.shared.Msg;

/**
 * An assessment project as an aggregate: the guarded status machine. A transition method checks the
 * current state, changes it and registers the event to publish (like restbucks' {@code Order.markPaid()});
 * an illegal one throws a {@link ConflictException} ({@code illegal-transition}) and changes nothing.
 */
public final class Assessment {

    private final UUID id;
    private final UUID systemId;
    private AssessmentStatus status;
    private Instant completedAt;
    private final AssessorKind assessorKind;
    private final List<String> scope;
    private final List<AssessmentEvent> events = new ArrayList<>();

    /**
     * An assessment by {@code assessorKind} of {@code scope} (what its completion announces: {@link
     * AssessmentCompleted#isGradedMlpsAssessment()}).
     */
    public Assessment(
            UUID id,
            UUID systemId,
            AssessmentStatus status,
            Instant completedAt,
            AssessorKind assessorKind,
            List<String> scope) {
        this.id = Objects.requireNonNull(id);
        this.systemId = Objects.requireNonNull(systemId);
        this.status = Objects.requireNonNull(status);
        this.completedAt = completedAt;
        this.assessorKind = assessorKind;
        this.scope = scope == null ? List.of() : List.copyOf(scope);
    }

    /** For the checks that move nothing to completion ({@link #requireOpen()}): who assessed what is not needed. */
    public Assessment(UUID id, UUID systemId, AssessmentStatus status, Instant completedAt) {
        this(id, systemId, status, completedAt, null, List.of());
    }

    public UUID id() {
        return id;
    }

    public UUID systemId() {
        return systemId;
    }

    public AssessmentStatus status() {
        return status;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Assessment start(Instant now) {
        return move(AssessmentStatus.IN_PROGRESS, AssessmentStatus.DRAFT, new AssessmentStarted(id, systemId, now));
    }

    /** A tester submits the recorded items for review; a reviewer must be named. */
    public Assessment submitForReview(AssessmentRole actor, AssessmentTeam team, Instant now) {
        requireState(AssessmentStatus.IN_PROGRESS, AssessmentStatus.IN_REVIEW);
        requireRole(actor, AssessmentRole.TESTER);
        if (team.reviewer() == null) {
            throw new ConflictException("team-incomplete", "assessment.review.error.noReviewer");
        }
        return move(
                AssessmentStatus.IN_REVIEW,
                AssessmentStatus.IN_PROGRESS,
                new AssessmentSubmittedForReview(id, systemId, now));
    }

    /** The 审核人 sends the items back to the testers (with comments, kept by the caller). */
    public Assessment sendBack(AssessmentRole actor, Instant now) {
        requireState(AssessmentStatus.IN_REVIEW, AssessmentStatus.IN_PROGRESS);
        requireRole(actor, AssessmentRole.REVIEWER);
        return move(
                AssessmentStatus.IN_PROGRESS, AssessmentStatus.IN_REVIEW, new AssessmentSentBack(id, systemId, now));
    }

    /** The 审核人 approves the review; the report then awaits the 批准人, who must be named. */
    public Assessment approveReview(AssessmentRole actor, AssessmentTeam team, Instant now) {
        requireState(AssessmentStatus.IN_REVIEW, AssessmentStatus.APPROVAL);
        requireRole(actor, AssessmentRole.REVIEWER);
        requireSigners(team);
        return move(
                AssessmentStatus.APPROVAL, AssessmentStatus.IN_REVIEW, new AssessmentReviewApproved(id, systemId, now));
    }

    /** The 批准人 returns the report to the 审核人. */
    public Assessment returnToReview(AssessmentRole actor, Instant now) {
        requireState(AssessmentStatus.APPROVAL, AssessmentStatus.IN_REVIEW);
        requireRole(actor, AssessmentRole.APPROVER);
        return move(
                AssessmentStatus.IN_REVIEW,
                AssessmentStatus.APPROVAL,
                new AssessmentReturnedToReview(id, systemId, now));
    }

    /** The 批准人 approves the report: the assessment is completed. Impossible without a named reviewer and approver. */
    public Assessment approveReport(AssessmentRole actor, AssessmentTeam team, Instant now) {
        requireState(AssessmentStatus.APPROVAL, AssessmentStatus.COMPLETED);
        requireRole(actor, AssessmentRole.APPROVER);
        requireSigners(team);
        if (assessorKind == null) {
            throw new IllegalStateException("assessorKind");
        }
        move(
                AssessmentStatus.COMPLETED,
                AssessmentStatus.APPROVAL,
                new AssessmentCompleted(id, systemId, now, assessorKind, scope));
        completedAt = now;
        return this;
    }

    public Assessment archive(Instant now) {
        return move(AssessmentStatus.ARCHIVED, AssessmentStatus.COMPLETED, new AssessmentArchived(id, systemId, now));
    }

    /**
     * Applies the transition named by its target state, as {@code actor} (the caller's role on the assessment, null
     * for none): IN_PROGRESS from IN_REVIEW is sending back, IN_REVIEW from APPROVAL is returning to review.
     */
    public Assessment moveTo(AssessmentStatus target, AssessmentRole actor, AssessmentTeam team, Instant now) {
        return switch (target) {
            case IN_PROGRESS -> status == AssessmentStatus.IN_REVIEW ? sendBack(actor, now) : start(now);
            case IN_REVIEW ->
                status == AssessmentStatus.APPROVAL ? returnToReview(actor, now) : submitForReview(actor, team, now);
            case APPROVAL -> approveReview(actor, team, now);
            case COMPLETED -> approveReport(actor, team, now);
            case ARCHIVED -> archive(now);
            case DRAFT -> throw illegal(status, target);
        };
    }

    private static void requireRole(AssessmentRole actor, AssessmentRole required) {
        if (actor != required) {
            throw new ForbiddenException(Msg.of("assessment.review.denied", Msg.of(required)));
        }
    }

    /** The state is checked before the role: a move the machine does not allow is refused for everyone alike. */
    private void requireState(AssessmentStatus required, AssessmentStatus target) {
        if (status != required || !status.canMoveTo(target)) {
            throw illegal(status, target);
        }
    }

    private static void requireSigners(AssessmentTeam team) {
        if (team == null || !team.hasReviewerAndApprover()) {
            throw new ConflictException("team-incomplete", "assessment.review.error.teamIncomplete");
        }
    }

    /** Throws unless verdicts and evidence may still change. */
    public void requireOpen() {
        if (!status.isOpen()) {
            throw new ConflictException("assessment-closed", "assessment.error.closed", Msg.of(status));
        }
    }

    /** Events registered by transitions since the last call; clears them. */
    public List<AssessmentEvent> drainEvents() {
        List<AssessmentEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    private Assessment move(AssessmentStatus target, AssessmentStatus required, AssessmentEvent event) {
        if (status != required || !status.canMoveTo(target)) {
            throw illegal(status, target);
        }
        status = target;
        events.add(event);
        return this;
    }

    /** The refusal of a move the status machine does not allow (409 {@code illegal-transition}). */
    public static ConflictException illegal(AssessmentStatus from, AssessmentStatus to) {
        String allowed =
                from.next().stream().sorted().map(s -> Msg.of(s).text()).collect(Collectors.joining(" / "));
        return new ConflictException(
                "illegal-transition",
                "assessment.error.illegalTransition",
                Msg.of(from),
                Msg.of(to),
                allowed.isEmpty() ? Msg.of("assessment.error.noFurtherMove") : allowed);
    }
}
