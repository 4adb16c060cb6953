package org.yunjian.assessment;

import static org.yunjian.shared.FieldValues.blank;
import static org.yunjian.shared.FieldValues.stripped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.Records.Interview;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.Records.VerdictEntry;
import org.yunjian.assessment.internal.AssessmentRepository;
import org.yunjian.assessment.internal.InheritanceRepository;
import org.yunjian.assessment.internal.ReportNumberRepository;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Requirement;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.GuideRoles;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;
import org.yunjian.shared.version.ExpectedVersion;

/** Assessment projects, test items, verdicts, interviews, scores and remediation, with object scope. */
@Service
@Transactional
public class AssessmentService {

    public static final String REQUIRED = "assessment.error.required";
    public static final String TOO_LONG = "assessment.error.tooLong";

    private final AssessmentRepository repo;
    private final ItemGenerator generator;
    private final Parties parties;
    private final UserAdministration users;
    private final ScoringPolicies scoring;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final TextRules textRules;
    private final ReportNumberRepository reportNumbers;
    private final ItemLabels labels;
    private final VerdictRemediation tasks;
    private final InheritanceRepository inherited;

    private final AssessmentChanges work;
    private final Assessments aggregates;

    AssessmentService(
            AssessmentRepository repo,
            ItemGenerator generator,
            Parties parties,
            UserAdministration users,
            ScoringPolicies scoring,
            ApplicationEventPublisher events,
            Clock clock,
            TextRules textRules,
            ReportNumberRepository reportNumbers,
            ItemLabels labels,
            VerdictRemediation tasks,
            InheritanceRepository inherited,
            AssessmentChanges work,
            Assessments aggregates) {
        this.work = work;
        this.aggregates = aggregates;
        this.inherited = inherited;
        this.tasks = tasks;
        this.textRules = textRules;
        this.reportNumbers = reportNumbers;
        this.labels = labels;
        this.repo = repo;
        this.generator = generator;
        this.parties = parties;
        this.users = users;
        this.scoring = scoring;
        this.events = events;
        this.clock = clock;
    }

    /** A new assessment; {@code assessors} are its testers, {@code reviewer} its 审核人, {@code approver} its 批准人. */
    /**
     * A new assessment; {@code reportTemplate} null: the contract date decides ({@link ReportTemplate#forContract}),
     * {@code contractDate} null: not recorded (both can be set later on the report-template page).
     */
    public record CreateInput(
            String name,
            UUID systemId,
            UUID assessorOrgId,
            AssessorKind assessorKind,
            List<UUID> assessors,
            List<String> scope,
            UUID reviewer,
            UUID approver,
            ReportTemplate reportTemplate,
            LocalDate contractDate) {

        public CreateInput(
                String name,
                UUID systemId,
                UUID assessorOrgId,
                AssessorKind assessorKind,
                List<UUID> assessors,
                List<String> scope,
                UUID reviewer,
                UUID approver) {
            this(name, systemId, assessorOrgId, assessorKind, assessors, scope, reviewer, approver, null, null);
        }

        public CreateInput(
                String name,
                UUID systemId,
                UUID assessorOrgId,
                AssessorKind assessorKind,
                List<UUID> assessors,
                List<String> scope) {
            this(name, systemId, assessorOrgId, assessorKind, assessors, scope, null, null);
        }
    }

    /**
     * A verdict; {@code noEvidenceReason} (无证据说明) says why a finding has no evidence, {@code finding} (安全问题) what
     * the assessor found, {@code recommendation} the assessor's 整改建议 (the three kept for findings only).
     */
    public record VerdictInput(
            Verdict verdict,
            String reason,
            RiskLevel riskLevel,
            String riskReason,
            String noEvidenceReason,
            String finding,
            String recommendation) {

        public VerdictInput(
                Verdict verdict, String reason, RiskLevel riskLevel, String riskReason, String noEvidenceReason) {
            this(verdict, reason, riskLevel, riskReason, noEvidenceReason, null, null);
        }

        public VerdictInput(Verdict verdict, String reason, RiskLevel riskLevel, String riskReason) {
            this(verdict, reason, riskLevel, riskReason, null);
        }

        /** This verdict with the finding's texts as {@code item} holds them (for inputs that do not carry them). */
        public VerdictInput keepingTextsOf(TestItem item) {
            return new VerdictInput(
                    verdict,
                    reason,
                    riskLevel,
                    riskReason,
                    item.noEvidenceReason(),
                    item.finding(),
                    item.recommendation());
        }
    }

