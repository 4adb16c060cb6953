package org.yunjian.party.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.PartyRole;

/**
 * Persistence of {@link ParticipationRequest}s (the assignments an accepted request makes: {@link AssignmentRepository}). A
 * decision is one conditional update (still pending), so of two administrators deciding at once exactly one wins.
 */
@Repository
class ParticipationRequestRepository {

    private static final String COLUMNS = "id, system_id, engagement_id, party_role, organization_id, "
            + "requesting_org_id, requested_by, message, status, created_at, decided_at, decided_by, reason";

    private final JdbcClient jdbc;

    ParticipationRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ParticipationRequest r) {
        jdbc.sql("""
                INSERT INTO participation_request (%s) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""".formatted(COLUMNS))
                .params(
                        r.id(),
                        r.systemId(),
                        r.engagementId(),
                        r.role().name(),
                        r.organizationId(),
                        r.requestingOrgId(),
                        r.requestedBy(),
                        r.message(),
                        r.status().name(),
                        utc(r.createdAt()),
                        null,
                        null,
                        null)
                .update();
    }

    Optional<ParticipationRequest> findById(UUID id) {
        return jdbc.sql("""
                SELECT %s FROM participation_request WHERE id = ?""".formatted(COLUMNS)).param(id).query(this::map).optional();
    }

    /** The requests an organisation sent or received, newest first. */
    List<ParticipationRequest> involving(UUID org) {
        return jdbc.sql("""
                SELECT %s FROM participation_request WHERE requesting_org_id = ? UNION
                SELECT %s FROM participation_request WHERE organization_id = ? ORDER BY created_at DESC, id""".formatted(COLUMNS, COLUMNS))
                .params(org, org)
                .query(this::map)
                .list();
    }

    /** The pending requests an organisation received, oldest first. */
    List<ParticipationRequest> pendingFor(UUID org) {
        return jdbc.sql("""
                SELECT %s FROM participation_request WHERE organization_id = ? AND status = 'PENDING'
                ORDER BY created_at, id""".formatted(COLUMNS)).param(org).query(this::map).list();
    }

    List<ParticipationRequest> allPending() {
        return jdbc.sql("""
                SELECT %s FROM participation_request WHERE status = 'PENDING'""".formatted(COLUMNS)).query(this::map).list();
    }

    /** Whether the same organisation is already asked for the same engagement and role. */
    boolean pendingExists(UUID org, UUID engagementId, PartyRole role) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM participation_request WHERE organization_id = ? AND engagement_id = ?
                AND party_role = ? AND status = 'PENDING'""")
                        .params(org, engagementId, role.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Stores the decision if the request is still pending: whether this caller's decision was the one taken. */
    boolean decide(ParticipationRequest decided) {
        return jdbc.sql("""
                        UPDATE participation_request SET status = ?, decided_at = ?, decided_by = ?, reason = ?
                        WHERE id = ? AND status = 'PENDING'""")
                        .params(
                                decided.status().name(),
                                utc(decided.decidedAt()),
                                decided.decidedBy(),
                                decided.reason(),
                                decided.id())
                        .update()
                == 1;
    }

    private ParticipationRequest map(ResultSet rs, int n) throws SQLException {
        return new ParticipationRequest(
                rs.getObject("id", UUID.class),
                rs.getObject("system_id", UUID.class),
                rs.getObject("engagement_id", UUID.class),
                PartyRole.valueOf(rs.getString("party_role")),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("requesting_org_id", UUID.class),
                rs.getObject("requested_by", UUID.class),
                rs.getString("message"),
                ParticipationRequest.Status.valueOf(rs.getString("status")),
                instant(rs, "created_at"),
                instant(rs, "decided_at"),
                rs.getObject("decided_by", UUID.class),
                rs.getString("reason"));
    }
}
