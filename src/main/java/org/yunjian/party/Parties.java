package org.yunjian.party;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;

/**
 * What other modules may ask the party module, always on behalf of the current caller
 * ({@link org.yunjian.security.CurrentUser}): a system administrator sees everything, a business
 * user what its organisation is a party to, anyone else nothing.
 */
public interface Parties {

    /** The organisation, if the caller may see it. */
    Optional<Organization> findOrganization(UUID id);

    /** The system, if the caller may see it. */
    Optional<CloudSystem> findSystem(UUID id);

    /** The system, or {@link org.yunjian.shared.NotFoundException} if it does not exist or is not visible. */
    CloudSystem requireSystem(UUID id);

    /** The engagement, if the caller may see it. */
    Optional<Engagement> findEngagement(UUID id);

    /** Whether the caller may see the system. */
    boolean canSee(UUID systemId);

    /** Whether the caller may change the system: a system administrator, or a user of its customer. */
    boolean canManage(UUID systemId);

    /** The systems the caller may see, by name. */
    List<CloudSystem> visibleSystems();

    /**
     * The systems the caller may see that match {@code query}, by name, as summaries: one SQL query whatever their
     * number, for views that aggregate across systems (dashboards).
     */
    List<SystemSummary> visibleSystemSummaries(SystemQuery query);

    /**
     * {@link #visibleSystemSummaries} as SQL for a module that aggregates across systems in the database: a query
     * selecting {@code id, name, protection_level, customer_id, provider_id} of the systems the caller may see that
     * match {@code query}, whose named parameters it adds to {@code params}; empty when the caller sees none.
     */
    java.util.Optional<String> visibleSystemSummariesSql(SystemQuery query, java.util.Map<String, Object> params);

    /**
     * One page of the systems the caller may see that match {@code query}, by name, with the total: filtered, counted
     * and paged in SQL (home page, search).
     */
    org.yunjian.shared.paging.Paged<CloudSystem> visibleSystemsPage(
            SystemQuery query, org.yunjian.shared.paging.PageRequest page);

    /** The engagements on a system that the caller may see. */
    List<Engagement> visibleEngagements(UUID systemId);

    /**
     * The roles an organisation plays for a system, whatever the caller: customer, provider, its agent
     * roles and the roles it plays in the system's engagements. Empty if none or the system is unknown.
     */
    Set<PartyRole> rolesOf(UUID organizationId, UUID systemId);

    /**
     * Every organisation registered on a system — its customer, its provider, its agents and the participants of
     * all its engagements, whatever the caller sees of them — with the roles it is registered in there, in that
     * order: who {@link GuideRoles} takes the guides' roles from. {@link org.yunjian.shared.NotFoundException} if the
     * caller may not see the system.
     */
    java.util.Map<UUID, Set<PartyRole>> registeredRoles(UUID systemId);

    /** The system's 测评对象 list, if the caller may see the system ({@link org.yunjian.shared.NotFoundException} otherwise). */
    SystemAsset.Inventory assets(UUID systemId);

    /**
     * The problems of {@code assets} as a replacement list, by field ({@code assets[2].name} → message in the caller's
     * language), without writing anything: empty when {@link #replaceAssets} would accept it.
     */
    java.util.Map<String, String> assetErrors(List<SystemAsset.Input> assets);

    /**
     * Replaces the system's 测评对象 list if it is still at {@code version}: the system's customer or a system
     * administrator ({@link org.springframework.security.access.AccessDeniedException} otherwise, audited), audited.
     */
    SystemAsset.Inventory replaceAssets(
            UUID systemId, org.yunjian.shared.version.ExpectedVersion version, List<SystemAsset.Input> assets);

    /**
     * A system by key as a summary whatever the caller may browse: for a document that names a system it relies on
     * (the provider's platform whose assessment a report inherits from), never for listing systems.
     */
    Optional<SystemSummary> summary(UUID systemId);

    /**
     * The system whatever the caller, for the platform's own work on an event it was told of (a drill held, a
     * monitor's check, an alert to hand to the responsible organisations): never to show a caller who could not see
     * it. Empty if it does not exist.
     */
    Optional<CloudSystem> systemForPlatformWork(UUID systemId);

    /**
     * An organisation's name whatever the caller, for what the platform tells of a record it issued (the public check
     * of a report names the customer whose report it is): never to list organisations. Empty if it does not exist.
     */
    Optional<String> organizationNameForPlatformWork(UUID organizationId);

    /**
     * Whether the person (a business user of {@code organizationId}) sees the system: their organisation takes part
     * in it, and they are assigned to it or hold the whole-organisation grant. The one rule, asked for someone other
     * than the caller (who a task or notice about the system may reach).
     */
    boolean sees(UUID userId, UUID organizationId, UUID systemId);

    /**
     * Work that names a person (an assessment team, an exit project, a plan's duty) assigns them to its system, if
     * their organisation takes part in it; audited and told to their organisation's administrators.
     */
    void assignToWork(UUID userId, UUID systemId);
}