    public record InterviewInput(String interviewee, String role, Instant heldAt, String notes) {}

    /** One test item with what the item page shows. */
    public record ItemDetail(
            Access access,
            TestItem item,
            Requirement requirement,
            List<VerdictEntry> history,
            List<Interview> interviews,
            List<EvidenceInfo> evidence,
            List<Remediation> remediations) {}

    private static CurrentUser caller() {
        return CurrentUser.requireBusinessOrAdmin("assessments");
    }

    // --- reading

    /**
     * One page of the assessments the caller takes part in (as {@link #list} decides), optionally of one system,
     * filtered by name and status, newest first, with the total: visibility, filters and paging in SQL.
     */
    @Transactional(readOnly = true)
    public org.yunjian.shared.paging.Paged<AssessmentInfo> page(
            UUID systemId, String q, AssessmentStatus status, org.yunjian.shared.paging.PageRequest page) {
        CurrentUser u = caller();
        boolean admin = u.is(org.yunjian.security.Role.SYSTEM_ADMIN);
        List<org.yunjian.party.SystemSummary> systems;
        if (systemId != null) {
            CloudSystem s = parties.requireSystem(systemId);
            systems = List.of(new org.yunjian.party.SystemSummary(
                    s.id(), s.name(), s.protectionLevel(), s.customerId(), s.providerId()));
        } else if (admin) {
            systems = null;
        } else {
            systems = parties.visibleSystemSummaries(org.yunjian.party.SystemQuery.none());
        }
        UUID mine = admin ? null : u.organizationId();
        if (!admin && mine == null) {
            return org.yunjian.shared.paging.Paged.of(List.of(), page, 0);
        }
        List<UUID> own = systems == null || mine == null
                ? List.of()
                : systems.stream()
                        .filter(s -> mine.equals(s.customerId()) || mine.equals(s.providerId()))
                        .map(org.yunjian.party.SystemSummary::id)
                        .toList();
        return repo.page(
                systems == null
                        ? null
                        : systems.stream()
                                .map(org.yunjian.party.SystemSummary::id)
                                .toList(),
                mine,
                own,
                q,
                status,
                page);
    }

    @Transactional(readOnly = true)
    public List<AssessmentInfo> list(UUID systemId) {
        CurrentUser u = caller();
        List<CloudSystem> systems =
                systemId == null ? parties.visibleSystems() : List.of(parties.requireSystem(systemId));
        Map<UUID, CloudSystem> byId = systems.stream().collect(Collectors.toMap(CloudSystem::id, s -> s));
        return repo.findBySystems(byId.keySet()).stream()
                .filter(a -> !Access.relations(a, byId.get(a.systemId()), u).isEmpty())
                .toList();
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
                .filter(i -> verdict == null
                        || verdict.isBlank()
                        || (verdict.equals("NONE")
                                ? i.verdict() == null
                                : i.verdict() != null && i.verdict().name().equals(verdict)))
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
        List<EvidenceInfo> evidence =
                repo.evidenceOfItem(itemId).stream().filter(access::maySee).toList();
        return new ItemDetail(
                access,
                item,
                generator.requirement(item.requirementId()).orElse(null),
                repo.history(itemId),
                repo.interviews(itemId),
                evidence,
                repo.remediationsOfItem(itemId));
    }

    /** The score, its groups named in the reader's language (layer and control point from the catalog). */
    @Transactional(readOnly = true)
    public ScoreResult score(UUID assessmentId) {
        access(assessmentId);
        return score(repo.items(assessmentId), scoring.forAssessment(assessmentId));
    }

