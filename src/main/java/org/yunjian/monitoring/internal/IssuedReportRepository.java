package org.yunjian.monitoring.internal;

import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.documents.DocumentFormat;
import org.yunjian.monitoring.IssuedReport;
import org.yunjian.shared.Jdbc;

/** The issued 安全运行报告 and their files, written once and never changed. */
@Repository
class IssuedReportRepository {

    private static final String ISSUE = """
            SELECT id, system_id, report_month, revision, report_number, issuer_id, issuer_name, issued_at, reason,
            manifest_sm3 FROM monitor_report_issue\s""";

    private final JdbcClient jdbc;

    IssuedReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(IssuedReport r, byte[] manifest, Map<IssuedReport.File, byte[]> contents) {
        jdbc.sql("""
                        INSERT INTO monitor_report_issue (id, system_id, report_month, revision, report_number, issuer_id,
                        issuer_name, issued_at, reason, manifest, manifest_sm3) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        r.id(),
                        r.systemId(),
                        r.month().toString(),
                        r.revision(),
                        r.reportNumber(),
                        r.issuerId(),
                        r.issuerName(),
                        Jdbc.utc(r.issuedAt()),
                        r.reason(),
                        manifest,
                        r.manifestSm3())
                .update();
        for (IssuedReport.File f : r.files()) {
            jdbc.sql("""
                            INSERT INTO monitor_report_file (issue_id, format, language, file_name, content, sm3, size_bytes)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.id(), f.format().name(), f.language(), f.name(), contents.get(f), f.sm3(), f.size())
                    .update();
        }
    }

    /** Every revision of the system's issued reports, newest month first, the latest revision first. */
    List<IssuedReport> ofSystem(UUID systemId) {
        List<IssuedReport> out = jdbc.sql("""
                %sWHERE system_id = ? ORDER BY report_month DESC, revision DESC""".formatted(ISSUE))
                .param(systemId)
                .query(IssuedReportRepository::issue)
                .list();
        return withFiles(out);
    }

    /** The month's revisions, the latest first. */
    List<IssuedReport> ofMonth(UUID systemId, YearMonth month) {
        return withFiles(jdbc.sql("""
                %sWHERE system_id = ? AND report_month = ? ORDER BY revision DESC""".formatted(ISSUE))
                .params(systemId, month.toString())
                .query(IssuedReportRepository::issue)
                .list());
    }

    Optional<byte[]> content(UUID issueId, DocumentFormat format, String language) {
        return jdbc.sql("""
                SELECT content FROM monitor_report_file WHERE issue_id = ? AND format = ? AND language = ?""")
                .params(issueId, format.name(), language)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    byte[] manifest(UUID issueId) {
        return jdbc.sql("""
                SELECT manifest FROM monitor_report_issue WHERE id = ?""").param(issueId).query((rs, n) -> rs.getBytes(1)).single();
    }

    private static IssuedReport issue(ResultSet rs, int n) throws java.sql.SQLException {
        return new IssuedReport(
                rs.getObject("id", UUID.class),
                rs.getObject("system_id", UUID.class),
                YearMonth.parse(rs.getString("report_month")),
                rs.getInt("revision"),
                rs.getString("report_number"),
                rs.getObject("issuer_id", UUID.class),
                rs.getString("issuer_name"),
                Jdbc.instant(rs, "issued_at"),
                rs.getString("reason"),
                false,
                rs.getString("manifest_sm3"),
                List.of());
    }

    /** The revisions with their files; each one superseded when a later revision of its month is listed. */
    private List<IssuedReport> withFiles(List<IssuedReport> issues) {
        if (issues.isEmpty()) {
            return issues;
        }
        Map<UUID, List<IssuedReport.File>> files = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT issue_id, format, language, file_name, sm3, size_bytes FROM monitor_report_file \
                        WHERE issue_id IN (%s) ORDER BY format, language DESC""".formatted(Jdbc.marks(issues.size())))
                .params(issues.stream().map(IssuedReport::id).toArray())
                .query((ResultSet rs) -> {
                    files.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new IssuedReport.File(
                                    DocumentFormat.valueOf(rs.getString(2)),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getLong(6)));
                });
        Map<YearMonth, Integer> latest = new LinkedHashMap<>();
        issues.forEach(i -> latest.merge(i.month(), i.revision(), Math::max));
        return issues.stream()
                .map(i -> new IssuedReport(
                        i.id(),
                        i.systemId(),
                        i.month(),
                        i.revision(),
                        i.reportNumber(),
                        i.issuerId(),
                        i.issuerName(),
                        i.issuedAt(),
                        i.reason(),
                        i.revision() < latest.get(i.month()),
                        i.manifestSm3(),
                        files.getOrDefault(i.id(), List.of())))
                .toList();
    }

    /** The revision of report {@code number} holding a file with SM3 {@code sm3} (lower-case hex), for the public check. */
    record FileMatch(int revision, java.time.Instant issuedAt, UUID systemId, DocumentFormat format, String language) {}

    /** The latest revision of report {@code number} with a file of SM3 {@code sm3}, if any. */
    java.util.Optional<FileMatch> fileMatch(String number, String sm3) {
        return jdbc
                .sql("""
                        SELECT i.revision, i.issued_at, i.system_id, f.format, f.language FROM monitor_report_issue i
                        JOIN monitor_report_file f ON f.issue_id = i.id WHERE i.report_number = ? AND f.sm3 = ?
                        ORDER BY i.revision DESC""")
                .params(number, sm3)
                .query((rs, n) -> new FileMatch(
                        rs.getInt("revision"),
                        Jdbc.instant(rs, "issued_at"),
                        rs.getObject("system_id", UUID.class),
                        DocumentFormat.valueOf(rs.getString("format")),
                        rs.getString("language")))
                .list()
                .stream()
                .findFirst();
    }

    /** The latest revision issued under report {@code number}; 0 with none. */
    int latestRevision(String number) {
        return jdbc.sql("""
                        SELECT COALESCE(MAX(revision), 0) FROM monitor_report_issue WHERE report_number = ?""").param(number).query(Integer.class).single();
    }
}
