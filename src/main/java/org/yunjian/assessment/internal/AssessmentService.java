package org.yunjian.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Assessment;
import org.yunjian.assessment.AssessmentConflictException;
import org.yunjian.assessment.AssessmentEvent;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.assessment.ScoringPolicy;
import org.yunjian.assessment.Verdict;
import org.yunjian.assessment.internal.Records.AssessmentInfo;
import org.yunjian.assessment.internal.Records.EvidenceInfo;
import org.yunjian.assessment.internal.Records.Interview;
import org.yunjian.assessment.internal.Records.Remediation;
import org.yunjian.assessment.internal.Records.TestItem;
import org.yunjian.assessment.internal.Records.VerdictEntry;
import org.yunjian.catalog.Requirement;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.party.PartyRole;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;

/** Assessment projects, test items, verdicts, interviews, scores and remediation, with object scope. */
@Service
@Transactional
public class AssessmentService {

    /** Days a remediation task opened by a finding is due in, until someone sets a date. */
    static final int DEFAULT_REMEDIATION_DAYS = 90;

    private final AssessmentRepository repo;
    private final ItemGenerator generator;
    private final Parties parties;
    private final UserAdministration users;
    private final ScoringPolicy scoring;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final TextRules textRules;

    AssessmentService(AssessmentRepository repo, ItemGenerator generator, Parties parties, UserAdministration users,
                      ScoringPolicy scoring, ApplicationEventPublisher events, Clock clock, TextRules textRules) {
        this.textRules = textRules;
        this.repo = repo;
        this.generator = generator;
        this.parties = parties;
        this.users = users;
        this.scoring = scoring;
        this.events = events;
        this.clock = clock;
    }

    public record CreateInput(String name, UUID systemId, UUID assessorOrgId, AssessorKind assessorKind,
                              List<UUID> assessors, List<String> scope) {
    }

    public record VerdictInput(Verdict verdict, String reason, RiskLevel riskLevel, String riskReason) {
    }

    public record InterviewInput(String interviewee, String role, Instant heldAt, String notes) {
    }

    public record RemediationInput(UUID responsibleOrgId, LocalDate dueDate, RemediationStatus status, String note) {
    }

    /** One test item with what the item page shows. */
    public record ItemDetail(Access access, TestItem item, Requirement requirement, List<VerdictEntry> history,
                             List<Interview> interviews, List<EvidenceInfo> evidence, List<Remediation> remediations) {
    }

    private static CurrentUser caller() {
        return CurrentUser.requireBusinessOrAdmin("assessments");
    }

    // --- reading

    @Transactional(readOnly = true)
    public List<AssessmentInfo> list(UUID systemId) {
        CurrentUser u = caller();
        List<CloudSystem> systems = systemId == null ? parties.visibleSystems()
                : List.of(parties.requireSystem(systemId));
        Map<UUID, CloudSystem> byId = systems.stream().collect(Collectors.toMap(CloudSystem::id, s -> s));
        return repo.findBySystems(byId.keySet()).stream()
                .filter(a -> !Access.relations(a, byId.get(a.systemId()), u).isEmpty()).toList();
    }

    /** The assessment with the caller's relations, or 404 if it does not exist or the caller has none. */
    @Transactional(readOnly = true)
    public Access access(UUID id) {
        CurrentUser u = caller();
        AssessmentInfo a = repo.find(id).orElseThrow(() -> new NotFoundException("assessment", id));
        CloudSystem s = parties.findSystem(a.systemId()).orElseThrow(() -> new NotFoundException("assessment", id));
        Access access = new Access(a, s, u, Access.relations(a, s, u));
        if (!access.visible()) {
            throw new NotFoundException("assessment", id);
        }
        return access;
    }

    @Transactional(readOnly = true)
    public List<TestItem> items(UUID assessmentId, String controlPoint, ItemSide side, String verdict) {
        access(assessmentId);
        return repo.items(assessmentId).stream()
                .filter(i -> controlPoint == null || controlPoint.isBlank() || controlPoint.equals(i.controlPoint()))
                .filter(i -> side == null || side == i.side())
                .filter(i -> verdict == null || verdict.isBlank()
                        || (verdict.equals("NONE") ? i.verdict() == null : i.verdict() != null && i.verdict().name().equals(verdict)))
                .toList();
    }

    /** The item and its assessment's access, or 404. */
    @Transactional(readOnly = true)
    public ItemDetail item(UUID itemId) {
        TestItem item = repo.item(itemId).orElseThrow(() -> new NotFoundException("assessment item", itemId));
        Access access;
        try {
            access = access(item.assessmentId());
        } catch (NotFoundException e) {
            throw new NotFoundException("assessment item", itemId);
        }
        List<EvidenceInfo> evidence = repo.evidenceOfItem(itemId).stream().filter(access::maySee).toList();
        return new ItemDetail(access, item, generator.requirement(item.requirementId()).orElse(null),
                repo.history(itemId), repo.interviews(itemId), evidence, repo.remediationsOfItem(itemId));
    }

