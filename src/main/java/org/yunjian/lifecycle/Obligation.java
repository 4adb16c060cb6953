package org.yunjian.lifecycle;

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
 */
public record Obligation(UUID id, UUID systemId, ObligationKind kind, UUID responsibleOrg, LocalDate startDate,
                         int intervalMonths, LocalDate lastDone, String lastDoneBy, Instant lastDoneAt, long version) {

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
    }

    /** A new obligation, not stored yet (version 0). */
    public Obligation(UUID id, UUID systemId, ObligationKind kind, UUID responsibleOrg, LocalDate startDate,
                      int intervalMonths, LocalDate lastDone, String lastDoneBy, Instant lastDoneAt) {
        this(id, systemId, kind, responsibleOrg, startDate, intervalMonths, lastDone, lastDoneBy, lastDoneAt, 0);
    }

    /** The next due date: the last completion plus the interval, or the start date if never done. */
    public LocalDate nextDue() {
        return lastDone == null ? startDate : lastDone.plusMonths(intervalMonths);
    }

    public ObligationStatus status(LocalDate today) {
        LocalDate due = nextDue();
        if (today.isAfter(due)) {
            return ObligationStatus.OVERDUE;
        }
        return ChronoUnit.DAYS.between(today, due) <= DUE_SOON_DAYS ? ObligationStatus.DUE_SOON
                : ObligationStatus.UPCOMING;
    }

    /** Days past the due date (positive when overdue), or until it (negative). */
    public long daysOverdue(LocalDate today) {
        return ChronoUnit.DAYS.between(nextDue(), today);
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
        return new Obligation(id, systemId, kind, responsibleOrg, startDate, intervalMonths, on, by, at, version);
    }

    public Obligation withInterval(int months) {
        return new Obligation(id, systemId, kind, responsibleOrg, startDate, months, lastDone, lastDoneBy, lastDoneAt,
                version);
    }
}
