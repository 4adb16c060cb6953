package org.yunjian.risk;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.risk.RiskRegister.Milestone;

/** The register's tables: treatment and acceptance per task, milestones, re-test links, follow-up assessments. */
@Repository
public class RiskRepository {

    /** A task's treatment as stored; a task without a row is remediated with the item's risk reason. */
    public record Risk(
            UUID remediationId,
            RiskTreatment treatment,
            String description,
            UUID transferOrgId,
            RiskAcceptance acceptance,
            Instant proposedAt,
            Instant updatedAt,
            RiskRegister.Authored descriptionBy,
            RiskRegister.Authored statement) {

        /** The same risk with another treatment, acceptance and time; who wrote what kept. */
        Risk with(RiskAcceptance a, Instant at) {
            return new Risk(
                    remediationId, treatment, description, transferOrgId, a, proposedAt, at, descriptionBy, statement);
        }
    }

    /** An item of a follow-up assessment and the finding it re-tests. */
    public record RetestLink(UUID itemId, UUID originItemId, UUID originRemediationId) {}

    private final JdbcClient jdbc;

    RiskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- treatment

    Optional<Risk> risk(UUID remediationId) {
        return jdbc.sql("""
                SELECT * FROM assessment_risk WHERE remediation_id = ?""").param(remediationId).query(RISK).optional();
    }

    public Map<UUID, Risk> risksOfAssessment(UUID assessmentId) {
        Map<UUID, Risk> out = new HashMap<>();
        jdbc.sql("""
                        SELECT k.* FROM assessment_risk k JOIN assessment_remediation r ON r.id = k.remediation_id
                        WHERE r.assessment_id = ?""").param(assessmentId).query(RISK).list().forEach(k -> out.put(k.remediationId(), k));
        return out;
    }