    /** The score under the policy of the assessment's report template. */
    public ScoreResult score(List<TestItem> items, ScoringPolicy policy) {
        return policy.score(items.stream()
                .map(i -> new ScoringPolicy.ScoredItem(
                        i.requirementId() + "/" + i.side(),
                        labels.layer(i),
                        labels.controlPoint(i),
                        i.verdict(),
                        i.riskLevel()))
                .toList());
    }

    @Transactional(readOnly = true)
    public List<Remediation> remediations(UUID assessmentId) {
        access(assessmentId);
        return repo.remediations(assessmentId);
    }

    /** Username → display name of every account, to show people by name (one query). */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames() {
        Map<String, String> out = new java.util.HashMap<>();
        users.list().forEach(v -> out.put(v.username(), v.displayName()));
        return out;
    }

    /** Users of an organisation that can be on the team of an assessment it assesses ({@link AssessorChoice}). */
    @Transactional(readOnly = true)
    public List<UserView> assessorCandidates(UUID organizationId) {
        return users.list().stream()
                .filter(v -> AssessorChoice.mayJoinTeam(organizationId, v))
                .toList();
    }

    // --- creating and moving

    public AssessmentInfo create(CreateInput in) {
        CurrentUser u = caller();
        FieldErrors errors = new FieldErrors();
        if (in.name() == null || in.name().isBlank()) {
            errors.add("name", REQUIRED);
        } else {
            textRules.check(errors, "name", in.name(), 200, Text.Kind.LINE, TOO_LONG);
        }
        if (in.systemId() == null) {
            errors.add("systemId", REQUIRED);
        }
        if (in.assessorOrgId() == null) {
            errors.add("assessorOrgId", REQUIRED);
        }
        if (in.assessorKind() == null) {
            errors.add("assessorKind", REQUIRED);
        }
        List<String> scope = in.scope() == null ? List.of() : in.scope();
        if (scope.isEmpty()) {
            errors.add("scope", "assessment.error.scope.empty");
        }
        scope.stream()
                .filter(s -> !ItemGenerator.isSelection(s))
                .findFirst()
                .ifPresent(s -> errors.add("scope", "assessment.error.scope.unknown", s));
        ReportTemplate template = ReportTemplate.choose(
                in.reportTemplate(),
                in.contractDate(),
                LocalDate.now(clock.withZone(org.yunjian.shared.Formats.zone())),
                errors);
        errors.throwIfAny();
        CloudSystem system = parties.requireSystem(in.systemId());
        if (!(u.is(Role.SYSTEM_ADMIN) || u.belongsTo(system.customerId()) || u.belongsTo(in.assessorOrgId()))) {
            throw new AccessDeniedException("assessment.denied.create");
        }
        Optional<Organization> org = parties.findOrganization(in.assessorOrgId());
        switch (in.assessorKind()) {
            case THIRD_PARTY -> {
                if (org.isEmpty() || !org.get().hasRole(PartyRole.THIRD_PARTY_ASSESSOR)) {
                    errors.add("assessorOrgId", "assessment.error.assessor.notThirdParty");
                } else if (!GuideRoles.registeredHolders(
                                parties.registeredRoles(system.id()), PartyRole.THIRD_PARTY_ASSESSOR)
                        .contains(in.assessorOrgId())) {
                    errors.add("assessorOrgId", "assessment.error.assessor.notEngaged");
                }
            }
            case CUSTOMER_SELF -> {
                if (!in.assessorOrgId().equals(system.customerId())) {
                    errors.add("assessorOrgId", "assessment.error.assessor.notCustomer");
                }
            }
            case PROVIDER_SELF -> {
                if (!in.assessorOrgId().equals(system.providerId())) {
                    errors.add("assessorOrgId", "assessment.error.assessor.notProvider");
                }
            }
        }
        List<UUID> assessors = in.assessors() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.assessors()));
        Map<UUID, String> candidates = assessorCandidates(in.assessorOrgId()).stream()
                .collect(Collectors.toMap(UserView::id, UserView::displayName));
        if (!candidates.keySet().containsAll(assessors)) {
            errors.add("assessors", "assessment.error.assessors");
        }
        if (in.reviewer() != null && !candidates.containsKey(in.reviewer())) {
            errors.add("reviewer", "assessment.error.assessors");
        }
        if (in.approver() != null && !candidates.containsKey(in.approver())) {
            errors.add("approver", "assessment.error.assessors");
        }
        errors.throwIfAny();
        java.util.function.Function<UUID, AssessmentTeam.Member> member =
                id -> id == null ? null : new AssessmentTeam.Member(id, candidates.get(id));
        new AssessmentTeam(
                assessors.stream().map(member).toList(), member.apply(in.reviewer()), member.apply(in.approver()));
        Instant now = clock.instant();
        AssessmentInfo a = new AssessmentInfo(
                UUID.randomUUID(),
                in.name().strip(),
                system.id(),
                in.assessorOrgId(),
                in.assessorKind(),
                AssessmentStatus.DRAFT,
                assessors,
                in.reviewer() == null ? List.of() : List.of(in.reviewer()),
                in.approver() == null ? List.of() : List.of(in.approver()),
                scope.stream().distinct().toList(),
                now,
                now,
                null,
                null);
        repo.insert(a, u.userId());
        // the team works on the system: each member is assigned to it (need to know, issue 57)
        java.util.stream.Stream.of(a.assessors(), a.reviewers(), a.approvers())
                .flatMap(List::stream)
                .distinct()
                .forEach(person -> parties.assignToWork(person, system.id()));
        repo.updateReportSetup(a.id(), template, in.contractDate());
        reportNumbers.assign(a.id());
        int position = 0;
        for (ItemGenerator.Generated g : generator.generate(system, a.scope())) {
            repo.insertItem(new TestItem(
                    UUID.randomUUID(),
                    a.id(),
                    position++,
                    g.requirementId(),
                    g.side(),
                    g.layer(),
                    g.controlPoint(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    now));
        }
        work.changed(a.id());
        events.publishEvent(AuditableEvent.success(
                "assessment.create",
                "assessment",
                a.id(),
                Msg.of(
                        "assessment.audit.created",
                        a.name(),
                        system.name(),
                        Msg.of(a.assessorKind()),
                        position,
                        Scopes.names(a.scope()),
                        ReportSetups.audit(template, in.contractDate()))));
        return repo.find(a.id()).orElseThrow();
    }

    // --- recording

    /**
     * The item of an open assessment, for an assessor: visibility and role are checked first, then the
     * assessment row is locked, and only then is the item with its history and tasks read — so what the change
     * decides on cannot be changed by a concurrent request before this one commits.
     */
    public ItemDetail openItemForAssessor(UUID itemId) {
        UUID assessmentId = repo.item(itemId)
                .map(TestItem::assessmentId)
                .orElseThrow(() -> new NotFoundException("assessment item", itemId));
        Access access;
        try {
            access = access(assessmentId);
        } catch (NotFoundException e) {
            throw new NotFoundException("assessment item", itemId);
        }
        access.requireAssessor();
        requireOpen(assessmentId);
        return item(itemId);
    }

    public void requireOpen(UUID assessmentId) {
        aggregates.requireOpen(assessmentId);
    }

    /** Records a verdict on the item if it is still at the {@code version} the caller read (else 409; none: 428). */
    public TestItem recordVerdict(UUID itemId, ExpectedVersion version, VerdictInput in) {
        ItemDetail d = openItemForAssessor(itemId);
        Inheritance.requireNotInherited(
                inherited.find(itemId).isPresent(), d.item().requirementId());
        FieldErrors errors = checkVerdict(d.item(), d.requirement(), in);
        errors.throwIfAny();
        applyVerdict(d.access(), d.item(), version.value(), in, !d.history().isEmpty(), d.remediations());
        return repo.item(itemId).orElseThrow();
    }

    /**
     * The verdict rules — what {@link #recordVerdict} refuses — for an item of {@code requirementId} whose catalog
     * entry is {@code requirement} (null if the catalog no longer has it); the workbook import checks every row
     * with the same rules before it applies any.
     */
    public FieldErrors verdictErrors(String requirementId, Requirement requirement, VerdictInput in) {
        FieldErrors errors = new FieldErrors();
        if (in.verdict() == null) {
            errors.add("verdict", REQUIRED);
        }
        if (in.verdict() == Verdict.NOT_APPLICABLE && blank(in.reason())) {
            errors.add("reason", "assessment.error.verdict.naReason");
        }
        if (in.verdict() != null && !in.verdict().allowedFor(requirement)) {
            errors.add("verdict", "assessment.error.verdict.noPartial", requirementId);
        }
        if (in.verdict() != null && in.verdict().isFinding()) {
            if (in.riskLevel() == null) {
                errors.add("riskLevel", "assessment.error.verdict.riskLevel");
            }
            if (blank(in.riskReason())) {
                errors.add("riskReason", "assessment.error.verdict.riskReason");
            }
        }
        tooLong(errors, "reason", in.reason(), 4000);
        tooLong(errors, "riskReason", in.riskReason(), 4000);
        tooLong(errors, "noEvidenceReason", in.noEvidenceReason(), 4000);
        tooLong(errors, "finding", in.finding(), 4000);
        tooLong(errors, "recommendation", in.recommendation(), 4000);
        return errors;
    }

    /** What {@link #recordObservations} refuses (length and the free-text rule). */
    public FieldErrors observationErrors(String observations) {
        FieldErrors errors = new FieldErrors();
        tooLong(errors, "observations", observations, 20000);
        return errors;
    }

    /**
     * The verdict rule of one item, the same for the item form, table mode, the workbook and REST: a verdict;
     * 不适用 with a reason; 部分符合 only where the guide defines it; a finding with a risk level and its reason;
     * texts within their length and character rules.
     */
    public FieldErrors checkVerdict(TestItem item, Requirement requirement, VerdictInput in) {
        return verdictErrors(item.requirementId(), requirement, in);
    }

    /**
     * Whether {@code in} would store what the item already holds (the stored form: trimmed texts, a risk only on
     * a finding) — such an input is not recorded again, so the history shows only real changes.
     */
    public static boolean unchanged(TestItem item, VerdictInput in) {
        if (in.verdict() == null) {
            return item.verdict() == null && blank(in.reason()) && in.riskLevel() == null && blank(in.riskReason());
        }
        boolean finding = in.verdict().isFinding();
        return in.verdict() == item.verdict()
                && java.util.Objects.equals(stripped(in.reason()), item.verdictReason())
                && java.util.Objects.equals(finding ? in.riskLevel() : null, item.riskLevel())
                && java.util.Objects.equals(finding ? stripped(in.riskReason()) : null, item.riskReason())
                && java.util.Objects.equals(finding ? stripped(in.noEvidenceReason()) : null, item.noEvidenceReason())
                && java.util.Objects.equals(finding ? stripped(in.finding()) : null, item.finding())
                && java.util.Objects.equals(finding ? stripped(in.recommendation()) : null, item.recommendation());
    }

    /** Whether {@code in} keeps the item's verdict, reason and risk (only the finding's texts may differ). */
    static boolean sameVerdict(TestItem item, VerdictInput in) {
        boolean finding = in.verdict() != null && in.verdict().isFinding();
        return in.verdict() != null
                && in.verdict() == item.verdict()
                && java.util.Objects.equals(stripped(in.reason()), item.verdictReason())
                && java.util.Objects.equals(finding ? in.riskLevel() : null, item.riskLevel())
                && java.util.Objects.equals(finding ? stripped(in.riskReason()) : null, item.riskReason());
    }

    /**
     * Stores a checked verdict: the item, a history entry, the remediation task, the audit event. A change of the
     * finding's texts alone (安全问题, 整改建议, 无证据说明 under the same verdict) is stored without a history entry.
     */
    public void applyVerdict(
            Access access,
            TestItem item,
            long expected,
            VerdictInput in,
            boolean retest,
            List<Remediation> remediations) {
        boolean finding = in.verdict().isFinding();
        RiskLevel risk = finding ? in.riskLevel() : null;
        String riskReason = finding ? in.riskReason().strip() : null;
        Instant now = clock.instant();
        String noEvidence = finding ? stripped(in.noEvidenceReason()) : null;
        String found = finding ? stripped(in.finding()) : null;
        String recommendation = finding ? stripped(in.recommendation()) : null;
        if (sameVerdict(item, in) && !unchanged(item, in)) {
            repo.updateFindingTexts(item.id(), noEvidence, found, recommendation, now, expected);
            events.publishEvent(AuditableEvent.success(
                    "assessment.finding",
                    "assessment-item",
                    item.id(),
                    Msg.of("assessment.audit.finding", item.requirementId(), Msg.of(item.side()))));
            return;
        }
        repo.updateVerdict(item.id(), in.verdict(), stripped(in.reason()), risk, riskReason, now, expected);
        repo.updateFindingTexts(item.id(), noEvidence, found, recommendation);
        repo.insertVerdict(new VerdictEntry(
                UUID.randomUUID(),
                item.id(),
                in.verdict(),
                stripped(in.reason()),
                risk,
                retest,
                access.user().username(),
                now));
        tasks.afterVerdict(item, access.system(), in.verdict(), retest, remediations, now);
        work.changed(item.assessmentId());
        events.publishEvent(AuditableEvent.success(
                "assessment.verdict",
                "assessment-item",
                item.id(),
                Msg.of(
                        retest ? "assessment.audit.retest" : "assessment.audit.verdict",
                        item.requirementId(),
                        Msg.of(item.side()),
                        Msg.of(in.verdict()),
                        risk == null ? Msg.of("assessment.audit.noRisk") : Msg.of(risk))));
    }

    /** Replaces the observations if the item is still at the {@code version} the caller read (else 409; none: 428). */
    public TestItem recordObservations(UUID itemId, ExpectedVersion version, String observations) {
        openItemForAssessor(itemId);
        observationErrors(observations).throwIfAny();
        repo.updateObservations(itemId, stripped(observations), clock.instant(), version.value());
        events.publishEvent(
                AuditableEvent.success("assessment.observations", "assessment-item", itemId, (String) null));
        return repo.item(itemId).orElseThrow();
    }

    public Interview addInterview(UUID itemId, InterviewInput in) {
        ItemDetail d = openItemForAssessor(itemId);
        FieldErrors errors = new FieldErrors();
        if (blank(in.interviewee())) {
            errors.add("interviewee", REQUIRED);
        }
        if (blank(in.role())) {
            errors.add("role", REQUIRED);
        }
        if (in.heldAt() == null) {
            errors.add("heldAt", REQUIRED);
        }
        tooLong(errors, "interviewee", in.interviewee(), 100);
        tooLong(errors, "role", in.role(), 100);
        tooLong(errors, "notes", in.notes(), 4000);
        errors.throwIfAny();
        Instant now = clock.instant();
        Interview i = new Interview(
                UUID.randomUUID(),
                itemId,
                in.interviewee().strip(),
                in.role().strip(),
                in.heldAt(),
                stripped(in.notes()),
                d.access().user().username(),
                now);
        repo.insertInterview(i);
        events.publishEvent(AuditableEvent.success(
                "assessment.interview",
                "assessment-item",
                itemId,
                Msg.of("assessment.audit.interview", d.item().requirementId(), i.interviewee(), i.role())));
        return i;
    }

    // --- helpers

    /** Length, and the free-text rule: up to 200 characters is one line (names, roles), longer may hold lines. */
    public void tooLong(FieldErrors errors, String field, String value, int max) {
        textRules.check(errors, field, value, max, Text.Kind.forMax(max), TOO_LONG);
    }

    /** Control points of an assessment in item order (for the filter): stored value → name in the reader's language. */
    @Transactional(readOnly = true)
    public Map<String, String> controlPoints(UUID assessmentId) {
        Map<String, String> out = new LinkedHashMap<>();
        repo.items(assessmentId).stream()
                .sorted(Comparator.comparingInt(TestItem::position))
                .forEach(i -> out.putIfAbsent(i.controlPoint(), labels.controlPoint(i)));
        return out;
    }
}
