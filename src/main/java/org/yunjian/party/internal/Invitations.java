package org.yunjian.party.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.CreditCode;
import org.yunjian.party.Engagement;
import org.yunjian.party.Organization;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.EmailAddress;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;

/**
 * Invitations: a user of a system's customer invites a new organisation (created on acceptance, the invitee its first
 * administrator) and one of its people onto that system, into one of its engagements with a role; an organisation
 * administrator invites its own staff, onto a system of its own or not. An invitation never brings a person into
 * another organisation already on the platform (issue 57): that organisation is asked with a
 * {@link ParticipationRequests participation request} and its administrators decide. The link carries a random 256-bit
 * secret of which only the SHA-256 is stored; it works once, until it expires or is revoked. Accepting creates the
 * account (and the organisation), adds the organisation to the engagement in the role, and uses the invitation up, in
 * one transaction. Audited.
 */
@Service
public class Invitations {

    public static final int DISPLAY_NAME_MAX = 100;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an inviter fills in; {@code organizationId} or the new organisation's fields. */
    public record InvitationInput(
            String email,
            String displayName,
            String organizationId,
            String newOrgName,
            String newOrgCredit,
            String newOrgRegion,
            String role,
            String systemId,
            String engagementId) {}

    /**
     * An accepted invitation and the user name its account got: {@code chosen} was taken where they differ (the clash
     * is told to the invitee now, once, as the link is used up; never while the form is refused).
     */
    public record Accepted(Invitation invitation, String chosen, String username) {
        public boolean renamed() {
            return !chosen.equals(username);
        }
    }

    /** A stored invitation, its link (whose secret is known only now) and whether it was e-mailed. */
    public record Created(Invitation invitation, String link, boolean mailed) {}

    /** Why a link cannot be used: unknown, or the invitation's status. */
    public static final class Unusable extends RuntimeException {
        private final Invitation.Status status;

        Unusable(Invitation.Status status) {
            super("invitation " + (status == null ? "unknown" : status.name()), null, false, false);
            this.status = status;
        }

        /** {@code null} for a link that names no invitation. */
        public Invitation.Status status() {
            return status;
        }
    }

    private final InvitationRepository invitations;
    private final OrganizationRepository organizations;
    private final SystemRepository systems;
    private final EngagementRepository engagements;
    private final VisibilityQueries visibility;
    private final Validation validation;
    private final OrganizationAdministration orgAdmins;
    private final InvitationMail mail;
    private final org.yunjian.security.PeopleNames people;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration validFor;

    Invitations(
            InvitationRepository invitations,
            OrganizationRepository organizations,
            SystemRepository systems,
            EngagementRepository engagements,
            VisibilityQueries visibility,
            Validation validation,
            OrganizationAdministration orgAdmins,
            InvitationMail mail,
            org.yunjian.security.PeopleNames people,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${yunjian.invitations.valid-days:7}") int validDays) {
        this.people = people;
        this.invitations = invitations;
        this.organizations = organizations;
        this.systems = systems;
        this.engagements = engagements;
        this.visibility = visibility;
        this.validation = validation;
        this.orgAdmins = orgAdmins;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
        this.validFor = Duration.ofDays(validDays);
    }

    /** The invitations the caller's organisation made, newest first. */
    @Transactional(readOnly = true)
    public List<Invitation> list() {
        return invitations.byInvitingOrganization(Caller.require().user().organizationId());
    }

    /** The systems the caller may invite onto: those its organisation is the customer of. */
    @Transactional(readOnly = true)
    public List<CloudSystem> systems() {
        Caller c = Caller.require();
        return c.admin()
                ? List.of()
                : systems.findAll().stream()
                        .filter(s -> c.belongsTo(s.customerId()))
                        .toList();
    }

    /** The engagements on those systems. */
    @Transactional(readOnly = true)
    public List<Engagement> engagements() {
        return systems().stream()
                .flatMap(s -> engagements.findBySystem(s.id()).stream())
                .toList();
    }

