package org.yunjian.party.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Organization;

/**
 * What a business user may see (need to know, docs/security.md): of what their organisation takes part in — the
 * systems it is customer, provider or agent of, or that an engagement it takes part in concerns; the engagements it
 * takes part in or whose system it is the customer of — the systems they are assigned to ({@code system_assignment})
 * or, holding the whole-organisation grant ({@link Viewer#whole()}), all of them; themselves' organisation and the
 * organisations that are parties to those systems and engagements. One rule, asked by every page, operation,
 * picker, count and addressee list through {@link org.yunjian.party.Parties}.
 */
@Component
public class VisibilityQueries {

    /**
     * What the organisation {@code :org} takes part in. One branch per index (customer, provider, agent,
     * participant): {@code customer_id = :org OR provider_id = :org} in one branch made H2 read the whole table
     * (docs/performance.md).
     */
    private static final String ORG_SYSTEMS = """
            SELECT id FROM cloud_system WHERE customer_id = :org
            UNION SELECT id FROM cloud_system WHERE provider_id = :org
            UNION SELECT system_id FROM cloud_system_agent WHERE organization_id = :org
            UNION SELECT e.system_id FROM engagement e JOIN engagement_participant p ON p.engagement_id = e.id
            WHERE p.organization_id = :org""";

    /** The person {@code :viewer} is assigned to the system (a column or alias standing for a system id). */
    private static final String ASSIGNED = """
            (:whole OR %s IN (SELECT sa.system_id FROM system_assignment sa WHERE sa.user_id = :viewer))""";

    /** The systems the viewer sees: their organisation's, limited to their assignments unless they hold the grant. */
    private static final String SYSTEMS = """
            SELECT v.id FROM (%s) v WHERE %s""".formatted(ORG_SYSTEMS, ASSIGNED.formatted("v.id"));

    /** {@code s} (a row of cloud_system) is one of {@link #SYSTEMS}: the same rule, asked of one system. */
    private static final String SEES_SYSTEM = """
            ((s.customer_id = :org OR s.provider_id = :org
            OR EXISTS (SELECT 1 FROM cloud_system_agent a WHERE a.system_id = s.id AND a.organization_id = :org)
            OR EXISTS (SELECT 1 FROM engagement e JOIN engagement_participant p ON p.engagement_id = e.id
            WHERE e.system_id = s.id AND p.organization_id = :org)) AND %s)""".formatted(ASSIGNED.formatted("s.id"));

    private static final String ORG_ENGAGEMENTS = """
            SELECT engagement_id FROM engagement_participant WHERE organization_id = :org
            UNION SELECT e.id FROM engagement e JOIN cloud_system s ON s.id = e.system_id WHERE s.customer_id = :org""";

    /** The engagements the viewer sees: their organisation's, on the systems they see. */
    private static final String ENGAGEMENTS = """
            SELECT x.engagement_id FROM (%s) x JOIN engagement ex ON ex.id = x.engagement_id WHERE %s""".formatted(ORG_ENGAGEMENTS, ASSIGNED.formatted("ex.system_id"));

    /**
     * The SQL condition "the viewer (named parameters {@code :org}, {@code :viewer}, {@code :whole}, bound by {@link
     * Viewer#bind}) sees system {@code s}" (a row of cloud_system aliased {@code s}), for queries that filter, count
     * and page visible systems in the database.
     */
    public static String seesSystem() {
        return SEES_SYSTEM;
    }

    /** The SQL condition "the viewer sees engagement {@code e}" (a row of engagement aliased {@code e}). */
    public static String seesEngagement() {
        return """
                e.id IN (%s)""".formatted(ENGAGEMENTS);
    }

    /**
     * The SQL condition "the viewer sees organisation {@code o}" (a row of organization aliased {@code o}): the
     * rule of {@link #organizationIds}, asked in the database.
     */
    public static String seesOrganization() {
        return """
                (o.id = :org OR o.id IN (%s))""".formatted(PARTIES);
    }

    /** The parties to the systems and engagements the viewer sees. */
    private static final String PARTIES = """
            SELECT s.customer_id FROM cloud_system s WHERE s.id IN (%s) UNION SELECT s.provider_id FROM cloud_system s WHERE s.provider_id IS NOT NULL AND s.id IN (%s) UNION SELECT a.organization_id FROM cloud_system_agent a WHERE a.system_id IN (%s) UNION SELECT p.organization_id FROM engagement_participant p WHERE p.engagement_id IN (%s)""".formatted(SYSTEMS, SYSTEMS, SYSTEMS, ENGAGEMENTS);

    private final JdbcClient jdbc;
    private final VisibilityGrants grants;

    VisibilityQueries(JdbcClient jdbc, VisibilityGrants grants) {
        this.jdbc = jdbc;
        this.grants = grants;
    }

    /** The caller as a viewer; {@code null} for a system administrator (who sees everything). */
    Viewer viewer(Caller c) {
        return c.admin() ? null : viewer(c.user().userId(), c.org());
    }

    /** A business user of {@code org} as a viewer: with the whole-organisation grant if they hold it. */
    public Viewer viewer(UUID userId, UUID org) {
        return new Viewer(org, userId, grants.holds(userId, org));
    }

