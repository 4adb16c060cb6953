package org.yunjian.exitproject.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.exitproject.ChecklistStatus;
import org.yunjian.exitproject.DeletionCertificateIssued;
import org.yunjian.exitproject.ExitProject;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.internal.Records.CertificateInfo;
import org.yunjian.exitproject.internal.Records.ChecklistItem;
import org.yunjian.exitproject.internal.Records.Kind;
import org.yunjian.exitproject.internal.Records.ProjectInfo;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;
import org.yunjian.shared.version.ExpectedVersion;

/** Exit projects, their checklist and evidence records, with object scope and the duties of each party. */
@Service
@Transactional
public class ExitProjectService {

    /** The GB/T 31167 9.1 checklist: item key and the catalog requirement it comes from (9.1 1. … 9.1 7.). */
    public static final List<String> CHECKLIST_KEYS = List.of("a", "b", "c", "d", "e", "f", "g");

    static final String CHECKLIST_REQUIREMENT = "GBT31167-9.1-";

    private final ExitProjectRepository repo;
    private final ProjectRecords records;
    private final Parties parties;
    private final Catalog catalog;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CertificateBuilder certificates;
    private final TextRules textRules;
    private final ExitProjectWork work;

    ExitProjectService(
            ExitProjectRepository repo,
            ProjectRecords records,
            Parties parties,
            Catalog catalog,
            FileStore files,
            ApplicationEventPublisher events,
            Clock clock,
            CertificateBuilder certificates,
            TextRules textRules,
            ExitProjectWork work) {
        this.work = work;
        this.repo = repo;
        this.records = records;
        this.parties = parties;
        this.catalog = catalog;
        this.files = files;
        this.events = events;
        this.clock = clock;
        this.certificates = certificates;
        this.textRules = textRules;
    }

    public record CreateInput(String name, UUID systemId) {}

    // --- reading

    @Transactional(readOnly = true)
    public List<ProjectInfo> list(UUID systemId) {
        ProjectRecords.caller();
        List<CloudSystem> systems =
                systemId == null ? parties.visibleSystems() : List.of(parties.requireSystem(systemId));
        return repo.findBySystems(systems.stream().map(CloudSystem::id).collect(Collectors.toSet()));
    }

    /**
     * One page of the exit projects of the systems the caller may see (or of one system), newest first, filtered by
     * name and status, with the total.
     */
    @Transactional(readOnly = true)
    public org.yunjian.shared.paging.Paged<ProjectInfo> page(
            UUID systemId,
            String q,
            org.yunjian.exitproject.ExitStatus status,
            org.yunjian.shared.paging.PageRequest page) {
        CurrentUser u = ProjectRecords.caller();
        List<UUID> systems;
        if (systemId != null) {
            systems = List.of(parties.requireSystem(systemId).id());
        } else if (u.is(org.yunjian.security.Role.SYSTEM_ADMIN)) {
            systems = null;
        } else {
            systems = parties.visibleSystemSummaries(org.yunjian.party.SystemQuery.none()).stream()
                    .map(org.yunjian.party.SystemSummary::id)
                    .toList();
        }
        return repo.page(systems, q, status, page);
    }

    /** One page of the issued certificates of the projects the caller may see whose number contains {@code q}. */
    @Transactional(readOnly = true)
    public org.yunjian.shared.paging.Paged<org.yunjian.exitproject.ExitProjects.Certificate> certificatePage(
            String q, org.yunjian.shared.paging.PageRequest page) {
        CurrentUser u = ProjectRecords.caller();
        List<UUID> systems = u.is(org.yunjian.security.Role.SYSTEM_ADMIN)
                ? null
                : parties.visibleSystemSummaries(org.yunjian.party.SystemQuery.none()).stream()
                        .map(org.yunjian.party.SystemSummary::id)
                        .toList();
        return repo.certificatePage(systems, q, page);
    }

    /** The project with the caller's relations, or 404 if it does not exist or its system is not visible. */
    @Transactional(readOnly = true)
    public Access access(UUID id) {
        return records.access(id);
    }

    @Transactional(readOnly = true)
    public ProjectView view(UUID id) {
        return records.view(records.access(id));
    }

    /** The catalog requirement behind a checklist item, if the catalog has it. */
    @Transactional(readOnly = true)
    public Optional<Requirement> requirement(String requirementId) {
        return requirementId == null ? Optional.empty() : catalog.requirement(RequirementId.of(requirementId));
    }

