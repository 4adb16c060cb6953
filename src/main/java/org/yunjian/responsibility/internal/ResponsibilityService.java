package org.yunjian.responsibility.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.responsibility.Approval;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Behaviour;
import org.yunjian.responsibility.Duties;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.RoleAssistant;
import org.yunjian.responsibility.RoleDecision;
import org.yunjian.responsibility.RuleCheck;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.VersionStatus;
import org.yunjian.responsibility.internal.MatrixDocument.StoredAssignment;
import org.yunjian.responsibility.internal.MatrixDocument.StoredParticipant;
import org.yunjian.responsibility.internal.MatrixRepository.MatrixInfo;
import org.yunjian.responsibility.internal.MatrixRepository.SignOff;
import org.yunjian.responsibility.internal.MatrixRepository.VersionRow;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.StaleVersionException;

/**
 * A system's responsibility matrix stored as versions: generated from the system's parties, read in any version,
 * edited into new drafts, checked against T/CCIA 004-2024 §5 and signed off by customer and provider. Agreements and
 * the hand-overs of work under them are {@link HandOvers}', exceptions {@link RuleExceptions}', both storing through
 * this class. The rules
 * live in the domain types ({@link ResponsibilityMatrix}, {@link RuleCheck}, {@link Approval}); this class reads,
 * authorises, stores and audits.
 */
@Service
@Transactional
public class ResponsibilityService {

    public static final String OBJECT = "responsibility-matrix";

    private final MatrixRepository repo;
    private final Parties parties;
    private final SystemParticipants systemParticipants;
    private final Duties duties;
    private final RuleCheck ruleCheck;
    private final RoleAssistant assistant;
    private final Catalog catalog;
    private final EditInputs inputs;
    private final ApplicationEventPublisher events;
    private final MatrixWork work;
    private final Clock clock;

    ResponsibilityService(
            MatrixRepository repo,
            Parties parties,
            SystemParticipants systemParticipants,
            Duties duties,
            RuleCheck ruleCheck,
            RoleAssistant assistant,
            Catalog catalog,
            EditInputs inputs,
            ApplicationEventPublisher events,
            MatrixWork work,
            Clock clock) {
        this.repo = repo;
        this.parties = parties;
        this.systemParticipants = systemParticipants;
        this.duties = duties;
        this.ruleCheck = ruleCheck;
        this.assistant = assistant;
        this.catalog = catalog;
        this.inputs = inputs;
        this.events = events;
        this.work = work;
        this.clock = clock;
    }

    // --- reading

    /** The caller's access to a system's matrix; 404 if the caller may not see the system. */
    @Transactional(readOnly = true)
    public MatrixAccess access(UUID systemId) {
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("responsibility matrices");
        CloudSystem s = parties.findSystem(systemId).orElseThrow(() -> new NotFoundException("system", systemId));
        UUID org = u.organizationId();
        boolean assessor = org != null
                && parties.visibleEngagements(s.id()).stream()
                        .flatMap(e -> e.participants().stream())
                        .anyMatch(p -> p.organizationId().equals(org) && p.role() == PartyRole.THIRD_PARTY_ASSESSOR);
        return new MatrixAccess(s, u, assessor);
    }

    @Transactional(readOnly = true)
    public MatrixView current(UUID systemId) {
        MatrixAccess access = access(systemId);
        MatrixInfo info = matrixOf(access);
        return view(access, info, info.currentVersion());
    }

    /** The current version, or empty when the system has no matrix yet (404 if the caller may not see the system). */
    @Transactional(readOnly = true)
    public java.util.Optional<MatrixView> findCurrent(UUID systemId) {
        MatrixAccess access = access(systemId);
        return repo.findBySystem(systemId).map(info -> view(access, info, info.currentVersion()));
    }

    /** {@link org.yunjian.responsibility.RoleHolders}: the current version's participants, whole. */
    @Transactional(readOnly = true)
    public java.util.Optional<List<org.yunjian.responsibility.Participant>> participantsOf(UUID systemId) {
        MatrixAccess access = access(systemId);
        return repo.findBySystem(systemId)
                .map(info ->
                        view(access, info, info.currentVersion(), true).matrix().participants());
    }

    /** {@link org.yunjian.responsibility.AccountableParties}: the current version's matrix, whole. */
    @Transactional(readOnly = true)
    public java.util.Optional<ResponsibilityMatrix> wholeCurrent(UUID systemId) {
        MatrixAccess access = access(systemId);
        return repo.findBySystem(systemId)
                .map(info -> view(access, info, info.currentVersion(), true).matrix());
    }

    @Transactional(readOnly = true)
    public MatrixView version(UUID systemId, int version) {
        MatrixAccess access = access(systemId);
        return view(access, matrixOf(access), version);
    }

