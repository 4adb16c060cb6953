package org.yunjian.procurement.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.party.Parties;
import org.yunjian.procurement.ProviderSelection;
import org.yunjian.procurement.ProviderSelection.Candidate;
import org.yunjian.procurement.ProviderSelection.CandidateJudgement;
import org.yunjian.procurement.SelectionCriterion;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.vault.Vault;

/**
 * The provider selection of a system: candidates, their judgements against the guide's criteria with evidence, and
 * the decision. Rules are {@link ProviderSelection}'s and {@link SelectionCriterion}'s; this class reads, stores and
 * audits.
 *
 * <p>Optimistic locking: the versioned record is the whole selection of a system, not each candidate. The decision
 * is made by comparing the candidates side by side, so a judgement changed by someone else after the comparison was
 * read must make a pending decision (or judgement) stale, and the page shows and saves the comparison as one record.
 * Judging, deciding and removing a candidate name the version read (428 without, 409 if stale); adding a candidate
 * counts a version without naming one (it overwrites nothing); evidence is appended, sealed and never replaced, so it
 * counts none.
 */
@Service
@Transactional
public class SelectionService {

    static final String OBJECT = "lifecycle-selection";
    static final int CANDIDATES_MAX = 20;

    private final ContractDocumentAccess access;
    private final SelectionRepository repo;
    private final Parties parties;
    private final Vault vault;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private SelectionDocx docx;

    @org.springframework.beans.factory.annotation.Autowired
    void docx(SelectionDocx docx) {
        this.docx = docx;
    }