    // --- creating and moving

    public ProjectInfo create(CreateInput in) {
        CurrentUser u = ProjectRecords.caller();
        FieldErrors errors = new FieldErrors();
        if (in.name() == null || in.name().isBlank()) {
            errors.add("name", "exitproject.error.required");
        } else {
            textRules.check(errors, "name", in.name(), 200, Text.Kind.LINE, "exitproject.error.tooLong");
        }
        if (in.systemId() == null) {
            errors.add("systemId", "exitproject.error.required");
        }
        errors.throwIfAny();
        CloudSystem system = parties.requireSystem(in.systemId());
        if (!u.belongsTo(system.customerId())) {
            throw new AccessDeniedException("exitproject.denied.create");
        }
        Instant now = clock.instant();
        ProjectInfo p = new ProjectInfo(
                UUID.randomUUID(),
                in.name().strip(),
                system.id(),
                ExitStatus.PLANNING,
                null,
                null,
                null,
                null,
                null,
                now,
                now,
                null,
                null,
                null,
                0);
        repo.insert(p, u.userId());
        int position = 0;
        for (String key : CHECKLIST_KEYS) {
            String requirement = CHECKLIST_REQUIREMENT + key;
            repo.insertChecklistItem(
                    p.id(),
                    new ChecklistItem(
                            key,
                            position++,
                            catalog.requirement(RequirementId.of(requirement)).isPresent() ? requirement : null,
                            ChecklistStatus.OPEN,
                            null,
                            null,
                            null,
                            0));
        }
        events.publishEvent(AuditableEvent.success(
                "exit-project.create",
                "exit-project",
                p.id(),
                Msg.of("exitproject.audit.create", p.name(), system.name())));
        work.changed(p.id());
        return repo.find(p.id()).orElseThrow();
    }

    /** Moves the status (the customer); an illegal move or an unmet precondition is a 409. */
    public ProjectInfo transition(UUID id, ExitStatus target, ExpectedVersion version) {
        if (target == null) {
            throw new FieldErrors.ValidationException("to", "exitproject.error.required");
        }
        Access access = records.access(id);
        access.requireCustomer("moving the exit project");
        ExitStatus current = records.lock(id);
        ProjectView v = records.view(access);
        new ExitProject(current, v.clauses()).moveTo(target, v.facts());
        if (!repo.updateStatus(id, current, target, clock.instant(), version.value())) {
            throw new ConflictException("exit-concurrent-change", "exitproject.conflict.concurrentChange");
        }
        events.publishEvent(AuditableEvent.success(
                "exit-project.transition",
                "exit-project",
                id,
                Msg.of(
                        "exitproject.audit.transition",
                        Msg.of("exitproject.status." + current.name()),
                        Msg.of("exitproject.status." + target.name()))));
        work.changed(id);
        return repo.find(id).orElseThrow();
    }

    // --- checklist

