package org.yunjian.exitproject.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementId;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.BucketDeletionCheck;
import org.yunjian.exit.CanonicalJson;
import org.yunjian.exit.FileEntry;
import org.yunjian.exit.InventoryItem;
import org.yunjian.exit.Keys;
import org.yunjian.exit.ManifestCheck;
import org.yunjian.exit.ManifestEntry;
import org.yunjian.exit.ManifestException;
import org.yunjian.exit.ManifestReader;
import org.yunjian.exit.SignedVerificationReport;
import org.yunjian.exit.Totals;
import org.yunjian.exit.Sensitivity;
import org.yunjian.exit.SignatureStatus;
import org.yunjian.exitproject.ChecklistStatus;
import org.yunjian.exitproject.DeletionCertificateIssued;
import org.yunjian.exitproject.ExitProject;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.NextUse;
import org.yunjian.exitproject.SanitisationMethod;
import org.yunjian.exitproject.internal.Records.Authorisation;
import org.yunjian.exitproject.internal.Records.CertificateInfo;
import org.yunjian.exitproject.internal.Records.ChecklistItem;
import org.yunjian.exitproject.internal.Records.Deletion;
import org.yunjian.exitproject.internal.Records.DeletionPlan;
import org.yunjian.exitproject.internal.Records.Disposal;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.exitproject.internal.Records.Item;
import org.yunjian.exitproject.internal.Records.Kind;
import org.yunjian.exitproject.internal.Records.Manifest;
import org.yunjian.exitproject.internal.Records.ProjectInfo;
import org.yunjian.exitproject.internal.Records.Sanitisation;
import org.yunjian.exitproject.internal.Records.StorageCheck;
import org.yunjian.exitproject.internal.Records.Verification;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DeploymentModel;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.Msg;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;
import org.yunjian.shared.NotFoundException;

import tools.jackson.databind.json.JsonMapper;

/** Exit projects, their checklist and evidence records, with object scope and the duties of each party. */
@Service
@Transactional
public class ExitProjectService {

    /** Dates (retention, deletion, sanitisation) are calendar days in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The GB/T 31167-2014 9.1 checklist: item key and the catalog requirement it comes from. */
    public static final List<String> CHECKLIST_KEYS = List.of("a", "b", "c", "d", "e", "f", "g");

    static final String CHECKLIST_REQUIREMENT = "GBT31167-9.1-";

    private final ExitProjectRepository repo;
    private final Parties parties;
    private final Catalog catalog;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CertificateBuilder certificates;
    private final long storageCheckMaxSize;
    private final JsonMapper json = JsonMapper.builder().build();

    private final TextRules textRules;

    ExitProjectService(ExitProjectRepository repo, Parties parties, Catalog catalog, FileStore files,
                       ApplicationEventPublisher events, Clock clock, CertificateBuilder certificates,
                       ExitProjectProperties properties, TextRules textRules) {
        this.textRules = textRules;
        this.storageCheckMaxSize = properties.storageCheckMaxSize().toBytes();
        this.repo = repo;
        this.parties = parties;
        this.catalog = catalog;
        this.files = files;
        this.events = events;
        this.clock = clock;
        this.certificates = certificates;
    }

    public record CreateInput(String name, UUID systemId) {
    }

    /** Everything the project page and the API show. */
    public record ProjectView(Access access, ProjectInfo project, List<ChecklistItem> checklist,
                              List<Entry<Manifest>> manifests, List<Entry<Item>> items,
                              List<Entry<Verification>> verifications, Optional<Entry<Authorisation>> authorisation,
                              Optional<Entry<DeletionPlan>> plan, Optional<Entry<Deletion>> deletion,
                              List<Entry<Sanitisation>> sanitisations, List<Entry<Disposal>> disposals,
                              List<Entry<StorageCheck>> storageChecks, Optional<CertificateInfo> certificate) {

        public boolean privateCloud() {
            return access.system().deploymentModel() == DeploymentModel.PRIVATE;
        }

        public boolean checklistComplete() {
            return checklist.stream().allMatch(i -> i.status().settled());
        }

        public boolean cleanVerification() {
            return verifications.stream().anyMatch(v -> v.data().clean());
        }

        /** What still stands between the project and a certificate, in English (REST, errors); empty when it can be issued. */
        public List<String> certificateBlockers() {
            return blockers().stream().map(Blocker::english).toList();
        }

        /** What still stands between the project and a certificate, as message codes for the page. */
        public List<Blocker> blockers() {
            List<Blocker> out = new ArrayList<>();
            if (certificate.isPresent()) {
                out.add(new Blocker("issued"));
            }
            if (project.status() != ExitStatus.DELETION) {
                out.add(new Blocker("phase"));
            }
            if (!checklistComplete()) {
                out.add(new Blocker("checklist"));
            }
            if (!project.inventoryApproved()) {
                out.add(new Blocker("inventory"));
            }
            if (!cleanVerification()) {
                out.add(new Blocker("verification"));
            }
            if (authorisation.isEmpty()) {
                out.add(new Blocker("authorisation"));
            }
            if (deletion.isEmpty()) {
                out.add(new Blocker("deletion"));
            }
            for (Entry<StorageCheck> c : openStorageChecks()) {
                Map<String, Long> t = c.data().totals();
                out.add(new Blocker("storage", c.data().location(), c.data().checkedAt(), t.get("current"),
                        t.get("nonCurrent"), t.get("deleteMarkers"), t.get("multipartUploads")));
            }
            return out;
        }

        /**
         * The object-storage checks that found something and that no later check (by {@code checkedAt}) of the same
         * bucket and the same or an enclosing prefix found empty. A project that recorded no check has none.
         */
        public List<Entry<StorageCheck>> openStorageChecks() {
            return storageChecks.stream().filter(c -> !c.data().empty())
                    .filter(c -> storageChecks.stream().noneMatch(later -> later.data().empty()
                            && later.data().covers(c.data())
                            && later.data().checkedInstant().isAfter(c.data().checkedInstant())))
                    .toList();
        }

        ExitProject.Facts facts() {
            return new ExitProject.Facts(project.inventoryApproved(), manifests.size(), cleanVerification(),
                    certificate.isPresent());
        }
    }

