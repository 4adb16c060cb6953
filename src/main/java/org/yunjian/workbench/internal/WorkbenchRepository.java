package org.yunjian.workbench.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.Records;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/** The set-based reads of the workbench and "my work": one query each, never one per item. */
@Repository
class WorkbenchRepository {

    private final JdbcClient jdbc;

    WorkbenchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Items of the assessment that have at least one recorded verdict (a new one is then a re-test). */
    Set<UUID> itemsWithHistory(UUID assessmentId) {
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT h.item_id FROM assessment_verdict_history h
                        JOIN assessment_item i ON i.id = h.item_id WHERE i.assessment_id = ?""").param(assessmentId).query(UUID.class).list());
    }

    /** Per assessment: {total items, unrecorded items}. */
    Map<UUID, int[]> itemCounts(Collection<UUID> assessmentIds) {
        Map<UUID, int[]> out = new HashMap<>();
        if (assessmentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT assessment_id, COUNT(*) AS total, SUM(CASE WHEN verdict IS NULL THEN 1 ELSE 0 END) AS open
                        FROM assessment_item WHERE assessment_id IN (:ids) GROUP BY assessment_id""")
                .param("ids", assessmentIds)
                .query((rs, n) -> out.put(
                        rs.getObject("assessment_id", UUID.class), new int[] {rs.getInt("total"), rs.getInt("open")}))
                .list();
        return out;
    }

    /** The distinct (requirement, layer, control point) of an assessment's items: what its text search looks in. */
    List<String[]> requirementsOf(UUID assessmentId) {
        return jdbc.sql("""
                        SELECT DISTINCT requirement_id, layer, control_point FROM assessment_item
                        WHERE assessment_id = ?""")
                .param(assessmentId)
                .query((rs, n) -> new String[] {
                    rs.getString("requirement_id"), rs.getString("layer"), rs.getString("control_point")
                })
                .list();
    }

    /**
     * One page of an assessment's items in order with their total (ADR 009): {@code filter}'s layer, control point,
     * side and verdict in SQL; its text in the number or requirement id, or {@code textRequirements} (the
     * requirements whose text, layer or control point contains it, in the reader's language).
     */
    Paged<Records.TestItem> items(
            UUID assessmentId, ItemFilter filter, Collection<String> textRequirements, PageRequest page) {
        PageQueries.Where where = new PageQueries.Where()
                .and("assessment_id = :a", "a", assessmentId)
                .equal("layer", "layer", filter.layer())
                .equal("control_point", "point", filter.controlPoint())
                .equal("side", "side", filter.side());
        if ("NONE".equals(filter.verdict())) {
            where.and("""
                    verdict IS NULL""");
        } else {
            where.equal("verdict", "verdict", filter.verdict());
        }
        if (filter.q() != null) {
            String any = """
                    (LOWER(requirement_id) LIKE :q ESCAPE '!' OR CAST(position + 1 AS VARCHAR(10)) LIKE :q \
                    ESCAPE '!'%s)""".formatted(textRequirements.isEmpty() ? "" : """
                    \sOR requirement_id IN (:texts)""");
            where.and(any, "q", ListFilters.likeContains(filter.q()));
            if (!textRequirements.isEmpty()) {
                where.param("texts", textRequirements);
            }
        }
        return PageQueries.query(jdbc, "*", "assessment_item", where, "position, id", page, statement -> statement
                .query(AssessmentReads.ITEM)
                .list());
    }
}