    public ChecklistItem updateChecklist(
            UUID id, String key, ChecklistStatus status, String note, ExpectedVersion version) {
        Access access = records.access(id);
        access.requireCustomer("keeping the exit checklist");
        records.open(
                id,
                "checklist",
                ExitStatus.PLANNING,
                ExitStatus.HANDOVER,
                ExitStatus.VERIFICATION,
                ExitStatus.DELETION);
        FieldErrors errors = new FieldErrors();
        if (key == null || !CHECKLIST_KEYS.contains(key)) {
            errors.add("item", "exitproject.error.checklistItem", String.join(", ", CHECKLIST_KEYS));
        }
        if (status == null) {
            errors.add("status", "exitproject.error.required");
        }
        if (status == ChecklistStatus.NOT_APPLICABLE && FieldValues.blank(note)) {
            errors.add("note", "exitproject.error.notApplicableReason");
        }
        textRules.check(errors, "note", note, 4000, Text.Kind.LINES, "exitproject.error.tooLong");
        errors.throwIfAny();
        repo.updateChecklistItem(
                id,
                key,
                status,
                FieldValues.stripped(note),
                access.user().username(),
                clock.instant(),
                version.value());
        events.publishEvent(AuditableEvent.success(
                "exit-project.checklist",
                "exit-project",
                id,
                Msg.of(
                        "exitproject.audit.checklistItem",
                        ClauseLabel.cited(catalog.requirement(RequirementId.of(CHECKLIST_REQUIREMENT + key))
                                .orElseThrow()),
                        Msg.of("exitproject.checklist.status." + status.name()))));
        work.changed(id);
        return repo.checklist(id).stream()
                .filter(i -> i.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
    // --- the sub-processes, one service each

    // --- certificate

    /**
     * Issues the SM2-signed deletion certificate (customer or system administrator) once the deletion is recorded
     * and the checklist complete; the project's records are frozen from then on.
     */
    public CertificateInfo issueCertificate(UUID id) {
        Access access = records.access(id);
        access.require(access.mayIssue(), "issuing the deletion certificate");
        records.lock(id);
        ProjectView v = records.view(access);
        List<Blocker> blockers = v.blockers();
        if (!blockers.isEmpty()) {
            throw new ConflictException(
                    v.certificate().isPresent() ? "exit-certificate-issued" : "exit-precondition",
                    "exitproject.conflict.cannotIssue",
                    Msg.joined(blockers.stream().map(Blocker::text).toList()));
        }
        CertificateInfo c = certificates.issue(v, clock.instant());
        repo.insertCertificate(c);
        events.publishEvent(AuditableEvent.success(
                "exit-project.certificate.issue",
                "exit-project",
                id,
                Msg.of("exitproject.audit.certificateIssue", c.displayNumber(), c.sm3())));
        events.publishEvent(
                new DeletionCertificateIssued(id, v.project().systemId(), c.certificateId(), c.sm3(), c.issuedAt()));
        work.changed(id);
        return c;
    }

    /** The issued certificate (404 if none yet); records the download. */
    public CertificateInfo certificate(UUID id, String format) {
        records.access(id);
        CertificateInfo c = repo.certificate(id).orElseThrow(() -> new NotFoundException("deletion certificate", id));
        events.publishEvent(AuditableEvent.success(
                "exit-project.certificate.export",
                "exit-project",
                id,
                Msg.of("exitproject.audit.certificateExport", format.toUpperCase(java.util.Locale.ROOT))));
        return c;
    }

    /** The certificate for people: a PDF with the same facts, the JSON's SM3 and signature. */
    public CertificateFile certificatePdf(UUID id) {
        CertificateInfo c = certificate(id, "pdf");
        return new CertificateFile(certificates.pdf(c), certificateName(id, c, "pdf"));
    }

    /** The certificate as signed canonical JSON, byte for byte; records the download. */
    public CertificateFile certificateJson(UUID id) {
        CertificateInfo c = certificate(id, "json");
        return new CertificateFile(
                c.document().getBytes(java.nio.charset.StandardCharsets.UTF_8), certificateName(id, c, "json"));
    }

    /** A certificate file and its download name. */
    public record CertificateFile(byte[] content, DownloadName name) {}

    /** {@code 数据删除证明-<system>-YJ-DEL-2026-000001-2026-11-23.pdf}: system, number and issue date. */
    private DownloadName certificateName(UUID id, CertificateInfo c, String extension) {
        return DownloadName.of(
                "exitproject.fileName.certificate",
                "deletion-certificate",
                records.access(id).system().name(),
                c.displayNumber(),
                c.issuedAt(),
                extension);
    }

    /**
     * The platform's certificate signing key (PEM), for offline verification. Public: whoever is handed a
     * certificate — a regulator, an auditor without an account — needs it to check the signature.
     */
    public String signingKeyPem() {
        return certificates.publicKeyPem();
    }
    /** A stored evidence file and the kind of record it belongs to. */
    public record EvidenceFile(Path path, Kind kind) {}

    /**
     * The stored file of a manifest, verification or object-storage check record, byte for byte as uploaded, for
     * whoever may see the project; the export is audited.
     */
    public EvidenceFile evidenceFile(UUID id, UUID recordId) {
        records.access(id);
        Kind kind = repo.records(id).stream()
                .filter(r -> r.id().equals(recordId))
                .map(ExitProjectRepository.Row::kind)
                .filter(k -> k == Kind.MANIFEST || k == Kind.VERIFICATION || k == Kind.STORAGE_CHECK)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("ExitProjectFile", recordId));
        Path path = files.path(id, recordId);
        events.publishEvent(AuditableEvent.success(
                "exit-project.evidence.export",
                "exit-project",
                id,
                Msg.of("exitproject.audit.evidenceExport." + kind.name(), recordId)));
        return new EvidenceFile(path, kind);
    }

    /** Today in China Standard Time, by the injected clock. */
    public LocalDate today() {
        return records.today();
    }
}
