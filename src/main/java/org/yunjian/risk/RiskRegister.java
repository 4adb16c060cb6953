package org.yunjian.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentChanges;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.Assessments;
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.party.Engagement;
import org.yunjian.party.Parties;
import org.yunjian.risk.RiskRepository.RetestLink;
import org.yunjian.risk.RiskRepository.Risk;
import org.yunjian.risk.internal.RemediationRepository;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * The risk and remediation register of an assessment (docs/modules/assessment.md, "Risk and remediation
 * register"): every finding with its risk, treatment, owner, milestones, due date, acceptance and re-test. The
 * rules are those of {@link RiskEntry} and {@link RiskAcceptance}; this service checks who may change what and
 * audits every change. The assessors and the customer plan; the responsible organisation records progress (status,
 * note — through {@link Remediations} — and milestone done dates); only a user of the customer other than the
 * proposer approves an acceptance.
 */
@Service
@Transactional
public class RiskRegister {

    public record Milestone(
            UUID id,
            UUID remediationId,
            String description,
            LocalDate targetDate,
            LocalDate doneOn,
            Instant createdAt) {

        public boolean done() {
            return doneOn != null;
        }
    }

    /** The latest re-test of a finding in a follow-up assessment, with its verdict (null until recorded). */
    public record Retest(
            UUID assessmentId, String assessmentName, String reportNumber, UUID itemId, Verdict verdict, Instant at) {}

    /** One finding of the register, with what the caller may do with it. */
    public record Entry(
            Remediation task,
            TestItem item,
            String controlPoint,
            RiskLevel risk,
            String description,
            Authored descriptionBy,
            Authored statement,
            RiskTreatment treatment,
            String ownerName,
            UUID transferOrgId,
            String transferName,
            List<Milestone> milestones,
            RiskAcceptance acceptance,
            String proposedByName,
            String approvedByName,
            RiskState state,
            boolean open,
            boolean overdue,
            boolean unplanned,
            Retest retest,
            boolean mayPlan,
            boolean mayProgress,
            boolean mayApprove,
            boolean mayDescribe,
            boolean mayState,
            List<RiskChange> history) {

        /** Whether the finding is in {@code state} (null = any) and its test item, control point or description
         *  contains {@code text} (null = any), any case: the risk register page's filters. */
        public boolean matches(RiskState wanted, String text) {
            if (wanted != null && wanted != state) {
                return false;
            }
            if (text == null) {
                return true;
            }
            String t = text.toLowerCase(java.util.Locale.ROOT);
            return java.util.stream.Stream.of(item.requirementId(), controlPoint, description)
                    .anyMatch(v ->
                            v != null && v.toLowerCase(java.util.Locale.ROOT).contains(t));
        }

        public long milestonesDone() {
            return milestones.stream().filter(Milestone::done).count();
        }
    }

    public record Summary(int findings, int open, int overdue, int unplanned, int accepted, int expired, int closed) {}

    /** An organisation the owner or transfer may name: a party of the system. */
    public record OrgOption(UUID id, String name) {}

    public record Register(
            Access access,
            LocalDate today,
            List<Entry> entries,
            Summary summary,
            List<OrgOption> organisations,
            List<AssessmentInfo> followUps,
            AssessmentInfo origin,
            boolean mayCreateFollowUp) {}

    /** A text with who wrote it (display name) and when. */
    public record Authored(String text, String byName, Instant at) {}

    /**
     * A plan: treatment, description, owner, transfer target, due date, acceptance reason and expiry, and the
     * customer's statement. The risk description is the assessors' record (a customer changing it is refused); the
     * customer says what it has to say in {@code statement} (null: as stored), kept with its author and time.
     */
    public record PlanInput(
            RiskTreatment treatment,
            String description,
            UUID ownerOrgId,
            UUID transferOrgId,
            LocalDate dueDate,
            String acceptanceReason,
            LocalDate acceptanceExpiresOn,
            String statement) {}

    public record MilestoneInput(String description, LocalDate targetDate, LocalDate doneOn) {}

    private final AssessmentService assessments;
    private final AssessmentReads repo;
    private final Assessments aggregates;
    private final RemediationRepository remediationRows;
    private final RiskRepository risks;
    private final Parties parties;
    private final OrganizationDirectory directory;
    private final UserAdministration users;
    private final RiskHistory history;
    private final ItemLabels labels;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final AssessmentChanges work;

    RiskRegister(
            AssessmentService assessments,
            AssessmentReads repo,
            Assessments aggregates,
            RemediationRepository remediationRows,
            RiskRepository risks,
            Parties parties,
            OrganizationDirectory directory,
            UserAdministration users,
            RiskHistory history,
            ItemLabels labels,
            ApplicationEventPublisher events,
            Clock clock,
            AssessmentChanges work) {
        this.work = work;
        this.assessments = assessments;
        this.repo = repo;
        this.aggregates = aggregates;
        this.remediationRows = remediationRows;
        this.risks = risks;
        this.parties = parties;
        this.directory = directory;
        this.users = users;
        this.history = history;
        this.labels = labels;
        this.events = events;
        this.clock = clock;
    }

    /** Today as the register and the dashboards count it: the injected clock's date (UTC, like due dates). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- reading

    @Transactional(readOnly = true)
    public Register view(UUID assessmentId) {
        Access access = assessments.access(assessmentId);
        LocalDate today = today();
        Map<UUID, TestItem> items = new HashMap<>();
        repo.items(assessmentId).forEach(i -> items.put(i.id(), i));
        List<Remediation> tasks = repo.remediations(assessmentId);
        Map<UUID, Risk> treatment = risks.risksOfAssessment(assessmentId);
        Map<UUID, List<Milestone>> milestones = risks.milestonesOfAssessment(assessmentId);
        Map<UUID, List<RiskChange>> changes = history.ofAssessment(assessmentId, tasks);
        Map<UUID, Retest> retests =
                latestRetests(tasks.stream().map(Remediation::id).toList());
        Map<UUID, String> people = new HashMap<>();
        users.list().forEach(u -> people.put(u.id(), u.displayName()));
        List<Entry> entries = new ArrayList<>();
        for (Remediation r : tasks) {
            entries.add(entry(
                    access,
                    r,
                    items.get(r.itemId()),
                    treatment.get(r.id()),
                    milestones.getOrDefault(r.id(), List.of()),
                    retests.get(r.id()),
                    changes.getOrDefault(r.id(), List.of()),
                    people,
                    today));
        }
        AssessmentInfo origin =
                risks.followUpOf(assessmentId).flatMap(repo::find).orElse(null);
        List<AssessmentInfo> followUps = risks.followUps(assessmentId).stream()
                .map(repo::find)
                .flatMap(java.util.Optional::stream)
                .toList();
        boolean mayFollowUp = access.mayAssess()
                && access.assessment().status() == AssessmentStatus.COMPLETED
                && entries.stream().anyMatch(e -> e.open() || e.task().status() == RemediationStatus.DONE);
        return new Register(
                access, today, entries, summary(entries), organisations(access), followUps, origin, mayFollowUp);
    }

    /** One finding of the register, or 404. */
    @Transactional(readOnly = true)
    public Entry entry(UUID remediationId) {
        Remediation r = remediationRows
                .remediation(remediationId)
                .orElseThrow(() -> new NotFoundException("remediation", remediationId));
        Access access = accessTo(r);
        Map<UUID, String> people = new HashMap<>();
        users.list().forEach(u -> people.put(u.id(), u.displayName()));
        return entry(
                access,
                r,
                repo.item(r.itemId()).orElseThrow(),
                risks.risk(r.id()).orElse(null),
                risks.milestones(r.id()),
                latestRetests(List.of(r.id())).get(r.id()),
                history.of(r),
                people,
                today());
    }

    /** The parties of the assessed system, as owner and transfer choices. */
    @Transactional(readOnly = true)
    public List<OrgOption> organisations(UUID remediationId) {
        Remediation r = remediationRows
                .remediation(remediationId)
                .orElseThrow(() -> new NotFoundException("remediation", remediationId));
        return organisations(accessTo(r));
    }

    private Access accessTo(Remediation r) {
        try {
            return assessments.access(r.assessmentId());
        } catch (NotFoundException e) {
            throw new NotFoundException("remediation", r.id());
        }
    }

    private Entry entry(
            Access access,
            Remediation r,
            TestItem item,
            Risk risk,
            List<Milestone> milestones,
            Retest retest,
            List<RiskChange> changes,
            Map<UUID, String> people,
            LocalDate today) {
        RiskTreatment treatment = risk == null ? RiskTreatment.REMEDIATE : risk.treatment();
        RiskAcceptance acceptance = risk == null || treatment != RiskTreatment.ACCEPT ? null : risk.acceptance();
        RiskEntry rule = new RiskEntry(treatment, r.status(), r.dueDate(), acceptance);
        String description = Stored.of(risk, item).description();
        boolean closed = access.assessment().status() == AssessmentStatus.ARCHIVED;
        UUID org = access.user().organizationId();
        boolean mayApprove = !closed
                && acceptance != null
                && acceptance.state(today) == RiskAcceptance.State.PROPOSED
                && org != null
                && org.equals(access.system().customerId())
                && !access.user().userId().equals(acceptance.proposedBy());
        return new Entry(
                r,
                item,
                labels.controlPoint(item),
                item.riskLevel(),
                description,
                risk == null ? null : risk.descriptionBy(),
                risk == null ? null : risk.statement(),
                treatment,
                orgName(r.responsibleOrgId()),
                risk == null || treatment != RiskTreatment.TRANSFER ? null : risk.transferOrgId(),
                risk == null || treatment != RiskTreatment.TRANSFER || risk.transferOrgId() == null
                        ? null
                        : orgName(risk.transferOrgId()),
                milestones,
                acceptance,
                acceptance == null ? null : people.getOrDefault(acceptance.proposedBy(), "—"),
                acceptance == null || acceptance.approvedBy() == null
                        ? null
                        : people.getOrDefault(acceptance.approvedBy(), "—"),
                rule.state(today),
                rule.open(today),
                rule.overdue(today),
                rule.unplanned(today),
                retest,
                !closed && access.mayPlanRemediation(),
                !closed && access.mayEditRemediation(r.responsibleOrgId()),
                mayApprove,
                !closed && access.mayAssess(),
                !closed && access.relations().contains(Access.Relation.CUSTOMER),
                changes);
    }

    static Summary summary(List<Entry> entries) {
        int open = 0;
        int overdue = 0;
        int unplanned = 0;
        int accepted = 0;
        int expired = 0;
        int closed = 0;
        for (Entry e : entries) {
            open += e.open() ? 1 : 0;
            overdue += e.overdue() ? 1 : 0;
            unplanned += e.unplanned() ? 1 : 0;
            accepted += e.state() == RiskState.ACCEPTED ? 1 : 0;
            expired += e.state() == RiskState.ACCEPTANCE_EXPIRED ? 1 : 0;
            closed += e.state() == RiskState.DONE || e.state() == RiskState.VERIFIED ? 1 : 0;
        }
        return new Summary(entries.size(), open, overdue, unplanned, accepted, expired, closed);
    }

    private Map<UUID, Retest> latestRetests(List<UUID> taskIds) {
        Map<UUID, Retest> out = new HashMap<>();
        Map<UUID, AssessmentInfo> assessmentsById = new HashMap<>();
        risks.retestsOf(taskIds).forEach((task, links) -> {
            Retest latest = null;
            for (RetestLink l : links) {
                TestItem i = repo.item(l.itemId()).orElse(null);
                if (i == null) {
                    continue;
                }
                AssessmentInfo a = assessmentsById.computeIfAbsent(
                        i.assessmentId(), id -> repo.find(id).orElse(null));
                Retest t = new Retest(
                        i.assessmentId(),
                        a == null ? "—" : a.name(),
                        a == null ? null : a.reportNumber(),
                        i.id(),
                        i.verdict(),
                        i.verdict() == null ? (a == null ? null : a.createdAt()) : i.updatedAt());
                if (latest == null
                        || (t.verdict() != null && (latest.verdict() == null || t.at().isAfter(latest.at())))) {
                    latest = t;
                }
            }
            if (latest != null) {
                out.put(task, latest);
            }
        });
        return out;
    }

    private List<OrgOption> organisations(Access access) {
        Map<UUID, OrgOption> out = new LinkedHashMap<>();
        java.util.function.Consumer<UUID> add = id -> {
            if (id != null) {
                out.putIfAbsent(id, new OrgOption(id, orgName(id)));
            }
        };
        add.accept(access.system().customerId());
        add.accept(access.system().providerId());
        add.accept(access.assessment().assessorOrgId());
        for (Engagement e : parties.visibleEngagements(access.system().id())) {
            e.participants().forEach(p -> add.accept(p.organizationId()));
        }
        return out.values().stream()
                .sorted(Comparator.comparing(OrgOption::name))
                .toList();
    }

    private String transferName(UUID id) {
        return id == null ? null : orgName(id);
    }

    private String orgName(UUID id) {
        return directory
                .find(id)
                .map(OrganizationDirectory.OrganizationRef::name)
                .orElse("—");
    }

    // --- changing

    /** The task and its assessment's access, for a change: 404 when unseen, 409 when archived. */
    private Access forChange(Remediation r) {
        Access access = accessTo(r);
        AssessmentStatus s = aggregates.lock(r.assessmentId()).status();
        if (s == AssessmentStatus.ARCHIVED) {
            throw new ConflictException("assessment-closed", "assessment.error.archived");
        }
        return access;
    }

    private Remediation task(UUID id) {
        return remediationRows.remediation(id).orElseThrow(() -> new NotFoundException("remediation", id));
    }

    /**
     * Plans a finding: the assessors and the customer. Every problem is named on its field and nothing is stored.
     * Choosing 接受 (or changing its reason or expiry) makes a new proposal by the caller, to be approved.
     * {@code version}: the entry's version the caller read (a newer one: 409, none: 428).
     */
    public Entry plan(UUID remediationId, ExpectedVersion version, PlanInput in) {
        Remediation r = task(remediationId);
        Access access = forChange(r);
        if (!access.mayPlanRemediation()) {
            throw new AccessDeniedException("risk.denied.plan");
        }
        TestItem item = repo.item(r.itemId()).orElseThrow();
        Stored stored = stored(r, item);
        Risk before = stored.risk();
        UUID owner = in.ownerOrgId() == null ? r.responsibleOrgId() : in.ownerOrgId();
        planErrors(r, access, item, stored, in).throwIfAny();
        Instant now = clock.instant();
        RiskAcceptance acceptance = null;
        Instant proposedAt = null;
        if (in.treatment() == RiskTreatment.ACCEPT) {
            String reason = FieldValues.stripped(in.acceptanceReason());
            RiskAcceptance prior = before == null ? null : before.acceptance();
            if (before != null
                    && before.treatment() == RiskTreatment.ACCEPT
                    && prior != null
                    && Objects.equals(prior.reason(), reason)
                    && prior.expiresOn().equals(in.acceptanceExpiresOn())) {
                acceptance = prior; // unchanged: an approval stands
                proposedAt = before.proposedAt();
            } else {
                acceptance = new RiskAcceptance(
                        reason, in.acceptanceExpiresOn(), access.user().userId(), null, null);
                proposedAt = now;
            }
        }
        String typed = FieldValues.stripped(in.description());
        boolean rewritten = stored.rewrites(in);
        // the risk description is the assessors' record; anyone else's change was refused by planErrors
        String description = rewritten ? typed : before == null ? null : before.description();
        String author = history.author(access);
        Authored descriptionBy =
                rewritten ? new Authored(typed, author, now) : before == null ? null : before.descriptionBy();
        String said = FieldValues.stripped(in.statement());
        Authored statement = stored.restates(in)
                ? (said == null ? null : new Authored(said, author, now))
                : before == null ? null : before.statement();
        LocalDate due = in.treatment() == RiskTreatment.ACCEPT && in.dueDate() == null ? r.dueDate() : in.dueDate();
        remediationRows.updateRemediation(
                new Remediation(
                        r.id(), r.itemId(), r.assessmentId(), owner, due, r.status(), r.note(), r.createdAt(), now),
                version.value());
        risks.saveRisk(new Risk(
                r.id(),
                in.treatment(),
                description,
                in.treatment() == RiskTreatment.TRANSFER ? in.transferOrgId() : null,
                acceptance,
                proposedAt,
                now,
                descriptionBy,
                statement));
        RiskTreatment was = before == null ? RiskTreatment.REMEDIATE : before.treatment();
        RiskAcceptance priorAcceptance = before == null || was != RiskTreatment.ACCEPT ? null : before.acceptance();
        history.record(new RiskChange.Diff(r.id(), now, author)
                .field(RiskField.TREATMENT, was, in.treatment())
                .field(RiskField.DESCRIPTION, stored.description(), rewritten ? typed : stored.description())
                .field(
                        RiskField.STATEMENT,
                        before == null || before.statement() == null
                                ? null
                                : before.statement().text(),
                        statement == null ? null : statement.text())
                .field(RiskField.OWNER, orgName(r.responsibleOrgId()), orgName(owner))
                .field(
                        RiskField.TRANSFER,
                        transferName(before == null || was != RiskTreatment.TRANSFER ? null : before.transferOrgId()),
                        transferName(in.treatment() == RiskTreatment.TRANSFER ? in.transferOrgId() : null))
                .field(RiskField.DUE_DATE, r.dueDate(), due)
                .field(
                        RiskField.ACCEPTANCE_REASON,
                        priorAcceptance == null ? null : priorAcceptance.reason(),
                        acceptance == null ? null : acceptance.reason())
                .field(
                        RiskField.ACCEPTANCE_EXPIRY,
                        priorAcceptance == null ? null : priorAcceptance.expiresOn(),
                        acceptance == null ? null : acceptance.expiresOn())
                .changes());
        work.changed(r.assessmentId());
        events.publishEvent(AuditableEvent.success(
                "assessment.risk.plan",
                "remediation",
                r.id(),
                Msg.of(
                        "risk.audit.plan",
                        item.requirementId(),
                        Msg.of(was),
                        Msg.of(in.treatment()),
                        due == null ? Msg.of("risk.due.none") : Formats.date(due),
                        orgName(owner),
                        in.treatment() == RiskTreatment.ACCEPT ? Formats.date(in.acceptanceExpiresOn()) : "—")));
        return entry(r.id());
    }

    /** What is wrong with a plan, without storing anything (a page adds the fields it could not read). */
    @Transactional(readOnly = true)
    public FieldErrors checkPlan(UUID remediationId, PlanInput in) {
        Remediation r = task(remediationId);
        TestItem item = repo.item(r.itemId()).orElseThrow();
        return planErrors(r, accessTo(r), item, stored(r, item), in);
    }

    /**
     * A task's stored risk (null: no row yet) and the description it stands for — the assessors' text, else the
     * verdict's risk reason: what a plan's description and statement are compared with.
     */
    private record Stored(Risk risk, String description) {

        static Stored of(Risk risk, TestItem item) {
            return new Stored(
                    risk, risk != null && risk.description() != null ? risk.description() : item.riskReason());
        }

        /** Whether the plan changes the description (a description left out keeps it). */
        boolean rewrites(PlanInput in) {
            return in.description() != null
                    && !Objects.equals(FieldValues.stripped(in.description()), FieldValues.stripped(description));
        }

        /** Whether the plan changes the customer's statement (a statement left out keeps it). */
        boolean restates(PlanInput in) {
            String was = risk == null || risk.statement() == null
                    ? null
                    : risk.statement().text();
            return in.statement() != null && !Objects.equals(FieldValues.stripped(in.statement()), was);
        }
    }

    private Stored stored(Remediation r, TestItem item) {
        return Stored.of(risks.risk(r.id()).orElse(null), item);
    }

    private FieldErrors planErrors(Remediation r, Access access, TestItem item, Stored stored, PlanInput in) {
        UUID owner = in.ownerOrgId() == null ? r.responsibleOrgId() : in.ownerOrgId();
        FieldErrors errors = new FieldErrors();
        RiskEntry.checkPlan(
                errors,
                item.riskLevel(),
                in.treatment(),
                in.dueDate(),
                owner,
                in.transferOrgId(),
                in.acceptanceReason(),
                in.acceptanceExpiresOn(),
                today());
        if (!owner.equals(r.responsibleOrgId())
                && parties.rolesOf(owner, access.system().id()).isEmpty()) {
            errors.add("ownerOrgId", "assessment.error.remediation.responsible");
        }
        if (in.treatment() == RiskTreatment.TRANSFER
                && in.transferOrgId() != null
                && parties.rolesOf(in.transferOrgId(), access.system().id()).isEmpty()) {
            errors.add("transferOrgId", "risk.error.transfer.party");
        }
        assessments.tooLong(errors, "description", in.description(), 4000);
        assessments.tooLong(errors, "statement", in.statement(), 4000);
        if (stored.rewrites(in) && !access.mayAssess()) {
            errors.add("description", "risk.error.descriptionIsAssessors"); // the customer's word goes in statement
        }
        if (stored.restates(in) && !access.relations().contains(Access.Relation.CUSTOMER)) {
            errors.add("statement", "risk.error.statementIsCustomers");
        }
        assessments.tooLong(errors, "acceptanceReason", in.acceptanceReason(), 4000);
        return errors;
    }

    /**
     * Approves the proposed acceptance: a user of the customer other than the proposer, dated today; {@code version}:
     * the entry's version the approver read (so an acceptance changed since is not approved unseen).
     */
    public Entry approve(UUID remediationId, ExpectedVersion version) {
        Remediation r = task(remediationId);
        Access access = forChange(r);
        UUID org = access.user().organizationId();
        if (org == null || !org.equals(access.system().customerId())) {
            throw new AccessDeniedException("risk.denied.approve"); // only the risk owner's users approve
        }
        Risk risk = risks.risk(r.id())
                .filter(k -> k.treatment() == RiskTreatment.ACCEPT && k.acceptance() != null)
                .orElseThrow(() -> new ConflictException("acceptance-not-proposed", "risk.error.acceptance.none"));
        LocalDate today = today();
        RiskAcceptance approved = risk.acceptance()
                .approve(
                        access.user().userId(),
                        access.user().organizationId(),
                        access.system().customerId(),
                        today);
        remediationRows.claimRemediation(r.id(), version.value(), clock.instant());
        risks.saveRisk(risk.with(approved, clock.instant()));
        history.record(new RiskChange.Diff(r.id(), clock.instant(), history.author(access))
                .field(RiskField.ACCEPTANCE_APPROVAL, null, today)
                .changes());
        work.changed(r.assessmentId());
        TestItem item = repo.item(r.itemId()).orElseThrow();
        events.publishEvent(AuditableEvent.success(
                "assessment.risk.accept",
                "remediation",
                r.id(),
                Msg.of(
                        "risk.audit.accept",
                        item.requirementId(),
                        item.riskLevel() == null ? "—" : Msg.of(item.riskLevel()),
                        Formats.date(today),
                        Formats.date(approved.expiresOn()))));
        return entry(r.id());
    }

    /** Adds a milestone to the entry at the {@code version} the caller read (a change of the entry). */
    public Milestone addMilestone(UUID remediationId, ExpectedVersion version, MilestoneInput in) {
        Remediation r = task(remediationId);
        Access access = forChange(r);
        if (!access.mayPlanRemediation()) {
            throw new AccessDeniedException("risk.denied.plan");
        }
        checkMilestone(in);
        remediationRows.claimRemediation(r.id(), version.value(), clock.instant());
        Milestone m = new Milestone(
                UUID.randomUUID(), r.id(), in.description().strip(), in.targetDate(), in.doneOn(), clock.instant());
        risks.insertMilestone(m);
        history.record(new RiskChange.Diff(r.id(), m.createdAt(), history.author(access))
                .field(RiskField.MILESTONE, null, m.description())
                .field(RiskField.MILESTONE_TARGET, m.description(), null, m.targetDate())
                .field(RiskField.MILESTONE_DONE, m.description(), null, m.doneOn())
                .changes());
        events.publishEvent(AuditableEvent.success(
                "assessment.risk.milestone",
                "remediation",
                r.id(),
                Msg.of("risk.audit.milestone.add", m.description(), Formats.date(m.targetDate()))));
        return m;
    }

    /**
     * Changes a milestone. The planners change everything; the responsible organisation only the done date —
     * another changed field is refused on that field. {@code version}: the entry's version the caller read.
     */
    public Milestone updateMilestone(UUID remediationId, UUID milestoneId, ExpectedVersion version, MilestoneInput in) {
        Remediation r = task(remediationId);
        Access access = forChange(r);
        if (!access.mayEditRemediation(r.responsibleOrgId())) {
            throw new AccessDeniedException("assessment.denied.remediation");
        }
        Milestone m = risks.milestone(milestoneId)
                .filter(x -> x.remediationId().equals(r.id()))
                .orElseThrow(() -> new NotFoundException("milestone", milestoneId));
        String description = in.description() == null ? m.description() : in.description();
        LocalDate target = in.targetDate() == null ? m.targetDate() : in.targetDate();
        MilestoneInput merged = new MilestoneInput(description, target, in.doneOn());
        FieldErrors errors = new FieldErrors();
        if (!access.mayPlanRemediation()) {
            if (!description.strip().equals(m.description())) {
                errors.add("description", "assessment.error.remediation.statusOnly");
            }
            if (!target.equals(m.targetDate())) {
                errors.add("targetDate", "assessment.error.remediation.statusOnly");
            }
        }
        milestoneRules(errors, merged);
        errors.throwIfAny();
        remediationRows.claimRemediation(r.id(), version.value(), clock.instant());
        Milestone updated = new Milestone(m.id(), r.id(), description.strip(), target, in.doneOn(), m.createdAt());
        risks.updateMilestone(updated);
        history.record(new RiskChange.Diff(r.id(), clock.instant(), history.author(access))
                .field(RiskField.MILESTONE, m.description(), updated.description())
                .field(RiskField.MILESTONE_TARGET, updated.description(), m.targetDate(), updated.targetDate())
                .field(RiskField.MILESTONE_DONE, updated.description(), m.doneOn(), updated.doneOn())
                .changes());
        events.publishEvent(AuditableEvent.success(
                "assessment.risk.milestone",
                "remediation",
                r.id(),
                Msg.of(
                        "risk.audit.milestone.update",
                        updated.description(),
                        Formats.date(updated.targetDate()),
                        updated.doneOn() == null ? "—" : Formats.date(updated.doneOn()))));
        return updated;
    }

    /** Deletes a milestone of the entry at the {@code version} the caller read. */
    public void deleteMilestone(UUID remediationId, UUID milestoneId, ExpectedVersion version) {
        Remediation r = task(remediationId);
        Access access = forChange(r);
        if (!access.mayPlanRemediation()) {
            throw new AccessDeniedException("risk.denied.plan");
        }
        Milestone m = risks.milestone(milestoneId)
                .filter(x -> x.remediationId().equals(r.id()))
                .orElseThrow(() -> new NotFoundException("milestone", milestoneId));
        remediationRows.claimRemediation(r.id(), version.value(), clock.instant());
        risks.deleteMilestone(m.id());
        history.record(new RiskChange.Diff(r.id(), clock.instant(), history.author(access))
                .field(RiskField.MILESTONE, m.description(), null)
                .changes());
        events.publishEvent(AuditableEvent.success(
                "assessment.risk.milestone",
                "remediation",
                r.id(),
                Msg.of("risk.audit.milestone.delete", m.description())));
    }

    private void checkMilestone(MilestoneInput in) {
        FieldErrors errors = new FieldErrors();
        milestoneRules(errors, in);
        errors.throwIfAny();
    }

    private void milestoneRules(FieldErrors errors, MilestoneInput in) {
        if (FieldValues.blank(in.description())) {
            errors.add("description", AssessmentService.REQUIRED);
        } else {
            assessments.tooLong(errors, "description", in.description(), 200);
        }
        if (in.targetDate() == null) {
            errors.add("targetDate", AssessmentService.REQUIRED);
        }
        if (in.doneOn() != null && in.doneOn().isAfter(today())) {
            errors.add("doneOn", "risk.error.milestone.doneFuture");
        }
    }
}