    void saveRisk(Risk k) {
        RiskAcceptance a = k.acceptance();
        int n = jdbc.sql("""
                        UPDATE assessment_risk SET treatment = ?, risk_description = ?, transfer_org_id = ?,
                        accept_reason = ?, accept_expires_on = ?, accept_proposed_by = ?, accept_proposed_at = ?,
                        accept_approved_by = ?, accept_approved_on = ?, updated_at = ?,
                        description_by_name = ?, description_at = ?, customer_statement = ?, statement_by_name = ?,
                        statement_at = ? WHERE remediation_id = ?""")
                .params(
                        k.treatment().name(),
                        k.description(),
                        k.transferOrgId(),
                        a == null ? null : a.reason(),
                        a == null ? null : a.expiresOn(),
                        a == null ? null : a.proposedBy(),
                        utc(k.proposedAt()),
                        a == null ? null : a.approvedBy(),
                        a == null ? null : a.approvedOn(),
                        utc(k.updatedAt()),
                        k.descriptionBy() == null ? null : k.descriptionBy().byName(),
                        k.descriptionBy() == null ? null : utc(k.descriptionBy().at()),
                        k.statement() == null ? null : k.statement().text(),
                        k.statement() == null ? null : k.statement().byName(),
                        k.statement() == null ? null : utc(k.statement().at()),
                        k.remediationId())
                .update();
        if (n == 0) {
            jdbc.sql("""
                            INSERT INTO assessment_risk (remediation_id, treatment, risk_description, transfer_org_id,
                            accept_reason, accept_expires_on, accept_proposed_by, accept_proposed_at,
                            accept_approved_by, accept_approved_on, updated_at, description_by_name, description_at,
                            customer_statement, statement_by_name, statement_at)
                            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                    .params(
                            k.remediationId(),
                            k.treatment().name(),
                            k.description(),
                            k.transferOrgId(),
                            a == null ? null : a.reason(),
                            a == null ? null : a.expiresOn(),
                            a == null ? null : a.proposedBy(),
                            utc(k.proposedAt()),
                            a == null ? null : a.approvedBy(),
                            a == null ? null : a.approvedOn(),
                            utc(k.updatedAt()),
                            k.descriptionBy() == null ? null : k.descriptionBy().byName(),
                            k.descriptionBy() == null
                                    ? null
                                    : utc(k.descriptionBy().at()),
                            k.statement() == null ? null : k.statement().text(),
                            k.statement() == null ? null : k.statement().byName(),
                            k.statement() == null ? null : utc(k.statement().at()))
                    .update();
        }
    }

    private static final RowMapper<Risk> RISK = (rs, n) -> {
        LocalDate expires = rs.getObject("accept_expires_on", LocalDate.class);
        UUID proposer = rs.getObject("accept_proposed_by", UUID.class);
        RiskAcceptance acceptance = expires == null || proposer == null
                ? null
                : new RiskAcceptance(
                        rs.getString("accept_reason"),
                        expires,
                        proposer,
                        rs.getObject("accept_approved_by", UUID.class),
                        rs.getObject("accept_approved_on", LocalDate.class));
        return new Risk(
                rs.getObject("remediation_id", UUID.class),
                RiskTreatment.valueOf(rs.getString("treatment")),
                rs.getString("risk_description"),
                rs.getObject("transfer_org_id", UUID.class),
                acceptance,
                instant(rs, "accept_proposed_at"),
                instant(rs, "updated_at"),
                rs.getString("description_by_name") == null
                        ? null
                        : new RiskRegister.Authored(
                                rs.getString("risk_description"),
                                rs.getString("description_by_name"),
                                instant(rs, "description_at")),
                rs.getString("customer_statement") == null
                        ? null
                        : new RiskRegister.Authored(
                                rs.getString("customer_statement"),
                                rs.getString("statement_by_name"),
                                instant(rs, "statement_at")));
    };

    // --- history

    void insertChanges(List<RiskChange> changes) {
        for (RiskChange c : changes) {
            jdbc.sql("""
                            INSERT INTO assessment_risk_change (id, remediation_id, changed_at, by_name, field, subject,
                            before_value, after_value) VALUES (?,?,?,?,?,?,?,?)""")
                    .params(
                            c.id(),
                            c.remediationId(),
                            utc(c.at()),
                            c.byName(),
                            c.field().name(),
                            c.subject(),
                            c.before(),
                            c.after())
                    .update();
        }
    }

    List<RiskChange> changes(UUID remediationId) {
        return jdbc.sql("""
                SELECT * FROM assessment_risk_change WHERE remediation_id = ? ORDER BY changed_at, field, id""").param(remediationId).query(CHANGE).list();
    }

    /** The history of every entry of an assessment, by task, oldest first. */
    Map<UUID, List<RiskChange>> changesOfAssessment(UUID assessmentId) {
        Map<UUID, List<RiskChange>> out = new HashMap<>();
        jdbc.sql("""
                        SELECT c.* FROM assessment_risk_change c JOIN assessment_remediation r ON r.id = c.remediation_id
                        WHERE r.assessment_id = ? ORDER BY c.changed_at, c.field, c.id""").param(assessmentId).query(CHANGE).list().forEach(c -> out.computeIfAbsent(
                        c.remediationId(), k -> new ArrayList<>())
                .add(c));
        return out;
    }

    private static final RowMapper<RiskChange> CHANGE = (rs, n) -> new RiskChange(
            rs.getObject("id", UUID.class),
            rs.getObject("remediation_id", UUID.class),
            instant(rs, "changed_at"),
            rs.getString("by_name"),
            RiskField.valueOf(rs.getString("field")),
            rs.getString("subject"),
            rs.getString("before_value"),
            rs.getString("after_value"));

    // --- milestones

    void insertMilestone(Milestone m) {
        jdbc.sql("""
                        INSERT INTO assessment_milestone (id, remediation_id, description, target_date, done_on, created_at)
                        VALUES (?,?,?,?,?,?)""")
                .params(m.id(), m.remediationId(), m.description(), m.targetDate(), m.doneOn(), utc(m.createdAt()))
                .update();
    }

    void updateMilestone(Milestone m) {
        jdbc.sql("""
                        UPDATE assessment_milestone SET description = ?, target_date = ?, done_on = ?
                        WHERE id = ?""")
                .params(m.description(), m.targetDate(), m.doneOn(), m.id())
                .update();
    }

    void deleteMilestone(UUID id) {
        jdbc.sql("""
                DELETE FROM assessment_milestone WHERE id = ?""").param(id).update();
    }

    Optional<Milestone> milestone(UUID id) {
        return jdbc.sql("""
                SELECT * FROM assessment_milestone WHERE id = ?""").param(id).query(MILESTONE).optional();
    }

    List<Milestone> milestones(UUID remediationId) {
        return jdbc.sql("""
                SELECT * FROM assessment_milestone WHERE remediation_id = ? ORDER BY target_date, created_at, id""").param(remediationId).query(MILESTONE).list();
    }

    Map<UUID, List<Milestone>> milestonesOfAssessment(UUID assessmentId) {
        Map<UUID, List<Milestone>> out = new HashMap<>();
        jdbc.sql("""
                        SELECT m.* FROM assessment_milestone m JOIN assessment_remediation r ON r.id = m.remediation_id
                        WHERE r.assessment_id = ? ORDER BY m.target_date, m.created_at, m.id""").param(assessmentId).query(MILESTONE).list().forEach(m -> out.computeIfAbsent(
                        m.remediationId(), k -> new ArrayList<>())
                .add(m));
        return out;
    }

    private static final RowMapper<Milestone> MILESTONE = (rs, n) -> new Milestone(
            rs.getObject("id", UUID.class),
            rs.getObject("remediation_id", UUID.class),
            rs.getString("description"),
            rs.getObject("target_date", LocalDate.class),
            rs.getObject("done_on", LocalDate.class),
            instant(rs, "created_at"));

    // --- follow-ups and re-tests

    /** The assessments with a finding treated by 接受 (whose acceptance the date may expire). */
    public List<UUID> assessmentsWithAcceptances() {
        return jdbc.sql("""
                SELECT DISTINCT r.assessment_id FROM assessment_risk k
                JOIN assessment_remediation r ON r.id = k.remediation_id WHERE k.treatment = 'ACCEPT'""").query(UUID.class).list();
    }

    Optional<UUID> followUpOf(UUID assessmentId) {
        return jdbc.sql("""
                SELECT follow_up_of FROM assessment WHERE id = ? AND follow_up_of IS NOT NULL""").param(assessmentId).query(UUID.class).optional();
    }

    /** Ids of the follow-up assessments of an assessment, oldest first. */
    List<UUID> followUps(UUID assessmentId) {
        return jdbc.sql("""
                SELECT id FROM assessment WHERE follow_up_of = ? ORDER BY created_at, id""").param(assessmentId).query(UUID.class).list();
    }

    public void insertRetest(RetestLink l) {
        jdbc.sql("""
                INSERT INTO assessment_retest (item_id, origin_item_id, origin_remediation_id) VALUES (?,?,?)""")
                .params(l.itemId(), l.originItemId(), l.originRemediationId())
                .update();
    }

    public Optional<RetestLink> retestOf(UUID itemId) {
        return jdbc.sql("""
                SELECT * FROM assessment_retest WHERE item_id = ?""").param(itemId).query(RETEST).optional();
    }

    /** The re-test items of the given tasks, by task. */
    Map<UUID, List<RetestLink>> retestsOf(Collection<UUID> remediationIds) {
        Map<UUID, List<RetestLink>> out = new HashMap<>();
        if (remediationIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                SELECT * FROM assessment_retest WHERE origin_remediation_id IN (:ids)""").param("ids", remediationIds).query(RETEST).list().forEach(l -> out.computeIfAbsent(
                        l.originRemediationId(), k -> new ArrayList<>())
                .add(l));
        return out;
    }

    private static final RowMapper<RetestLink> RETEST = (rs, n) -> new RetestLink(
            rs.getObject("item_id", UUID.class),
            rs.getObject("origin_item_id", UUID.class),
            rs.getObject("origin_remediation_id", UUID.class));
}