    @Transactional(readOnly = true)
    public ScoreResult score(UUID assessmentId) {
        access(assessmentId);
        return scoring.score(repo.items(assessmentId).stream()
                .map(i -> new ScoringPolicy.ScoredItem(i.requirementId() + "/" + i.side(), i.layer(), i.controlPoint(),
                        i.verdict(), i.riskLevel()))
                .toList());
    }

    @Transactional(readOnly = true)
    public List<Remediation> remediations(UUID assessmentId) {
        access(assessmentId);
        return repo.remediations(assessmentId);
    }

    /** Users of an organisation that can be assigned as assessors (business users). */
    @Transactional(readOnly = true)
    public List<UserView> assessorCandidates(UUID organizationId) {
        return users.list().stream().filter(v -> v.role() == Role.USER && organizationId.equals(v.organizationId())
                && v.enabled()).toList();
    }

    // --- creating and moving

    public AssessmentInfo create(CreateInput in) {
        CurrentUser u = caller();
        FieldErrors errors = new FieldErrors();
        if (in.name() == null || in.name().isBlank()) {
            errors.add("name", "required");
        } else if (in.name().length() > 200) {
            errors.add("name", "at most 200 characters");
        } else {
            textRules.check(errors, "name", in.name(), Text.Kind.LINE);
        }
        if (in.systemId() == null) {
            errors.add("systemId", "required");
        }
        if (in.assessorOrgId() == null) {
            errors.add("assessorOrgId", "required");
        }
        if (in.assessorKind() == null) {
            errors.add("assessorKind", "required");
        }
        List<String> scope = in.scope() == null ? List.of() : in.scope();
        if (scope.isEmpty()) {
            errors.add("scope", "choose at least one part of the catalog");
        }
        scope.stream().filter(s -> !ItemGenerator.isSelection(s)).findFirst()
                .ifPresent(s -> errors.add("scope", "unknown scope '" + s + "'; one of " + ItemGenerator.SELECTIONS));
        errors.throwIfAny();
        CloudSystem system = parties.requireSystem(in.systemId());
        if (!(u.is(Role.SYSTEM_ADMIN) || u.belongsTo(system.customerId()) || u.belongsTo(in.assessorOrgId()))) {
            throw new AccessDeniedException("an assessment is created by the system's customer or its assessor");
        }
        Set<PartyRole> roles = parties.rolesOf(in.assessorOrgId(), system.id());
        Optional<Organization> org = parties.findOrganization(in.assessorOrgId());
        switch (in.assessorKind()) {
            case THIRD_PARTY -> {
                if (org.isEmpty() || !org.get().hasRole(PartyRole.THIRD_PARTY_ASSESSOR)) {
                    errors.add("assessorOrgId", "a third-party assessment needs an organisation holding the role "
                            + "THIRD_PARTY_ASSESSOR");
                } else if (roles.isEmpty()) {
                    errors.add("assessorOrgId", "the assessor must take part in the system (an engagement on it)");
                }
            }
            case CUSTOMER_SELF -> {
                if (!in.assessorOrgId().equals(system.customerId())) {
                    errors.add("assessorOrgId", "a customer self-assessment is done by the system's customer");
                }
            }
            case PROVIDER_SELF -> {
                if (!in.assessorOrgId().equals(system.providerId())) {
                    errors.add("assessorOrgId", "a provider self-assessment is done by the system's provider");
                }
            }
        }
        List<UUID> assessors = in.assessors() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.assessors()));
        if (!assessors.isEmpty()) {
            Set<UUID> candidates = assessorCandidates(in.assessorOrgId()).stream().map(UserView::id)
                    .collect(Collectors.toSet());
            if (!candidates.containsAll(assessors)) {
                errors.add("assessors", "assessors must be active users of the assessor organisation");
            }
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        AssessmentInfo a = new AssessmentInfo(UUID.randomUUID(), in.name().strip(), system.id(), in.assessorOrgId(),
                in.assessorKind(), AssessmentStatus.DRAFT, assessors, scope.stream().distinct().toList(), now, now,
                null);
        repo.insert(a, u.userId());
        int position = 0;
        for (ItemGenerator.Generated g : generator.generate(system, a.scope())) {
            repo.insertItem(new TestItem(UUID.randomUUID(), a.id(), position++, g.requirementId(), g.side(), g.layer(),
                    g.controlPoint(), null, null, null, null, null, now));
        }
        events.publishEvent(AuditableEvent.success("assessment.create", "assessment", a.id(),
                "system " + system.id() + ", " + a.assessorKind() + ", " + position + " items, scope " + a.scope()));
        return repo.find(a.id()).orElseThrow();
    }

    /** Moves the status; illegal moves throw {@link org.yunjian.assessment.IllegalTransitionException} (409). */
    public AssessmentInfo transition(UUID id, AssessmentStatus target) {
        Access access = access(id);
        access.requireAssessor();
        AssessmentStatus current = repo.lockStatus(id).orElseThrow(() -> new NotFoundException("assessment", id));
        Assessment aggregate = new Assessment(id, access.assessment().systemId(), current,
                access.assessment().completedAt());
        Instant now = clock.instant();
        aggregate.moveTo(target, now);
        if (!repo.updateStatus(id, current, aggregate.status(), now, aggregate.completedAt())) {
            throw new AssessmentConflictException("concurrent-change", "The assessment changed meanwhile; reload");
        }
        for (AssessmentEvent e : aggregate.drainEvents()) {
            events.publishEvent(e);
        }
        events.publishEvent(AuditableEvent.success("assessment.transition", "assessment", id,
                current + " -> " + aggregate.status()));
        return repo.find(id).orElseThrow();
    }

    // --- recording

    /** The item, its assessment locked and open, and the caller allowed to assess it. */
    private ItemDetail openItemForAssessor(UUID itemId) {
        ItemDetail d = item(itemId);
        d.access().requireAssessor();
        requireOpen(d.item().assessmentId());
        return d;
    }

    void requireOpen(UUID assessmentId) {
        AssessmentStatus s = repo.lockStatus(assessmentId)
                .orElseThrow(() -> new NotFoundException("assessment", assessmentId));
        new Assessment(assessmentId, new UUID(0, 0), s, null).requireOpen();
    }

    public TestItem recordVerdict(UUID itemId, VerdictInput in) {
        ItemDetail d = openItemForAssessor(itemId);
        FieldErrors errors = new FieldErrors();
        if (in.verdict() == null) {
            errors.add("verdict", "required");
        }
        if (in.verdict() == Verdict.NOT_APPLICABLE && blank(in.reason())) {
            errors.add("reason", "不适用 requires a reason");
        }
        if (in.verdict() == Verdict.PARTIALLY_COMPLIANT && d.requirement() != null && d.requirement().mlps() != null
                && d.requirement().mlps().criteria().partiallyCompliant() == null) {
            errors.add("verdict", "the catalog defines no 部分符合 for " + d.item().requirementId());
        }
        if (in.verdict() != null && in.verdict().isFinding()) {
            if (in.riskLevel() == null) {
                errors.add("riskLevel", "a 不符合 / 部分符合 finding needs a risk level");
            }
            if (blank(in.riskReason())) {
                errors.add("riskReason", "give the reason for the risk level");
            }
        }
        tooLong(errors, "reason", in.reason(), 4000);
        tooLong(errors, "riskReason", in.riskReason(), 4000);
        errors.throwIfAny();
        boolean finding = in.verdict().isFinding();
        RiskLevel risk = finding ? in.riskLevel() : null;
        String riskReason = finding ? in.riskReason().strip() : null;
        Instant now = clock.instant();
        boolean retest = !d.history().isEmpty();
        repo.updateVerdict(itemId, in.verdict(), trimToNull(in.reason()), risk, riskReason, now);
        repo.insertVerdict(new VerdictEntry(UUID.randomUUID(), itemId, in.verdict(), trimToNull(in.reason()), risk,
                retest, d.access().user().username(), now));
        List<Remediation> tasks = d.remediations();
        boolean openTask = tasks.stream().anyMatch(r -> r.status() != RemediationStatus.VERIFIED);
        if (finding && !openTask) {
            CloudSystem s = d.access().system();
            UUID responsible = d.item().side() == ItemSide.CLOUD_PLATFORM && s.providerId() != null ? s.providerId()
                    : s.customerId();
            repo.insertRemediation(new Remediation(UUID.randomUUID(), itemId, d.item().assessmentId(), responsible,
                    LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(DEFAULT_REMEDIATION_DAYS),
                    RemediationStatus.OPEN, null, now, now));
        }
        if (in.verdict() == Verdict.COMPLIANT && retest) {
            for (Remediation r : tasks) {
                if (r.status() == RemediationStatus.DONE) {
                    repo.updateRemediation(new Remediation(r.id(), r.itemId(), r.assessmentId(), r.responsibleOrgId(),
                            r.dueDate(), RemediationStatus.VERIFIED, r.note(), r.createdAt(), now));
                }
            }
        }
        events.publishEvent(AuditableEvent.success("assessment.verdict", "assessment-item", itemId,
                d.item().requirementId() + " " + d.item().side() + ": " + in.verdict() + (retest ? " (re-test)" : "")
                        + (risk == null ? "" : ", risk " + risk)));
        return repo.item(itemId).orElseThrow();
    }

    public TestItem recordObservations(UUID itemId, String observations) {
        openItemForAssessor(itemId);
        FieldErrors errors = new FieldErrors();
        tooLong(errors, "observations", observations, 20000);
        errors.throwIfAny();
        repo.updateObservations(itemId, trimToNull(observations), clock.instant());
        events.publishEvent(AuditableEvent.success("assessment.observations", "assessment-item", itemId, (String) null));
        return repo.item(itemId).orElseThrow();
    }

    public Interview addInterview(UUID itemId, InterviewInput in) {
        ItemDetail d = openItemForAssessor(itemId);
        FieldErrors errors = new FieldErrors();
        if (blank(in.interviewee())) {
            errors.add("interviewee", "required");
        }
        if (blank(in.role())) {
            errors.add("role", "required");
        }
        if (in.heldAt() == null) {
            errors.add("heldAt", "required");
        }
        tooLong(errors, "interviewee", in.interviewee(), 100);
        tooLong(errors, "role", in.role(), 100);
        tooLong(errors, "notes", in.notes(), 4000);
        errors.throwIfAny();
        Instant now = clock.instant();
        Interview i = new Interview(UUID.randomUUID(), itemId, in.interviewee().strip(), in.role().strip(), in.heldAt(),
                trimToNull(in.notes()), d.access().user().username(), now);
        repo.insertInterview(i);
        events.publishEvent(AuditableEvent.success("assessment.interview", "assessment-item", itemId, i.role()));
        return i;
    }

    // --- remediation

    @Transactional(readOnly = true)
    public Remediation remediation(UUID id) {
        Remediation r = repo.remediation(id).orElseThrow(() -> new NotFoundException("remediation", id));
        try {
            access(r.assessmentId());
        } catch (NotFoundException e) {
            throw new NotFoundException("remediation", id);
        }
        return r;
    }

    public Remediation updateRemediation(UUID id, RemediationInput in) {
        Remediation r = remediation(id);
        Access access = access(r.assessmentId());
        if (!access.mayEditRemediation(r.responsibleOrgId())) {
            throw new AccessDeniedException("not allowed to change this remediation task");
        }
        if (access.assessment().status() == AssessmentStatus.ARCHIVED) {
            throw new AssessmentConflictException("assessment-closed", "The assessment is archived");
        }
        boolean full = access.mayAssess() || access.relations().contains(Access.Relation.CUSTOMER);
        FieldErrors errors = new FieldErrors();
        RemediationStatus status = in.status() == null ? r.status() : in.status();
        if (status == RemediationStatus.VERIFIED && r.status() != RemediationStatus.VERIFIED && !access.mayAssess()) {
            errors.add("status", "only the assessors verify a remediation");
        }
        UUID responsible = in.responsibleOrgId() == null ? r.responsibleOrgId() : in.responsibleOrgId();
        LocalDate due = in.dueDate() == null ? r.dueDate() : in.dueDate();
        if (!full && (!responsible.equals(r.responsibleOrgId()) || !due.equals(r.dueDate()))) {
            errors.add("responsibleOrgId", "the responsible organisation changes the status and note only");
        }
        if (!responsible.equals(r.responsibleOrgId()) && parties.rolesOf(responsible, access.system().id()).isEmpty()) {
            errors.add("responsibleOrgId", "the responsible organisation must take part in the system");
        }
        tooLong(errors, "note", in.note(), 4000);
        errors.throwIfAny();
        Remediation updated = new Remediation(r.id(), r.itemId(), r.assessmentId(), responsible, due, status,
                in.note() == null ? r.note() : trimToNull(in.note()), r.createdAt(), clock.instant());
        repo.updateRemediation(updated);
        events.publishEvent(AuditableEvent.success("assessment.remediation.update", "remediation", id,
                r.status() + " -> " + status + ", due " + due));
        return updated;
    }

    // --- helpers

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trimToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    /** Length, and the free-text rule: up to 200 characters is one line (names, roles), longer may hold lines. */
    void tooLong(FieldErrors errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(field, "at most " + max + " characters");
        } else {
            textRules.check(errors, field, value, max <= 200 ? Text.Kind.LINE : Text.Kind.LINES);
        }
    }

    /** Control points of an assessment in item order (for the filter). */
    @Transactional(readOnly = true)
    public List<String> controlPoints(UUID assessmentId) {
        return new ArrayList<>(repo.items(assessmentId).stream().sorted(Comparator.comparingInt(TestItem::position))
                .map(TestItem::controlPoint).collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
