package org.yunjian.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.yunjian.shared.ConflictException;
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
    private final List<AssessmentEvent> events = new ArrayList<>();

    public Assessment(UUID id, UUID systemId, AssessmentStatus status, Instant completedAt) {
        this.id = Objects.requireNonNull(id);
        this.systemId = Objects.requireNonNull(systemId);
        this.status = Objects.requireNonNull(status);
        this.completedAt = completedAt;
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

    public Assessment submitForReview(Instant now) {
        return move(AssessmentStatus.IN_REVIEW, AssessmentStatus.IN_PROGRESS,
                new AssessmentSubmittedForReview(id, systemId, now));
    }

    public Assessment sendBack(Instant now) {
        return move(AssessmentStatus.IN_PROGRESS, AssessmentStatus.IN_REVIEW, new AssessmentSentBack(id, systemId, now));
    }

    public Assessment complete(Instant now) {
        move(AssessmentStatus.COMPLETED, AssessmentStatus.IN_REVIEW, new AssessmentCompleted(id, systemId, now));
        completedAt = now;
        return this;
    }

    public Assessment archive(Instant now) {
        return move(AssessmentStatus.ARCHIVED, AssessmentStatus.COMPLETED, new AssessmentArchived(id, systemId, now));
    }

    /** Applies the transition named by its target state; sending back is IN_REVIEW → IN_PROGRESS. */
    public Assessment moveTo(AssessmentStatus target, Instant now) {
        return switch (target) {
            case IN_PROGRESS -> status == AssessmentStatus.IN_REVIEW ? sendBack(now) : start(now);
            case IN_REVIEW -> submitForReview(now);
            case COMPLETED -> complete(now);
            case ARCHIVED -> archive(now);
            case DRAFT -> throw illegal(status, target);
        };
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
        String allowed = from.next().stream().sorted().map(s -> Msg.of(s).text()).collect(Collectors.joining(" / "));
        return new ConflictException("illegal-transition", "assessment.error.illegalTransition", Msg.of(from),
                Msg.of(to), allowed.isEmpty() ? Msg.of("assessment.error.noFurtherMove") : allowed);
    }
}
