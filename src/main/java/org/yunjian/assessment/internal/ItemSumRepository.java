package org.yunjian.assessment.internal;

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
import org.yunjian.assessment.ScoreQueries;
import org.yunjian.assessment.Verdict;

/**
 * The stored item sums of completed assessments (tables {@code assessment_item_sums} and
 * {@code assessment_control_point_sums}), which the across-systems dashboard reads instead of the items (issue 15:
 * one row per system whatever the size of the assessments). A completed assessment's items no longer change
 * ({@link AssessmentStatus}: COMPLETED → ARCHIVED only), so the sums are written once, by the completion step
 * ({@link Reviews}), and at start-up (before requests are served) for every completed or archived assessment that has none (those completed
 * before the tables existed, or written by other means: restored, seeded). Both run the same statements, built from
 * {@link ScoreQueries}: no scoring rule is stated here.
 */
@Component
public class ItemSumRepository implements SmartInitializingSingleton {

    /** The width of assessment_item.requirement_id, fixed in {@link #FIRST_ITEM}. */
    public static final int REQUIREMENT_WIDTH = 60;

    /** The width of the position in {@link #FIRST_ITEM}. */
    public static final int POSITION_WIDTH = 10;

    private static final Logger log = LoggerFactory.getLogger(ItemSumRepository.class);

    /**
     * A control point's first item by position, as {@code ScoreResult.byControlPoint} labels the group: the least
     * "position, requirement, layer" with the position and requirement fixed-width.
     */
    private static final String FIRST_ITEM = """
            MIN(LPAD(CAST(i.position AS VARCHAR(10)), %s, '0') || RPAD(i.requirement_id, %s, ' ') \
            || i.layer)""".formatted(POSITION_WIDTH, REQUIREMENT_WIDTH);
    /** The assessment {@code :id}. */
    private static final String ONE = """
            a.id = :id""";
    /** The completed and archived assessments without sums. */
    private static final String MISSING =
            """
            a.status IN ('%s', '%s') AND NOT EXISTS (SELECT 1 FROM assessment_item_sums x \
            WHERE x.assessment_id = a.id)""".formatted(AssessmentStatus.COMPLETED.name(), AssessmentStatus.ARCHIVED.name());
    /** First item, finding, four verdict counts, doubled score, scored count, which assessments. */
    private static final String POINTS = """
            INSERT INTO assessment_control_point_sums (assessment_id, control_point, first_item, \
            failing, compliant, partial, non_compliant, not_applicable, doubled_score, scored) \
            SELECT i.assessment_id, i.control_point, %s, \
            MAX(CASE WHEN %s THEN 1 ELSE 0 END), \
            %s, %s, \
            %s, %s, \
            %s, %s FROM assessment a \
            JOIN assessment_item i ON i.assessment_id = a.id WHERE %s \
            GROUP BY i.assessment_id, i.control_point""";
    /** Doubled score, scored count, high and medium findings, which assessments. */
    private static final String SUMS = """
            INSERT INTO assessment_item_sums (assessment_id, doubled_score, scored, recorded, high, \
            medium) SELECT a.id, COALESCE(%s, 0), COALESCE(%s, 0), COUNT(i.verdict), COALESCE(%s, 0), \
            COALESCE(%s, 0) FROM assessment a \
            LEFT JOIN assessment_item i ON i.assessment_id = a.id WHERE %s GROUP BY a.id""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ItemSumRepository(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Writes the sums of assessment {@code id}, in the caller's transaction (the completion step). */
    public void store(UUID id) {
        jdbc.sql("""
                DELETE FROM assessment_control_point_sums WHERE assessment_id = :id""").param("id", id).update();
        jdbc.sql("""
                DELETE FROM assessment_item_sums WHERE assessment_id = :id""").param("id", id).update();
        insert(ONE, id);
    }

    /** Writes the sums of every completed or archived assessment that has none; the number of assessments. */
    public int backfill() {
        Integer n = tx.execute(status -> insert(MISSING, null));
        return n == null ? 0 : n;
    }

    /** The back-fill, at start-up before the first request is served; nothing to do once every one has sums. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            long start = System.nanoTime();
            int n = backfill();
            if (n > 0) {
                log.info(
                        "Stored the item sums of {} completed assessment(s) in {} ms",
                        n,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (DataIntegrityViolationException e) {
            // another node starting at the same time stored them first
            log.info(
                    "Item sums already being stored by another node: {}",
                    e.getMostSpecificCause().getMessage());
        }
    }

    /** The control point sums first (they look for assessments without sums), then the assessment's. */
    private int insert(String which, UUID id) {
        // from the assessments, their items by index (an IN subquery H2 may evaluate again per item)
        var points = jdbc.sql(POINTS.formatted(
                FIRST_ITEM,
                ScoreQueries.isFinding("i"),
                ScoreQueries.count("i", Verdict.COMPLIANT),
                ScoreQueries.count("i", Verdict.PARTIALLY_COMPLIANT),
                ScoreQueries.count("i", Verdict.NON_COMPLIANT),
                ScoreQueries.count("i", Verdict.NOT_APPLICABLE),
                ScoreQueries.doubledScore("i"),
                ScoreQueries.scoredCount("i"),
                which));
        var sums = jdbc.sql(SUMS.formatted(
                ScoreQueries.doubledScore("i"),
                ScoreQueries.scoredCount("i"),
                ScoreQueries.findings("i", RiskLevel.HIGH),
                ScoreQueries.findings("i", RiskLevel.MEDIUM),
                which));
        if (id != null) {
            points = points.param("id", id);
            sums = sums.param("id", id);
        }
        points.update();
        return sums.update();
    }
}
