package org.yunjian.monitoring.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.yunjian.shared.FieldErrors;

/**
 * A calendar month of the report in the users' zone: from its first day's midnight to the next month's, both in that
 * zone. Only a month that has begun can be reported; the current one runs until now.
 */
public record ReportMonth(YearMonth month, ZoneId zone) {

    /** The field a malformed or future month is refused on. */
    public static final String FIELD = "month";

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    /**
     * {@code 2026-10} as a month in {@code zone}, not later than the month {@code now} falls in there.
     *
     * @throws FieldErrors.ValidationException naming {@value #FIELD}: malformed, or a month still to come
     */
    public static ReportMonth parse(String text, ZoneId zone, Instant now) {
        YearMonth month;
        try {
            month = YearMonth.parse(text == null ? "" : text.strip(), FORMAT);
        } catch (DateTimeParseException e) {
            month = null;
        }
        if (month == null || month.getYear() < 2000) {
            throw new FieldErrors.ValidationException(FIELD, "monitoring.report.error.month");
        }
        if (month.isAfter(YearMonth.from(now.atZone(zone)))) {
            throw new FieldErrors.ValidationException(FIELD, "monitoring.report.error.future");
        }
        return new ReportMonth(month, zone);
    }

    /** The month before the one {@code now} falls in: the one a report is usually asked for. */
    public static ReportMonth previous(ZoneId zone, Instant now) {
        return new ReportMonth(YearMonth.from(now.atZone(zone)).minusMonths(1), zone);
    }

    public Instant start() {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant after the month. */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** Whether the month is over at {@code now}: its report no longer changes with new probes. */
    public boolean closed(Instant now) {
        return !now.isBefore(end());
    }

    /** {@code 2026-10}. */
    @Override
    public String toString() {
        return FORMAT.format(month);
    }
}