    /** The versions, newest first. */
    @Transactional(readOnly = true)
    public List<VersionRow> versions(UUID systemId) {
        return repo.versions(matrixOf(access(systemId)).id());
    }

    /** One page of the matrix's versions, newest first, read in SQL with their total. */
    @Transactional(readOnly = true)
    public org.yunjian.shared.paging.Paged<VersionRow> versions(
            UUID systemId, org.yunjian.shared.paging.PageRequest page) {
        return repo.versions(matrixOf(access(systemId)).id(), page);
    }

    /**
     * The §5 rule check of the current (or the given) version. It always runs on the whole matrix; a caller who
     * sees only the rows naming its organisation gets only the violations about those rows or about itself.
     */
    @Transactional(readOnly = true)
    public RuleCheck.Result check(UUID systemId, Integer version) {
        MatrixAccess access = access(systemId);
        MatrixInfo info = matrixOf(access);
        MatrixView whole = view(access, info, version == null ? info.currentVersion() : version, true);
        RuleCheck.Result r = ruleCheck.check(whole.matrix(), context(access.system()));
        if (access.seesWholeMatrix()) {
            return r;
        }
        UUID own = access.user().organizationId();
        ResponsibilityMatrix seen = whole.matrix().seenBy(own);
        java.util.function.Predicate<org.yunjian.responsibility.Violation> mine = x ->
                own.equals(x.organisation()) || x.dutyId().flatMap(seen::row).isPresent();
        return new RuleCheck.Result(
                r.violations().stream().filter(mine).toList(),
                r.excepted().stream().filter(e -> mine.test(e.finding())).toList());
    }

    /** What the rule check needs to know of {@code s}: its deployment model, whether JR/T applies. */
    RuleCheck.Context context(CloudSystem s) {
        return new RuleCheck.Context(
                s.deploymentModel() == null
                        ? null
                        : org.yunjian.catalog.DeploymentModel.restrictionOf(s.deploymentModel())
                                .orElse(null),
                s.industry() != null
                        && s.industry()
                                .sectorStandard()
                                .filter("JRT-SF"::equals)
                                .isPresent());
    }

    java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    private MatrixInfo matrixOf(MatrixAccess access) {
        UUID systemId = access.system().id();
        return repo.findBySystem(systemId).orElseThrow(() -> new NotFoundException(OBJECT, systemId));
    }

    private MatrixView view(MatrixAccess access, MatrixInfo info, int version) {
        return view(access, info, version, access.seesWholeMatrix());
    }

    /** One version; {@code whole} false gives the rows naming the caller's organisation only. */
    private MatrixView view(MatrixAccess access, MatrixInfo info, int version, boolean whole) {
        VersionRow row =
                repo.version(info.id(), version).orElseThrow(() -> new NotFoundException(OBJECT + "-version", version));
        MatrixDocument doc = MatrixDocument.read(row.document());
        ResponsibilityMatrix m = doc.matrix(info.systemId(), duties);
        if (!whole) {
            m = m.seenBy(access.user().organizationId());
            doc = doc.restrictedTo(m);
        }
        return new MatrixView(access, info, row, doc, m, repo.signOffs(info.id(), version));
    }

    // --- changing

    /** The first matrix of a system, generated from the standard for its parties (the customer). */
    public MatrixView create(UUID systemId) {
        MatrixAccess access = access(systemId);
        access.requireCustomer("responsibility.duty.generate");
        if (repo.findBySystem(systemId).isPresent()) {
            throw new ConflictException("responsibility-matrix-exists", "responsibility.conflict.exists");
        }
        CloudSystem s = access.system();
        ResponsibilityMatrix m =
                ResponsibilityMatrix.generate(duties, s.id(), s.serviceModel(), systemParticipants.of(s));
        Instant now = clock.instant();
        MatrixInfo info =
                new MatrixInfo(UUID.randomUUID(), s.id(), 1, access.user().username(), now, now);
        repo.insertMatrix(info);
        MatrixDocument doc = MatrixDocument.of(m, Map.of(), Map.of());
        Msg summary = Msg.of("responsibility.change.generated", m.participants().size());
        repo.insertVersion(
                new VersionRow(
                        info.id(),
                        1,
                        VersionStatus.DRAFT,
                        doc.json(),
                        summary.encode(),
                        access.user().username(),
                        access.user().organizationId(),
                        now,
                        null),
                MatrixDocument.SCHEMA);
        events.publishEvent(AuditableEvent.success(
                "responsibility.create",
                OBJECT,
                info.id(),
                Msg.of("responsibility.audit.create", s.name(), m.participants().size())));
        work.publish(s.id());
        return view(access, info, 1);
    }

