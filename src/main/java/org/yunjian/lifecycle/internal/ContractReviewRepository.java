package org.yunjian.lifecycle.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.RequirementId;
import org.yunjian.lifecycle.ClauseReview;
import org.yunjian.lifecycle.ClauseStatus;

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
        jdbc.sql("SELECT * FROM lifecycle_contract_clause WHERE system_id = ? ORDER BY clause").param(systemId)
                .query((rs, n) -> new ClauseReview(RequirementId.of(rs.getString("clause")),
                        ClauseStatus.valueOf(rs.getString("status")), rs.getString("reference"), rs.getString("note"),
                        rs.getString("reviewed_by"), instant(rs, "reviewed_at")))
                .list().forEach(r -> out.put(r.clause(), r));
        return out;
    }

    void save(UUID systemId, ClauseReview r) {
        int n = jdbc.sql("UPDATE lifecycle_contract_clause SET status = ?, reference = ?, note = ?, reviewed_by = ?, "
                        + "reviewed_at = ? WHERE system_id = ? AND clause = ?")
                .params(r.status().name(), r.reference(), r.note(), r.reviewedBy(), utc(r.reviewedAt()), systemId,
                        r.clause().value())
                .update();
        if (n == 0) {
            jdbc.sql("INSERT INTO lifecycle_contract_clause (system_id, clause, status, reference, note, reviewed_by, "
                            + "reviewed_at) VALUES (?,?,?,?,?,?,?)")
                    .params(systemId, r.clause().value(), r.status().name(), r.reference(), r.note(), r.reviewedBy(),
                            utc(r.reviewedAt()))
                    .update();
        }
    }
}