    public Set<UUID> systemIds(Viewer v) {
        return new LinkedHashSet<>(v.bind(jdbc.sql(SYSTEMS)).query(UUID.class).list());
    }

    /** What the organisation takes part in, whoever of it looks. */
    public Set<UUID> systemIds(UUID org) {
        return systemIds(Viewer.organization(org));
    }

    public Set<UUID> engagementIds(Viewer v) {
        return new LinkedHashSet<>(
                v.bind(jdbc.sql(ENGAGEMENTS)).query(UUID.class).list());
    }

    public Set<UUID> engagementIds(UUID org) {
        return engagementIds(Viewer.organization(org));
    }

    /** {@code engagementIds(v)} of the engagements on one system: a point query for pages listing many systems. */
    public Set<UUID> engagementIdsOn(Viewer v, UUID systemId) {
        return new LinkedHashSet<>(v.bind(jdbc.sql("""
                        SELECT e.id FROM engagement e WHERE e.system_id = :sys AND (EXISTS
                        (SELECT 1 FROM engagement_participant p WHERE p.engagement_id = e.id
                        AND p.organization_id = :org) OR EXISTS (SELECT 1 FROM cloud_system s
                        WHERE s.id = e.system_id AND s.customer_id = :org)) AND %s""".formatted(ASSIGNED.formatted("e.system_id"))))
                .param("sys", systemId)
                .query(UUID.class)
                .list());
    }

    public Set<UUID> engagementIdsOn(UUID org, UUID systemId) {
        return engagementIdsOn(Viewer.organization(org), systemId);
    }

    public boolean system(Viewer v, UUID systemId) {
        return v != null
                && v.org() != null
                && v.bind(jdbc.sql("""
                SELECT COUNT(*) FROM cloud_system s WHERE s.id = :id AND %s""".formatted(SEES_SYSTEM)))
                                .param("id", systemId)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    /** Whether the organisation takes part in the system, whoever of it looks. */
    public boolean system(UUID org, UUID systemId) {
        return org != null && system(Viewer.organization(org), systemId);
    }

    public boolean engagement(Viewer v, UUID engagementId) {
        return v != null
                && v.org() != null
                && v.bind(jdbc.sql("""
                SELECT COUNT(*) FROM (%s) v WHERE v.engagement_id = :id""".formatted(ENGAGEMENTS)))
                                .param("id", engagementId)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    public boolean engagement(UUID org, UUID engagementId) {
        return org != null && engagement(Viewer.organization(org), engagementId);
    }

    /** The viewer's organisation and every party to a system or engagement the viewer sees. */
    public Set<UUID> organizationIds(Viewer v) {
        Set<UUID> out = new LinkedHashSet<>();
        out.add(v.org());
        out.addAll(v.bind(jdbc.sql(PARTIES)).query(UUID.class).list());
        return out;
    }

    public Set<UUID> organizationIds(UUID org) {
        return organizationIds(Viewer.organization(org));
    }

    /**
     * Whether a business user may name {@code o} as provider, agent or participant: an organisation they see, or
     * one offering services to others (any role but customer alone). Anything else is answered exactly like an
     * unknown organisation, so its existence is not disclosed.
     */
    public boolean selectable(Viewer v, Organization o) {
        return v != null
                && v.org() != null
                && (o.roles().stream().anyMatch(r -> r != PartyRole.CUSTOMER) || organization(v, o.id()));
    }

    public boolean selectable(UUID org, Organization o) {
        return org != null && selectable(Viewer.organization(org), o);
    }

    /**
     * {@code organizationIds(v).contains(organizationId)}, asked of the one organisation: a point query, where
     * reading every party of every system the viewer sees took seconds once an organisation saw hundreds of systems.
     */
    public boolean organization(Viewer v, UUID organizationId) {
        if (v == null || v.org() == null) {
            return false;
        }
        if (v.org().equals(organizationId)) {
            return true;
        }
        // the systems :t is customer, provider or agent of that the viewer sees, each side read through its indexes
        // (an OR over the columns of cloud_system made H2 read the whole table for every organisation named on a page)
        return v.bind(jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT id FROM cloud_system WHERE customer_id = :t
                UNION SELECT id FROM cloud_system WHERE provider_id = :t
                UNION SELECT system_id FROM cloud_system_agent WHERE organization_id = :t) v
                WHERE v.id IN (%s)""".formatted(SYSTEMS)))
                                .param("t", organizationId)
                                .query(Long.class)
                                .single()
                        > 0
                || v.bind(jdbc.sql("""
                        SELECT COUNT(*) FROM engagement_participant t JOIN engagement e ON e.id = t.engagement_id
                        WHERE t.organization_id = :t AND (e.system_id IN (SELECT id FROM cloud_system
                        WHERE customer_id = :org) OR EXISTS (SELECT 1 FROM engagement_participant p
                        WHERE p.engagement_id = e.id AND p.organization_id = :org)) AND %s""".formatted(ASSIGNED.formatted("e.system_id"))))
                                .param("t", organizationId)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    public boolean organization(UUID org, UUID organizationId) {
        return org != null && organization(Viewer.organization(org), organizationId);
    }
}
