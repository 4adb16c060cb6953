package org.yunjian.assessment.internal;

import static org.yunjian.shared.Jdbc.instant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.assessment.Records.ItemInheritance;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;

/**
 * Reads of recorded external conclusions and inherited items (V202611231500); their one writer is the inheritance
 * module ({@code InheritanceRowRepository}).
 */
@Repository
public class InheritanceRepository {

    private final JdbcClient jdbc;

    InheritanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String v) {
        return v == null ? null : Enum.valueOf(type, v);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    // --- completed assessments (candidate Yunjian sources)

    /** Ids and systems of every COMPLETED or ARCHIVED assessment; the caller decides which platforms qualify. */
    public List<UUID[]> completed() {
        return jdbc.sql("""
                        SELECT id, system_id FROM assessment WHERE status IN ('COMPLETED', 'ARCHIVED')
                        ORDER BY completed_at DESC""")
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list();
    }

    // --- inherited items

    public Optional<ItemInheritance> find(UUID itemId) {
        return jdbc.sql("""
                SELECT * FROM assessment_item_inheritance WHERE item_id = ?""").param(itemId).query(INHERITANCE).optional();
    }

    public List<ItemInheritance> ofAssessment(UUID assessmentId) {
        return jdbc.sql("""
                SELECT * FROM assessment_item_inheritance WHERE assessment_id = ?""").param(assessmentId).query(INHERITANCE).list();
    }

    private static final RowMapper<ItemInheritance> INHERITANCE = (rs, n) -> new ItemInheritance(
            rs.getObject("item_id", UUID.class),
            rs.getObject("assessment_id", UUID.class),
            rs.getObject("source_assessment_id", UUID.class),
            rs.getObject("source_item_id", UUID.class),
            rs.getObject("conclusion_id", UUID.class),
            enumOf(Verdict.class, rs.getString("prior_verdict")),
            rs.getString("prior_reason"),
            enumOf(RiskLevel.class, rs.getString("prior_risk_level")),
            rs.getString("prior_risk_reason"),
            rs.getString("marked_by"),
            instant(rs, "marked_at"));
}
