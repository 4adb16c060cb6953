package org.yunjian.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How people read times and sizes, everywhere (pages, reports, certificates, CLI): times in the user's zone
 * (Beijing time unless {@code YUNJIAN_TIME_ZONE} / {@code -Dyunjian.time-zone} says otherwise) to the minute,
 * dates as {@code yyyy-MM-dd}, sizes in B / KB / MB / GB / TB (1024-based, one decimal).
 */
public final class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final ZoneId ZONE = zoneFromEnvironment();

    private Formats() {}

    /** The users' time zone. */
    public static ZoneId zone() {
        return ZONE;
    }

    /**
     * A time a person entered: ISO with an offset ({@code 2026-11-23T11:32+08:00}), else ISO without one, read in the
     * users' zone ({@code 2026-11-23T11:32}, as a {@code datetime-local} field sends it); empty when it is neither.
     */
    public static java.util.Optional<Instant> enteredTime(String value) {
        String v = value == null ? "" : value.strip();
        try {
            return java.util.Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (java.time.format.DateTimeParseException notOffset) {
            try {
                return java.util.Optional.of(
                        java.time.LocalDateTime.parse(v).atZone(zone()).toInstant());
            } catch (java.time.format.DateTimeParseException notLocal) {
                return java.util.Optional.empty();
            }
        }
    }

    /** {@code 2026-11-23 11:32} in the users' zone; empty for {@code null}. */
    public static String minute(Instant t) {
        return t == null ? "" : MINUTE.format(t.atZone(ZONE));
    }

    /** For a log where the order of events within a minute matters (audit entries, history). */
    public static String second(Instant t) {
        return t == null ? "" : SECOND.format(t.atZone(ZONE));
    }

    public static String date(Instant t) {
        return t == null ? "" : DATE.format(t.atZone(ZONE));
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** Any temporal a template may hold: {@link Instant}, {@link OffsetDateTime}, {@link LocalDate}, ISO text. */
    public static String minute(Object t) {
        if (t == null) {
            return "";
        }
        if (t instanceof Instant i) {
            return minute(i);
        }
        if (t instanceof OffsetDateTime o) {
            return minute(o.toInstant());
        }
        if (t instanceof LocalDate d) {
            return date(d);
        }
        if (t instanceof TemporalAccessor a) {
            return MINUTE.format(a);
        }
        return minute(Instant.parse(t.toString()));
    }

    /** {@code 812 B}, {@code 1.5 KB}, {@code 20.0 MB}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static ZoneId zoneFromEnvironment() {
        String configured = System.getProperty("yunjian.time-zone", System.getenv("YUNJIAN_TIME_ZONE"));
        return configured == null || configured.isBlank() ? ZoneId.of("Asia/Shanghai") : ZoneId.of(configured.trim());
    }
}
