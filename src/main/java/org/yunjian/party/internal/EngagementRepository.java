package org.yunjian.party.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Engagement;
import org.yunjian.party.LifecyclePhase;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.Versions;

/** Engagements and their participants. */
@Repository
public class EngagementRepository {

    private static final String SELECT = """
            SELECT id, name, system_id, phase, description, created_at, updated_at, version
            FROM engagement""";

    /** The engagements among some ids: the select, the {@code ?} marks. */
    private static final String BY_IDS = """
            %s WHERE id IN (%s) ORDER BY name, id""";
    /** The participants, of all engagements or (a fragment) of some. */
    private static final String PARTICIPANTS = """
            SELECT engagement_id, organization_id, role FROM engagement_participant%s
            ORDER BY engagement_id, role, organization_id""";

    private static final String OF_ENGAGEMENTS = """
            \sWHERE engagement_id IN (%s)""";

    private final JdbcClient jdbc;

    EngagementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Engagement> findAll() {
        return load("""
                %s ORDER BY name, id""".formatted(SELECT), List.of());
    }

    public List<Engagement> findAllById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load(BY_IDS.formatted(SELECT, Jdbc.marks(ids.size())), List.copyOf(ids));
    }

    public List<Engagement> findBySystem(UUID systemId) {
        return load("""
                %s WHERE system_id = ? ORDER BY name, id""".formatted(SELECT), List.of(systemId));
    }

    /**
     * One page of the engagements whose name contains {@code q} (any case), in {@code phase} and on {@code system}
     * (null = any), by name, with the total; {@code org}: the caller's organisation limiting what it sees, unless
     * {@code admin}.
     */
    public Paged<Engagement> page(
            String q, LifecyclePhase phase, UUID system, Viewer org, boolean admin, PageRequest page) {
        PageQueries.Where where = new PageQueries.Where();
        if (!admin) {
            org.and(where, VisibilityQueries.seesEngagement());
        }
        where.contains("name", q, "e.name").equal("e.phase", "phase", phase).equal("e.system_id", "system", system);
        return PageQueries.query(
                jdbc,
                "e.id, e.name, e.system_id, e.phase, e.description, e.created_at, e.updated_at, " + "e.version",
                "engagement e",
                where,
                "e.name, e.id",
                page,
                this::load);
    }

    public Optional<Engagement> findById(UUID id) {
        return load("""
                %s WHERE id = ?""".formatted(SELECT), List.of(id)).stream().findFirst();
    }

    public long count() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM engagement""").query(Long.class).single();
    }

    public void insert(Engagement e) {
        jdbc.sql("""
                        INSERT INTO engagement (id, name, system_id, phase, description, created_at, updated_at)
                        VALUES (?,?,?,?,?,?,?)""")
                .params(
                        e.id(),
                        e.name(),
                        e.systemId(),
                        e.phase().name(),
                        e.description(),
                        Jdbc.utc(e.createdAt()),
                        Jdbc.utc(e.updatedAt()))
                .update();
        insertParticipants(e);
    }

    /** Replaces the engagement if it is still at version {@code expected}; else a stale-version conflict. */
    public void update(Engagement e, long expected) {
        int n = jdbc.sql("""
                UPDATE engagement SET name = ?, system_id = ?, phase = ?, description = ?, updated_at = ?,
                version = version + 1 WHERE id = ? AND version = ?""")
                .params(
                        e.name(),
                        e.systemId(),
                        e.phase().name(),
                        e.description(),
                        Jdbc.utc(e.updatedAt()),
                        e.id(),
                        expected)
                .update();
        Versions.requireUpdated(n, jdbc, "engagement", "updated_at", e.id());
        jdbc.sql("""
                DELETE FROM engagement_participant WHERE engagement_id = ?""").param(e.id()).update();
        insertParticipants(e);
    }

    public void delete(UUID id) {
        jdbc.sql("""
                DELETE FROM engagement WHERE id = ?""").param(id).update();
    }

    private void insertParticipants(Engagement e) {
        for (Engagement.Participant p : e.participants()) {
            jdbc.sql("""
                    INSERT INTO engagement_participant (engagement_id, organization_id, role) VALUES (?,?,?)""").params(e.id(), p.organizationId(), p.role().name()).update();
        }
    }

    private List<Engagement> load(String sql, List<?> params) {
        return load(jdbc.sql(sql).params(params));
    }

    private List<Engagement> load(JdbcClient.StatementSpec statement) {
        record Row(
                UUID id,
                String name,
                UUID system,
                String phase,
                String description,
                Instant created,
                Instant updated,
                long version) {}
        List<Row> rows = statement
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("system_id", UUID.class),
                        rs.getString("phase"),
                        rs.getString("description"),
                        Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "updated_at"),
                        rs.getLong("version")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        boolean many = ids.size() > 200;
        String where = many ? "" : OF_ENGAGEMENTS.formatted(Jdbc.marks(ids.size()));
        Map<UUID, List<Engagement.Participant>> participants = new HashMap<>();
        jdbc.sql(PARTICIPANTS.formatted(where))
                .params(many ? List.of() : new ArrayList<Object>(ids))
                .query(rs -> {
                    participants
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Engagement.Participant(
                                    rs.getObject(2, UUID.class), PartyRole.valueOf(rs.getString(3))));
                });
        List<Engagement> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Engagement(
                    r.id(),
                    r.name(),
                    r.system(),
                    LifecyclePhase.valueOf(r.phase()),
                    r.description(),
                    participants.getOrDefault(r.id(), List.of()),
                    r.created(),
                    r.updated(),
                    r.version()));
        }
        return out;
    }

    /** The roles {@code organizationId} plays in the engagements of a system, each once. */
    List<PartyRole> participantRoles(UUID systemId, UUID organizationId) {
        return jdbc.sql("""
                SELECT DISTINCT p.role FROM engagement_participant p JOIN engagement e ON e.id = p.engagement_id
                WHERE e.system_id = ? AND p.organization_id = ?""").params(systemId, organizationId).query(String.class).list().stream()
                .map(PartyRole::valueOf)
                .toList();
    }

    /** Every participant of the system's engagements: organisation and role, in engagement order. */
    List<Map.Entry<UUID, PartyRole>> participants(UUID systemId) {
        return jdbc.sql("""
                SELECT p.organization_id, p.role FROM engagement_participant p JOIN engagement e
                ON e.id = p.engagement_id WHERE e.system_id = ? ORDER BY e.created_at, e.id, p.role""")
                .param(systemId)
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), PartyRole.valueOf(rs.getString(2))))
                .list();
    }
}
