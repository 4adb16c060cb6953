package org.yunjian.monitoring;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yunjian.monitoring.net.Region;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;

/** How {@link Monitor.Settings} reads what a person typed: numbers as text, lists one per line, URLs, regions. */
final class SettingsText {

    private SettingsText() {}

    /** A value as an error message quotes it: at most 100 characters. */
    static String shown(String value) {
        return value.length() > 100 ? value.substring(0, 100) : value;
    }

    static int intOr(String value, int fallback) {
        return FieldValues.blank(value) ? fallback : Integer.parseInt(value.strip());
    }

    static void number(FieldErrors errors, String field, String value, int min, int max) {
        if (FieldValues.blank(value)) {
            return;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                errors.add(field, "monitoring.error.range", min, max);
            }
        } catch (NumberFormatException e) {
            errors.add(field, "monitoring.error.number");
        }
    }

    static void list(FieldErrors errors, Monitor.TextCheck text, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(field, "monitoring.error.tooLong", max);
            return;
        }
        text.check(errors, field, value, max, Text.Kind.LINES);
    }

    /** The lines that are not blank, stripped. */
    static List<String> lines(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String line : value.split("\\R")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }

    /** The first region line that is not one ({@link Region#parse}), named by its number among the regions. */
    static void regions(FieldErrors errors, String field, List<String> lines) {
        if (lines.size() > WatchSettings.REGIONS_MAX) {
            errors.add(field, "monitoring.error.regionCount", WatchSettings.REGIONS_MAX);
            return;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Region.Parsed p = Region.parse(lines.get(i));
            Msg problem = p.problem();
            if (problem == null && !names.add(p.region().orElseThrow().name())) {
                problem = Msg.of(
                        "monitoring.error.regionTwice", p.region().orElseThrow().name());
            }
            if (problem != null) {
                errors.add(field, Msg.of("monitoring.error.regionLine", String.valueOf(i + 1), problem));
                return;
            }
        }
    }

    /** The highest TCP port; a URL's port is 1 to this, or absent (the scheme's). */
    static final int PORT_MAX = 65535;

    /** An absolute http(s) URL with a host and, if it names one, a port from 1 to {@value #PORT_MAX}; or null. */
    static URI url(String value) {
        if (badPort(value)) {
            return null;
        }
        try {
            URI u = new URI(value);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getUserInfo() != null) {
                return null;
            }
            return u;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * Whether the URL names a port no socket has: {@code :0}, {@code :99999}, a number too long for an int (which
     * {@link URI} then reads as no host at all). {@code java.net.URI} accepts any digits there (issue 56).
     */
    static boolean badPort(String value) {
        try {
            String authority = new URI(value).getRawAuthority();
            if (authority == null) {
                return false;
            }
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            if (colon < 0 || authority.lastIndexOf(']') > colon) {
                return false;
            }
            String digits = authority.substring(colon + 1);
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            String number = digits.replaceFirst("^0+(?=\\d)", "");
            return number.length() > 5 || Integer.parseInt(number) < 1 || Integer.parseInt(number) > PORT_MAX;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
