package org.yunjian.party.internal;

import static org.yunjian.shared.Jdbc.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who is assigned to which system ({@code system_assignment}) and who holds the whole-organisation grant ({@code
 * visibility_grant}): the person-level half of the visibility rule ({@link VisibilityQueries}).
 */
@Repository
class AssignmentRepository {

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Assigns the people to the system (once each; an existing assignment stays as it was); the newly assigned. */
    List<UUID> assign(UUID systemId, UUID organizationId, Collection<UUID> people, UUID by, Instant at) {
        List<UUID> added = new java.util.ArrayList<>();
        for (UUID person : people) {
            if (jdbc.sql("""
                            SELECT COUNT(*) FROM system_assignment WHERE system_id = ? AND user_id = ?""").params(systemId, person).query(Long.class).single() == 0) {
                jdbc.sql("""
                        INSERT INTO system_assignment (system_id, user_id, organization_id, assigned_by, assigned_at)
                        VALUES (?,?,?,?,?)""")
                        .params(systemId, person, organizationId, by, utc(at))
                        .update();
                added.add(person);
            }
        }
        return added;
    }

    /** Ends one person's assignment to a system; whether there was one. */
    boolean unassign(UUID systemId, UUID person) {
        return jdbc.sql("""
                        DELETE FROM system_assignment WHERE system_id = ? AND user_id = ?""").params(systemId, person).update() > 0;
    }

    /** The people of {@code org} assigned to one system, first assigned first. */
    List<UUID> assignees(UUID systemId, UUID org) {
        return jdbc.sql("""
                SELECT user_id FROM system_assignment WHERE system_id = ? AND organization_id = ?
                ORDER BY assigned_at, user_id""").params(systemId, org).query(UUID.class).list();
    }

    /** The systems one person is assigned to, first assigned first. */
    List<UUID> systemsOf(UUID person) {
        return jdbc.sql("""
                SELECT system_id FROM system_assignment WHERE user_id = ? ORDER BY assigned_at, system_id""").param(person).query(UUID.class).list();
    }

    /** The people of {@code org} assigned to each system, by system. */
    Map<UUID, List<UUID>> assignmentsOf(UUID org) {
        Map<UUID, List<UUID>> bySystem = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT system_id, user_id FROM system_assignment WHERE organization_id = ? ORDER BY assigned_at, user_id""")
                .param(org)
                .query((rs, n) -> bySystem.computeIfAbsent(
                                rs.getObject("system_id", UUID.class), k -> new java.util.ArrayList<>())
                        .add(rs.getObject("user_id", UUID.class)))
                .list();
        return bySystem;
    }

    /** Whether the person holds the grant to see everything {@code org} takes part in. */
    boolean granted(UUID person, UUID org) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM visibility_grant WHERE user_id = ? AND organization_id = ?""").params(person, org).query(Long.class).single() > 0;
    }

    /** The people holding {@code org}'s grant and those assigned to {@code systemId}. */
    List<UUID> grantedOrAssigned(UUID org, UUID systemId) {
        return jdbc.sql("""
                SELECT user_id FROM visibility_grant WHERE organization_id = ?
                UNION SELECT user_id FROM system_assignment WHERE system_id = ?""").params(org, systemId).query(UUID.class).list();
    }

    /** The people of {@code org} holding the grant. */
    List<UUID> grantees(UUID org) {
        return jdbc.sql("""
                SELECT user_id FROM visibility_grant WHERE organization_id = ? ORDER BY granted_at, user_id""").param(org).query(UUID.class).list();
    }

    /** Gives the grant; whether it was not held before. */
    boolean grant(UUID person, UUID org, UUID by, Instant at) {
        if (granted(person, org)) {
            return false;
        }
        jdbc.sql("""
                DELETE FROM visibility_grant WHERE user_id = ?""").param(person).update();
        jdbc.sql("""
                INSERT INTO visibility_grant (user_id, organization_id, granted_by, granted_at) VALUES (?,?,?,?)""").params(person, org, by, utc(at)).update();
        return true;
    }

    /** Withdraws the grant; whether it was held. */
    boolean revoke(UUID person) {
        return jdbc.sql("""
                        DELETE FROM visibility_grant WHERE user_id = ?""").param(person).update() > 0;
    }
}
