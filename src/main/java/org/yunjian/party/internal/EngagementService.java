package org.yunjian.party.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;
import org.yunjian.party.LifecyclePhase;
import org.yunjian.party.Organization;
import org.yunjian.party.internal.Inputs.EngagementInput;
import org.yunjian.party.internal.Inputs.PartyRef;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Engagements: a system administrator manages all; a user of the system's customer manages those on
 * its systems; participants read.
 */
@Service
public class EngagementService {

    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int PARTICIPANTS_MAX = 50;

    private final EngagementRepository engagements;
    private final SystemRepository systems;
    private final SystemService systemService;
    private final OrganizationRepository organizations;
    private final VisibilityQueries visibility;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EngagementService(
            EngagementRepository engagements,
            SystemRepository systems,
            SystemService systemService,
            OrganizationRepository organizations,
            VisibilityQueries visibility,
            Validation validation,
            ApplicationEventPublisher events,
            Clock clock) {
        this.engagements = engagements;
        this.systems = systems;
        this.systemService = systemService;
        this.organizations = organizations;
        this.visibility = visibility;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    /** One page of the engagements the caller may see, filtered by name, phase and system, with the total. */
    @Transactional(readOnly = true)
    public org.yunjian.shared.paging.Paged<Engagement> page(
            String q, org.yunjian.party.LifecyclePhase phase, UUID system, org.yunjian.shared.paging.PageRequest page) {
        Caller c = Caller.require();
        if (!c.admin() && c.org() == null) {
            return org.yunjian.shared.paging.Paged.of(List.of(), page, 0);
        }
        return engagements.page(q, phase, system, visibility.viewer(c), c.admin(), page);
    }

    @Transactional(readOnly = true)
    public List<Engagement> list() {
        Caller c = Caller.require();
        return c.admin()
                ? engagements.findAll()
                : engagements.findAllById(visibility.engagementIds(visibility.viewer(c)));
    }

    @Transactional(readOnly = true)
    public List<Engagement> listForSystem(UUID systemId) {
        Caller c = Caller.require();
        List<Engagement> all = engagements.findBySystem(systemId);
        if (c.admin()) {
            return all;
        }
        Set<UUID> visible = visibility.engagementIds(visibility.viewer(c));
        return all.stream().filter(e -> visible.contains(e.id())).toList();
    }

    @Transactional(readOnly = true)
    public Engagement get(UUID id) {
        return find(Caller.require(), id).orElseThrow(() -> new NotFoundException("engagement", id));
    }

    Optional<Engagement> find(Caller c, UUID id) {
        if (c.admin() || visibility.engagement(visibility.viewer(c), id)) {
            return engagements.findById(id);
        }
        return Optional.empty();
    }

    /** Whether the caller may change the engagement: a system administrator or a user of the system's customer. */
    @Transactional(readOnly = true)
    public boolean canManage(Engagement e) {
        Caller c = Caller.require();
        return c.admin()
                || systems.findById(e.systemId())
                        .map(s -> c.belongsTo(s.customerId()))
                        .orElse(false);
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public Engagement create(EngagementInput in) {
        Caller c = Caller.require();
        Valid v = validate(c, in, "engagement.create", null);
        var now = clock.instant();
        Engagement e = new Engagement(
                UUID.randomUUID(), v.name(), v.system(), v.phase(), v.description(), v.participants(), now, now);
        engagements.insert(e);
        events.publishEvent(AuditableEvent.success("engagement.create", "engagement", e.id(), describe(e)));
        return e;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public Engagement update(UUID id, ExpectedVersion version, EngagementInput in) {
        Caller c = Caller.require();
        Engagement old = find(c, id).orElseThrow(() -> new NotFoundException("engagement", id));
        requireManage(c, old.systemId(), "engagement.update", id);
        Valid v = validate(c, in, "engagement.update", id);
        long expected = version.value();
        Engagement e = new Engagement(
                id,
                v.name(),
                v.system(),
                v.phase(),
                v.description(),
                v.participants(),
                old.createdAt(),
                clock.instant(),
                expected + 1);
        engagements.update(e, expected);
        events.publishEvent(AuditableEvent.success("engagement.update", "engagement", id, describe(e)));
        return e;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public void delete(UUID id) {
        Caller c = Caller.require();
        Engagement old = find(c, id).orElseThrow(() -> new NotFoundException("engagement", id));
        requireManage(c, old.systemId(), "engagement.delete", id);
        engagements.delete(id);
        events.publishEvent(AuditableEvent.success("engagement.delete", "engagement", id, describe(old)));
    }

    private void requireManage(Caller c, UUID systemId, String action, UUID engagementId) {
        if (c.admin()) {
            return;
        }
        boolean customer =
                systems.findById(systemId).map(s -> c.belongsTo(s.customerId())).orElse(false);
        if (!customer) {
            events.publishEvent(AuditableEvent.denied(
                    action, "engagement", engagementId, Msg.of("party.audit.denied.notCustomer")));
            throw new AccessDeniedException("party.denied.customerOrAdmin");
        }
    }

    private Valid validate(Caller c, EngagementInput in, String action, UUID engagementId) {
        FieldErrors errors = new FieldErrors();
        String name = validation.text(errors, "name", in.name(), NAME_MAX, true);
        LifecyclePhase phase = validation.enumValue(errors, "phase", in.phase(), LifecyclePhase.class);
        String description = validation.multiline(errors, "description", in.description(), DESCRIPTION_MAX, false);
        UUID systemId = validation.uuid(errors, "systemId", in.systemId(), true);
        if (systemId != null) {
            Optional<CloudSystem> s = systemService.find(c, systemId);
            if (s.isEmpty()) {
                errors.add("systemId", validation.msg("party.error.system.notFound", systemId));
            } else if (!(c.admin() || c.belongsTo(s.get().customerId()))) {
                events.publishEvent(AuditableEvent.denied(
                        action,
                        "engagement",
                        engagementId,
                        Msg.of("party.audit.denied.notOwnSystem", s.get().name())));
                throw new AccessDeniedException("party.denied.ownSystems");
            }
        }
        Set<Engagement.Participant> participants = new LinkedHashSet<>();
        List<PartyRef> raw = in.participants() == null ? List.of() : in.participants();
        if (raw.size() > PARTICIPANTS_MAX) {
            errors.add("participants", validation.msg("party.error.tooMany", PARTICIPANTS_MAX, raw.size()));
        } else {
            for (int i = 0; i < raw.size(); i++) {
                PartyRef p = raw.get(i);
                String prefix = "participants[" + i + "].";
                if (p == null) {
                    errors.add("participants[" + i + "]", validation.msg("party.error.required"));
                    continue;
                }
                PartyRole role = validation.enumValue(errors, prefix + "role", p.role(), PartyRole.class);
                UUID orgId = validation.uuid(errors, prefix + "organizationId", p.organization(), true);
                if (orgId == null) {
                    continue;
                }
                Optional<Organization> o = organizations
                        .findById(orgId)
                        .filter(found -> c.admin() || visibility.selectable(visibility.viewer(c), found));
                if (o.isEmpty()) {
                    errors.add(prefix + "organizationId", validation.msg("party.error.organization.notFound", orgId));
                } else if (role != null && !o.get().hasRole(role)) {
                    errors.add(
                            prefix + "organizationId",
                            validation.msg(
                                    "party.error.organization.lacksRole",
                                    o.get().name(),
                                    Msg.of(role)));
                } else if (role != null) {
                    participants.add(new Engagement.Participant(orgId, role));
                }
            }
        }
        errors.throwIfAny();
        return new Valid(name, systemId, phase, description, List.copyOf(participants));
    }

    static Msg describe(Engagement e) {
        return Msg.of(
                "party.audit.engagement",
                e.name(),
                e.phase().text(),
                e.participants().size());
    }

    record Valid(
            String name,
            UUID system,
            LifecyclePhase phase,
            String description,
            List<Engagement.Participant> participants) {}
}
