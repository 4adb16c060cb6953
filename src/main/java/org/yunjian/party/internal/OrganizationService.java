package org.yunjian.party.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CreditCode;
import org.yunjian.party.Organization;
import org.yunjian.party.internal.Inputs.OrganizationInput;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/** Organisations: system administrators manage them; business users see their own and their counterparts. */
@Service
public class OrganizationService {

    public static final int NAME_MAX = 200;
    public static final int REGION_MAX = 100;

    private final OrganizationRepository organizations;
    private final VisibilityQueries visibility;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganizationService(
            OrganizationRepository organizations,
            VisibilityQueries visibility,
            Validation validation,
            ApplicationEventPublisher events,
            Clock clock) {
        this.organizations = organizations;
        this.visibility = visibility;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    /** One page of the organisations the caller may see, filtered by name and role, with the total. */
    @Transactional(readOnly = true)
    public org.yunjian.shared.paging.Paged<Organization> page(
            String q, PartyRole role, org.yunjian.shared.paging.PageRequest page) {
        Caller c = Caller.require();
        if (!c.admin() && c.org() == null) {
            return org.yunjian.shared.paging.Paged.of(List.of(), page, 0);
        }
        return organizations.page(q, role, visibility.viewer(c), c.admin(), page);
    }

    @Transactional(readOnly = true)
    public List<Organization> list() {
        Caller c = Caller.require();
        return c.admin()
                ? organizations.findAll()
                : organizations.findAllById(visibility.organizationIds(visibility.viewer(c)));
    }

    @Transactional(readOnly = true)
    public Organization get(UUID id) {
        Caller c = Caller.require();
        return find(c, id).orElseThrow(() -> new NotFoundException("organization", id));
    }

    /**
     * The organisations a form may offer as provider, agent or participant. A system administrator gets
     * all; a business user those it already sees plus those offering services to others (any role but
     * customer alone): customers that are not its counterparts stay hidden.
     */
    @Transactional(readOnly = true)
    public List<Organization> choices() {
        Caller c = Caller.require();
        List<Organization> all = organizations.findAll();
        if (c.admin()) {
            return all;
        }
        Set<UUID> visible = visibility.organizationIds(visibility.viewer(c));
        return all.stream()
                .filter(o -> visible.contains(o.id()) || visibility.selectable(visibility.viewer(c), o))
                .toList();
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public Organization create(OrganizationInput in) {
        Caller c = Caller.require();
        if (!c.admin()) {
            throw denied("organization.create", null);
        }
        Valid v = validate(in, null);
        var now = clock.instant();
        Organization o = new Organization(UUID.randomUUID(), v.name(), v.creditCode(), v.region(), v.roles(), now, now);
        try {
            organizations.insert(o);
        } catch (DuplicateKeyException e) {
            throw duplicate(); // registered concurrently since the check
        }
        events.publishEvent(AuditableEvent.success("organization.create", "organization", o.id(), describe(o)));
        return o;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public Organization update(UUID id, ExpectedVersion version, OrganizationInput in) {
        Caller c = Caller.require();
        Organization old = find(c, id).orElseThrow(() -> new NotFoundException("organization", id));
        if (!c.admin()) {
            throw denied("organization.update", id);
        }
        Valid v = validate(in, id);
        Set<PartyRole> dropped = EnumSet.copyOf(organizations.rolesInUse(id));
        dropped.removeAll(v.roles());
        if (!dropped.isEmpty()) {
            throw new FieldErrors.ValidationException(
                    "roles",
                    validation.msg(
                            "party.error.roles.inUse",
                            dropped.stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .collect(java.util.stream.Collectors.joining(", "))));
        }
        long expected = version.value();
        Organization o = new Organization(
                id, v.name(), v.creditCode(), v.region(), v.roles(), old.createdAt(), clock.instant(), expected + 1);
        try {
            organizations.update(o, expected);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        events.publishEvent(AuditableEvent.success("organization.update", "organization", id, describe(o)));
        return o;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public void delete(UUID id) {
        Caller c = Caller.require();
        Organization old = find(c, id).orElseThrow(() -> new NotFoundException("organization", id));
        if (!c.admin()) {
            throw denied("organization.delete", id);
        }
        if (organizations.isReferenced(id)) {
            throw new ConflictException("conflict", "party.conflict.organizationReferenced");
        }
        try {
            organizations.delete(id);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // user accounts (security module) still belong to it
            throw new ConflictException("conflict", "party.conflict.organizationReferenced");
        }
        events.publishEvent(AuditableEvent.success("organization.delete", "organization", id, describe(old)));
    }

    /** Checks every field; a duplicate credit code (other than {@code self}'s own) is a field error. */
    Valid validate(OrganizationInput in, UUID self) {
        FieldErrors errors = new FieldErrors();
        Valid v = check(in, errors);
        if (v.creditCode() != null) {
            organizations
                    .findByCreditCode(v.creditCode().value())
                    .filter(o -> !o.id().equals(self))
                    .ifPresent(o -> errors.add("creditCode", validation.msg("party.error.creditCode.duplicate")));
        }
        errors.throwIfAny();
        return v;
    }

    /** The checks that need no database, also used row by row when importing. */
    Valid check(OrganizationInput in, FieldErrors errors) {
        String name = validation.text(errors, "name", in.name(), NAME_MAX, true);
        CreditCode code = validation.creditCode(errors, "creditCode", in.creditCode());
        String region = validation.text(errors, "region", in.region(), REGION_MAX, true);
        Set<PartyRole> roles = EnumSet.noneOf(PartyRole.class);
        List<String> raw = in.roles() == null ? List.of() : in.roles();
        for (String r : raw) {
            if (r == null || r.isBlank()) {
                continue;
            }
            PartyRole role = validation.enumValue(errors, "roles", r, PartyRole.class);
            if (role != null) {
                roles.add(role);
            }
        }
        if (roles.isEmpty() && raw.stream().allMatch(r -> r == null || r.isBlank())) {
            errors.add("roles", validation.msg("party.error.roles.empty"));
        }
        return new Valid(name, code, region, roles);
    }

    private FieldErrors.ValidationException duplicate() {
        return new FieldErrors.ValidationException("creditCode", validation.msg("party.error.creditCode.duplicate"));
    }

    private Optional<Organization> find(Caller c, UUID id) {
        if (c.admin() || visibility.organization(visibility.viewer(c), id)) {
            return organizations.findById(id);
        }
        return Optional.empty();
    }

    private AccessDeniedException denied(String action, UUID id) {
        events.publishEvent(AuditableEvent.denied(action, "organization", id, Msg.of("party.audit.denied.adminOnly")));
        return new AccessDeniedException("party.denied.adminOnly");
    }

    static Msg describe(Organization o) {
        return Msg.of(
                "party.audit.organization",
                o.name(),
                o.creditCode().value(),
                list(o.roles().stream().sorted().map(PartyRole::text).toList()));
    }

    /** Display names joined in the reader's language ("甲、乙" / "a, b"), each rendered where it is read. */
    static Msg list(List<Msg> items) {
        if (items.isEmpty()) {
            return Msg.of("party.empty");
        }
        Msg out = items.get(items.size() - 1);
        for (int i = items.size() - 2; i >= 0; i--) {
            out = Msg.of("party.audit.join", items.get(i), out);
        }
        return out;
    }

    record Valid(String name, CreditCode creditCode, String region, Set<PartyRole> roles) {}
}
