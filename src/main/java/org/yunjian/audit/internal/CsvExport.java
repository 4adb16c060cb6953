package org.yunjian.audit.internal;

import java.util.List;

/**
 * RFC 4180 CSV of entries; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. The first
 * fourteen columns are the stored values as the MACs cover them (what a verifier recomputes the chain from); the
 * last six are the same entry as a person reads it, in the export's language: time in the users' zone, person by
 * display name, action, object kind, outcome and detail in words.
 */
public final class CsvExport {

    private static final String HEADER = "seq,occurred_at,username,organization_id,source_address,action,object_type,"
            + "object_id,outcome,detail,prev_mac,mac,api_token_id,api_token_name,"
            + "time_local,person,action_text,object_text,outcome_text,detail_text\r\n";

    private CsvExport() {}

    public static String of(List<AuditPresentation.Rendered> entries) {
        StringBuilder sb = new StringBuilder(HEADER);
        for (AuditPresentation.Rendered r : entries) {
            AuditEntry e = r.entry();
            row(
                    sb,
                    Long.toString(e.seq()),
                    e.occurredAt().toString(),
                    e.username(),
                    e.organizationId() == null ? null : e.organizationId().toString(),
                    e.sourceAddress(),
                    e.action(),
                    e.objectType(),
                    e.objectId(),
                    e.outcome(),
                    e.detail(),
                    e.prevMac(),
                    e.mac(),
                    e.apiTokenId() == null ? null : e.apiTokenId().toString(),
                    e.apiTokenName(),
                    org.yunjian.shared.Formats.second(e.occurredAt()),
                    r.person(),
                    r.action(),
                    r.object(),
                    r.outcome(),
                    r.detail());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells[i]));
        }
        sb.append("\r\n");
    }

    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