    /**
     * The existing organisations the caller may invite into: its own, if it is the organisation's administrator
     * (issue 57: another organisation is asked through a participation request, never given members).
     */
    @Transactional(readOnly = true)
    public List<Organization> organizations() {
        Caller c = Caller.require();
        return c.admin() || !orgAdmins.isOrgAdmin()
                ? List.of()
                : organizations.findById(c.org()).stream().toList();
    }

    /**
     * Stores an invitation and e-mails its link. Onto a system: only a user of its customer (another's system is
     * unknown). Without a system: an organisation administrator's invitation of its own staff.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public Created invite(InvitationInput in) {
        Caller c = Caller.require();
        if (c.admin()) {
            throw denied(null, "party.invitation.denied.businessOnly");
        }
        FieldErrors errors = new FieldErrors();
        String email = in.email() == null ? "" : in.email().strip();
        EmailAddress.problem(email).ifPresent(m -> errors.add("email", m));
        String displayName = validation.text(errors, "displayName", in.displayName(), DISPLAY_NAME_MAX, true);
        UUID systemId = validation.uuid(errors, "systemId", in.systemId(), false);
        Invitation draft;
        Instant now = clock.instant();
        if (systemId == null) {
            // an organisation administrator brings in its own staff
            if (!orgAdmins.isOrgAdmin()) {
                throw denied(null, "party.invitation.denied.staffOnlyOrgAdmin");
            }
            errors.throwIfAny();
            draft = new Invitation(
                    UUID.randomUUID(),
                    email,
                    displayName,
                    c.user().organizationId(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    c.user().organizationId(),
                    c.user().username(),
                    false,
                    now,
                    now.plus(validFor),
                    null,
                    null,
                    null,
                    null);
        } else {
            CloudSystem system = systems.findById(systemId)
                    .filter(s -> visibility.system(visibility.viewer(c), s.id()))
                    .orElseThrow(() -> new NotFoundException("system", systemId));
            if (!c.belongsTo(system.customerId())) {
                throw denied(systemId, "party.invitation.denied.customerOnly");
            }
            draft = party(c, in, errors, system, email, displayName, now);
        }
        String token = newToken();
        invitations.insert(draft, hash(token));
        events.publishEvent(AuditableEvent.success(
                "invitation.create",
                "invitation",
                draft.id(),
                Msg.of("party.invitation.audit.created", draft.email(), organizationName(draft))));
        boolean mailed = mail.send(draft, token, inviterName(draft), organizationName(draft), systemName(draft));
        return new Created(draft, mail.link(token), mailed);
    }

    /**
     * The platform's 系统管理员 names an organisation's administrator (issue 57: every organisation has one; the first
     * of an organisation the operator created, or one whose administrators are all gone): an invitation into that
     * organisation whose invitee becomes its 组织管理员. It adds nobody to the organisation by itself — the person
     * accepts the e-mailed link — and it is audited.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public Created inviteAdministrator(UUID organizationId, String rawEmail, String rawDisplayName) {
        Caller c = Caller.require();
        if (!c.admin()) {
            throw denied(organizationId, "party.invitation.denied.administratorByOperator");
        }
        Organization o = organizations
                .findById(organizationId)
                .orElseThrow(() -> new NotFoundException("organization", organizationId));
        FieldErrors errors = new FieldErrors();
        String email = rawEmail == null ? "" : rawEmail.strip();
        EmailAddress.problem(email).ifPresent(m -> errors.add("email", m));
        String displayName = validation.text(errors, "displayName", rawDisplayName, DISPLAY_NAME_MAX, true);
        errors.throwIfAny();
        Instant now = clock.instant();
        Invitation draft = new Invitation(
                UUID.randomUUID(),
                email,
                displayName,
                o.id(),
                null,
                null,
                null,
                null,
                null,
                null,
                o.id(),
                c.user().username(),
                true,
                now,
                now.plus(validFor),
                null,
                null,
                null,
                null);
        String token = newToken();
        invitations.insert(draft, hash(token));
        events.publishEvent(AuditableEvent.success(
                "invitation.create",
                "invitation",
                draft.id(),
                Msg.of("party.invitation.audit.administrator", draft.email(), o.name())));
        boolean mailed = mail.send(draft, token, inviterName(draft), o.name(), null);
        return new Created(draft, mail.link(token), mailed);
    }

    /** The pending invitations into an organisation (for the operator's page of it), newest first. */
    @Transactional(readOnly = true)
    public List<Invitation> pendingInto(UUID organizationId) {
        Caller c = Caller.require();
        if (!c.admin()) {
            return List.of();
        }
        Instant now = clock.instant();
        return invitations.byInvitingOrganization(organizationId).stream()
                .filter(i -> i.orgAdmin() && i.status(now) == Invitation.Status.PENDING)
                .toList();
    }

