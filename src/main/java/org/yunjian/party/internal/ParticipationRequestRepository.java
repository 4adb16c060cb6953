package org.yunjian.party.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.PartyRole;

/**
 * Persistence of {@link ParticipationRequest}s and of the {@code system_assignment}s an accepted request makes. A
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

    /** Assigns the people to the system (once each; an existing assignment stays as it was). */
    void assign(UUID systemId, UUID organizationId, Collection<UUID> people, UUID by, Instant at) {
        for (UUID person : people) {
            if (jdbc.sql("""
                            SELECT COUNT(*) FROM system_assignment WHERE system_id = ? AND user_id = ?""").params(systemId, person).query(Long.class).single() == 0) {
                jdbc.sql("""
                        INSERT INTO system_assignment (system_id, user_id, organization_id, assigned_by, assigned_at)
                        VALUES (?,?,?,?,?)""")
                        .params(systemId, person, organizationId, by, utc(at))
                        .update();
            }
        }
    }

    /** The people of {@code org} assigned to one system, first assigned first. */
    List<UUID> assignees(UUID systemId, UUID org) {
        return jdbc.sql("""
                SELECT user_id FROM system_assignment WHERE system_id = ? AND organization_id = ?
                ORDER BY assigned_at, user_id""").params(systemId, org).query(UUID.class).list();
    }

    /** The people of {@code org} assigned to each system, by system. */
    java.util.Map<UUID, List<UUID>> assignmentsOf(UUID org) {
        java.util.Map<UUID, List<UUID>> bySystem = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT system_id, user_id FROM system_assignment WHERE organization_id = ? ORDER BY assigned_at, user_id""")
                .param(org)
                .query((rs, n) -> bySystem.computeIfAbsent(
                                rs.getObject("system_id", UUID.class), k -> new java.util.ArrayList<>())
                        .add(rs.getObject("user_id", UUID.class)))
                .list();
        return bySystem;
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
