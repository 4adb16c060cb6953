package org.yunjian.party.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Organization;

/**
 * What a business user's organisation may see: the systems it is customer, provider or agent of, or
 * that an engagement it takes part in concerns; the engagements it takes part in or whose system it is
 * the customer of; itself and the organisations that are parties to those systems and engagements.
 */
@Component
public class VisibilityQueries {

    /**
     * One branch per index (customer, provider, agent, participant): {@code customer_id = :org OR provider_id = :org}
     * in one branch made H2 read the whole table (docs/performance.md).
     */
    private static final String SYSTEMS = """
            SELECT id FROM cloud_system WHERE customer_id = :org
            UNION SELECT id FROM cloud_system WHERE provider_id = :org
            UNION SELECT system_id FROM cloud_system_agent WHERE organization_id = :org
            UNION SELECT e.system_id FROM engagement e JOIN engagement_participant p ON p.engagement_id = e.id
            WHERE p.organization_id = :org""";

    /** {@code s} (a row of cloud_system) is one of {@link #SYSTEMS}: the same rule, asked of one system. */
    private static final String SEES_SYSTEM = """
            (s.customer_id = :org OR s.provider_id = :org
            OR EXISTS (SELECT 1 FROM cloud_system_agent a WHERE a.system_id = s.id AND a.organization_id = :org)
            OR EXISTS (SELECT 1 FROM engagement e JOIN engagement_participant p ON p.engagement_id = e.id
            WHERE e.system_id = s.id AND p.organization_id = :org))""";

    /**
     * The SQL condition "the caller's organisation (named parameter {@code :org}) sees system {@code s}" (a row of
     * cloud_system aliased {@code s}), for queries that filter, count and page visible systems in the database.
     */
    public static String seesSystem() {
        return SEES_SYSTEM;
    }

    /** The SQL condition "{@code :org} sees engagement {@code e}" (a row of engagement aliased {@code e}). */
    public static String seesEngagement() {
        return """
                e.id IN (%s)""".formatted(ENGAGEMENTS);
    }

    /**
     * The SQL condition "{@code :org} sees organisation {@code o}" (a row of organization aliased {@code o}): the
     * rule of {@link #organizationIds}, asked in the database.
     */
    public static String seesOrganization() {
        return """
                (o.id = :org OR o.id IN (SELECT s.customer_id FROM cloud_system s WHERE s.id IN (%s) UNION SELECT s.provider_id FROM cloud_system s WHERE s.provider_id IS NOT NULL AND s.id IN (%s) UNION SELECT a.organization_id FROM cloud_system_agent a WHERE a.system_id IN (%s) UNION SELECT p.organization_id FROM engagement_participant p WHERE p.engagement_id IN (%s)))""".formatted(SYSTEMS, SYSTEMS, SYSTEMS, ENGAGEMENTS);
    }

    private static final String ENGAGEMENTS = """
            SELECT engagement_id FROM engagement_participant WHERE organization_id = :org
            UNION SELECT e.id FROM engagement e JOIN cloud_system s ON s.id = e.system_id WHERE s.customer_id = :org""";

    private final JdbcClient jdbc;

    VisibilityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<UUID> systemIds(UUID org) {
        return new LinkedHashSet<>(
                jdbc.sql(SYSTEMS).param("org", org).query(UUID.class).list());
    }

    public Set<UUID> engagementIds(UUID org) {
        return new LinkedHashSet<>(
                jdbc.sql(ENGAGEMENTS).param("org", org).query(UUID.class).list());
    }

    /** {@code engagementIds(org)} of the engagements on one system: a point query for pages listing many systems. */
    public Set<UUID> engagementIdsOn(UUID org, UUID systemId) {
        return new LinkedHashSet<>(jdbc.sql("""
                        SELECT e.id FROM engagement e WHERE e.system_id = :sys AND (EXISTS
                        (SELECT 1 FROM engagement_participant p WHERE p.engagement_id = e.id
                        AND p.organization_id = :org) OR EXISTS (SELECT 1 FROM cloud_system s
                        WHERE s.id = e.system_id AND s.customer_id = :org))""")
                .param("org", org)
                .param("sys", systemId)
                .query(UUID.class)
                .list());
    }

    public boolean system(UUID org, UUID systemId) {
        return org != null
                && jdbc.sql("""
                SELECT COUNT(*) FROM cloud_system s WHERE s.id = :id AND %s""".formatted(SEES_SYSTEM))
                                .param("org", org)
                                .param("id", systemId)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    public boolean engagement(UUID org, UUID engagementId) {
        return org != null
                && jdbc.sql("""
                SELECT COUNT(*) FROM (%s) v WHERE v.engagement_id = :id""".formatted(ENGAGEMENTS))
                                .param("org", org)
                                .param("id", engagementId)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    /** The organisation itself and every party to a system or engagement it can see. */
    public Set<UUID> organizationIds(UUID org) {
        Set<UUID> out = new LinkedHashSet<>();
        out.add(org);

        out.addAll(jdbc.sql("""
                SELECT s.customer_id FROM cloud_system s WHERE s.id IN (%s) UNION SELECT s.provider_id FROM cloud_system s WHERE s.provider_id IS NOT NULL AND s.id IN (%s) UNION SELECT a.organization_id FROM cloud_system_agent a WHERE a.system_id IN (%s) UNION SELECT p.organization_id FROM engagement_participant p WHERE p.engagement_id IN (%s)""".formatted(SYSTEMS, SYSTEMS, SYSTEMS, ENGAGEMENTS))
                .param("org", org)
                .query(UUID.class)
                .list());
        return out;
    }

    /**
     * Whether a business user of {@code org} may name {@code o} as provider, agent or participant: an
     * organisation it sees, or one offering services to others (any role but customer alone). Anything
     * else is answered exactly like an unknown organisation, so its existence is not disclosed.
     */
    public boolean selectable(UUID org, Organization o) {
        return org != null && (o.roles().stream().anyMatch(r -> r != PartyRole.CUSTOMER) || organization(org, o.id()));
    }

    /**
     * {@code organizationIds(org).contains(organizationId)}, asked of the one organisation: a point query, where
     * reading every party of every system {@code org} sees took seconds once an organisation saw hundreds of systems.
     */
    public boolean organization(UUID org, UUID organizationId) {
        if (org == null) {
            return false;
        }
        if (org.equals(organizationId)) {
            return true;
        }
        // the systems :t is customer, provider or agent of that :org sees, each side read through its indexes (an OR
        // over the columns of cloud_system made H2 read the whole table for every organisation named on a page)
        return jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT id FROM cloud_system WHERE customer_id = :t
                UNION SELECT id FROM cloud_system WHERE provider_id = :t
                UNION SELECT system_id FROM cloud_system_agent WHERE organization_id = :t) v
                WHERE v.id IN (%s)""".formatted(SYSTEMS))
                                .param("org", org)
                                .param("t", organizationId)
                                .query(Long.class)
                                .single()
                        > 0
                || jdbc.sql("""
                        SELECT COUNT(*) FROM engagement_participant t JOIN engagement e ON e.id = t.engagement_id
                        WHERE t.organization_id = :t AND (e.system_id IN (SELECT id FROM cloud_system
                        WHERE customer_id = :org) OR EXISTS (SELECT 1 FROM engagement_participant p
                        WHERE p.engagement_id = e.id AND p.organization_id = :org))""")
                                .param("org", org)
                                .param("t", organizationId)
                                .query(Long.class)
                                .single()
                        > 0;
    }
}