    private static CurrentUser caller() {
        return CurrentUser.requireBusinessOrAdmin("exit projects");
    }

    // --- reading

    @Transactional(readOnly = true)
    public List<ProjectInfo> list(UUID systemId) {
        caller();
        List<CloudSystem> systems = systemId == null ? parties.visibleSystems() : List.of(parties.requireSystem(systemId));
        return repo.findBySystems(systems.stream().map(CloudSystem::id).collect(Collectors.toSet()));
    }

    /** The project with the caller's relations, or 404 if it does not exist or its system is not visible. */
    @Transactional(readOnly = true)
    public Access access(UUID id) {
        CurrentUser u = caller();
        ProjectInfo p = repo.find(id).orElseThrow(() -> new NotFoundException("exit project", id));
        CloudSystem s = parties.findSystem(p.systemId()).orElseThrow(() -> new NotFoundException("exit project", id));
        return new Access(p, s, u, Access.relations(s, u));
    }

    @Transactional(readOnly = true)
    public ProjectView view(UUID id) {
        return view(access(id));
    }

    private ProjectView view(Access access) {
        UUID id = access.project().id();
        List<Entry<?>> all = repo.records(id).stream().<Entry<?>>map(this::entry).toList();
        return new ProjectView(access, access.project(), repo.checklist(id), of(all, Kind.MANIFEST), of(all, Kind.ITEM),
                of(all, Kind.VERIFICATION), last(of(all, Kind.AUTHORISATION)), last(of(all, Kind.DELETION_PLAN)),
                last(of(all, Kind.DELETION)), of(all, Kind.SANITISATION), of(all, Kind.DISPOSAL),
                of(all, Kind.STORAGE_CHECK), repo.certificate(id));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<Entry<T>> of(List<Entry<?>> all, Kind kind) {
        return all.stream().filter(e -> e.kind() == kind).map(e -> (Entry<T>) e).toList();
    }

    private static <T> Optional<Entry<T>> last(List<Entry<T>> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    private Entry<?> entry(ExitProjectRepository.Row r) {
        return new Entry<>(r.id(), r.kind(), json.readValue(r.payload(), r.kind().type()), r.recordedBy(),
                r.recordedOrg(), r.recordedAt());
    }

    /** The catalog requirement behind a checklist item, if the catalog has it. */
    @Transactional(readOnly = true)
    public Optional<Requirement> requirement(String requirementId) {
        return requirementId == null ? Optional.empty() : catalog.requirement(RequirementId.of(requirementId));
    }

    // --- creating and moving

    public ProjectInfo create(CreateInput in) {
        CurrentUser u = caller();
        FieldErrors errors = new FieldErrors();
        if (in.name() == null || in.name().isBlank()) {
            errors.add("name", "exitproject.error.required");
        } else if (in.name().length() > 200) {
            errors.add("name", "exitproject.error.tooLong", 200);
        } else {
            textRules.check(errors, "name", in.name(), Text.Kind.LINE);
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
        ProjectInfo p = new ProjectInfo(UUID.randomUUID(), in.name().strip(), system.id(), ExitStatus.PLANNING, null,
                null, null, null, null, now, now, null, null);
        repo.insert(p, u.userId());
        int position = 0;
        for (String key : CHECKLIST_KEYS) {
            String requirement = CHECKLIST_REQUIREMENT + key;
            repo.insertChecklistItem(p.id(), new ChecklistItem(key, position++,
                    catalog.requirement(RequirementId.of(requirement)).isPresent() ? requirement : null,
                    ChecklistStatus.OPEN, null, null, null));
        }
        events.publishEvent(AuditableEvent.success("exit-project.create", "exit-project", p.id(),
                "system " + system.id()));
        return repo.find(p.id()).orElseThrow();
    }

    /** Moves the status (the customer); an illegal move or an unmet precondition is a 409. */
    public ProjectInfo transition(UUID id, ExitStatus target) {
        if (target == null) {
            throw new FieldErrors.ValidationException("to", "exitproject.error.required");
        }
        Access access = access(id);
        access.requireCustomer("moving the exit project");
        ExitStatus current = lock(id);
        ProjectView v = view(access);
        new ExitProject(current).moveTo(target, v.facts());
        if (!repo.updateStatus(id, current, target, clock.instant())) {
            throw new ConflictException("exit-concurrent-change", "exitproject.conflict.concurrentChange");
        }
        events.publishEvent(AuditableEvent.success("exit-project.transition", "exit-project", id,
                current + " -> " + target));
        return repo.find(id).orElseThrow();
    }

    private ExitStatus lock(UUID id) {
        return repo.lockStatus(id).orElseThrow(() -> new NotFoundException("exit project", id));
    }

    /** Locks the project, checks the phase and that no certificate froze it; returns the caller's access. */
    private Access open(UUID id, String what, ExitStatus... phases) {
        Access access = access(id);
        ExitStatus s = lock(id);
        if (repo.certificate(id).isPresent()) {
            throw new ConflictException("exit-certificate-issued", "exitproject.conflict.certificateIssued");
        }
        new ExitProject(s).requirePhase(what, phases);
        return access;
    }

    // --- checklist

    public ChecklistItem updateChecklist(UUID id, String key, ChecklistStatus status, String note) {
        Access access = access(id);
        access.requireCustomer("keeping the exit checklist");
        open(id, "checklist", ExitStatus.PLANNING, ExitStatus.HANDOVER, ExitStatus.VERIFICATION,
                ExitStatus.DELETION);
        FieldErrors errors = new FieldErrors();
        if (key == null || !CHECKLIST_KEYS.contains(key)) {
            errors.add("item", "exitproject.error.checklistItem", String.join(", ", CHECKLIST_KEYS));
        }
        if (status == null) {
            errors.add("status", "exitproject.error.required");
        }
        if (status == ChecklistStatus.NOT_APPLICABLE && blank(note)) {
            errors.add("note", "exitproject.error.notApplicableReason");
        }
        if (note != null && note.length() > 4000) {
            errors.add("note", "exitproject.error.tooLong", 4000);
        }
        textRules.check(errors, "note", note, Text.Kind.LINES);
        errors.throwIfAny();
        repo.updateChecklistItem(id, key, status, trim(note), access.user().username(), clock.instant());
        events.publishEvent(AuditableEvent.success("exit-project.checklist", "exit-project", id,
                "9.1 " + key + " -> " + status));
        return repo.checklist(id).stream().filter(i -> i.key().equals(key)).findFirst().orElseThrow();
    }

    // --- hand-over inventory

    /** The provider's SM2 public key that its manifests must be signed with. */
    public ProjectInfo setProviderKey(UUID id, String pem) {
        Access access = access(id);
        access.requireProvider("registering the manifest signing key");
        open(id, "providerKey", ExitStatus.PLANNING, ExitStatus.HANDOVER);
        PublicKey key;
        try {
            key = Keys.readPublicKey(pem == null ? "" : pem);
        } catch (RuntimeException e) {
            throw new FieldErrors.ValidationException("pem", "exitproject.verifierKey.invalid");
        }
        String fingerprint = Keys.fingerprint(key);
        Instant now = clock.instant();
        repo.setProviderKey(id, org.yunjian.crypto.Pem.writePublicKey(key), fingerprint, now);
        reopen(id, now, "provider key changed");
        events.publishEvent(AuditableEvent.success("exit-project.provider-key", "exit-project", id,
                "sm3:" + fingerprint));
        return repo.find(id).orElseThrow();
    }

    /**
     * The SM2 public key verification reports must be signed with: the customer's own, or that of a verifier it
     * names (customer only; audited). Reports signed with any other key are refused.
     */
    public ProjectInfo setVerifierKey(UUID id, String pem) {
        Access access = access(id);
        access.requireCustomer("registering the verifier's key");
        open(id, "verifierKey", ExitStatus.PLANNING, ExitStatus.HANDOVER, ExitStatus.VERIFICATION);
        PublicKey key;
        try {
            key = Keys.readPublicKey(pem == null ? "" : pem);
        } catch (RuntimeException e) {
            throw new FieldErrors.ValidationException("pem", "exitproject.verifierKey.invalid");
        }
        String fingerprint = Keys.fingerprint(key);
        repo.setVerifierKey(id, org.yunjian.crypto.Pem.writePublicKey(key), fingerprint, clock.instant());
        events.publishEvent(AuditableEvent.success("exit-project.verifier-key", "exit-project", id,
                Msg.of("exitproject.audit.verifierKey", fingerprint)));
        return repo.find(id).orElseThrow();
    }

    /**
     * Adds a signed manifest to the inventory: the file is kept, its header, counts and non-file items are read
     * with {@link ManifestReader}, and it is refused (400 naming the problem) unless its SM2 signature verifies
     * against the provider's registered key.
     */
    public Entry<Manifest> uploadManifest(UUID id, String fileName, InputStream content) {
        Access access = access(id);
        access.require(access.mayAddToInventory(), "handing over manifests");
        open(id, "inventory", ExitStatus.PLANNING, ExitStatus.HANDOVER);
        ProjectInfo p = repo.find(id).orElseThrow();
        if (p.providerKeyPem() == null) {
            throw new FieldErrors.ValidationException("file", "exitproject.error.providerKeyFirst");
        }
        if (content == null) {
            throw new FieldErrors.ValidationException("file", "exitproject.error.required");
        }
        String name = safeName(fileName, "manifest.jsonl");
        Path received = files.receive(id, content);
        boolean kept = false;
        try {
            Manifest m = readManifest(received, name, Keys.readPublicKey(p.providerKeyPem()));
            UUID recordId = UUID.randomUUID();
            Entry<Manifest> e = insert(id, recordId, Kind.MANIFEST, m, access);
            files.keep(received, id, recordId);
            kept = true;
            reopen(id, e.recordedAt(), "manifest added");
            events.publishEvent(AuditableEvent.success("exit-project.manifest.upload", "exit-project", id,
                    name + " sm3:" + m.fileSm3() + ", " + m.files() + " files"));
            return e;
        } finally {
            if (!kept) {
                files.discard(received);
            }
        }
    }

    private static Manifest readManifest(Path file, String name, PublicKey key) {
        List<Item> items = new ArrayList<>();
        long sensitive = 0;
        ManifestCheck check;
        try (ManifestReader r = ManifestReader.open(file)) {
            ManifestEntry e;
            while ((e = r.next()) != null) {
                if (e instanceof InventoryItem i) {
                    items.add(new Item(i.category().id(), i.name(), i.description(), i.sensitivity().label(),
                            i.covers()));
                } else if (e instanceof FileEntry f && f.sensitivity() == Sensitivity.SENSITIVE) {
                    sensitive++;
                }
            }
            check = r.result(key);
        } catch (ManifestException e) {
            throw new FieldErrors.ValidationException("file", e.getMessage().replace(file.toString(), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (check.signature() != SignatureStatus.VALID) {
            throw new FieldErrors.ValidationException("file", "manifest " + name + ": signature "
                    + check.signature() + " — " + check.detail());
        }
        try {
            return new Manifest(name, Sm3.digest(file).hex(), Files.size(file), check.header().root(),
                    check.header().algorithm().id(), check.header().created().toString(), check.header().allVersions(),
                    check.files(), check.bytes(), sensitive, check.items(), check.digest(), Keys.fingerprint(key),
                    check.signature().name(), items, ManifestReader.fileDigests(file).signatureSm3());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A non-file inventory item (program code, other data, documents, decryption method, key custody, tools). */
    public Entry<Item> addItem(UUID id, Item in) {
        Access access = access(id);
        access.require(access.mayAddToInventory(), "adding inventory items");
        open(id, "inventory", ExitStatus.PLANNING, ExitStatus.HANDOVER);
        FieldErrors errors = new FieldErrors();
        String category = null;
        try {
            category = InventoryItem.Category.parse(in.category()).id();
        } catch (IllegalArgumentException e) {
            errors.add("category", "exitproject.error.category");
        }
        String sensitivity = null;
        try {
            sensitivity = Sensitivity.parse(in.sensitivity()).label();
        } catch (IllegalArgumentException e) {
            errors.add("sensitivity", "exitproject.error.sensitivity");
        }
        required(errors, "name", in.name(), 200);
        optional(errors, "description", in.description(), 4000);
        optional(errors, "covers", in.covers(), 400);
        errors.throwIfAny();
        Entry<Item> e = insert(id, UUID.randomUUID(), Kind.ITEM, new Item(category, in.name().strip(),
                trim(in.description()), sensitivity, trim(in.covers())), access);
        reopen(id, e.recordedAt(), "item added");
        events.publishEvent(AuditableEvent.success("exit-project.item.add", "exit-project", id,
                category + ": " + e.data().name()));
        return e;
    }

    /** The customer's review and approval of the inventory (JR/T 8.1.3); any later change reopens it. */
    public ProjectInfo approveInventory(UUID id) {
        Access access = access(id);
        access.requireCustomer("approving the hand-over inventory");
        open(id, "inventory", ExitStatus.PLANNING, ExitStatus.HANDOVER);
        ProjectView v = view(access);
        if (v.manifests().isEmpty() && v.items().isEmpty()) {
            throw new ConflictException("exit-precondition", "exitproject.conflict.inventoryEmpty");
        }
        repo.approveInventory(id, access.user().username(), clock.instant());
        events.publishEvent(AuditableEvent.success("exit-project.inventory.approve", "exit-project", id,
                v.manifests().size() + " manifests, " + v.items().size() + " items"));
        return repo.find(id).orElseThrow();
    }

    private void reopen(UUID id, Instant now, String why) {
        if (repo.reopenInventory(id, now)) {
            events.publishEvent(AuditableEvent.success("exit-project.inventory.reopen", "exit-project", id, why));
        }
    }

    // --- verification

    /**
     * Records the signed JSON report of a {@code yunjian exit verify --json --key …} run, read through
     * {@link SignedVerificationReport}: only the customer records one, and only when it names an approved manifest of
     * this project (file and signature digest), its verdict agrees with its findings and its signature is valid;
     * each refusal names the problem (400).
     */
    public Entry<Verification> recordVerification(UUID id, String fileName, byte[] report, String note) {
        Access access = access(id);
        access.require(access.mayVerify(), "recording verification runs");
        if (!access.isCustomer()) {
            throw new FieldErrors.ValidationException("file", "exitproject.report.notCustomer");
        }
        open(id, "verification", ExitStatus.VERIFICATION);
        if (report == null || report.length == 0) {
            throw new FieldErrors.ValidationException("file", "exitproject.error.required");
        }
        textRules.require("note", note, Text.Kind.LINES);
        SignedVerificationReport.Read read = readReport(report);
        SignedVerificationReport r = read.report();
        List<Entry<?>> all = repo.records(id).stream().<Entry<?>>map(this::entry).toList();
        boolean approved = access.project().inventoryApproved();
        List<Entry<Manifest>> manifests = of(all, Kind.MANIFEST);
        Entry<Manifest> verified = manifests.stream()
                .filter(m -> m.data().fileSm3().equals(r.manifestSm3())
                        && java.util.Objects.equals(m.data().signatureSm3(), r.manifestSignatureSm3()))
                .findFirst().orElse(null);
        if (verified == null || !approved) {
            throw new FieldErrors.ValidationException("file", "exitproject.report.otherManifest");
        }
        if (!read.signed()) {
            throw new FieldErrors.ValidationException("file", "exitproject.report.unsigned");
        }
        if (read.signedBy(verifierKeys(access)) == null) {
            throw new FieldErrors.ValidationException("file", "exitproject.report.notVerifier");
        }
        Totals t = r.totals();
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("expected", t.expected());
        totals.put("ok", t.ok());
        totals.put("missing", t.missing());
        totals.put("extra", t.extra());
        totals.put("sizeMismatch", t.sizeMismatch());
        totals.put("hashMismatch", t.hashMismatch());
        totals.put("unreadable", t.unreadable());
        totals.put("bytesHashed", t.bytesHashed());
        Verification v = new Verification(safeName(fileName, "report.json"), read.sm3(), str(r.target()),
                str(r.algorithm()), r.manifestSignature().name(), str(r.signatureDetail()), r.clean(), r.interrupted(),
                totals, r.findings().size(), trim(note), r.manifestSm3(), r.manifestSignatureSm3(), str(r.tool()),
                read.signer());
        UUID recordId = UUID.randomUUID();
        Entry<Verification> e = insert(id, recordId, Kind.VERIFICATION, v, access);
        Path received = files.receive(id, new java.io.ByteArrayInputStream(report));
        files.keep(received, id, recordId);
        events.publishEvent(AuditableEvent.success("exit-project.verification.record", "exit-project", id,
                (v.clean() ? "clean" : "differences") + ", report sm3:" + v.reportSm3() + ", manifest sm3:"
                        + v.manifestSm3()));
        return e;
    }

    /** The report through its one contract type; a report that is not one is refused naming why. */
    static SignedVerificationReport.Read readReport(byte[] report) {
        try {
            return SignedVerificationReport.read(report);
        } catch (SignedVerificationReport.Invalid e) {
            throw new FieldErrors.ValidationException("file", "exitproject.report." + switch (e.reason()) {
                case MALFORMED -> "malformed";
                case NOT_CANONICAL -> "notCanonical";
                case VERDICT_DISAGREES -> "verdictDisagrees";
                case BAD_SIGNATURE -> "badSignature";
            });
        }
    }

    /** The keys a verification report may be signed with: the verifier key registered on the project. */
    private static List<PublicKey> verifierKeys(Access access) {
        String pem = access.project().verifierKeyPem();
        return pem == null ? List.of() : List.of(Keys.readPublicKey(pem));
    }

    /** A text field of an uploaded report, as stored and shown: what no document can carry becomes U+FFFD. */
    private static String str(Object o) {
        return o instanceof String s ? Text.safe(s) : null;
    }

    // --- object storage

    /**
     * Records the JSON report of a {@code yunjian exit check-deleted --json} run over an object-storage bucket or
     * prefix (provider, customer or agent; phase DELETION). The report is read with
     * {@link BucketDeletionCheck.Report#parse(String)} and refused (400 naming the problem) when it is not one, is
     * inconsistent or exceeds {@code yunjian.exit-project.storage-check-max-size}; it is kept as evidence.
     */
    public Entry<StorageCheck> recordStorageCheck(UUID id, String fileName, byte[] report, String note) {
        Access access = access(id);
        access.require(access.mayCheckStorage(), "recording object-storage deletion checks");
        open(id, "storageCheck", ExitStatus.DELETION);
        if (report == null || report.length == 0) {
            throw new FieldErrors.ValidationException("file", "exitproject.error.required");
        }
        if (report.length > storageCheckMaxSize) {
            throw new FieldErrors.ValidationException("file", "exitproject.error.checkTooLarge",
                    Formats.size(storageCheckMaxSize));
        }
        FieldErrors errors = new FieldErrors();
        optional(errors, "note", note, 4000);
        errors.throwIfAny();
        StorageCheck c = parseStorageCheck(safeName(fileName, "check-deleted.json"), report, trim(note));
        UUID recordId = UUID.randomUUID();
        Entry<StorageCheck> e = insert(id, recordId, Kind.STORAGE_CHECK, c, access);
        files.keep(files.receive(id, new java.io.ByteArrayInputStream(report)), id, recordId);
        events.publishEvent(AuditableEvent.success("exit-project.storage-check.record", "exit-project", id,
                c.location() + (c.empty() ? " empty" : " " + c.remaining() + " remaining") + ", report sm3:"
                        + c.reportSm3()));
        return e;
    }

    static StorageCheck parseStorageCheck(String name, byte[] report, String note) {
        BucketDeletionCheck.Report r;
        try {
            r = BucketDeletionCheck.Report.parse(new String(report, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new FieldErrors.ValidationException("file", "exitproject.error.notCheckReport");
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("current", r.current());
        totals.put("nonCurrent", r.nonCurrent());
        totals.put("deleteMarkers", r.deleteMarkers());
        totals.put("multipartUploads", r.multipartUploads());
        totals.put("bytes", r.bytes());
        return new StorageCheck(name, Sm3.hex(report), r.target(), r.bucket(), r.prefix(), r.checkedAt().toString(),
                r.empty(), totals, r.remaining().size(), note);
    }

    // --- deletion

    /** The customer's written authorisation to delete, with the retention period before deletion. */
    public Entry<Authorisation> authorise(UUID id, Authorisation in) {
        Access access = access(id);
        access.requireCustomer("authorising the deletion");
        open(id, "authorisation", ExitStatus.VERIFICATION, ExitStatus.DELETION);
        if (view(access).deletion().isPresent()) {
            throw new ConflictException("exit-deletion-recorded", "exitproject.conflict.deletionRecorded");
        }
        FieldErrors errors = new FieldErrors();
        required(errors, "signatory", in.signatory(), 200);
        required(errors, "scope", in.scope(), 4000);
        optional(errors, "reference", in.reference(), 200);
        LocalDate today = today();
        if (in.authorisedOn() == null) {
            errors.add("authorisedOn", "exitproject.error.required");
        } else if (in.authorisedOn().isAfter(today)) {
            errors.add("authorisedOn", "exitproject.error.future");
        }
        if (in.retainUntil() == null) {
            errors.add("retainUntil", "exitproject.error.retainUntil");
        } else if (in.authorisedOn() != null && in.retainUntil().isBefore(in.authorisedOn())) {
            errors.add("retainUntil", "exitproject.error.beforeAuthorisation");
        }
        errors.throwIfAny();
        Entry<Authorisation> e = insert(id, UUID.randomUUID(), Kind.AUTHORISATION, new Authorisation(
                in.signatory().strip(), trim(in.reference()), in.scope().strip(), in.authorisedOn(), in.retainUntil()),
                access);
        events.publishEvent(AuditableEvent.success("exit-project.deletion.authorise", "exit-project", id,
                "retain until " + in.retainUntil()));
        return e;
    }

    public Entry<DeletionPlan> plan(UUID id, DeletionPlan in) {
        Access access = access(id);
        access.requireProvider("the deletion plan");
        open(id, "plan", ExitStatus.VERIFICATION, ExitStatus.DELETION);
        FieldErrors errors = new FieldErrors();
        required(errors, "scope", in.scope(), 4000);
        required(errors, "method", in.method(), 4000);
        required(errors, "backups", in.backups(), 4000);
        optional(errors, "note", in.note(), 4000);
        if (in.plannedOn() == null) {
            errors.add("plannedOn", "exitproject.error.required");
        }
        errors.throwIfAny();
        Entry<DeletionPlan> e = insert(id, UUID.randomUUID(), Kind.DELETION_PLAN, new DeletionPlan(in.scope().strip(),
                in.method().strip(), in.backups().strip(), in.plannedOn(), trim(in.note())), access);
        events.publishEvent(AuditableEvent.success("exit-project.deletion.plan", "exit-project", id,
                "planned on " + in.plannedOn()));
        return e;
    }

    /**
     * The provider's record that the data and all backups were deleted. Needs the customer's written authorisation
     * and a plan, and is refused (409 {@code retention-period}) before the retention period ends by the clock.
     */
    public Entry<Deletion> recordDeletion(UUID id, Deletion in) {
        Access access = access(id);
        access.requireProvider("recording the deletion");
        open(id, "deletion", ExitStatus.DELETION);
        ProjectView v = view(access);
        if (v.deletion().isPresent()) {
            throw new ConflictException("exit-deletion-recorded", "exitproject.conflict.deletionRecorded");
        }
        Authorisation auth = v.authorisation().map(Entry::data).orElseThrow(() -> new ConflictException(
                "exit-precondition", "exitproject.conflict.noAuthorisation"));
        if (v.plan().isEmpty()) {
            throw new ConflictException("exit-precondition", "exitproject.conflict.noPlan");
        }
        LocalDate today = today();
        if (today.isBefore(auth.retainUntil())) {
            throw new ConflictException("exit-retention-period", "exitproject.conflict.retention",
                    auth.retainUntil().toString(), today.toString());
        }
        FieldErrors errors = new FieldErrors();
        if (in.deletedOn() == null) {
            errors.add("deletedOn", "exitproject.error.required");
        } else if (in.deletedOn().isAfter(today)) {
            errors.add("deletedOn", "exitproject.error.future");
        } else if (in.deletedOn().isBefore(auth.retainUntil())) {
            errors.add("deletedOn", "exitproject.error.beforeRetention", Formats.date(auth.retainUntil()));
        }
        required(errors, "scope", in.scope(), 4000);
        required(errors, "method", in.method(), 4000);
        required(errors, "backups", in.backups(), 4000);
        required(errors, "operator", in.operator(), 200);
        required(errors, "witness", in.witness(), 200);
        required(errors, "result", in.result(), 4000);
        errors.throwIfAny();
        Entry<Deletion> e = insert(id, UUID.randomUUID(), Kind.DELETION, new Deletion(in.deletedOn(),
                in.scope().strip(), in.method().strip(), in.backups().strip(), in.operator().strip(),
                in.witness().strip(), in.result().strip()), access);
        events.publishEvent(AuditableEvent.success("exit-project.deletion.record", "exit-project", id,
                "deleted on " + in.deletedOn()));
        return e;
    }

    /**
     * A media sanitisation record (GB/T 31167 9.4 c). A medium that held sensitive data is never released for
     * public data (9.4 c 3): such a record is refused with a 400 naming the rule.
     */
    public Entry<Sanitisation> recordSanitisation(UUID id, Sanitisation in) {
        Access access = access(id);
        access.requireProvider("recording media sanitisation");
        open(id, "sanitisation", ExitStatus.DELETION);
        FieldErrors errors = new FieldErrors();
        required(errors, "mediumId", in.mediumId(), 200);
        required(errors, "mediumType", in.mediumType(), 200);
        required(errors, "operator", in.operator(), 200);
        required(errors, "witness", in.witness(), 200);
        required(errors, "result", in.result(), 4000);
        if (in.method() == null) {
            errors.add("method", "exitproject.error.method");
        }
        if (in.nextUse() == null) {
            errors.add("nextUse", "exitproject.error.required");
        } else if (in.heldSensitive() && in.nextUse() == NextUse.PUBLIC_DATA) {
            errors.add("nextUse", "exitproject.error.sensitiveToPublic");
        } else if (in.method() == SanitisationMethod.DESTROY && in.nextUse() != NextUse.NONE) {
            errors.add("nextUse", "exitproject.error.destroyed");
        }
        if (in.date() == null) {
            errors.add("date", "exitproject.error.required");
        } else if (in.date().isAfter(today())) {
            errors.add("date", "exitproject.error.future");
        }
        errors.throwIfAny();
        Entry<Sanitisation> e = insert(id, UUID.randomUUID(), Kind.SANITISATION, new Sanitisation(
                in.mediumId().strip(), in.mediumType().strip(), in.heldSensitive(), in.method(), in.nextUse(),
                in.operator().strip(), in.witness().strip(), in.date(), in.result().strip()), access);
        events.publishEvent(AuditableEvent.success("exit-project.sanitisation.record", "exit-project", id,
                in.mediumId() + " " + in.method() + " -> " + in.nextUse()));
        return e;
    }

    /** A device disposal record (JR/T 8.2.2) — private clouds only. */
    public Entry<Disposal> recordDisposal(UUID id, Disposal in) {
        Access access = access(id);
        access.requireProvider("recording device disposal");
        open(id, "disposal", ExitStatus.DELETION);
        if (access.system().deploymentModel() != DeploymentModel.PRIVATE) {
            throw new ConflictException("exit-not-private-cloud", "exitproject.conflict.notPrivateCloud",
                    access.system().deploymentModel());
        }
        FieldErrors errors = new FieldErrors();
        required(errors, "deviceId", in.deviceId(), 200);
        required(errors, "deviceType", in.deviceType(), 200);
        required(errors, "location", in.location(), 200);
        required(errors, "state", in.state(), 200);
        required(errors, "sanitisation", in.sanitisation(), 4000);
        required(errors, "participants", in.participants(), 1000);
        required(errors, "residualCheck", in.residualCheck(), 4000);
        if (in.action() == null) {
            errors.add("action", "exitproject.error.action");
        }
        if (in.date() == null) {
            errors.add("date", "exitproject.error.required");
        } else if (in.date().isAfter(today())) {
            errors.add("date", "exitproject.error.future");
        }
        errors.throwIfAny();
        Entry<Disposal> e = insert(id, UUID.randomUUID(), Kind.DISPOSAL, new Disposal(in.deviceId().strip(),
                in.deviceType().strip(), in.location().strip(), in.state().strip(), in.action(),
                in.sanitisation().strip(), in.participants().strip(), in.residualCheck().strip(), in.date()), access);
        events.publishEvent(AuditableEvent.success("exit-project.disposal.record", "exit-project", id,
                in.deviceId() + " " + in.action()));
        return e;
    }

    // --- certificate

    /**
     * Issues the SM2-signed deletion certificate (customer or system administrator) once the deletion is recorded
     * and the checklist complete; the project's records are frozen from then on.
     */
    public CertificateInfo issueCertificate(UUID id) {
        Access access = access(id);
        access.require(access.mayIssue(), "issuing the deletion certificate");
        lock(id);
        ProjectView v = view(access);
        List<String> blockers = v.certificateBlockers();
        if (!blockers.isEmpty()) {
            throw new ConflictException(v.certificate().isPresent() ? "exit-certificate-issued" : "exit-precondition",
                    "exitproject.conflict.cannotIssue", String.join("; ", blockers));
        }
        CertificateInfo c = certificates.issue(v, clock.instant());
        repo.insertCertificate(c);
        events.publishEvent(AuditableEvent.success("exit-project.certificate.issue", "exit-project", id,
                "certificate " + c.certificateId() + " sm3:" + c.sm3()));
        events.publishEvent(new DeletionCertificateIssued(id, v.project().systemId(), c.certificateId(), c.sm3(),
                c.issuedAt()));
        return c;
    }

    /** The issued certificate (404 if none yet); records the download. */
    public CertificateInfo certificate(UUID id, String format) {
        access(id);
        CertificateInfo c = repo.certificate(id).orElseThrow(() -> new NotFoundException("deletion certificate", id));
        events.publishEvent(AuditableEvent.success("exit-project.certificate.export", "exit-project", id, format));
        return c;
    }

    /** The certificate for people: a PDF with the same facts, the JSON's SM3 and signature. */
    public byte[] certificatePdf(UUID id) {
        CertificateInfo c = certificate(id, "pdf");
        return certificates.pdf(c);
    }

    /**
     * The platform's certificate signing key (PEM), for offline verification. Public: whoever is handed a
     * certificate — a regulator, an auditor without an account — needs it to check the signature.
     */
    public String signingKeyPem() {
        return certificates.publicKeyPem();
    }

    // --- helpers

    private <T> Entry<T> insert(UUID projectId, UUID recordId, Kind kind, T data, Access access) {
        Instant now = clock.instant();
        repo.insertRecord(projectId, new ExitProjectRepository.Row(recordId, kind, json.writeValueAsString(data),
                access.user().username(), access.user().organizationId(), now));
        return new Entry<>(recordId, kind, data, access.user().username(), access.user().organizationId(), now);
    }

    /**
     * One thing that still stands between an exit project and its certificate: a message code
     * ({@code exitproject.blocker.<code>} on the page) and its arguments.
     */
    public record Blocker(String code, Object... args) {

        public String english() {
            return switch (code) {
                case "issued" -> "the certificate has been issued";
                case "phase" -> "the project is not in phase DELETION";
                case "checklist" -> "the GB/T 31167 9.1 checklist has open items";
                case "inventory" -> "the hand-over inventory is not approved";
                case "verification" -> "no clean verification run";
                case "authorisation" -> "no written deletion authorisation";
                case "deletion" -> "the deletion has not been recorded";
                case "storage" -> "object storage " + args[0] + " is not confirmed empty: the check of " + args[1] + " found "
                        + args[2] + " current objects, " + args[3] + " non-current versions, " + args[4]
                        + " delete markers, " + args[5] + " unfinished uploads";
                default -> throw new IllegalStateException(code);
            };
        }
    }

    /** A stored evidence file and the kind of record it belongs to. */
    public record EvidenceFile(Path path, Kind kind) {
    }

    /**
     * The stored file of a manifest, verification or object-storage check record, byte for byte as uploaded, for
     * whoever may see the project; the export is audited.
     */
    public EvidenceFile evidenceFile(UUID id, UUID recordId) {
        access(id);
        Kind kind = repo.records(id).stream().filter(r -> r.id().equals(recordId)).map(ExitProjectRepository.Row::kind)
                .filter(k -> k == Kind.MANIFEST || k == Kind.VERIFICATION || k == Kind.STORAGE_CHECK).findFirst()
                .orElseThrow(() -> new NotFoundException("ExitProjectFile", recordId));
        Path path = files.path(id, recordId);
        events.publishEvent(AuditableEvent.success("exit-project.evidence.export", "exit-project", id,
                kind.name().toLowerCase(java.util.Locale.ROOT) + " " + recordId));
        return new EvidenceFile(path, kind);
    }

    /** Today in China Standard Time, by the injected clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    private void required(FieldErrors errors, String field, String value, int max) {
        if (blank(value)) {
            errors.add(field, "exitproject.error.required");
        } else {
            optional(errors, field, value, max);
        }
    }

    /** Up to 200 characters is a one-line field (names, operator, witness); longer ones may hold lines. */
    private void optional(FieldErrors errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(field, "exitproject.error.tooLong", max);
        } else {
            textRules.check(errors, field, value, max <= 200 ? Text.Kind.LINE : Text.Kind.LINES);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String safeName(String name, String fallback) {
        return Text.fileName(name, fallback);
    }
}
