package org.yunjian.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.yunjian.catalog.Phase;
import org.yunjian.catalog.RequirementId;
import org.yunjian.shared.Msg;

/**
 * One duty of a system's lifecycle plan: a requirement of the sector guide, for one organisation that holds a role
 * the requirement names. The organisation works on it and completes it; the customer accepts it (or, when it does
 * not apply, waives it with the reason given). Nobody accepts a duty they own or completed themselves.
 *
 * @param phase        the plan stage it belongs to, or null for a duty of every phase (listed, never blocking a gate)
 * @param organisation the organisation the duty is assigned to
 * @param owner        the person at that organisation who owns it, or null
 * @param reason       why it does not apply (required for {@link DutyStatus#NOT_APPLICABLE}), else null
 * @param version      optimistic-lock counter, raised by every change
 */
public record PlanDuty(
        UUID id,
        UUID planId,
        Phase phase,
        RequirementId requirement,
        int position,
        UUID organisation,
        UUID owner,
        DutyStatus status,
        String reason,
        LocalDate dueDate,
        UUID completedBy,
        Instant completedAt,
        UUID acceptedBy,
        Instant acceptedAt,
        int version) {

    public static final int REASON_MAX = 2000;

    public PlanDuty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(status, "status");
    }

    /** Who acts: a person and the organisation they belong to. */
    public record Actor(UUID user, UUID organisation) {}

    /** A new duty, not started, assigned to {@code organisation}. */
    public static PlanDuty assigned(
            UUID planId, Phase phase, RequirementId requirement, int position, UUID organisation) {
        return new PlanDuty(
                UUID.randomUUID(),
                planId,
                phase,
                requirement,
                position,
                organisation,
                null,
                DutyStatus.NOT_STARTED,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
    }

    /** Accepted as done, or waived as not applicable: nothing more to do, and the gate does not wait for it. */
    public boolean settled() {
        return acceptedAt != null && (status == DutyStatus.DONE || status == DutyStatus.NOT_APPLICABLE);
    }

    /** Past its due date and not yet done on {@code today}. */
    public boolean overdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && !finished();
    }

    /** Done, or declared not applicable: nothing more for the organisation to do (the customer may still accept). */
    public boolean finished() {
        return status == DutyStatus.DONE || status == DutyStatus.NOT_APPLICABLE;
    }

    /** Whether {@code actor} works on it: a person of the assigned organisation (the owner, when one is set). */
    public boolean worksOn(Actor actor) {
        return organisation.equals(actor.organisation()) && (owner == null || owner.equals(actor.user()));
    }

    /**
     * Moves the duty to {@code next}, by someone who works on it or by the customer. Any change of status takes back
     * an earlier acceptance (what was accepted is no longer what stands); completing records who completed it.
     *
     * @return the changed duty, or the refusal for the person
     */
    public Result moveTo(DutyStatus next, String why, Actor actor, boolean byCustomer, Instant now) {
        if (!worksOn(actor) && !byCustomer) {
            return Result.refused(Msg.of("lifecycle.duty.refused.notYours"));
        }
        String cleaned = why == null || why.isBlank() ? null : why.strip();
        if (next == DutyStatus.NOT_APPLICABLE && cleaned == null) {
            return Result.invalid("reason", Msg.of("lifecycle.duty.error.reasonRequired"));
        }
        if (cleaned != null && cleaned.length() > REASON_MAX) {
            return Result.invalid("reason", Msg.of("lifecycle.duty.error.reasonTooLong", REASON_MAX));
        }
        if (next == status && Objects.equals(cleaned, reason)) {
            return Result.ok(this);
        }
        // who completed it, or declared it not applicable: that person cannot accept it
        boolean done = next == DutyStatus.DONE || next == DutyStatus.NOT_APPLICABLE;
        return Result.ok(new PlanDuty(
                id,
                planId,
                phase,
                requirement,
                position,
                organisation,
                owner,
                next,
                next == DutyStatus.NOT_APPLICABLE ? cleaned : null,
                dueDate,
                done ? actor.user() : null,
                done ? now : null,
                null,
                null,
                version));
    }

    /**
     * Accepted by the customer ({@code byCustomer}): only a duty done or declared not applicable, never by the person
     * who owns it or completed it.
     */
    public Result accept(Actor actor, boolean byCustomer, Instant now) {
        if (!byCustomer) {
            return Result.refused(Msg.of("lifecycle.duty.refused.acceptCustomerOnly"));
        }
        if (status != DutyStatus.DONE && status != DutyStatus.NOT_APPLICABLE) {
            return Result.conflict(Msg.of("lifecycle.duty.refused.notDone", Msg.of(status)));
        }
        if (actor.user().equals(owner) || actor.user().equals(completedBy)) {
            return Result.refused(Msg.of("lifecycle.duty.refused.ownAcceptance"));
        }
        if (acceptedAt != null) {
            return Result.ok(this);
        }
        return Result.ok(new PlanDuty(
                id,
                planId,
                phase,
                requirement,
                position,
                organisation,
                owner,
                status,
                reason,
                dueDate,
                completedBy,
                completedAt,
                actor.user(),
                now,
                version));
    }

    /** Assigned (by the customer) to another organisation of the system, an owner there, or a due date. */
    public PlanDuty assign(UUID toOrganisation, UUID toOwner, LocalDate due) {
        boolean moved = !toOrganisation.equals(organisation);
        return new PlanDuty(
                id,
                planId,
                phase,
                requirement,
                position,
                toOrganisation,
                toOwner,
                moved ? DutyStatus.NOT_STARTED : status,
                moved ? null : reason,
                due,
                moved ? null : completedBy,
                moved ? null : completedAt,
                moved ? null : acceptedBy,
                moved ? null : acceptedAt,
                version);
    }

    /**
     * What came of a change: the changed duty, or a refusal — {@code field} set for a bad input (400), {@code kind}
     * saying whether it is not the caller's to do (403) or not possible in the duty's state (409).
     */
    public record Result(PlanDuty duty, Kind kind, String field, Msg refusal) {

        public enum Kind {
            OK,
            INVALID,
            FORBIDDEN,
            CONFLICT
        }

        static Result ok(PlanDuty d) {
            return new Result(d, Kind.OK, null, null);
        }

        static Result invalid(String field, Msg m) {
            return new Result(null, Kind.INVALID, field, m);
        }

        static Result refused(Msg m) {
            return new Result(null, Kind.FORBIDDEN, null, m);
        }

        static Result conflict(Msg m) {
            return new Result(null, Kind.CONFLICT, null, m);
        }

        public Optional<PlanDuty> changed() {
            return Optional.ofNullable(duty);
        }
    }
}
