package org.yunjian.obligations.internal;

import java.nio.charset.StandardCharsets;

/**
 * Folds the lines of an iCalendar stream as RFC 5545 §3.1 asks: no line longer than 75 octets (of UTF-8, not
 * characters — a line of Chinese text reaches 75 octets at 25 characters), a long line continued on the next after a
 * CRLF and one space, and never inside a character's octets. ical4j folds by characters, so the feed is written
 * unfolded and folded here.
 */
final class OctetFolding {

    /** The most octets a line may hold, CRLF excluded. */
    static final int MAX_OCTETS = 75;

    private OctetFolding() {}

    /** {@code unfolded} (lines ended by CRLF) with every line over {@link #MAX_OCTETS} octets folded. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        int start = 0;
        while (start < unfolded.length()) {
            int end = unfolded.indexOf("\r\n", start);
            int next = end < 0 ? unfolded.length() : end + 2;
            line(unfolded.substring(start, end < 0 ? unfolded.length() : end), out);
            if (end >= 0) {
                out.append("\r\n");
            }
            start = next;
        }
        return out.toString();
    }

    /** One line, folded: the first part up to 75 octets, each continuation a space and up to 74. */
    private static void line(String line, StringBuilder out) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
    }
}
