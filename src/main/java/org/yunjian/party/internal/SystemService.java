package org.yunjian.party.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DataClassification;
import org.yunjian.party.Industry;
import org.yunjian.party.Organization;
import org.yunjian.party.ServiceModel;
import org.yunjian.party.internal.Inputs.PartyRef;
import org.yunjian.party.internal.Inputs.SystemInput;
import org.yunjian.party.internal.SystemRepository.PrivateNotes;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Cloud systems. A system administrator manages all of them; a user of the customer organisation
 * manages its own; providers, agents and engagement participants only read. The customer's private
 * notes are for users of the customer organisation alone.
 */
@Service
public class SystemService {

    public static final int NAME_MAX = 200;
    public static final int REGION_MAX = 100;
    public static final int REGIONS_MAX = 10;
    public static final int AGENTS_MAX = 50;
    public static final int NOTES_MAX = 4000;

    private final SystemRepository systems;
    private final OrganizationRepository organizations;
    private final VisibilityQueries visibility;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Catalog catalog;

    private final Assignments assignments;

    SystemService(
            SystemRepository systems,
            OrganizationRepository organizations,
            VisibilityQueries visibility,
            Validation validation,
            ApplicationEventPublisher events,
            Clock clock,
            Catalog catalog,
            Assignments assignments) {
        this.catalog = catalog;
        this.assignments = assignments;
        this.systems = systems;
        this.organizations = organizations;
        this.visibility = visibility;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CloudSystem> list() {
        Caller c = Caller.require();
        return c.admin() ? systems.findAll() : systems.findAllById(visibility.systemIds(visibility.viewer(c)));
    }

    /** One page of the systems the caller may see that match {@code query}, with the total. */
    @Transactional(readOnly = true)
    public org.yunjian.shared.paging.Paged<CloudSystem> page(
            org.yunjian.party.SystemQuery query, org.yunjian.shared.paging.PageRequest page) {
        Caller c = Caller.require();
        if (!c.admin() && c.org() == null) {
            return org.yunjian.shared.paging.Paged.of(List.of(), page, 0);
        }
        return systems.page(query, visibility.viewer(c), c.admin(), page);
    }

    @Transactional(readOnly = true)
    public CloudSystem get(UUID id) {
        return find(Caller.require(), id).orElseThrow(() -> new NotFoundException("system", id));
    }

    Optional<CloudSystem> find(Caller c, UUID id) {
        if (c.admin() || visibility.system(visibility.viewer(c), id)) {
            return systems.findById(id);
        }
        return Optional.empty();
    }

    /** Whether the caller may change the system (a system administrator or a user of its customer). */
    public boolean canManage(CloudSystem s) {
        Caller c = Caller.require();
        return c.admin() || c.belongsTo(s.customerId());
    }

    /** Whether the caller may read and write the system's private notes (users of its customer only). */
    public boolean canUseNotes(CloudSystem s) {
        return Caller.require().belongsTo(s.customerId());
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public CloudSystem create(SystemInput in) {
        Caller c = Caller.require();
        Valid v = validate(c, in);
        var now = clock.instant();
        CloudSystem s = v.toSystem(UUID.randomUUID(), now, now);
        systems.insert(s);
        events.publishEvent(AuditableEvent.success("system.create", "system", s.id(), describe(s)));
        if (!c.admin()) { // whoever registers a system works on it (need to know, issue 57)
            assignments.assignForWork(c.user().userId(), s.id());
        }
        return s;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public CloudSystem update(UUID id, ExpectedVersion version, SystemInput in) {
        Caller c = Caller.require();
        CloudSystem old = find(c, id).orElseThrow(() -> new NotFoundException("system", id));
        requireManage(c, old, "system.update");
        Valid v = validate(c, in);
        long expected = version.value();
        CloudSystem s = v.toSystem(id, old.createdAt(), clock.instant(), expected + 1);
        systems.update(s, expected);
        events.publishEvent(AuditableEvent.success("system.update", "system", id, describe(s)));
        return s;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public void delete(UUID id) {
        Caller c = Caller.require();
        CloudSystem old = find(c, id).orElseThrow(() -> new NotFoundException("system", id));
        requireManage(c, old, "system.delete");
        if (systems.hasEngagements(id)) {
            throw new ConflictException("conflict", "party.conflict.systemHasEngagements");
        }
        systems.delete(id);
        events.publishEvent(AuditableEvent.success("system.delete", "system", id, describe(old)));
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public Optional<PrivateNotes> readNotes(UUID id) {
        Caller c = Caller.require();
        CloudSystem s = find(c, id).orElseThrow(() -> new NotFoundException("system", id));
        requireNotes(c, s, "system.private-notes.read");
        Optional<PrivateNotes> notes = systems.privateNotes(id);
        events.publishEvent(AuditableEvent.success(
                "system.private-notes.read",
                "system",
                id,
                Msg.of("party.audit.notes.read."
                        + notes.map(n -> n.unreadable() ? "unreadable" : "present")
                                .orElse("empty"))));
        return notes;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public PrivateNotes writeNotes(UUID id, ExpectedVersion version, String notes) {
        Caller c = Caller.require();
        CloudSystem s = find(c, id).orElseThrow(() -> new NotFoundException("system", id));
        requireNotes(c, s, "system.private-notes.write");
        FieldErrors errors = new FieldErrors();
        String checked = validation.multiline(errors, "notes", notes, NOTES_MAX, false);
        errors.throwIfAny();
        String text = checked == null ? "" : checked;
        var now = clock.instant();
        long expected = version.value();
        systems.savePrivateNotes(id, text, now, c.user().userId(), expected);
        events.publishEvent(AuditableEvent.success(
                "system.private-notes.write", "system", id, Msg.of("party.audit.notes.written", text.length())));
        return new PrivateNotes(text, now, expected + 1);
    }

    private void requireManage(Caller c, CloudSystem s, String action) {
        if (!(c.admin() || c.belongsTo(s.customerId()))) {
            events.publishEvent(
                    AuditableEvent.denied(action, "system", s.id(), Msg.of("party.audit.denied.notCustomer")));
            throw new AccessDeniedException("party.denied.customerOrAdmin");
        }
    }

    private void requireNotes(Caller c, CloudSystem s, String action) {
        if (!c.belongsTo(s.customerId())) {
            events.publishEvent(
                    AuditableEvent.denied(action, "system", s.id(), Msg.of("party.audit.denied.notCustomer")));
            throw new AccessDeniedException("party.denied.customerUsers");
        }
    }

    /** Checks the input for the caller; a business user may only act for its own organisation. */
    Valid validate(Caller c, SystemInput in) {
        String customer = in.customer();
        if (!c.admin()) {
            if (customer == null || customer.isBlank()) {
                customer = c.org().toString();
            } else {
                UUID given = validation.uuid(new FieldErrors(), "customerId", customer, false);
                if (!c.org().equals(given)) {
                    throw new FieldErrors.ValidationException(
                            "customerId", validation.msg("party.error.customer.notOwn"));
                }
            }
        }
        FieldErrors errors = new FieldErrors();
        Valid v = check(withCustomer(in, customer), errors, idLookup(c), Fields.API);
        errors.throwIfAny();
        return v;
    }

    private static SystemInput withCustomer(SystemInput in, String customer) {
        return new SystemInput(
                in.name(),
                customer,
                in.protectionLevel(),
                in.deploymentModel(),
                in.serviceModel(),
                in.industry(),
                in.dataClassification(),
                in.regions(),
                in.provider(),
                in.agents(),
                in.platformLevel());
    }

    /** The field names used for organisation references: ids in the API, credit codes in import files. */
    enum Fields {
        API("customerId", "providerId", "organizationId"),
        IMPORT("customerCreditCode", "providerCreditCode", "creditCode");

        final String customer;
        final String provider;
        final String agent;

        Fields(String customer, String provider, String agent) {
            this.customer = customer;
            this.provider = provider;
            this.agent = agent;
        }
    }

    /** Resolves an organisation reference in a field; adds a field error and returns empty if it cannot. */
    interface OrgLookup {
        Optional<Organization> find(FieldErrors errors, String field, String raw, boolean required);
    }

    /** By id; a business user only finds the organisations it may name ({@link VisibilityQueries#selectable}). */
    OrgLookup idLookup(Caller caller) {
        return (errors, field, raw, required) -> {
            int before = errors.asMap().size();
            UUID id = validation.uuid(errors, field, raw, required);
            if (id == null) {
                return Optional.empty();
            }
            Optional<Organization> o = organizations
                    .findById(id)
                    .filter(found -> caller.admin() || visibility.selectable(visibility.viewer(caller), found));
            if (o.isEmpty() && errors.asMap().size() == before) {
                errors.add(field, validation.msg("party.error.organization.notFound", id));
            }
            return o;
        };
    }

    OrgLookup creditCodeLookup() {
        return (errors, field, raw, required) -> {
            if (!required && (raw == null || raw.isBlank())) {
                return Optional.empty();
            }
            var code = validation.creditCode(errors, field, raw);
            if (code == null) {
                return Optional.empty();
            }
            Optional<Organization> o = organizations.findByCreditCode(code.value());
            if (o.isEmpty()) {
                errors.add(field, validation.msg("party.error.organization.notFound", code));
            }
            return o;
        };
    }

    Valid check(SystemInput in, FieldErrors errors, OrgLookup lookup, Fields f) {
        String name = validation.text(errors, "name", in.name(), NAME_MAX, true);
        Integer level = validation.protectionLevel(errors, "protectionLevel", in.protectionLevel());
        Integer platformLevel = in.platformLevel() == null || in.platformLevel().isBlank()
                ? null
                : validation.protectionLevel(errors, "platformLevel", in.platformLevel());
        DeploymentModel dm =
                validation.enumValue(errors, "deploymentModel", in.deploymentModel(), DeploymentModel.class);
        ServiceModel sm = validation.enumValue(errors, "serviceModel", in.serviceModel(), ServiceModel.class);
        Industry ind = validation.enumValue(errors, "industry", in.industry(), Industry.class);
        DataClassification dc =
                validation.enumValue(errors, "dataClassification", in.dataClassification(), DataClassification.class);

        List<String> regions = new ArrayList<>();
        List<String> rawRegions = in.regions() == null ? List.of() : in.regions();
        for (int i = 0; i < rawRegions.size(); i++) {
            String r = rawRegions.get(i);
            if (r == null || r.isBlank()) {
                continue;
            }
            String v = validation.text(errors, "regions[" + i + "]", r, REGION_MAX, true);
            if (v != null && !regions.contains(v)) {
                regions.add(v);
            }
        }
        long given = rawRegions.stream().filter(r -> r != null && !r.isBlank()).count();
        if (given < 1 || given > REGIONS_MAX) {
            errors.add("regions", validation.msg("party.error.regions.count", REGIONS_MAX, given));
        }

        UUID customerId = lookup.find(errors, f.customer, in.customer(), true)
                .filter(o -> requireRole(errors, f.customer, o, PartyRole.CUSTOMER))
                .map(Organization::id)
                .orElse(null);
        UUID providerId = lookup.find(errors, f.provider, in.provider(), false)
                .filter(o -> requireRole(errors, f.provider, o, PartyRole.PROVIDER))
                .map(Organization::id)
                .orElse(null);

        Set<CloudSystem.Agent> agents = new LinkedHashSet<>();
        List<PartyRef> rawAgents = in.agents() == null ? List.of() : in.agents();
        if (rawAgents.size() > AGENTS_MAX) {
            errors.add("agents", validation.msg("party.error.tooMany", AGENTS_MAX, rawAgents.size()));
        } else {
            for (int i = 0; i < rawAgents.size(); i++) {
                PartyRef a = rawAgents.get(i);
                if (a == null) {
                    errors.add("agents[" + i + "]", validation.msg("party.error.required"));
                    continue;
                }
                String prefix = "agents[" + i + "].";
                PartyRole role = validation.enumValue(errors, prefix + "role", a.role(), PartyRole.class);
                if (role != null && !role.isAgent()) {
                    errors.add(prefix + "role", validation.msg("party.error.agentRole", Msg.of(role)));
                    role = null;
                }
                Optional<Organization> o = lookup.find(errors, prefix + f.agent, a.organization(), true);
                if (role != null && o.isPresent() && requireRole(errors, prefix + f.agent, o.get(), role)) {
                    agents.add(new CloudSystem.Agent(o.get().id(), role));
                }
            }
        }
        if (level != null && CloudSystem.forbiddenSocialCloud(ind, level, dm)) {
            errors.add(
                    "deploymentModel",
                    validation.msg(
                            "party.error.socialCloud",
                            level,
                            dm.text(),
                            quote(CloudSystem.SOCIAL_CLOUD_RULE, "party.error.ruleQuote")));
        }
        // the platform's level: JR/T's minimum for the deployment model, and not below the system (等保 8.2.2.1 a))
        List<String> platformProblems = new ArrayList<>();
        CloudSystem.PlatformMinimum.breachedBy(ind, dm, platformLevel)
                .ifPresent(min -> platformProblems.add(validation.msg(
                        "party.error.platformMinimum",
                        dm.text(),
                        min.level(),
                        platformLevel,
                        quote(min.rule(), "party.error.ruleQuote.jrt"))));
        if (level != null && CloudSystem.platformBelowSystem(level, platformLevel)) {
            platformProblems.add(validation.msg(
                    "party.error.platformLevel",
                    platformLevel,
                    level,
                    CloudSystem.platformLevelRules(ind, dm).stream()
                            .map(this::quote)
                            .reduce((a, b) -> validation.msg("text.joined", a, b))
                            .orElse("")));
        }
        platformProblems.stream()
                .reduce((a, b) -> validation.msg("text.joined", a, b))
                .ifPresent(text -> errors.add("platformLevel", text));
        return new Valid(
                name,
                customerId,
                level == null ? 0 : level,
                dm,
                sm,
                ind,
                dc,
                regions,
                providerId,
                List.copyOf(agents),
                platformLevel);
    }

    /** A catalog item of the platform-level rules, quoted with its standard's name. */
    private String quote(String id) {
        return quote(
                id,
                id.equals(CloudSystem.MLPS_PLATFORM_LEVEL_RULE)
                        ? "party.error.ruleQuote.mlps"
                        : "party.error.ruleQuote.jrt");
    }

    /** A catalog item as the standard prints it: its clause reference and its own words. */
    private String quote(String id, String code) {
        return catalog.requirement(RequirementId.of(id))
                .map(r -> validation.msg(
                        code, r.sourceLabel() == null ? r.clause() : r.clause() + " " + r.sourceLabel(), r.text()))
                .orElse(id);
    }

    private boolean requireRole(FieldErrors errors, String field, Organization o, PartyRole role) {
        if (o.hasRole(role)) {
            return true;
        }
        errors.add(field, validation.msg("party.error.organization.lacksRole", o.name(), Msg.of(role)));
        return false;
    }

    static Msg describe(CloudSystem s) {
        return Msg.of(
                "party.audit.system",
                s.name(),
                Msg.of("party.audit.level." + s.protectionLevel()),
                s.deploymentModel().text(),
                s.serviceModel().text(),
                s.agents().size());
    }

    record Valid(
            String name,
            UUID customerId,
            int protectionLevel,
            DeploymentModel deploymentModel,
            ServiceModel serviceModel,
            Industry industry,
            DataClassification dataClassification,
            List<String> regions,
            UUID providerId,
            List<CloudSystem.Agent> agents,
            Integer platformLevel) {

        CloudSystem toSystem(UUID id, java.time.Instant created, java.time.Instant updated) {
            return toSystem(id, created, updated, 0);
        }

        CloudSystem toSystem(UUID id, java.time.Instant created, java.time.Instant updated, long version) {
            return new CloudSystem(
                    id,
                    name,
                    customerId,
                    protectionLevel,
                    deploymentModel,
                    serviceModel,
                    industry,
                    dataClassification,
                    regions,
                    providerId,
                    agents,
                    created,
                    updated,
                    version,
                    platformLevel);
        }
    }
}