    private Invitation party(
            Caller c,
            InvitationInput in,
            FieldErrors errors,
            CloudSystem system,
            String email,
            String displayName,
            Instant now) {
        UUID orgId = validation.uuid(errors, "organizationId", in.organizationId(), false);
        UUID engagementId = validation.uuid(errors, "engagementId", in.engagementId(), false);
        PartyRole role = in.role() == null || in.role().isBlank()
                ? null
                : validation.enumValue(errors, "role", in.role(), PartyRole.class);
        String newName = null;
        CreditCode code = null;
        String region = null;
        if (orgId != null) {
            // issue 57: an invitation brings a person into the inviter's own organisation only, and only its
            // administrators add members; another organisation on the platform is asked (a participation request)
            Optional<Organization> o =
                    organizations.findById(orgId).filter(x -> visibility.selectable(visibility.viewer(c), x));
            if (o.isEmpty()) {
                errors.add("organizationId", "party.invitation.error.organization");
            } else if (!c.belongsTo(orgId)) {
                errors.add("organizationId", "party.invitation.error.askTheOrganization");
            } else if (!orgAdmins.isOrgAdmin()) {
                errors.add("organizationId", "party.invitation.error.ownOnlyOrgAdmin");
            }
        } else {
            newName = validation.text(errors, "newOrgName", in.newOrgName(), OrganizationService.NAME_MAX, true);
            code = validation.creditCode(errors, "newOrgCredit", in.newOrgCredit());
            region = validation.text(errors, "newOrgRegion", in.newOrgRegion(), OrganizationService.REGION_MAX, true);
            if (code != null && organizations.findByCreditCode(code.value()).isPresent()) {
                errors.add("newOrgCredit", "party.invitation.error.creditCodeKnown");
            }
        }
        if (engagementId != null) {
            if (engagements
                    .findById(engagementId)
                    .filter(e -> e.systemId().equals(system.id()))
                    .isEmpty()) {
                errors.add("engagementId", "party.invitation.error.engagement");
            }
            if (role == null) {
                errors.add("role", "party.invitation.error.role");
            } else if (role == PartyRole.CUSTOMER) {
                errors.add("role", "party.invitation.error.customerRole");
            }
        } else if (orgId == null || (errors.isEmpty() && !playsAPart(orgId, system))) {
            // without an engagement the invitee's organisation must already be a party to the system, or it sees
            // nothing
            errors.add("engagementId", "party.invitation.error.engagementRequired");
        }
        errors.throwIfAny();
        return new Invitation(
                UUID.randomUUID(),
                email,
                displayName,
                orgId,
                newName,
                code == null ? null : code.value(),
                region,
                engagementId == null ? null : role,
                system.id(),
                engagementId,
                c.user().organizationId(),
                c.user().username(),
                false,
                now,
                now.plus(validFor),
                null,
                null,
                null,
                null);
    }

    private boolean playsAPart(UUID orgId, CloudSystem system) {
        return orgId.equals(system.customerId())
                || orgId.equals(system.providerId())
                || visibility.system(orgId, system.id());
    }

    /** The pending invitation a link names; {@link Unusable} if unknown, used, revoked or expired. */
    @Transactional(readOnly = true)
    public Invitation open(String token) {
        Invitation i = find(token).orElseThrow(() -> new Unusable(null));
        Invitation.Status s = i.status(clock.instant());
        if (s != Invitation.Status.PENDING) {
            throw new Unusable(s);
        }
        return i;
    }

