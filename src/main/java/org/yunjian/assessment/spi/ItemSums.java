package org.yunjian.assessment.spi;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;

/**
 * The stored item sums of completed assessments (tables {@code assessment_item_sums} and
 * {@code assessment_control_point_sums}), which the across-systems dashboard reads instead of the items (issue 15:
 * one row per system whatever the size of the assessments). A completed assessment's items no longer change
 * ({@link AssessmentStatus}: COMPLETED → ARCHIVED only), so the sums are written once, by the completion step
 * ({@link Reviews}), and at start-up (before requests are served) for every completed or archived assessment that has none (those completed
 * before the tables existed, or written by other means: restored, seeded). Both run the same statements, built from
 * {@link ScoreSql}: no scoring rule is stated here.
 */
@Component
public class ItemSums implements SmartInitializingSingleton {

    /** The width of assessment_item.requirement_id, fixed in {@link #FIRST_ITEM}. */
    public static final int REQUIREMENT_WIDTH = 60;

    /** The width of the position in {@link #FIRST_ITEM}. */
    public static final int POSITION_WIDTH = 10;

    private static final Logger log = LoggerFactory.getLogger(ItemSums.class);

    /**
     * A control point's first item by position, as {@code ScoreResult.byControlPoint} labels the group: the least
     * "position, requirement, layer" with the position and requirement fixed-width.
     */
    private static final String FIRST_ITEM = "MIN(LPAD(CAST(i.position AS VARCHAR(10)), " + POSITION_WIDTH
            + ", '0') || RPAD(i.requirement_id, " + REQUIREMENT_WIDTH + ", ' ') || i.layer)";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ItemSums(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Writes the sums of assessment {@code id}, in the caller's transaction (the completion step). */
    public void store(UUID id) {
        jdbc.sql("DELETE FROM assessment_control_point_sums WHERE assessment_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM assessment_item_sums WHERE assessment_id = :id").param("id", id).update();
        insert("a.id = :id", id);
    }

    /** Writes the sums of every completed or archived assessment that has none; the number of assessments. */
    public int backfill() {
        String missing = "a.status IN ('" + AssessmentStatus.COMPLETED.name() + "', '"
                + AssessmentStatus.ARCHIVED.name() + "') AND NOT EXISTS (SELECT 1 FROM assessment_item_sums x "
                + "WHERE x.assessment_id = a.id)";
        Integer n = tx.execute(status -> insert(missing, null));
        return n == null ? 0 : n;
    }

    /** The back-fill, at start-up before the first request is served; nothing to do once every one has sums. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            long start = System.nanoTime();
            int n = backfill();
            if (n > 0) {
                log.info("Stored the item sums of {} completed assessment(s) in {} ms", n,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (DataIntegrityViolationException e) {
            // another node starting at the same time stored them first
            log.info("Item sums already being stored by another node: {}", e.getMostSpecificCause().getMessage());
        }
    }

    /** The control point sums first (they look for assessments without sums), then the assessment's. */
    private int insert(String which, UUID id) {
        var points = jdbc.sql("INSERT INTO assessment_control_point_sums (assessment_id, control_point, first_item, "
                + "failing, compliant, partial, non_compliant, not_applicable, doubled_score, scored) "
                + "SELECT i.assessment_id, i.control_point, " + FIRST_ITEM + ", "
                + "MAX(CASE WHEN " + ScoreSql.isFinding("i") + " THEN 1 ELSE 0 END), "
                + ScoreSql.count("i", Verdict.COMPLIANT) + ", " + ScoreSql.count("i", Verdict.PARTIALLY_COMPLIANT) + ", "
                + ScoreSql.count("i", Verdict.NON_COMPLIANT) + ", " + ScoreSql.count("i", Verdict.NOT_APPLICABLE) + ", "
                + ScoreSql.doubledScore("i") + ", " + ScoreSql.scoredCount("i") + " FROM assessment a "
                // from the assessments, their items by index (an IN subquery H2 may evaluate again per item)
                + "JOIN assessment_item i ON i.assessment_id = a.id WHERE " + which
                + " GROUP BY i.assessment_id, i.control_point");
        var sums = jdbc.sql("INSERT INTO assessment_item_sums (assessment_id, doubled_score, scored, recorded, high, "
                + "medium) SELECT a.id, COALESCE(" + ScoreSql.doubledScore("i") + ", 0), COALESCE("
                + ScoreSql.scoredCount("i") + ", 0), COUNT(i.verdict), COALESCE(" + ScoreSql.findings("i", RiskLevel.HIGH)
                + ", 0), COALESCE(" + ScoreSql.findings("i", RiskLevel.MEDIUM) + ", 0) FROM assessment a "
                + "LEFT JOIN assessment_item i ON i.assessment_id = a.id WHERE " + which + " GROUP BY a.id");
        if (id != null) {
            points = points.param("id", id);
            sums = sums.param("id", id);
        }
        points.update();
        return sums.update();
    }
}
