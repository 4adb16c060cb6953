package org.yunjian.responsibility.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;
import org.yunjian.party.Parties;
import org.yunjian.party.PartyRole;
import org.yunjian.responsibility.Agreement;
import org.yunjian.responsibility.Approval;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.Duties;
import org.yunjian.responsibility.MatrixRow;
import org.yunjian.responsibility.Participant;
import org.yunjian.responsibility.ResponsibilityMatrix;
import org.yunjian.responsibility.RuleCheck;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.VersionStatus;
import org.yunjian.responsibility.internal.MatrixDocument.StoredAssignment;
import org.yunjian.responsibility.internal.MatrixRepository.MatrixInfo;
import org.yunjian.responsibility.internal.MatrixRepository.SignOff;
import org.yunjian.responsibility.internal.MatrixRepository.VersionRow;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;

/**
 * A system's responsibility matrix stored as versions: generated from the system's parties, read in any version,
 * edited into new drafts, checked against T/CCIA 004-2024 §5 and signed off by customer and provider. The rules
 * live in the domain types ({@link ResponsibilityMatrix}, {@link RuleCheck}, {@link Approval}); this class reads,
 * authorises, stores and audits.
 */
@Service
@Transactional
public class ResponsibilityService {

    static final String OBJECT = "responsibility-matrix";

    private final MatrixRepository repo;
    private final Parties parties;
    private final OrganizationDirectory directory;
    private final Duties duties;
    private final RuleCheck ruleCheck;
    private final EditInputs inputs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResponsibilityService(MatrixRepository repo, Parties parties, OrganizationDirectory directory, Duties duties,
                          RuleCheck ruleCheck, EditInputs inputs, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.parties = parties;
        this.directory = directory;
        this.duties = duties;
        this.ruleCheck = ruleCheck;
        this.inputs = inputs;
        this.events = events;
        this.clock = clock;
    }

    /** An agreement to record: name, the two organisations, its clauses. */
    public record AgreementInput(String name, UUID partyA, UUID partyB, List<String> clauses) {
    }

    // --- reading

    /** The caller's access to a system's matrix; 404 if the caller may not see the system. */
    @Transactional(readOnly = true)
    public MatrixAccess access(UUID systemId) {
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("responsibility matrices");
        CloudSystem s = parties.findSystem(systemId).orElseThrow(() -> new NotFoundException("system", systemId));
        return new MatrixAccess(s, u);
    }

