package org.yunjian.audit.internal;

import static org.yunjian.shared.FieldValues.stripped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;

/**
 * Validated search parameters shared by the REST API and the page. {@code from}/{@code to} accept an
 * ISO-8601 instant ({@code 2026-11-21T08:00:00Z}) or a date ({@code 2026-11-21}, a day in the users' zone, Beijing
 * time unless configured otherwise); a date as
 * {@code to} includes that whole day.
 */
public record AuditQuery(AuditRepository.Filter filter, int page, int size) {

    public static final int MAX_SIZE = 200;

    public static AuditQuery parse(
            String action, String user, String outcome, String from, String to, Integer page, Integer size) {
        FieldErrors errors = new FieldErrors();
        String o = stripped(outcome);
        if (o != null) {
            try {
                o = AuditableEvent.Outcome.valueOf(o.toUpperCase(java.util.Locale.ROOT))
                        .name();
            } catch (IllegalArgumentException e) {
                errors.add("outcome", "audit.query.error.outcome");
            }
        }
        Instant f = time("from", from, false, errors);
        Instant t = time("to", to, true, errors);
        if (f != null && t != null && !f.isBefore(t)) {
            errors.add("to", "audit.query.error.toBeforeFrom");
        }
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            errors.add("page", "audit.query.error.page");
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add("size", "audit.query.error.size", MAX_SIZE);
        }
        errors.throwIfAny();
        return new AuditQuery(new AuditRepository.Filter(stripped(action), stripped(user), o, f, t), p, s);
    }

    private static Instant time(String field, String value, boolean endOfDay, FieldErrors errors) {
        String v = stripped(value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d)
                        .atStartOfDay(org.yunjian.shared.Formats.zone())
                        .toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(field, "audit.query.error.time", value);
            return null;
        }
    }
}
