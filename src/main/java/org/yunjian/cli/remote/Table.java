package org.yunjian.cli.remote;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.yunjian.shared.Texts;
import tools.jackson.databind.JsonNode;

/**
 * Rows of a JSON answer as a table on stdout: a header line from the bundles (in the CLI's language), then one line
 * per row, the columns aligned by their width on a terminal (a Chinese character takes two cells), separated by two
 * spaces; the last column is not padded. Nothing else is printed, so {@code awk} and {@code cut} can read it.
 */
final class Table {

    /** A column: its header's bundle key and how a row shows in it. */
    record Column(String headerKey, Function<JsonNode, String> value) {}

    private final List<Column> columns;

    Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    static Column column(String headerKey, String field) {
        return new Column(headerKey, row -> text(row.path(field)));
    }

    static Column column(String headerKey, Function<JsonNode, String> value) {
        return new Column(headerKey, value);
    }

    /** A JSON value as the table shows it: null and missing values as "—". */
    static String text(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "—" : value.asString();
    }

    void print(List<JsonNode> rows, PrintWriter out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.stream().map(c -> Texts.get(c.headerKey())).toArray(String[]::new));
        for (JsonNode row : rows) {
            lines.add(columns.stream()
                    .map(c -> Server.oneLine(c.value().apply(row)))
                    .toArray(String[]::new));
        }
        int[] widths = new int[columns.size()];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], width(line[i]));
            }
        }
        for (String[] line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                b.append(line[i]);
                if (i < line.length - 1) {
                    b.append(" ".repeat(widths[i] - width(line[i]) + 2));
                }
            }
            out.println(b);
        }
    }

    /** Terminal cells of {@code s}: two for the wide (CJK, full-width) characters, one for the others. */
    static int width(String s) {
        return s.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F)
                || (c >= 0x2E80 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6)
                || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
