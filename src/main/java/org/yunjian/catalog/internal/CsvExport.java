package org.yunjian.catalog.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yunjian.catalog.Requirement;

/** Requirements as CSV (RFC 4180, header row, CRLF), for machines: enum values as codes. */
final class CsvExport {

    private CsvExport() {}

    static String write(List<Requirement> rows) {
        StringBuilder sb = new StringBuilder();
        row(
                sb,
                List.of(
                        "id",
                        "standard",
                        "kind",
                        "clause",
                        "item",
                        "parent",
                        "title",
                        "titleEn",
                        "text",
                        "textEn",
                        "phaseInStandard",
                        "phases",
                        "roles",
                        "layer",
                        "deploymentModels",
                        "bold",
                        "derivedFromLeadIn"));
        for (Requirement r : rows) {
            row(
                    sb,
                    Arrays.asList(
                            r.id().value(),
                            r.standardCode(),
                            r.kind().name(),
                            r.clause(),
                            r.item(),
                            r.parent() == null ? null : r.parent().value(),
                            r.title(),
                            r.titleEn(),
                            r.text(),
                            r.textEn(),
                            r.phaseInStandard(),
                            joined(r.phases()),
                            joined(r.roles()),
                            r.layer() == null ? null : r.layer().name(),
                            joined(r.deploymentModels()),
                            String.valueOf(r.bold()),
                            String.valueOf(r.derivedFromLeadIn())));
        }
        return sb.toString();
    }

    private static String joined(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(";"));
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c; // no formula injection in spreadsheets
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            sb.append(c);
        }
        sb.append("\r\n");
    }
}
