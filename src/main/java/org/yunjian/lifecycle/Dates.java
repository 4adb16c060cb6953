package org.yunjian.lifecycle;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;

/** Dates typed by people (ISO 8601, 2026-12-31 — what a date field sends): parsed with a per-field error, shown. */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private Dates() {}

    /** The date, or null when blank; a bad or implausible one is added to {@code errors} under {@code field}. */
    public static LocalDate parse(String value, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
                errors.add(
                        field,
                        "lifecycle.error.dateRange",
                        value.strip(),
                        Formats.date(EARLIEST),
                        Formats.date(LATEST));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(field, "lifecycle.error.dateFormat", value.strip());
            return null;
        }
    }

    public static String show(LocalDate d) {
        return Formats.date(d);
    }
}