    /**
     * A row's accountable parties and delegation chains replaced: a new draft version. Each hop carries the day it was
     * handed over ({@code handedOverOn}); one sent without keeps none, and the rule check says so.
     *
     * @param baseVersion the version the caller edited (428 if none); a newer current version is a 409 naming when
     */
    public MatrixView editRow(
            UUID systemId, String dutyId, List<StoredAssignment> assignments, ExpectedVersion baseVersion) {
        Locked l = lock(systemId);
        l.access().requireEditor();
        l.requireBase(baseVersion);
        MatrixRow row = inputs.row(l.view().matrix(), dutyId);
        return changeRow(l, row, inputs.assignments(l.view().matrix(), assignments));
    }

    /** A row's assignments replaced by {@code next}: a new draft version, audited as a row edit. */
    MatrixView changeRow(Locked l, MatrixRow row, List<Assignment> next) {
        l.access().requireMayChange(row.duty().id().value(), row.assignments(), next);
        ResponsibilityMatrix changed = l.view().matrix().withRow(row.withAssignments(next));
        String ref = catalog.requirement(row.duty().id())
                .map(ClauseLabel::text)
                .orElse(row.duty().id().value());
        Msg summary = Msg.of("responsibility.change.row", ref);
        MatrixView v = store(l, changed, l.view().document().participantsByOrganisation(), summary);
        events.publishEvent(AuditableEvent.success(
                "responsibility.row.edit",
                OBJECT,
                l.info().id(),
                Msg.of("responsibility.audit.row", ref, v.version().version())));
        return v;
    }

    /**
     * The roles of one participant decided with the role assistant (Annex A): the ticked behaviours, and the
     * proposal confirmed ({@code roles} null) or overridden with a reason. The customer decides; a new draft version.
     * Rows are not reassigned: a role given up or taken on shows in the rule check until the rows follow.
     */
    public MatrixView decideRoles(
            UUID systemId,
            UUID organisation,
            Set<Behaviour> behaviours,
            Set<PartyRole> roles,
            String reason,
            ExpectedVersion baseVersion) {
        Locked l = lock(systemId);
        l.access().requireCustomer("responsibility.duty.roles");
        l.requireBase(baseVersion);
        ResponsibilityMatrix m = l.view().matrix();
        Participant p =
                m.participant(organisation).orElseThrow(() -> new NotFoundException("participant", organisation));
        RoleDecision d = inputs.decision(assistant, m, organisation, behaviours, roles, reason);
        Map<UUID, StoredParticipant> stored =
                new LinkedHashMap<>(l.view().document().participantsByOrganisation());
        stored.put(
                organisation,
                new StoredParticipant(
                        organisation,
                        p.name(),
                        d.roles(),
                        "CONFIRMED",
                        l.access().user().username(),
                        d.reason(),
                        d.behaviours()));
        ResponsibilityMatrix changed =
                m.withParticipant(new Participant(organisation, p.name(), d.roles(), d.behaviours()));
        MatrixView v = store(l, changed, stored, Msg.of("responsibility.change.roles", p.name()));
        events.publishEvent(AuditableEvent.success(
                "responsibility.roles.decide",
                OBJECT,
                l.info().id(),
                Msg.of(
                        d.overridden() ? "responsibility.audit.rolesOverridden" : "responsibility.audit.rolesConfirmed",
                        p.name(),
                        Msg.joined(
                                "responsibility.list",
                                d.roles().stream().map(Msg::of).toList()),
                        v.version().version())));
        return v;
    }

    /**
     * A condition of the standard on duties answered for this system ({@code answer} null: the answer withdrawn, the
     * duties apply again; 404 for an unknown question): the customer decides; a new draft version whose rows follow the
     * answer. The same answer
     * again changes nothing.
     */
    public MatrixView answer(UUID systemId, String questionName, Boolean answer, ExpectedVersion baseVersion) {
        Locked l = lock(systemId);
        org.yunjian.responsibility.ApplicabilityQuestion question = inputs.question(questionName);
        l.access().requireCustomer("responsibility.duty.answer");
        l.requireBase(baseVersion);
        ResponsibilityMatrix m = l.view().matrix();
        if (java.util.Objects.equals(m.answers().get(question), answer)) {
            return l.view();
        }
        Msg given = answer == null
                ? Msg.of("responsibility.answer.open")
                : Msg.of(answer ? "responsibility.answer.yes" : "responsibility.answer.no");
        MatrixView v = store(
                l,
                m.withAnswer(question, answer),
                l.view().document().participantsByOrganisation(),
                Msg.of("responsibility.change.answer", Msg.of(question), given));
        events.publishEvent(AuditableEvent.success(
                "responsibility.question.answer",
                OBJECT,
                l.info().id(),
                Msg.of(
                        "responsibility.audit.answer",
                        Msg.of(question),
                        given,
                        v.version().version())));
        return v;
    }