    /**
     * Accepts the invitation a link names: the account with the chosen user name and password (the platform policy
     * applies), in the invited organisation — created now if new, its first member then its administrator — which
     * joins the engagement in the role. One transaction: refused input leaves the invitation pending. Whether the
     * user name is taken plays no part in the refusal: a taken one gets a free {@code <name>-<n>} (issue 56).
     */
    @Transactional
    public Accepted accept(String token, String username, String displayName, String password, String confirm) {
        Invitation i = open(token);
        if (!i.createsOrganization() && !i.organizationId().equals(i.invitingOrgId())) {
            // made before issue 57 into another organisation (the upgrade revoked those still pending): never used
            throw new Unusable(Invitation.Status.REVOKED);
        }
        FieldErrors errors = new FieldErrors();
        String name = validation.text(errors, "displayName", displayName, DISPLAY_NAME_MAX, true);
        if (password == null || !password.equals(confirm)) {
            errors.add("confirm", "party.invitation.error.confirm");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        String chosen = username == null ? "" : username.strip();
        if (!invitations.markAccepted(i.id(), chosen, now)) {
            throw new Unusable(
                    invitations.findById(i.id()).map(x -> x.status(now)).orElse(null));
        }
        UUID orgId = i.organizationId();
        if (i.createsOrganization()) {
            if (organizations.findByCreditCode(i.newOrgCredit()).isPresent()) {
                throw new FieldErrors.ValidationException("organization", "party.invitation.error.creditCodeKnown");
            }
            Organization o = new Organization(
                    UUID.randomUUID(),
                    i.newOrgName(),
                    CreditCode.of(i.newOrgCredit()),
                    i.newOrgRegion(),
                    java.util.Set.of(i.role()),
                    now,
                    now);
            organizations.insert(o);
            orgId = o.id();
            events.publishEvent(AuditableEvent.success(
                            "organization.create", "organization", o.id(), OrganizationService.describe(o))
                    .withActor("invitation:" + i.invitedBy()));
        }
        if (i.engagementId() != null) {
            invitations.joinEngagement(orgId, i.engagementId(), i.role());
        }
        String created = orgAdmins
                .createInvitee(chosen, name, password, orgId, i.makesOrgAdmin(), i.invitedBy())
                .username();
        if (!created.equals(chosen)) {
            invitations.renameAccepted(i.id(), created);
        }
        events.publishEvent(AuditableEvent.success(
                        "invitation.accept",
                        "invitation",
                        i.id(),
                        Msg.of("party.invitation.audit.accepted", i.email(), created, organizationName(i)))
                .withActor(created));
        return new Accepted(i, chosen, created);
    }

    /** Revokes a pending invitation of the caller's organisation; another's is unknown. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public void revoke(UUID id) {
        Caller c = Caller.require();
        Invitation i = invitations
                .findById(id)
                .filter(x -> c.belongsTo(x.invitingOrgId()))
                .orElseThrow(() -> new NotFoundException("invitation", id));
        if (!invitations.markRevoked(id, c.user().username(), clock.instant())) {
            throw new FieldErrors.ValidationException("invitation", "party.invitation.error.notPending");
        }
        events.publishEvent(AuditableEvent.success(
                "invitation.revoke",
                "invitation",
                id,
                Msg.of("party.invitation.audit.revoked", i.email(), organizationName(i))));
    }

    /** The organisation an invitation is for, by name. */
    public String organizationName(Invitation i) {
        return i.createsOrganization()
                ? i.newOrgName()
                : organizations
                        .findById(i.organizationId())
                        .map(Organization::name)
                        .orElse("");
    }

    /** Who invited, by display name (the user name if the account is gone). */
    public String inviterName(Invitation i) {
        return people.displayNames(List.of(i.invitedBy())).getOrDefault(i.invitedBy(), i.invitedBy());
    }

    /** The system an invitation is onto, by name ({@code null} for staff). */
    public String systemName(Invitation i) {
        return i.systemId() == null
                ? null
                : systems.findById(i.systemId()).map(CloudSystem::name).orElse(null);
    }

    private Optional<Invitation> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return invitations.findByTokenHash(hash(token));
    }

    private AccessDeniedException denied(UUID id, String key) {
        events.publishEvent(AuditableEvent.denied("invitation.create", "invitation", id, Msg.of(key)));
        return new AccessDeniedException(key);
    }

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The stored form of a link's secret: its SHA-256, hex. */
    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
