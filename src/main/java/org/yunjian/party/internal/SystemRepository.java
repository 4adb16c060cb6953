package org.yunjian.party.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DataClassification;
import org.yunjian.party.Industry;
import org.yunjian.party.ServiceModel;
import org.yunjian.party.SystemQuery;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.keys.KeyDirectory;
import org.yunjian.shared.keys.SealedText;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.Versions;

/**
 * Cloud systems with their regions and agents, and (separately) the customer's private notes — sealed in the database
 * ({@link PrivateNotesSealing}): written sealed, opened when read.
 */
@Repository
public class SystemRepository {

    private static final String SELECT = """
            SELECT id, name, customer_id, provider_id, protection_level,
            deployment_model, service_model, industry, data_classification, created_at, updated_at, version,
            platform_level FROM cloud_system""";

    private static final String COLUMNS_S = "s.id, s.name, s.customer_id, s.provider_id, s.protection_level, "
            + "s.deployment_model, s.service_model, s.industry, s.data_classification, s.created_at, s.updated_at, s.version, "
            + "s.platform_level";

    /** The systems among some ids: the select, the {@code ?} marks. */
    private static final String BY_IDS = """
            %s WHERE id IN (%s) ORDER BY name, id""";
    /** The regions and agents, of all systems or (a fragment) of some. */
    private static final String REGIONS = """
            SELECT system_id, position, region FROM cloud_system_region%s""";

    private static final String AGENTS = """
            SELECT system_id, organization_id, role FROM cloud_system_agent%s
            ORDER BY system_id, role, organization_id""";
    /** The summaries' query (a {@code WHERE} fragment), and a query by system name. */
    private static final String SUMMARIES = """
            SELECT s.id, s.name, s.protection_level, s.customer_id, s.provider_id FROM cloud_system s%s""";

    private static final String BY_NAME = """
            %s ORDER BY s.name, s.id""";
    private static final String OF_SYSTEMS = """
            \sWHERE system_id IN (%s)""";

    private final JdbcClient jdbc;
    private final SealedText notesSealing;

    SystemRepository(JdbcClient jdbc, KeyDirectory keys) {
        this.jdbc = jdbc;
        this.notesSealing = PrivateNotesSealing.sealedText(
                keys, () -> jdbc.sql("""
                        SELECT COUNT(*) FROM cloud_system_private_note""").query(Long.class).single() == 0);
    }

    public List<CloudSystem> findAll() {
        return load("""
                %s ORDER BY name, id""".formatted(SELECT), List.of());
    }

