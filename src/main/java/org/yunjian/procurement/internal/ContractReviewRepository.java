package org.yunjian.procurement.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.RequirementId;
import org.yunjian.procurement.ClauseReview;
import org.yunjian.procurement.ClauseStatus;
import org.yunjian.shared.version.VersionedRow;

/** Portable SQL for the clause reviews of a system's contract, SLA and NDA: one row per reviewed clause. */
@Repository
class ContractReviewRepository {

    private final JdbcClient jdbc;

    ContractReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The reviews of a system, by clause. */
    Map<RequirementId, ClauseReview> bySystem(UUID systemId) {
        Map<RequirementId, ClauseReview> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT * FROM lifecycle_contract_clause WHERE system_id = ? ORDER BY clause""")
                .param(systemId)
                .query((rs, n) -> new ClauseReview(
                        RequirementId.of(rs.getString("clause")),
                        ClauseStatus.valueOf(rs.getString("status")),
                        rs.getString("reference"),
                        rs.getString("note"),
                        rs.getString("reviewed_by"),
                        instant(rs, "reviewed_at"),
                        VersionedRow.date(rs.getDate("valid_from")),
                        VersionedRow.date(rs.getDate("valid_until")),
                        rs.getLong("version")))
                .list()
                .forEach(r -> out.put(r.clause(), r));
        return out;
    }

    private static final VersionedRow ROW =
            new VersionedRow("lifecycle_contract_clause", "reviewed_at", "system_id", "clause");

    /** Stores a clause's review over version {@code expected} (0: not reviewed yet); else a stale-version conflict. */
    void save(UUID systemId, ClauseReview r, long expected) {
        ROW.save(
                jdbc,
                List.of("status", "reference", "note", "reviewed_by", "reviewed_at", "valid_from", "valid_until"),
                new Object[] {
                    r.status().name(),
                    r.reference(),
                    r.note(),
                    r.reviewedBy(),
                    utc(r.reviewedAt()),
                    r.validFrom(),
                    r.validUntil()
                },
                new Object[] {systemId, r.clause().value()},
                expected);
    }
}
