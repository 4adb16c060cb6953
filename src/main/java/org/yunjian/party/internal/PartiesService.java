package org.yunjian.party.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.shared.NotFoundException;

/** The party module's answers to other modules, and the organisation directory the security module uses. */
@Service
@Transactional(readOnly = true)
class PartiesService implements Parties, OrganizationDirectory, org.yunjian.shared.work.SystemReaders {

    private final OrganizationRepository organizations;
    private final SystemRepository systems;
    private final EngagementRepository engagements;
    private final VisibilityQueries visibility;
    private final SystemAssets assets;
    private final Assignments assignments;

    PartiesService(
            OrganizationRepository organizations,
            SystemRepository systems,
            EngagementRepository engagements,
            VisibilityQueries visibility,
            SystemAssets assets,
            Assignments assignments) {
        this.assets = assets;
        this.assignments = assignments;
        this.organizations = organizations;
        this.systems = systems;
        this.engagements = engagements;
        this.visibility = visibility;
    }

    private static Optional<Caller> caller() {
        return CurrentUser.current()
                .filter(u -> u.is(org.yunjian.security.Role.SYSTEM_ADMIN)
                        || (u.is(org.yunjian.security.Role.USER) && u.organizationId() != null))
                .map(Caller::new);
    }

    @Override
    public Optional<Organization> findOrganization(UUID id) {
        return caller().filter(c -> c.admin() || visibility.organization(visibility.viewer(c), id))
                .flatMap(c -> organizations.findById(id));
    }

    @Override
    public Optional<CloudSystem> findSystem(UUID id) {
        return caller().filter(c -> c.admin() || visibility.system(visibility.viewer(c), id))
                .flatMap(c -> systems.findById(id));
    }

    @Override
    public CloudSystem requireSystem(UUID id) {
        return findSystem(id).orElseThrow(() -> new NotFoundException("system", id));
    }

    @Override
    public Optional<Engagement> findEngagement(UUID id) {
        return caller().filter(c -> c.admin() || visibility.engagement(visibility.viewer(c), id))
                .flatMap(c -> engagements.findById(id));
    }

    @Override
    public boolean canSee(UUID systemId) {
        return findSystem(systemId).isPresent();
    }

    @Override
    public boolean canManage(UUID systemId) {
        return caller().flatMap(c -> findSystem(systemId).map(s -> c.admin() || c.belongsTo(s.customerId())))
                .orElse(false);
    }

    @Override
    public List<CloudSystem> visibleSystems() {
        return caller().map(c ->
                        c.admin() ? systems.findAll() : systems.findAllById(visibility.systemIds(visibility.viewer(c))))
                .orElse(List.of());
    }

    @Override
    public List<org.yunjian.party.SystemSummary> visibleSystemSummaries(org.yunjian.party.SystemQuery query) {
        return caller().map(c -> c.admin() || c.org() != null
                        ? systems.summaries(query, visibility.viewer(c), c.admin())
                        : List.<org.yunjian.party.SystemSummary>of())
                .orElse(List.of());
    }

    @Override
    public org.yunjian.shared.paging.Paged<CloudSystem> visibleSystemsPage(
            org.yunjian.party.SystemQuery query, org.yunjian.shared.paging.PageRequest page) {
        return caller().filter(c -> c.admin() || c.org() != null)
                .map(c -> systems.page(query, visibility.viewer(c), c.admin(), page))
                .orElse(org.yunjian.shared.paging.Paged.of(List.of(), page, 0));
    }

    @Override
    public Optional<String> visibleSystemSummariesSql(org.yunjian.party.SystemQuery query, Map<String, Object> params) {
        return caller().filter(c -> c.admin() || c.org() != null)
                .map(c -> systems.summariesSql(query, visibility.viewer(c), c.admin(), params));
    }