    public List<CloudSystem> findAllById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load(BY_IDS.formatted(SELECT, Jdbc.marks(ids.size())), List.copyOf(ids));
    }

    /**
     * One page of the systems matching {@code q}, by name, with the total across all pages: filtered, counted and
     * paged in SQL. {@code org}: the caller's organisation whose visibility limits the rows ({@code null} for a
     * system administrator, who sees all).
     */
    public Paged<CloudSystem> page(SystemQuery q, Viewer org, boolean admin, PageRequest page) {
        return PageQueries.query(
                jdbc, COLUMNS_S, "cloud_system s", where(q, org, admin), "s.name, s.id", page, this::load);
    }

    /** The systems matching {@code q} that the caller sees, as summaries, by name: one query, no children. */
    public List<org.yunjian.party.SystemSummary> summaries(SystemQuery q, Viewer org, boolean admin) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql(BY_NAME.formatted(summariesSql(q, org, admin, params)))
                .params(params)
                .query((rs, n) -> new org.yunjian.party.SystemSummary(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class)))
                .list();
    }

    /** The query of {@link #summaries} without its order, its parameters added to {@code params}. */
    public String summariesSql(SystemQuery q, Viewer org, boolean admin, Map<String, Object> params) {
        PageQueries.Where where = where(q, org, admin);
        params.putAll(where.params());
        return SUMMARIES.formatted(where.sql());
    }

    private static PageQueries.Where where(SystemQuery q, Viewer org, boolean admin) {
        PageQueries.Where where = new PageQueries.Where();
        if (!admin) {
            org.and(where, VisibilityQueries.seesSystem());
        }
        where.contains("name", q.nameContains(), "s.name");
        if (q.organization() != null) {
            where.and("""
                    (s.customer_id = :party OR s.provider_id = :party OR EXISTS (SELECT 1 FROM
                    cloud_system_agent pa WHERE pa.system_id = s.id AND pa.organization_id = :party))""", "party", q.organization());
        }
        where.equal("s.protection_level", "level", q.level());
        if (q.phase() != null) {
            where.and("""
                    EXISTS (SELECT 1 FROM engagement pe WHERE pe.system_id = s.id AND pe.phase = :phase)""", "phase", q.phase().name());
        }
        return where;
    }

    public Optional<CloudSystem> findById(UUID id) {
        return load("""
                %s WHERE id = ?""".formatted(SELECT), List.of(id)).stream().findFirst();
    }

    public long count() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM cloud_system""").query(Long.class).single();
    }

    public void insert(CloudSystem s) {
        jdbc.sql("""
                        INSERT INTO cloud_system (id, name, customer_id, provider_id, protection_level, deployment_model,
                        service_model, industry, data_classification, created_at, updated_at, platform_level)
                        VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(
                        s.id(),
                        s.name(),
                        s.customerId(),
                        s.providerId(),
                        s.protectionLevel(),
                        s.deploymentModel().name(),
                        s.serviceModel().name(),
                        s.industry().name(),
                        s.dataClassification().name(),
                        Jdbc.utc(s.createdAt()),
                        Jdbc.utc(s.updatedAt()),
                        s.platformLevel())
                .update();
        insertChildren(s);
    }

    /** Replaces the system if it is still at version {@code expected}; else {@link org.yunjian.shared.version.StaleVersionException}. */
    public void update(CloudSystem s, long expected) {
        int n = jdbc.sql("""
                        UPDATE cloud_system SET name = ?, customer_id = ?, provider_id = ?, protection_level = ?,
                        deployment_model = ?, service_model = ?, industry = ?, data_classification = ?,
                        updated_at = ?, platform_level = ?, version = version + 1 WHERE id = ? AND version = ?""")
                .params(
                        s.name(),
                        s.customerId(),
                        s.providerId(),
                        s.protectionLevel(),
                        s.deploymentModel().name(),
                        s.serviceModel().name(),
                        s.industry().name(),
                        s.dataClassification().name(),
                        Jdbc.utc(s.updatedAt()),
                        s.platformLevel(),
                        s.id(),
                        expected)
                .update();
        Versions.requireUpdated(n, jdbc, "cloud_system", "updated_at", s.id());
        jdbc.sql("""
                DELETE FROM cloud_system_region WHERE system_id = ?""").param(s.id()).update();
        jdbc.sql("""
                DELETE FROM cloud_system_agent WHERE system_id = ?""").param(s.id()).update();
        insertChildren(s);
    }

    /**
     * Deletes the system; a system other modules still refer to (an assessment, an exit project, a responsibility
     * matrix — tables this module does not know) is refused by the database's references, and the refusal is a 409.
     */
    public void delete(UUID id) {
        try {
            jdbc.sql("""
                    DELETE FROM cloud_system WHERE id = ?""").param(id).update();
        } catch (org.springframework.dao.DataIntegrityViolationException referenced) {
            throw new org.yunjian.shared.ConflictException("conflict", "party.conflict.systemInUse");
        }
    }

    public boolean hasEngagements(UUID id) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM engagement WHERE system_id = ?""").param(id).query(Long.class).single() > 0;
    }

    /** The notes, opened; notes that do not open (altered, or moved from another system's row) are unreadable. */
    public Optional<PrivateNotes> privateNotes(UUID systemId) {
        return jdbc.sql("""
                SELECT notes_sealed, updated_at, version FROM cloud_system_private_note WHERE system_id = ?""")
                .param(systemId)
                .query((rs, n) -> new PrivateNotes(
                        notesSealing
                                .openIfIntact(systemId, rs.getString("notes_sealed"))
                                .orElse(null),
                        Jdbc.instant(rs, "updated_at"),
                        rs.getLong("version")))
                .optional();
    }

    /**
     * Writes the notes if they are still at version {@code expected} (0: none written yet); else a stale-version
     * conflict.
     */
    public void savePrivateNotes(UUID systemId, String notes, Instant at, UUID by, long expected) {
        String sealed = notesSealing.seal(systemId, notes);
        int n = jdbc.sql("""
                UPDATE cloud_system_private_note SET notes_sealed = ?, updated_at = ?, updated_by = ?,
                version = version + 1 WHERE system_id = ? AND version = ?""")
                .params(sealed, Jdbc.utc(at), by, systemId, expected)
                .update();
        if (n == 0
                && expected == 0
                && jdbc.sql("""
                SELECT COUNT(*) FROM cloud_system_private_note WHERE system_id = ?""").param(systemId).query(Long.class).single() == 0) {
            jdbc.sql("""
                    INSERT INTO cloud_system_private_note (system_id, notes_sealed, updated_at, updated_by, version)
                    VALUES (?,?,?,?,1)""").params(systemId, sealed, Jdbc.utc(at), by).update();
            return;
        }
        Versions.requireUpdated(n, jdbc, "cloud_system_private_note", "system_id", "updated_at", systemId);
    }

    private void insertChildren(CloudSystem s) {
        for (int i = 0; i < s.regions().size(); i++) {
            jdbc.sql("""
                    INSERT INTO cloud_system_region (system_id, position, region) VALUES (?,?,?)""").params(s.id(), i, s.regions().get(i)).update();
        }
        for (CloudSystem.Agent a : s.agents()) {
            jdbc.sql("""
                    INSERT INTO cloud_system_agent (system_id, organization_id, role) VALUES (?,?,?)""").params(s.id(), a.organizationId(), a.role().name()).update();
        }
    }

    private List<CloudSystem> load(String sql, List<?> params) {
        return load(jdbc.sql(sql).params(params));
    }

    private List<CloudSystem> load(JdbcClient.StatementSpec statement) {
        record Row(
                UUID id,
                String name,
                UUID customer,
                UUID provider,
                int level,
                String deployment,
                String service,
                String industry,
                String data,
                Instant created,
                Instant updated,
                long version,
                Integer platform) {}
        List<Row> rows = statement
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("customer_id", UUID.class),
                        rs.getObject("provider_id", UUID.class),
                        rs.getInt("protection_level"),
                        rs.getString("deployment_model"),
                        rs.getString("service_model"),
                        rs.getString("industry"),
                        rs.getString("data_classification"),
                        Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "updated_at"),
                        rs.getLong("version"),
                        rs.getObject("platform_level", Integer.class)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        boolean many = ids.size() > 200;
        String where = many ? "" : OF_SYSTEMS.formatted(Jdbc.marks(ids.size()));
        List<Object> p = many ? List.of() : new ArrayList<>(ids);
        Map<UUID, TreeMap<Integer, String>> regions = new HashMap<>();
        jdbc.sql(REGIONS.formatted(where)).params(p).query(rs -> {
            regions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>())
                    .put(rs.getInt(2), rs.getString(3));
        });
        Map<UUID, List<CloudSystem.Agent>> agents = new HashMap<>();
        jdbc.sql(AGENTS.formatted(where)).params(p).query(rs -> {
            agents.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new CloudSystem.Agent(rs.getObject(2, UUID.class), PartyRole.valueOf(rs.getString(3))));
        });
        List<CloudSystem> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new CloudSystem(
                    r.id(),
                    r.name(),
                    r.customer(),
                    r.level(),
                    DeploymentModel.valueOf(r.deployment()),
                    ServiceModel.valueOf(r.service()),
                    Industry.valueOf(r.industry()),
                    DataClassification.valueOf(r.data()),
                    List.copyOf(regions.getOrDefault(r.id(), new TreeMap<>()).values()),
                    r.provider(),
                    agents.getOrDefault(r.id(), List.of()),
                    r.created(),
                    r.updated(),
                    r.version(),
                    r.platform()));
        }
        return out;
    }

    /**
     * The customer's private notes on a system; {@code notes} is {@code null} when the stored value does not open
     * ({@link #unreadable()}): shown as such, and replaced by the next save.
     */
    public record PrivateNotes(String notes, Instant updatedAt, long version) {

        public boolean unreadable() {
            return notes == null;
        }
    }
}