    SelectionService(
            ContractDocumentAccess access,
            SelectionRepository repo,
            Parties parties,
            Vault vault,
            Catalog catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.repo = repo;
        this.parties = parties;
        this.vault = vault;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** A system's selection as the caller sees it: the criteria, the selection and the evidence files. */
    public record View(
            PlanAccess access,
            List<SelectionCriterion> criteria,
            ProviderSelection selection,
            List<SelectionEvidence> evidence,
            long version) {

        public CloudSystem system() {
            return access.system();
        }

        /** The evidence of a candidate on a criterion. */
        public List<SelectionEvidence> evidence(UUID candidate, RequirementId criterion) {
            return evidence.stream()
                    .filter(e ->
                            e.candidate().equals(candidate) && e.criterion().equals(criterion))
                    .toList();
        }

        /** The note of a candidate's judgement on a criterion, or null. */
        public String note(UUID candidate, RequirementId criterion) {
            return selection
                    .recorded(candidate, criterion)
                    .map(CandidateJudgement::note)
                    .orElse(null);
        }

        public Optional<Candidate> selected() {
            return selection.decision() == null
                    ? Optional.empty()
                    : selection.candidate(selection.decision().candidate());
        }
    }

    /** The clause a selection decision answers: the guide's lead-in to provider selection, JR/T 6.1's third item. */
    static Optional<RequirementId> decisionClause(CloudSystem system) {
        return system.industry() == null
                ? Optional.empty()
                : system.industry()
                        .sectorStandard()
                        .map(code -> RequirementId.of(code.equals("GOVWEB") ? "GOVWEB-6.5-0" : "JRT-SF-6.1-3"));
    }

    @Transactional(readOnly = true)
    public View view(UUID systemId) {
        PlanAccess a = access.read(systemId);
        return new View(
                a,
                SelectionCriterion.forSystem(catalog, a.system()),
                repo.load(systemId),
                repo.evidence(systemId),
                repo.version(systemId));
    }

    /**
     * Adds a candidate (customer): a registered organisation holding the provider role that the caller can see, or
     * one named in free text; not twice.
     */
    public Candidate addCandidate(UUID systemId, String organisation, String name) {
        PlanAccess a = access.write(systemId);
        ProviderSelection s = repo.load(systemId);
        FieldErrors errors = new FieldErrors();
        boolean hasOrg = organisation != null && !organisation.isBlank();
        boolean hasName = name != null && !name.isBlank();
        Organization org = null;
        String candidateName = null;
        if (hasOrg == hasName) {
            errors.add(hasOrg ? "name" : "organisation", "lifecycle.doc.selection.error.orgOrName");
        } else if (hasOrg) {
            org = organisation(organisation.strip()).orElse(null);
            if (org == null) {
                errors.add("organisation", "lifecycle.doc.selection.error.unknownProvider", organisation.strip());
            } else {
                candidateName = org.name();
            }
        } else {
            candidateName = name.strip();
            if (candidateName.length() > ProviderSelection.NAME_MAX) {
                errors.add("name", "lifecycle.doc.error.tooLong", ProviderSelection.NAME_MAX);
            }
        }
        final UUID orgId = org == null ? null : org.id();
        final String n = candidateName;
        if (n != null
                && s.candidates().stream()
                        .anyMatch(c -> (orgId != null && orgId.equals(c.organisation()))
                                || c.name().equals(n))) {
            errors.add(hasOrg ? "organisation" : "name", "lifecycle.doc.selection.error.duplicate", n);
        }
        if (s.candidates().size() >= CANDIDATES_MAX) {
            errors.add("name", "lifecycle.doc.selection.error.tooMany", CANDIDATES_MAX);
        }
        errors.throwIfAny();
        int position =
                s.candidates().stream().mapToInt(Candidate::position).max().orElse(0) + 1;
        Candidate c = new Candidate(
                UUID.randomUUID(), orgId, n, position, CurrentUser.require().username(), clock.instant());
        repo.changed(systemId, repo.version(systemId), c.addedBy(), c.addedAt());
        repo.addCandidate(systemId, c);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.selection.candidate-add",
                OBJECT,
                systemId,
                Msg.of("lifecycle.doc.selection.audit.candidateAdd", a.system().name(), n)));
        return c;
    }

    private Optional<Organization> organisation(String id) {
        try {
            return parties.findOrganization(UUID.fromString(id)).filter(o -> o.hasRole(PartyRole.PROVIDER));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Removes a candidate that is not the selected one and has no evidence (evidence is kept), over the selection's
     * version read.
     */
    public void removeCandidate(UUID systemId, UUID candidateId, ExpectedVersion version) {
        PlanAccess a = access.write(systemId);
        ProviderSelection s = repo.load(systemId);
        Candidate c = s.candidate(candidateId).orElseThrow(() -> new NotFoundException("candidate", candidateId));
        if (s.decision() != null && s.decision().candidate().equals(candidateId)) {
            throw new ConflictException(
                    "candidate-selected", Msg.of("lifecycle.doc.selection.error.removeSelected", c.name()));
        }
        if (repo.hasEvidence(candidateId)) {
            throw new ConflictException(
                    "candidate-has-evidence", Msg.of("lifecycle.doc.selection.error.removeWithEvidence", c.name()));
        }
        repo.changed(systemId, version.value(), CurrentUser.require().username(), clock.instant());
        repo.removeCandidate(candidateId);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.selection.candidate-remove",
                OBJECT,
                systemId,
                Msg.of(
                        "lifecycle.doc.selection.audit.candidateRemove",
                        a.system().name(),
                        c.name())));
    }

    /** Judges a candidate on one of the system's criteria (customer), over the selection's version read. */
    public CandidateJudgement judge(
            UUID systemId, UUID candidateId, String criterion, String judgement, String note, ExpectedVersion version) {
        PlanAccess a = access.write(systemId);
        Candidate c = repo.load(systemId)
                .candidate(candidateId)
                .orElseThrow(() -> new NotFoundException("candidate", candidateId));
        SelectionCriterion k = criterion(a.system(), criterion);
        CandidateJudgement j = CandidateJudgement.of(
                candidateId, k.id(), judgement, note, CurrentUser.require().username(), clock.instant());
        repo.changed(systemId, version.value(), j.judgedBy(), j.judgedAt());
        repo.saveJudgement(j);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.selection.judge",
                OBJECT,
                systemId,
                Msg.of(
                        "lifecycle.doc.selection.audit.judge",
                        a.system().name(),
                        c.name(),
                        ClauseLabel.text(k.requirement()),
                        Msg.of(j.judgement()))));
        return j;
    }

    /** Refuses (403 with the reason, 404 for a stranger) anyone who may not change the system's selection. */
    @Transactional(readOnly = true)
    public void requireKeeper(UUID systemId) {
        access.write(systemId);
    }

    /** Adds an evidence file to a candidate's judgement on a criterion (customer), sealed like assessment evidence. */
    public Vault.Sealed addEvidence(
            UUID systemId, UUID candidateId, String criterion, String fileName, byte[] content) {
        PlanAccess a = access.write(systemId);
        Candidate c = repo.load(systemId)
                .candidate(candidateId)
                .orElseThrow(() -> new NotFoundException("candidate", candidateId));
        SelectionCriterion k = criterion(a.system(), criterion);
        Vault.Sealed sealed = vault.seal("file", fileName, content == null ? new byte[0] : content);
        repo.addEvidence(new SelectionEvidence(
                candidateId, k.id(), sealed, CurrentUser.require().username(), clock.instant()));
        events.publishEvent(AuditableEvent.success(
                "lifecycle.selection.evidence-add",
                OBJECT,
                systemId,
                Msg.of(
                        "lifecycle.doc.selection.audit.evidence",
                        a.system().name(),
                        c.name(),
                        ClauseLabel.text(k.requirement()),
                        sealed.displayName(),
                        sealed.sm3())));
        return sealed;
    }

    /** An evidence file of the system's selection, verified, for anyone who reads the selection. */
    @Transactional(readOnly = true)
    public Opened evidence(UUID systemId, UUID evidenceId) {
        access.read(systemId);
        SelectionEvidence row = repo.evidence(systemId).stream()
                .filter(e -> e.sealed().id().equals(evidenceId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("evidence", evidenceId));
        return new Opened(row.sealed(), vault.open(row.sealed()));
    }

    /** An evidence file's metadata and verified content. */
    public record Opened(Vault.Sealed sealed, byte[] content) {}

    /**
     * Records the decision (customer): the chosen candidate and why, over the selection's version read; a later
     * decision replaces it, audited.
     */
    public ProviderSelection.Decision decide(UUID systemId, String candidate, String reasons, ExpectedVersion version) {
        PlanAccess a = access.write(systemId);
        ProviderSelection s = repo.load(systemId);
        ProviderSelection.Decision d = s.decide(
                candidate,
                reasons,
                SelectionCriterion.forSystem(catalog, a.system()),
                CurrentUser.require().username(),
                clock.instant());
        repo.changed(systemId, version.value(), d.decidedBy(), d.decidedAt());
        repo.saveDecision(systemId, d);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.selection.decide",
                OBJECT,
                systemId,
                Msg.of(
                        "lifecycle.doc.selection.audit.decide",
                        a.system().name(),
                        s.candidate(d.candidate()).orElseThrow().name())));
        return d;
    }

    /** The 云服务商选择比较表 as a Word document. */
    @Transactional(readOnly = true)
    public ContractDocxExport docx(UUID systemId) {
        View v = view(systemId);
        return new ContractDocxExport(
                docx.render(v, clock.instant()),
                DownloadName.of(
                        "lifecycle.doc.selection.download",
                        "provider-selection",
                        v.system().name(),
                        null,
                        clock.instant(),
                        "docx"));
    }

    private SelectionCriterion criterion(CloudSystem system, String criterion) {
        String id = criterion == null ? "" : criterion.strip();
        return SelectionCriterion.forSystem(catalog, system).stream()
                .filter(k -> k.id().value().equals(id))
                .findFirst()
                .orElseThrow(() ->
                        new FieldErrors.ValidationException("criterion", "lifecycle.doc.error.unknownCriterion", id));
    }
}
