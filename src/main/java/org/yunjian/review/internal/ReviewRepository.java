package org.yunjian.review.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.review.Reviews.Comment;
import org.yunjian.review.Reviews.Step;
import org.yunjian.review.Reviews.StepKind;

/** The review history and the reviewer's comments on items (the team is the assessment's: {@code Assessments}). */
@Repository
public class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Usernames of everyone who recorded a verdict on an item of the assessment. */
    public Set<String> verdictRecorders(UUID assessmentId) {
        return new HashSet<>(
                jdbc.sql("""
                        SELECT DISTINCT h.recorded_by FROM assessment_verdict_history h
                        JOIN assessment_item i ON i.id = h.item_id WHERE i.assessment_id = ?""").param(assessmentId).query(String.class).list());
    }

    public void insertStep(Step s) {
        jdbc.sql("""
                        INSERT INTO assessment_review_step (id, assessment_id, kind, actor_id, actor_name, comment,
                        comment_count, happened_at) VALUES (?,?,?,?,?,?,?,?)""")
                .params(
                        s.id(),
                        s.assessmentId(),
                        s.kind().name(),
                        s.actorId(),
                        s.actorName(),
                        s.comment(),
                        s.commentCount(),
                        utc(s.at()))
                .update();
    }

    public List<Step> steps(UUID assessmentId) {
        return jdbc.sql("""
                SELECT * FROM assessment_review_step WHERE assessment_id = ? ORDER BY happened_at, id""").param(assessmentId).query(STEP).list();
    }

    public void insertComment(Comment c) {
        jdbc.sql("""
                        INSERT INTO assessment_review_comment (id, assessment_id, item_id, step_id, author_name, body,
                        created_at) VALUES (?,?,?,?,?,?,?)""")
                .params(c.id(), c.assessmentId(), c.itemId(), c.stepId(), c.authorName(), c.body(), utc(c.createdAt()))
                .update();
    }

    public List<Comment> comments(UUID assessmentId) {
        return jdbc.sql("""
                SELECT * FROM assessment_review_comment WHERE assessment_id = ? ORDER BY created_at, id""").param(assessmentId).query(COMMENT).list();
    }

    public List<Comment> commentsOfItem(UUID itemId) {
        return jdbc.sql("""
                SELECT * FROM assessment_review_comment WHERE item_id = ? ORDER BY created_at, id""").param(itemId).query(COMMENT).list();
    }

    public Optional<Comment> comment(UUID id) {
        return jdbc.sql("""
                SELECT * FROM assessment_review_comment WHERE id = ?""").param(id).query(COMMENT).optional();
    }

    /** Marks the comment resolved unless it already is; false if it was. */
    public boolean resolve(UUID id, String byName, Instant at) {
        return jdbc.sql("""
                        UPDATE assessment_review_comment SET resolved_at = ?, resolved_by_name = ?
                        WHERE id = ? AND resolved_at IS NULL""").params(utc(at), byName, id).update() == 1;
    }

    private static final RowMapper<Step> STEP = (rs, n) -> new Step(
            rs.getObject("id", UUID.class),
            rs.getObject("assessment_id", UUID.class),
            StepKind.valueOf(rs.getString("kind")),
            rs.getObject("actor_id", UUID.class),
            rs.getString("actor_name"),
            rs.getString("comment"),
            rs.getInt("comment_count"),
            instant(rs, "happened_at"));

    private static final RowMapper<Comment> COMMENT = (rs, n) -> new Comment(
            rs.getObject("id", UUID.class),
            rs.getObject("assessment_id", UUID.class),
            rs.getObject("item_id", UUID.class),
            rs.getObject("step_id", UUID.class),
            rs.getString("author_name"),
            rs.getString("body"),
            instant(rs, "created_at"),
            instant(rs, "resolved_at"),
            rs.getString("resolved_by_name"));
}