    /** What the role assistant proposes for one participant of the system, given what it does. */
    @Transactional(readOnly = true)
    public RoleDecision propose(UUID systemId, UUID organisation, Set<Behaviour> behaviours) {
        MatrixView v = current(systemId);
        v.matrix().participant(organisation).orElseThrow(() -> new NotFoundException("participant", organisation));
        return inputs.decision(assistant, v.matrix(), organisation, behaviours, null, null);
    }

    /**
     * The caller's side signs off the current version; refused (409, with the violations) while the rule check
     * finds any. The second side's sign-off approves the version.
     */
    public MatrixView signOff(UUID systemId, SignOffSide side, ExpectedVersion baseVersion) {
        if (side == null) {
            throw new org.yunjian.shared.FieldErrors.ValidationException("side", "responsibility.error.required");
        }
        Locked l = lock(systemId);
        l.access().requireSide(side);
        l.requireBase(baseVersion);
        MatrixView current = l.view();
        Approval next;
        try {
            next = current.approval()
                    .signOff(
                            side,
                            ruleCheck.check(current.matrix(), context(l.access().system())));
        } catch (Approval.Refused e) {
            throw SignOffRefused.of(e, catalog);
        }
        Instant now = clock.instant();
        int version = current.version().version();
        repo.insertSignOff(
                l.info().id(),
                version,
                new SignOff(
                        side, l.access().user().username(), l.access().user().organizationId(), now));
        events.publishEvent(AuditableEvent.success(
                "responsibility.sign-off",
                OBJECT,
                l.info().id(),
                Msg.of("responsibility.audit.signOff", Msg.of(side), version)));
        if (next.status() == VersionStatus.APPROVED) {
            repo.approve(l.info().id(), version, now);
            events.publishEvent(AuditableEvent.success(
                    "responsibility.approve", OBJECT, l.info().id(), Msg.of("responsibility.audit.approve", version)));
        }
        work.publish(systemId);
        return view(l.access(), l.info(), version);
    }

    public record Locked(MatrixAccess access, MatrixInfo info, MatrixView view) {

        /**
         * The caller named the current version (read after the access checks): else 428 when it named none, and a
         * stale-version conflict naming when the matrix last changed when it named an older one.
         */
        public void requireBase(ExpectedVersion base) {
            if (base.value() != info.currentVersion()) {
                throw new StaleVersionException(info.currentVersion(), info.updatedAt());
            }
        }
    }

    /** The matrix locked for this transaction, at its current version. */
    public Locked lock(UUID systemId) {
        MatrixAccess access = access(systemId);
        MatrixInfo info = repo.lockBySystem(systemId).orElseThrow(() -> new NotFoundException(OBJECT, systemId));
        return new Locked(access, info, view(access, info, info.currentVersion(), true));
    }

    /** Writes {@code m} as the next version, a draft: any change reopens approval. */
    public MatrixView store(Locked l, ResponsibilityMatrix m, Map<UUID, StoredParticipant> participants, Msg summary) {
        return store(l, m, participants, null, null, summary);
    }

    /** As above, recording the clauses of the agreement {@code agreement} (null: no new agreement). */
    public MatrixView store(
            Locked l,
            ResponsibilityMatrix m,
            Map<UUID, StoredParticipant> participants,
            List<String> clauses,
            String agreement,
            Msg summary) {
        Instant now = clock.instant();
        int from = l.info().currentVersion();
        int to = from + 1;
        Map<String, List<String>> allClauses =
                new LinkedHashMap<>(l.view().document().clausesByAgreement());
        if (agreement != null) {
            allClauses.put(agreement, clauses);
        }
        MatrixDocument doc = MatrixDocument.of(m, participants, allClauses);
        repo.insertVersion(
                new VersionRow(
                        l.info().id(),
                        to,
                        VersionStatus.DRAFT,
                        doc.json(),
                        summary.encode(),
                        l.access().user().username(),
                        l.access().user().organizationId(),
                        now,
                        null),
                MatrixDocument.SCHEMA);
        if (!repo.advance(l.info().id(), from, to, now)) {
            MatrixInfo moved = repo.findBySystem(l.info().systemId()).orElseThrow();
            throw new StaleVersionException(moved.currentVersion(), moved.updatedAt());
        }
        MatrixInfo info = repo.findBySystem(l.info().systemId()).orElseThrow();
        work.publish(info.systemId()); // a new draft: earlier sign-offs no longer count
        return view(l.access(), info, to);
    }
}
