package org.yunjian.party.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CreditCode;
import org.yunjian.party.Organization;
import org.yunjian.shared.Jdbc;
import org.yunjian.shared.paging.PageQueries;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.Versions;

/** Organisations and their roles. */
@Repository
public class OrganizationRepository {

    /** The organisations among some ids: the {@code ?} marks. */
    private static final String BY_IDS = """
            SELECT id, name, credit_code, region, created_at, updated_at, version FROM organization WHERE id IN (%s)
            ORDER BY name, id""";
    /** The roles, of all organisations or (a fragment) of some. */
    private static final String ROLES = """
            SELECT organization_id, role FROM organization_role%s""";

    private static final String OF_ORGANIZATIONS = """
            \sWHERE organization_id IN (%s)""";

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Organization> findAll() {
        return load("""
                SELECT id, name, credit_code, region, created_at, updated_at, version FROM organization ORDER BY name, id""", List.of());
    }

    public List<Organization> findAllById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load(BY_IDS.formatted(Jdbc.marks(ids.size())), List.copyOf(ids));
    }

    /**
     * One page of the organisations whose name contains {@code q} (any case) and that play {@code role} (null = any),
     * by name, with the total; {@code org}: the caller's organisation limiting what it sees, unless {@code admin}.
     */
    public Paged<Organization> page(String q, PartyRole role, Viewer org, boolean admin, PageRequest page) {
        PageQueries.Where where = new PageQueries.Where();
        if (!admin) {
            org.and(where, VisibilityQueries.seesOrganization());
        }
        where.contains("name", q, "o.name");
        if (role != null) {
            where.and("""
                    EXISTS (SELECT 1 FROM organization_role r WHERE r.organization_id = o.id AND r.role = :role)""", "role", role.name());
        }
        return PageQueries.query(
                jdbc,
                "o.id, o.name, o.credit_code, o.region, o.created_at, o.updated_at, o.version",
                "organization o",
                where,
                "o.name, o.id",
                page,
                this::load);
    }

    public Optional<Organization> findById(UUID id) {
        return load("""
                SELECT id, name, credit_code, region, created_at, updated_at, version FROM organization WHERE id = ?""", List.of(id)).stream().findFirst();
    }

    public Optional<Organization> findByCreditCode(String creditCode) {
        return load("""
                SELECT id, name, credit_code, region, created_at, updated_at, version FROM organization
                WHERE credit_code = ?""", List.of(creditCode)).stream().findFirst();
    }

    public long count() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM organization""").query(Long.class).single();
    }

    public void insert(Organization o) {
        jdbc.sql("""
                        INSERT INTO organization (id, name, credit_code, region, created_at, updated_at)
                        VALUES (?,?,?,?,?,?)""")
                .params(
                        o.id(),
                        o.name(),
                        o.creditCode().value(),
                        o.region(),
                        Jdbc.utc(o.createdAt()),
                        Jdbc.utc(o.updatedAt()))
                .update();
        insertRoles(o);
    }

    /** Replaces the organisation if it is still at version {@code expected}; else a stale-version conflict. */
    public void update(Organization o, long expected) {
        int n = jdbc.sql("""
                        UPDATE organization SET name = ?, credit_code = ?, region = ?, updated_at = ?,
                        version = version + 1 WHERE id = ? AND version = ?""")
                .params(o.name(), o.creditCode().value(), o.region(), Jdbc.utc(o.updatedAt()), o.id(), expected)
                .update();
        Versions.requireUpdated(n, jdbc, "organization", "updated_at", o.id());
        jdbc.sql("""
                DELETE FROM organization_role WHERE organization_id = ?""").param(o.id()).update();
        insertRoles(o);
    }

    public void delete(UUID id) {
        jdbc.sql("""
                DELETE FROM organization WHERE id = ?""").param(id).update();
    }

    /** Whether a system or engagement refers to the organisation (then it cannot be deleted). */
    public boolean isReferenced(UUID id) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM cloud_system WHERE customer_id = :id OR provider_id = :id""").param("id", id).query(Long.class).single()
                        + jdbc.sql("""
                        SELECT COUNT(*) FROM cloud_system_agent WHERE organization_id = ?""").param(id).query(Long.class).single()
                        + jdbc.sql("""
                        SELECT COUNT(*) FROM engagement_participant WHERE organization_id = ?""").param(id).query(Long.class).single()
                > 0;
    }

    /** The roles the organisation plays somewhere (customer or provider of a system, agent, participant). */
    public Set<PartyRole> rolesInUse(UUID id) {
        Set<PartyRole> used = EnumSet.noneOf(PartyRole.class);
        if (jdbc.sql("""
                SELECT COUNT(*) FROM cloud_system WHERE customer_id = ?""").param(id).query(Long.class).single() > 0) {
            used.add(PartyRole.CUSTOMER);
        }
        if (jdbc.sql("""
                SELECT COUNT(*) FROM cloud_system WHERE provider_id = ?""").param(id).query(Long.class).single() > 0) {
            used.add(PartyRole.PROVIDER);
        }
        jdbc.sql("""
                        SELECT role FROM cloud_system_agent WHERE organization_id = :id
                        UNION SELECT role FROM engagement_participant WHERE organization_id = :id""").param("id", id).query(String.class).list().forEach(r -> used.add(PartyRole.valueOf(r)));
        return used;
    }

    private void insertRoles(Organization o) {
        for (PartyRole r : o.roles()) {
            jdbc.sql("""
                    INSERT INTO organization_role (organization_id, role) VALUES (?,?)""").params(o.id(), r.name()).update();
        }
    }

    private List<Organization> load(String sql, List<?> params) {
        return load(jdbc.sql(sql).params(params));
    }

    private List<Organization> load(JdbcClient.StatementSpec statement) {
        record Row(
                UUID id,
                String name,
                String code,
                String region,
                java.time.Instant created,
                java.time.Instant updated,
                long version) {}
        List<Row> rows = statement
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("credit_code"),
                        rs.getString("region"),
                        Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "updated_at"),
                        rs.getLong("version")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<PartyRole>> roles = new HashMap<>();
        List<UUID> ids = rows.stream().map(Row::id).toList();
        boolean many = ids.size() > 200;
        String where = many ? "" : OF_ORGANIZATIONS.formatted(Jdbc.marks(ids.size()));
        jdbc.sql(ROLES.formatted(where))
                .params(many ? List.of() : new ArrayList<Object>(ids))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), PartyRole.valueOf(rs.getString(2))))
                .list()
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(PartyRole.class))
                        .add(e.getValue()));
        Map<UUID, Organization> out = new LinkedHashMap<>();
        for (Row r : rows) {
            out.put(
                    r.id(),
                    new Organization(
                            r.id(),
                            r.name(),
                            CreditCode.of(r.code()),
                            r.region(),
                            roles.getOrDefault(r.id(), Set.of()),
                            r.created(),
                            r.updated(),
                            r.version()));
        }
        return List.copyOf(out.values());
    }
}