    @Transactional(readOnly = true)
    public MatrixView current(UUID systemId) {
        MatrixAccess access = access(systemId);
        MatrixInfo info = matrixOf(access);
        return view(access, info, info.currentVersion());
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

    @Transactional(readOnly = true)
    public RuleCheck.Result check(UUID systemId, Integer version) {
        MatrixView v = version == null ? current(systemId) : version(systemId, version);
        return ruleCheck.check(v.matrix());
    }

    private MatrixInfo matrixOf(MatrixAccess access) {
        UUID systemId = access.system().id();
        return repo.findBySystem(systemId).orElseThrow(() -> new NotFoundException(OBJECT, systemId));
    }

    private MatrixView view(MatrixAccess access, MatrixInfo info, int version) {
        VersionRow row = repo.version(info.id(), version)
                .orElseThrow(() -> new NotFoundException(OBJECT + "-version", version));
        MatrixDocument doc = MatrixDocument.read(row.document());
        return new MatrixView(access, info, row, doc, doc.matrix(info.systemId(), duties),
                repo.signOffs(info.id(), version));
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
        ResponsibilityMatrix m = ResponsibilityMatrix.generate(duties, s.id(), s.serviceModel(), participants(s));
        Instant now = clock.instant();
        MatrixInfo info = new MatrixInfo(UUID.randomUUID(), s.id(), 1, access.user().username(), now, now);
        repo.insertMatrix(info);
        MatrixDocument doc = MatrixDocument.of(m, Map.of(), Map.of());
        Msg summary = Msg.of("responsibility.change.generated", m.participants().size());
        repo.insertVersion(new VersionRow(info.id(), 1, VersionStatus.DRAFT, doc.json(), summary.encode(),
                access.user().username(), access.user().organizationId(), now, null), MatrixDocument.SCHEMA);
        events.publishEvent(AuditableEvent.success("responsibility.create", OBJECT, info.id(),
                Msg.of("responsibility.audit.create", s.name(), m.participants().size())));
        return view(access, info, 1);
    }

    /**
     * A row's accountable parties and delegation chains replaced: a new draft version.
     *
     * @param baseVersion the version the caller edited, or null; a newer current version is a 409
     */
    public MatrixView editRow(UUID systemId, String dutyId, List<StoredAssignment> assignments, Integer baseVersion) {
        Locked l = lock(systemId, baseVersion);
        l.access().requireEditor();
        ResponsibilityMatrix m = l.view().matrix();
        MatrixRow row = inputs.row(m, dutyId);
        List<Assignment> next = inputs.assignments(m, assignments);
        l.access().requireMayChange(row.duty().id().value(), row.assignments(), next);
        ResponsibilityMatrix changed = m.withRow(row.withAssignments(next));
        Msg summary = Msg.of("responsibility.change.row", row.duty().id().value());
        MatrixView v = store(l, changed, l.view().document().clausesByAgreement(), summary);
        events.publishEvent(AuditableEvent.success("responsibility.row.edit", OBJECT, l.info().id(),
                Msg.of("responsibility.audit.row", row.duty().id().value(), v.version().version())));
        return v;
    }

    /** An agreement between two participants recorded: a new draft version. */
    public MatrixView addAgreement(UUID systemId, AgreementInput in, Integer baseVersion) {
        Locked l = lock(systemId, baseVersion);
        l.access().requireEditor();
        ResponsibilityMatrix m = l.view().matrix();
        Agreement a = inputs.agreement(m, in);
        if (!l.access().isCustomer() && !a.binds(l.access().system().providerId())) {
            throw new MatrixAccess.EditRefused(Msg.of("responsibility.denied.providerAgreement", a.name()));
        }
        Map<String, List<String>> clauses = new LinkedHashMap<>(l.view().document().clausesByAgreement());
        clauses.put(a.name(), inputs.clauses(in.clauses()));
        MatrixView v = store(l, m.withAgreement(a), clauses, Msg.of("responsibility.change.agreement", a.name()));
        events.publishEvent(AuditableEvent.success("responsibility.agreement.add", OBJECT, l.info().id(),
                Msg.of("responsibility.audit.agreement", a.name(), v.version().version())));
        return v;
    }

    /**
     * Delegation chains edited offline (the workbook) as ONE new draft version: rows still as exported on the
     * platform are applied, rows changed on both sides are conflicts (not applied). All or nothing: a row the caller
     * may not change, or whose values are refused, refuses the whole import ({@link ChainImport.RowsRefused}) and
     * nothing is stored. Audited as {@code responsibility.workbook.import} with the counts.
     */
    public ChainImport.Outcome importChains(UUID systemId, List<ChainImport.ChainEdit> edits) {
        Locked l = lock(systemId, null);
        l.access().requireEditor();
        ResponsibilityMatrix m = l.view().matrix();
        ChainImport.Plan plan = ChainImport.plan(m, edits);
        List<ChainImport.Refusal> refused = new ArrayList<>();
        ResponsibilityMatrix changed = m;
        for (var e : plan.rows().entrySet()) {
            MatrixRow row = m.row(e.getKey()).orElseThrow();
            int sheetRow = plan.appliedByDuty().get(e.getKey()).get(0).sheetRow();
            try {
                List<Assignment> next = inputs.assignments(m, e.getValue());
                l.access().requireMayChange(row.duty().id().value(), row.assignments(), next);
                changed = changed.withRow(row.withAssignments(next));
            } catch (org.yunjian.shared.FieldErrors.ValidationException x) {
                x.messages().values().forEach(msg -> refused.add(new ChainImport.Refusal(sheetRow, msg)));
            } catch (MatrixAccess.EditRefused x) {
                refused.add(new ChainImport.Refusal(sheetRow, x.text()));
            }
        }
        if (!refused.isEmpty()) {
            throw new ChainImport.RowsRefused(refused);
        }
        int applied = plan.applied();
        MatrixView v = applied == 0 ? l.view() : store(l, changed, l.view().document().clausesByAgreement(),
                Msg.of("responsibility.change.workbook", applied));
        events.publishEvent(AuditableEvent.success("responsibility.workbook.import", OBJECT, l.info().id(),
                Msg.of("responsibility.audit.workbookImport", applied, plan.unchanged(), plan.conflicts().size(),
                        v.version().version())));
        return new ChainImport.Outcome(v, applied > 0, applied, plan.unchanged(), plan.conflicts());
    }

    /**
     * The caller's side signs off the current version; refused (409, with the violations) while the rule check
     * finds any. The second side's sign-off approves the version.
     */
    public MatrixView signOff(UUID systemId, SignOffSide side, Integer baseVersion) {
        if (side == null) {
            throw new org.yunjian.shared.FieldErrors.ValidationException("side", "responsibility.error.required");
        }
        Locked l = lock(systemId, baseVersion);
        l.access().requireSide(side);
        MatrixView current = l.view();
        Approval next;
        try {
            next = current.approval().signOff(side, ruleCheck.check(current.matrix()));
        } catch (Approval.Refused e) {
            throw SignOffRefused.of(e);
        }
        Instant now = clock.instant();
        int version = current.version().version();
        repo.insertSignOff(l.info().id(), version, new SignOff(side, l.access().user().username(),
                l.access().user().organizationId(), now));
        events.publishEvent(AuditableEvent.success("responsibility.sign-off", OBJECT, l.info().id(),
                Msg.of("responsibility.audit.signOff", Msg.of(side), version)));
        if (next.status() == VersionStatus.APPROVED) {
            repo.approve(l.info().id(), version, now);
            events.publishEvent(AuditableEvent.success("responsibility.approve", OBJECT, l.info().id(),
                    Msg.of("responsibility.audit.approve", version)));
        }
        return view(l.access(), l.info(), version);
    }

    private record Locked(MatrixAccess access, MatrixInfo info, MatrixView view) {
    }

    /** The matrix locked for this transaction, at its current version, which must be {@code baseVersion} if given. */
    private Locked lock(UUID systemId, Integer baseVersion) {
        MatrixAccess access = access(systemId);
        MatrixInfo info = repo.lockBySystem(systemId).orElseThrow(() -> new NotFoundException(OBJECT, systemId));
        if (baseVersion != null && baseVersion != info.currentVersion()) {
            throw new ConflictException("responsibility-stale-version", "responsibility.conflict.stale", baseVersion,
                    info.currentVersion());
        }
        return new Locked(access, info, view(access, info, info.currentVersion()));
    }

    /** Writes {@code m} as the next version, a draft: any change reopens approval. */
    private MatrixView store(Locked l, ResponsibilityMatrix m, Map<String, List<String>> clauses, Msg summary) {
        Instant now = clock.instant();
        int from = l.info().currentVersion();
        int to = from + 1;
        MatrixDocument doc = MatrixDocument.of(m, l.view().document().participantsByOrganisation(), clauses);
        repo.insertVersion(new VersionRow(l.info().id(), to, VersionStatus.DRAFT, doc.json(), summary.encode(),
                l.access().user().username(), l.access().user().organizationId(), now, null), MatrixDocument.SCHEMA);
        if (!repo.advance(l.info().id(), from, to, now)) {
            throw new ConflictException("responsibility-stale-version", "responsibility.conflict.stale", from, to);
        }
        MatrixInfo info = repo.findBySystem(l.info().systemId()).orElseThrow();
        return view(l.access(), info, to);
    }

    /**
     * The participants of a system: its customer and provider, its agents, and the organisations of its engagements
     * with the T/CCIA roles they play there (customer, provider, partners); assessors take no part.
     */
    List<Participant> participants(CloudSystem s) {
        Map<UUID, Set<PartyRole>> roles = new LinkedHashMap<>();
        add(roles, s.customerId(), PartyRole.CUSTOMER);
        add(roles, s.providerId(), PartyRole.PROVIDER);
        s.agents().forEach(a -> add(roles, a.organizationId(), a.role()));
        for (Engagement e : parties.visibleEngagements(s.id())) {
            e.participants().forEach(p -> add(roles, p.organizationId(), p.role()));
        }
        List<Participant> out = new ArrayList<>();
        roles.forEach((org, held) -> out.add(new Participant(org, directory.find(org)
                .map(OrganizationDirectory.OrganizationRef::name).orElse(org.toString()), held)));
        return out;
    }

    private static void add(Map<UUID, Set<PartyRole>> roles, UUID org, PartyRole role) {
        if (org == null || role == PartyRole.THIRD_PARTY_ASSESSOR) {
            return;
        }
        Set<PartyRole> held = roles.computeIfAbsent(org, k -> EnumSet.noneOf(PartyRole.class));
        if (!role.isAgent()) {
            held.add(role);
        }
    }
}
