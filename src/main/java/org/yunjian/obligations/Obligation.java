package org.yunjian.obligations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A recurring obligation of a cloud system: what it is, who performs it, how often, when it was last done and by
 * whom. Its next due date is the last completion plus the interval, or the start date if it has never been done;
 * it is overdue the day after that, and due soon from {@link #DUE_SOON_DAYS} days before.
 *
 * @param responsibleOrg the organisation that performs it (the customer, or the provider for its reports)
 * @param startDate      when it is first due if never done
 * @param intervalMonths months between two completions
 * @param lastDone       the day of the last completion, or null
 * @param lastDoneBy     who recorded it (user name), or null
 * @param lastDoneAt     when it was recorded, or null
 * @param version        the stored version (optimistic locking: a completion names the version it read)
 * @param validity       the recorded validity of the agreement it renews (the NDA of JR/T 6.3.4 / 6.4.4), or null:
 *                       then the due date is the validity's, not the interval's
 * @param schedule       how it falls due ({@link Schedule}): every interval, once within the interval from the start
 *                       date, or on the customer's request
 * @param requestedBy    for a duty on request: the day the customer's open request asks for it, or null (none open)
 */
public record Obligation(
        UUID id,
        UUID systemId,
        ObligationKind kind,
        UUID responsibleOrg,
        LocalDate startDate,
        int intervalMonths,
        LocalDate lastDone,
        String lastDoneBy,
        Instant lastDoneAt,
        long version,
        Validity validity,
        Schedule schedule,
        LocalDate requestedBy) {

    /** Falling due every interval, with a recorded validity or none. */
    public Obligation(
            UUID id,
            UUID systemId,
            ObligationKind kind,
            UUID responsibleOrg,
            LocalDate startDate,
            int intervalMonths,
            LocalDate lastDone,
            String lastDoneBy,
            Instant lastDoneAt,
            long version,
            Validity validity) {
        this(
                id,
                systemId,
                kind,
                responsibleOrg,
                startDate,
                intervalMonths,
                lastDone,
                lastDoneBy,
                lastDoneAt,
                version,
                validity,
                Schedule.EVERY_INTERVAL,
                null);
    }

    /**
     * The recorded validity of the agreement an obligation renews: JR/T 6.3.4 / 6.4.4 "保密协议应有明确的有效周期。" —
     * the NDA must be renewed before its last day. The renewal is due {@code leadDays} before it (a configurable
     * default: the standard states no lead); the NDA has run out the day after {@code until}.
     *
     * @param until    the agreement's last day of validity
     * @param leadDays how many days before it the renewal is due
     */
    public record Validity(LocalDate until, int leadDays) {
        public Validity {
            Objects.requireNonNull(until);
            if (leadDays < 0) {
                throw new IllegalArgumentException("leadDays=" + leadDays);
            }
        }

        /** The day the renewal is due: {@code leadDays} before the last day of validity. */
        public LocalDate renewBy() {
            return until.minusDays(leadDays);
        }
    }

    /** Without a recorded validity (every kind but a renewal whose agreement's dates are recorded). */
    public Obligation(
            UUID id,
            UUID systemId,
            ObligationKind kind,
            UUID responsibleOrg,
            LocalDate startDate,
            int intervalMonths,
            LocalDate lastDone,
            String lastDoneBy,
            Instant lastDoneAt,
            long version) {
        this(
                id,
                systemId,
                kind,
                responsibleOrg,
                startDate,
                intervalMonths,
                lastDone,
                lastDoneBy,
                lastDoneAt,
                version,
                null);
    }

    /** How many days before its due date an obligation counts as due soon. */
    public static final int DUE_SOON_DAYS = 30;

    public Obligation {
        Objects.requireNonNull(id);
        Objects.requireNonNull(systemId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(responsibleOrg);
        Objects.requireNonNull(startDate);
        if (intervalMonths < ObligationPolicy.MIN_MONTHS || intervalMonths > ObligationPolicy.MAX_MONTHS) {
            throw new IllegalArgumentException("intervalMonths=" + intervalMonths);
        }
        schedule = schedule == null ? Schedule.EVERY_INTERVAL : schedule;
        if (schedule != Schedule.ON_REQUEST) {
            requestedBy = null;
        }
    }

    /** A new obligation, not stored yet (version 0). */
    public Obligation(
            UUID id,
            UUID systemId,
            ObligationKind kind,
            UUID responsibleOrg,
            LocalDate startDate,
            int intervalMonths,
            LocalDate lastDone,
            String lastDoneBy,
            Instant lastDoneAt) {
        this(id, systemId, kind, responsibleOrg, startDate, intervalMonths, lastDone, lastDoneBy, lastDoneAt, 0);
    }

    /**
     * The next due date, or null when nothing is due: with a recorded validity, the day the renewal is due before the
     * agreement runs out ({@link Validity#renewBy()}), whatever was completed; once within the interval
     * ({@link Schedule#ONCE_WITHIN}): the start date plus the interval until done, then none; on request
     * ({@link Schedule#ON_REQUEST}): the day the open request asks for, none while no request is open; else the last
     * completion plus the interval, or the start date if never done.
     */
    public LocalDate nextDue() {
        if (validity != null) {
            return validity.renewBy();
        }
        return switch (schedule) {
            case ONCE_WITHIN -> lastDone == null ? startDate.plusMonths(intervalMonths) : null;
            case ON_REQUEST -> requestedBy;
            case EVERY_INTERVAL -> lastDone == null ? startDate : lastDone.plusMonths(intervalMonths);
        };
    }

    /**
     * The customer asks for it by {@code by} (a duty on request only): it falls due that day until delivered.
     *
     * @throws IllegalStateException for a duty of another schedule
     * @throws IllegalArgumentException for a day before {@code today}
     */
    public Obligation requested(LocalDate by, LocalDate today) {
        if (schedule != Schedule.ON_REQUEST) {
            throw new IllegalStateException("schedule=" + schedule);
        }
        if (by.isBefore(today)) {
            throw new IllegalArgumentException("by=" + by + "<today=" + today);
        }
        return new Obligation(
                id,
                systemId,
                kind,
                responsibleOrg,
                startDate,
                intervalMonths,
                lastDone,
                lastDoneBy,
                lastDoneAt,
                version,
                validity,
                schedule,
                by);
    }

    /** Whether the agreement it renews has run out before {@code today} (已过期): its validity's last day is past. */
    public boolean expired(LocalDate today) {
        return validity != null && today.isAfter(validity.until());
    }

    /** The same obligation with the recorded validity of the agreement it renews ({@code null}: none recorded). */
    public Obligation withValidity(Validity v) {
        return new Obligation(
                id,
                systemId,
                kind,
                responsibleOrg,
                startDate,
                intervalMonths,
                lastDone,
                lastDoneBy,
                lastDoneAt,
                version,
                v,
                schedule,
                requestedBy);
    }

    /** The same obligation falling due as {@code s} says. */
    public Obligation withSchedule(Schedule s) {
        return new Obligation(
                id,
                systemId,
                kind,
                responsibleOrg,
                startDate,
                intervalMonths,
                lastDone,
                lastDoneBy,
                lastDoneAt,
                version,
                validity,
                s,
                requestedBy);
    }

    public ObligationStatus status(LocalDate today) {
        LocalDate due = nextDue();
        if (due == null) {
            return schedule == Schedule.ON_REQUEST ? ObligationStatus.NOT_REQUESTED : ObligationStatus.DONE;
        }
        if (today.isAfter(due)) {
            return ObligationStatus.OVERDUE;
        }
        return ChronoUnit.DAYS.between(today, due) <= DUE_SOON_DAYS
                ? ObligationStatus.DUE_SOON
                : ObligationStatus.UPCOMING;
    }

    /** Days past the due date (positive when overdue), or until it (negative). */
    public long daysOverdue(LocalDate today) {
        LocalDate due = nextDue();
        return due == null ? 0 : ChronoUnit.DAYS.between(due, today);
    }

    /**
     * Done on {@code on}, recorded by {@code by} at {@code at}. A completion earlier than the last one recorded
     * leaves the last one standing (a late entry of an old drill does not move the next due date back); a
     * completion in the future is refused.
     */
    public Obligation completed(LocalDate on, LocalDate today, String by, Instant at) {
        if (on.isAfter(today)) {
            throw new IllegalArgumentException("on=" + on + ">today=" + today);
        }
        if (lastDone != null && on.isBefore(lastDone)) {
            return this;
        }
        // a delivery answers the open request (on request): nothing is due until the next one
        return new Obligation(
                id,
                systemId,
                kind,
                responsibleOrg,
                startDate,
                intervalMonths,
                on,
                by,
                at,
                version,
                validity,
                schedule,
                null);
    }

    public Obligation withInterval(int months) {
        return new Obligation(
                id,
                systemId,
                kind,
                responsibleOrg,
                startDate,
                months,
                lastDone,
                lastDoneBy,
                lastDoneAt,
                version,
                validity,
                schedule,
                requestedBy);
    }
}
