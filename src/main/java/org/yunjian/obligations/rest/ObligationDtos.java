package org.yunjian.obligations.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.obligations.ObligationStatus;
import org.yunjian.obligations.internal.ObligationIntervals;
import org.yunjian.obligations.internal.ObligationService;
import org.yunjian.shared.Msg;

/** Request and response bodies of {@link ObligationApi}. */
final class ObligationDtos {

    private ObligationDtos() {}

    /** Generate a system's obligations, first due on {@code startDate} (ISO date; today if absent). */
    record GenerateRequest(String startDate) {}

    /** A completion: the day it was done (ISO date, not in the future), over the obligation's version read. */
    record CompletionRequest(String doneOn, Long version) {}

    /**
     * The customer's request for a duty due on request (JR/T 7.3): the day it asks for it (ISO date, today or later),
     * over the obligation's version read.
     */
    record CustomerRequest(String requestedBy, Long version) {}

    /** The caller's organisation's own interval for a kind; months null = back to the default; the version read. */
    record IntervalRequest(String kind, String months, Long version) {}

    /** @param version the setting's version (0: never set), named by a change */
    record IntervalResponse(ObligationKind kind, String kindLabel, Integer months, long version) {
        static IntervalResponse of(ObligationIntervals.IntervalSetting s) {
            return new IntervalResponse(s.kind(), Msg.of(s.kind()).text(), s.months(), s.version());
        }
    }

    /** The reminder address asked for (it waits for confirmation; blank or null: remove it). */
    record ReminderAddressRequest(String email) {}

    /**
     * The caller's calendar settings: whether a feed exists (since when), the confirmed reminder address (the only one
     * mail goes to), one waiting for its owner to open the link mailed to it and until when that link works, and
     * whether mail is configured.
     */
    record CalendarSettingsResponse(
            boolean feed,
            Instant feedCreatedAt,
            String reminderAddress,
            String pendingReminderAddress,
            Instant pendingExpiresAt,
            boolean mailConfigured) {}

    /** A new feed: its address, shown once (only a hash is kept). */
    record FeedResponse(String url, String token) {}

    /**
     * An obligation as the caller sees it.
     *
     * @param mayComplete whether the caller may record a completion (always false in the cross-system list)
     * @param version     the obligation's version, named by a completion
     * @param intervalDefault whether the interval is a configurable default (the standard states no number)
     * @param sources     the requirements it comes from, with their clauses and verbatim text
     * @param validUntil  the last day of validity of the agreement it renews (the NDA, JR/T 6.3.4 / 6.4.4) as the
     *                    contract review records it, or null; when set, {@code nextDue} is {@code leadDays} before it
     * @param leadDays    how many days before {@code validUntil} the renewal is due (a configurable default: the
     *                    standard states none), or null
     * @param expired     whether the agreement has run out (已过期: {@code validUntil} is past)
     */
    record ObligationResponse(
            UUID id,
            UUID systemId,
            String systemName,
            ObligationKind kind,
            String kindLabel,
            UUID responsibleOrganizationId,
            String responsibleOrganization,
            int intervalMonths,
            LocalDate startDate,
            LocalDate lastDone,
            String lastDoneBy,
            Instant lastRecordedAt,
            LocalDate nextDue,
            ObligationStatus status,
            String statusLabel,
            long daysOverdue,
            boolean mayComplete,
            long version,
            boolean intervalDefault,
            List<ObligationSourceResponse> sources,
            LocalDate validUntil,
            Integer leadDays,
            boolean expired) {
        static ObligationResponse of(ObligationService.Row r) {
            var o = r.obligation();
            return new ObligationResponse(
                    o.id(),
                    o.systemId(),
                    r.system().name(),
                    o.kind(),
                    Msg.of(o.kind()).text(),
                    o.responsibleOrg(),
                    r.responsible(),
                    o.intervalMonths(),
                    o.startDate(),
                    o.lastDone(),
                    r.lastDoneByName(),
                    o.lastDoneAt(),
                    r.due(),
                    r.status(),
                    Msg.of(r.status()).text(),
                    Math.max(0, r.daysOverdue()),
                    r.mayComplete(),
                    o.version(),
                    r.intervalDefault(),
                    r.sources().stream()
                            .map(x -> new ObligationSourceResponse(
                                    x.id(), x.clause().text(), x.text()))
                            .toList(),
                    o.validity() == null ? null : o.validity().until(),
                    o.validity() == null ? null : o.validity().leadDays(),
                    r.expired());
        }
    }

    /** A requirement an obligation comes from: catalog id, clause as the standard numbers it, verbatim text. */
    record ObligationSourceResponse(String requirementId, String clause, String text) {}
}
