package org.yunjian.party.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader: comma-separated fields, records ending in CRLF, LF or CR, fields quoted
 * with {@code "} may hold commas, line breaks and doubled quotes. A quote inside an unquoted field,
 * text after a closing quote, or an unterminated quote is an error naming its line. Each record knows
 * the physical line it starts on (the header is line 1); blank lines are skipped.
 */
public final class Csv {

    private Csv() {}

    /** A record and the physical line it starts on. */
    public record Record(int line, List<String> fields) {}

    /** The text is not well-formed CSV, or has more records than allowed. */
    public static final class CsvException extends Exception {
        private final int line;
        private final String reason;

        CsvException(int line, String reason) {
            super("line " + line + ": " + reason);
            this.line = line;
            this.reason = reason;
        }

        public int line() {
            return line;
        }

        /** One of {@code quoteInField}, {@code textAfterQuote}, {@code unterminatedQuote}, {@code tooManyRecords}. */
        public String reason() {
            return reason;
        }
    }

    /**
     * Parses the whole text.
     *
     * @param maxRecords the most records allowed, header included
     */
    public static List<Record> parse(String text, int maxRecords) throws CsvException {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean quoted = false; // inside a quoted field
        boolean afterQuote = false; // a quoted field has just closed
        boolean fieldStarted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < n && text.charAt(i + 1) == '\n'))) {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, fields, field, fieldStarted, recordLine, maxRecords);
                fields = new ArrayList<>();
                field.setLength(0);
                afterQuote = false;
                fieldStarted = false;
                line++;
                recordLine = line;
            } else if (afterQuote) {
                throw new CsvException(line, "textAfterQuote");
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new CsvException(line, "quoteInField");
                }
                quoted = true;
                quoteLine = line;
                fieldStarted = true;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new CsvException(quoteLine, "unterminatedQuote");
        }
        endRecord(records, fields, field, fieldStarted, recordLine, maxRecords);
        return records;
    }

    private static void endRecord(
            List<Record> records, List<String> fields, StringBuilder field, boolean started, int line, int maxRecords)
            throws CsvException {
        if (!started && fields.isEmpty()) {
            return; // blank line
        }
        fields.add(field.toString());
        if (records.size() >= maxRecords) {
            throw new CsvException(line, "tooManyRecords");
        }
        records.add(new Record(line, List.copyOf(fields)));
    }
}