    @Override
    public List<Engagement> visibleEngagements(UUID systemId) {
        return caller().map(c -> {
                    List<Engagement> all = engagements.findBySystem(systemId);
                    if (c.admin()) {
                        return all;
                    }
                    Set<UUID> visible = visibility.engagementIdsOn(visibility.viewer(c), systemId);
                    return all.stream().filter(e -> visible.contains(e.id())).toList();
                })
                .orElse(List.of());
    }

    @Override
    public Set<PartyRole> rolesOf(UUID organizationId, UUID systemId) {
        Set<PartyRole> roles = EnumSet.noneOf(PartyRole.class);
        systems.findById(systemId).ifPresent(s -> {
            if (organizationId.equals(s.customerId())) {
                roles.add(PartyRole.CUSTOMER);
            }
            if (organizationId.equals(s.providerId())) {
                roles.add(PartyRole.PROVIDER);
            }
            s.agents().stream()
                    .filter(a -> a.organizationId().equals(organizationId))
                    .forEach(a -> roles.add(a.role()));

            roles.addAll(engagements.participantRoles(systemId, organizationId));
        });
        return roles;
    }

    @Override
    public Map<UUID, Set<PartyRole>> registeredRoles(UUID systemId) {
        CloudSystem s = requireSystem(systemId);
        Map<UUID, Set<PartyRole>> out = new java.util.LinkedHashMap<>();
        java.util.function.BiConsumer<UUID, PartyRole> add = (org, role) -> {
            if (org != null) {
                out.computeIfAbsent(org, k -> EnumSet.noneOf(PartyRole.class)).add(role);
            }
        };
        add.accept(s.customerId(), PartyRole.CUSTOMER);
        add.accept(s.providerId(), PartyRole.PROVIDER);
        s.agents().forEach(a -> add.accept(a.organizationId(), a.role()));
        engagements.participants(systemId).forEach(e -> add.accept(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public List<OrganizationRef> all() {
        return organizations.findAll().stream()
                .map(o -> new OrganizationRef(o.id(), o.name()))
                .toList();
    }

    @Override
    public Optional<OrganizationRef> find(UUID id) {
        return organizations.findById(id).map(o -> new OrganizationRef(o.id(), o.name()));
    }

    @Override
    public org.yunjian.party.SystemAsset.Inventory assets(UUID systemId) {
        return assets.list(systemId);
    }

    @Override
    public Map<String, String> assetErrors(List<org.yunjian.party.SystemAsset.Input> in) {
        return assets.check(in).asMap();
    }

    @Override
    @Transactional(noRollbackFor = org.springframework.security.access.AccessDeniedException.class)
    public org.yunjian.party.SystemAsset.Inventory replaceAssets(
            UUID systemId,
            org.yunjian.shared.version.ExpectedVersion version,
            List<org.yunjian.party.SystemAsset.Input> in) {
        return assets.replace(systemId, version, in);
    }

    @Override
    public Optional<org.yunjian.party.SystemSummary> summary(UUID systemId) {
        return systems.findById(systemId)
                .map(s -> new org.yunjian.party.SystemSummary(
                        s.id(), s.name(), s.protectionLevel(), s.customerId(), s.providerId()));
    }

    @Override
    public Optional<CloudSystem> systemForPlatformWork(UUID systemId) {
        return systems.findById(systemId);
    }

    @Override
    public Optional<String> organizationNameForPlatformWork(UUID organizationId) {
        return organizations.findById(organizationId).map(Organization::name);
    }

    @Override
    public boolean sees(UUID userId, UUID organizationId, UUID systemId) {
        return visibility.system(visibility.viewer(userId, organizationId), systemId);
    }

    @Override
    public Set<UUID> readersOf(UUID organizationId, UUID systemId) {
        return assignments.readersOf(organizationId, systemId);
    }

    @Override
    public void assignToWork(UUID userId, UUID systemId) {
        assignments.assignForWork(userId, systemId);
    }

    @Override
    public Set<UUID> limitedTo(UUID userId, UUID organizationId) {
        Viewer v = visibility.viewer(userId, organizationId);
        return v.whole() ? null : Set.copyOf(assignments.systemsOf(userId));
    }
}
