package org.yunjian.report.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.report.ReportRecords.Revision;
import org.yunjian.report.ReportRecords.SealedFile;
import org.yunjian.report.Reports;
import org.yunjian.shared.Jdbc;

/** The approved reports' revisions and their files, written once and never changed. */
@Repository
public class ReportRecordRepository {

    private static final String REVISION = """
            SELECT r.id, r.assessment_id, r.revision, r.report_number, r.assessor_org_name,
            r.approver_id, r.approver_name, r.approved_at, r.reason, r.seal_sm3, r.corrections FROM assessment_report_revision r\s""";

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ReportRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a revision once: its row with what it corrected, its sealed files and the content each language's
     * files were rendered from ({@code basis}, language → JSON).
     */
    public void insert(Revision r, byte[] seal, Map<SealedFile, byte[]> contents, Map<String, byte[]> basis) {
        jdbc.sql("""
                        INSERT INTO assessment_report_revision (id, assessment_id, revision, report_number, assessor_org_name,
                        approver_id, approver_name, approved_at, reason, seal, seal_sm3, corrections)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        r.id(),
                        r.assessmentId(),
                        r.revision(),
                        r.reportNumber(),
                        r.assessorOrgName(),
                        r.approverId(),
                        r.approverName(),
                        Jdbc.utc(r.approvedAt()),
                        r.reason(),
                        seal,
                        r.sealSm3(),
                        r.changes().isEmpty() ? null : JSON.writeValueAsString(r.changes()))
                .update();
        basis.forEach((language, content) -> jdbc.sql("""
                        INSERT INTO assessment_report_basis (revision_id, language, content, sm3) VALUES (?, ?, ?, ?)""")
                .params(r.id(), language, content, org.yunjian.crypto.Sm3.hex(content))
                .update());
        for (SealedFile f : r.files()) {
            jdbc.sql("""
                            INSERT INTO assessment_report_file (revision_id, format, language, file_name, content, sm3, size_bytes)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.id(), f.format().name(), f.language(), f.fileName(), contents.get(f), f.sm3(), f.size())
                    .update();
        }
    }

    /** Every revision of the assessment's record, the first first. */
    public List<Revision> revisions(UUID assessmentId) {
        List<Revision> out = jdbc.sql("""
                %sWHERE r.assessment_id = ? ORDER BY r.revision""".formatted(REVISION))
                .param(assessmentId)
                .query(ReportRecordRepository::revision)
                .list();
        return withFiles(out);
    }

    /** The revisions of that report number holding a file with that SM3 (the public check). */
    public List<Revision> bySm3(String reportNumber, String sm3) {
        return withFiles(jdbc.sql("""
                %sWHERE r.report_number = ? AND r.id IN (SELECT f.revision_id FROM assessment_report_file f WHERE f.sm3 = ?) ORDER BY r.revision""".formatted(REVISION))
                .params(reportNumber, sm3)
                .query(ReportRecordRepository::revision)
                .list());
    }

    /** The highest revision number of that report number (0: none). */
    public int latestRevision(String reportNumber) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(revision), 0) FROM assessment_report_revision WHERE report_number = ?""").param(reportNumber).query(Integer.class).single();
    }

    Optional<byte[]> content(UUID revisionId, Reports.Format format, String language) {
        return jdbc.sql("""
                SELECT content FROM assessment_report_file WHERE revision_id = ? AND format = ? AND language = ?""")
                .params(revisionId, format.name(), language)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    /** The content a revision's files in {@code language} were rendered from (empty: sealed before it was kept). */
    public Optional<byte[]> basis(UUID revisionId, String language) {
        return jdbc.sql("""
                SELECT content FROM assessment_report_basis WHERE revision_id = ? AND language = ?""")
                .params(revisionId, language)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    byte[] seal(UUID revisionId) {
        return jdbc.sql("""
                SELECT seal FROM assessment_report_revision WHERE id = ?""").param(revisionId).query((rs, n) -> rs.getBytes(1)).single();
    }

    /** Removes an assessment's record (only the demo does, to seal its back-dated approval once more). */
    public void deleteAll(UUID assessmentId) {
        jdbc.sql("""
                DELETE FROM assessment_report_basis WHERE revision_id IN
                (SELECT id FROM assessment_report_revision WHERE assessment_id = ?)""").param(assessmentId).update();
        jdbc.sql("""
                DELETE FROM assessment_report_file WHERE revision_id IN
                (SELECT id FROM assessment_report_revision WHERE assessment_id = ?)""").param(assessmentId).update();
        jdbc.sql("""
                DELETE FROM assessment_report_revision WHERE assessment_id = ?""").param(assessmentId).update();
    }

    private List<Revision> withFiles(List<Revision> revisions) {
        if (revisions.isEmpty()) {
            return revisions;
        }
        Map<UUID, List<SealedFile>> files = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT revision_id, format, language, file_name, sm3, size_bytes FROM assessment_report_file \
                WHERE revision_id IN (%s)""".formatted(Jdbc.marks(revisions.size())))
                .params(revisions.stream().map(Revision::id).toArray())
                .query((ResultSet rs) -> {
                    files.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new SealedFile(
                                    Reports.Format.valueOf(rs.getString(2)),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getLong(6)));
                });
        // Chinese first, in the formats' order (Word, PDF, OSCAL), as the page offers them
        files.values()
                .forEach(l -> l.sort(java.util.Comparator.comparing(SealedFile::language)
                        .reversed()
                        .thenComparing(SealedFile::format)));
        return revisions.stream()
                .map(r -> r.withFiles(files.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private static Revision revision(ResultSet rs, int n) throws SQLException {
        return new Revision(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, UUID.class),
                rs.getString(7),
                Jdbc.instant(rs, "approved_at"),
                rs.getString(9),
                rs.getString(10).strip(),
                List.of(),
                changes(rs.getString(11)));
    }

    private static List<org.yunjian.report.ReportCorrections.Change> changes(String stored) {
        return stored == null
                ? List.of()
                : List.of(JSON.readValue(stored, org.yunjian.report.ReportCorrections.Change[].class));
    }
}
