package org.yunjian.findings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.catalog.ControlMap;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.findings.FindingRecords.Finding;
import org.yunjian.findings.FindingRecords.Import;
import org.yunjian.findings.FindingRecords.Target;
import org.yunjian.findings.FindingRecords.TargetState;
import org.yunjian.findings.OscalSource.Entry;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.vault.Vault;

/**
 * Imports an OSCAL assessment-results or POA&amp;M file into an assessment (its assessors, while it is open): the
 * file must be OSCAL 1.0.4–1.1.x, valid against the official schema of its model and at most {@value #MAX_BYTES}
 * bytes, else nothing is stored and the 400 names the problem. Each finding is placed on the test items of the
 * Chinese items its control maps to ({@link ForeignControls}); a finding whose control maps nowhere is kept as
 * unmapped. The file is sealed like evidence ({@link Vault}). Reading the imports is for the assessor
 * organisation only: until an assessor adopts a finding into an item's record it is working material, and the
 * customer sees what was adopted as it sees every record.
 */
@Service
@Transactional
public class FindingImports {

    /** The largest file imported: NIST's examples are a few dozen KiB, a year of monthly results a few MiB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final Pattern VERSION = Pattern.compile("^1\\.(0\\.([4-9]|\\d{2,})|1\\.\\d+)$");
    private static final int TEXT_MAX = 20_000;

    private final AssessmentService assessments;
    private final AssessmentReads repo;
    private final FindingsRepository findings;
    private final ForeignControls crosswalk;
    private final Vault vault;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FindingImports(
            AssessmentService assessments,
            AssessmentReads repo,
            FindingsRepository findings,
            ForeignControls crosswalk,
            Vault vault,
            ApplicationEventPublisher events,
            Clock clock) {
        this.assessments = assessments;
        this.repo = repo;
        this.findings = findings;
        this.crosswalk = crosswalk;
        this.vault = vault;
        this.events = events;
        this.clock = clock;
    }

    /** One finding with where it goes; no target: unmapped. */
    public record Placed(Finding finding, List<Target> targets) {
        public boolean unmapped() {
            return targets.isEmpty();
        }
    }

    /** An import with its findings, mapped first in source order, then the unmapped. */
    public record View(Import source, List<Placed> mapped, List<Placed> unmapped, boolean mayDecide) {
        public int size() {
            return mapped.size() + unmapped.size();
        }

        public long proposed() {
            return mapped.stream()
                    .flatMap(p -> p.targets().stream())
                    .filter(t -> t.state() == TargetState.PROPOSED)
                    .count();
        }
    }

    // --- importing

    /**
     * Checks, seals and stores the file; returns what it brought. {@code kind}: which model the caller expects.
     *
     * @throws ValidationException (400, field {@code file}) empty, too large, not OSCAL JSON or XML, a DTD, another
     *                             model, an unsupported OSCAL version or not valid against the schema
     */
    public View importFile(UUID assessmentId, ImportKind kind, String fileName, byte[] content) {
        Access access = assessments.access(assessmentId);
        access.requireAssessor();
        assessments.requireOpen(assessmentId);
        return importChecked(access, kind, fileName, content);
    }

    /** As {@link #importFile(UUID, ImportKind, String, byte[])} with the kind as a client named it (checked after access). */
    public View importFile(UUID assessmentId, String kind, String fileName, byte[] content) {
        Access access = assessments.access(assessmentId);
        access.requireAssessor();
        assessments.requireOpen(assessmentId);
        return importChecked(access, ImportKind.of(kind), fileName, content);
    }

    private View importChecked(Access access, ImportKind kind, String fileName, byte[] content) {
        UUID assessmentId = access.assessment().id();
        OscalFormat format = check(kind, content);
        OscalSource.Document doc = OscalSource.read(kind, content, format == OscalFormat.XML);
        if (doc.oscalVersion() == null
                || !VERSION.matcher(doc.oscalVersion().strip()).matches()) {
            throw new ValidationException("file", "findings.error.version", String.valueOf(doc.oscalVersion()));
        }
        Vault.Sealed sealed = vault.sealChecked("file", fileName, content, format.mediaType());
        Instant now = clock.instant();
        Import imp = new Import(
                UUID.randomUUID(),
                assessmentId,
                kind,
                format.name(),
                cut(doc.title(), 1000),
                cut(doc.oscalVersion(), 20),
                sealed,
                access.user().username(),
                now);
        findings.insert(imp);
        Map<String, List<TestItem>> items = new HashMap<>();
        repo.items(assessmentId).forEach(i -> items.computeIfAbsent(i.requirementId(), k -> new ArrayList<>())
                .add(i));
        Map<String, String> observedControls = kind == ImportKind.POAM ? observedControls(assessmentId) : Map.of();
        int position = 0;
        int unmapped = 0;
        for (Entry e : doc.entries()) {
            String control = e.controlId();
            if (control == null) {
                control = e.observations().stream()
                        .map(observedControls::get)
                        .filter(c -> c != null)
                        .findFirst()
                        .orElse(null);
            }
            String normalised =
                    control == null ? null : ForeignControls.normalised(control).orElse(control);
            Finding f = new Finding(
                    UUID.randomUUID(),
                    imp.id(),
                    assessmentId,
                    position++,
                    e.kind(),
                    cut(e.uuid(), 64),
                    cut(e.title(), 1000),
                    cut(e.description(), TEXT_MAX),
                    cut(normalised, 100),
                    cut(e.status(), 100),
                    e.deadline(),
                    cut(e.detail(), TEXT_MAX),
                    e.observations());
            findings.insert(f);
            List<ControlMap> maps = normalised == null ? List.of() : crosswalk.mapsOf(normalised);
            if (maps.isEmpty()) {
                unmapped++;
            }
            for (ControlMap m : maps) {
                List<TestItem> of = items.getOrDefault(m.item().value(), List.of());
                if (of.isEmpty()) {
                    findings.insert(target(f, m, null));
                }
                of.forEach(i -> findings.insert(target(f, m, i.id())));
            }
        }
        events.publishEvent(AuditableEvent.success(
                kind == ImportKind.RESULTS ? "findings.import.results" : "findings.import.poam",
                "assessment",
                assessmentId,
                Msg.of(
                        "findings.audit.import",
                        sealed.displayName(),
                        Msg.of(kind),
                        doc.entries().size(),
                        unmapped,
                        sealed.sm3())));
        return view(imp, true);
    }

    private static Target target(Finding f, ControlMap m, UUID itemId) {
        return new Target(
                UUID.randomUUID(),
                f.id(),
                f.assessmentId(),
                m.item().value(),
                itemId,
                m.relationship(),
                m.confidence(),
                TargetState.PROPOSED,
                null,
                null,
                null,
                0);
    }

    /** The file's format, once it passed size, format, model and schema; else the 400 naming the problem. */
    private static OscalFormat check(ImportKind kind, byte[] content) {
        if (content == null) {
            throw new ValidationException("file", "findings.error.file");
        }
        if (content.length == 0) {
            throw new ValidationException("file", "findings.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ValidationException(
                    "file", "findings.error.tooLarge", Formats.size(content.length), Formats.size(MAX_BYTES));
        }
        OscalFormat format = OscalFormat.sniff(content);
        if (format == null) {
            throw new ValidationException("file", "findings.error.notOscal");
        }
        OscalSchemas.Model model =
                kind == ImportKind.RESULTS ? OscalSchemas.Model.ASSESSMENT_RESULTS : OscalSchemas.Model.POAM;
        List<OscalSchemas.Problem> problems = OscalSchemas.validate(model, format, content);
        if (!problems.isEmpty()) {
            String head =
                    new String(content, 0, Math.min(content.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
            String other = kind == ImportKind.RESULTS ? "plan-of-action-and-milestones" : "assessment-results";
            if (head.contains(other)) {
                throw new ValidationException("file", "findings.error.otherModel", Msg.of(kind));
            }
            OscalSchemas.Problem p = problems.get(0);
            throw new ValidationException(
                    "file", "findings.error.schema", p.path(), p.line(), p.message(), problems.size());
        }
        return format;
    }

    /** Observation uuid → control, from the findings of results imported into the assessment before. */
    private Map<String, String> observedControls(UUID assessmentId) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Finding f : findings.findingsOfAssessment(assessmentId, EntryKind.FINDING)) {
            if (f.controlId() != null) {
                f.observations().forEach(o -> out.putIfAbsent(o, f.controlId()));
            }
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // --- reading

    /** The assessment's imports, newest first (the assessor organisation). */
    @Transactional(readOnly = true)
    public List<Import> imports(UUID assessmentId) {
        readable(assessments.access(assessmentId));
        return findings.imports(assessmentId);
    }

    /** One import with its findings (the assessor organisation of its assessment; 404 for anyone else). */
    @Transactional(readOnly = true)
    public View view(UUID importId) {
        Import imp = findings.importOf(importId).orElseThrow(() -> new NotFoundException("finding import", importId));
        Access access;
        try {
            access = assessments.access(imp.assessmentId());
        } catch (NotFoundException e) {
            throw new NotFoundException("finding import", importId);
        }
        readable(access);
        return view(imp, access.mayAssess());
    }

    /** An imported POA&amp;M with the remediations it proposes that are still to be confirmed. */
    public record Pending(UUID importId, String fileName, long count) {}

    /**
     * The POA&amp;M imports of the assessment with proposals still undecided, for the risk register page: the
     * assessor organisation's; empty for anyone else (the customer sees what an assessor confirmed).
     */
    @Transactional(readOnly = true)
    public List<Pending> pendingRemediations(UUID assessmentId) {
        if (!assessments.access(assessmentId).relations().contains(Access.Relation.ASSESSOR_ORG)) {
            return List.of();
        }
        List<Pending> out = new ArrayList<>();
        for (Import i : findings.imports(assessmentId)) {
            if (i.kind() != ImportKind.POAM) {
                continue;
            }
            long n = findings.targetsOfImport(i.id()).stream()
                    .filter(t -> t.state() == TargetState.PROPOSED && t.itemId() != null)
                    .count();
            if (n > 0) {
                out.add(new Pending(i.id(), i.file().displayName(), n));
            }
        }
        return out;
    }

    /** The imported file as stored, opened and verified against its SM3 hash. */
    @Transactional(readOnly = true)
    public byte[] file(UUID importId) {
        View v = view(importId);
        events.publishEvent(AuditableEvent.success(
                "findings.download",
                "finding-import",
                importId,
                Msg.of("findings.audit.download", v.source().file().displayName())));
        return vault.open(v.source().file());
    }

    private View view(Import imp, boolean mayDecide) {
        Map<UUID, List<Target>> byFinding = new LinkedHashMap<>();
        findings.targetsOfImport(imp.id()).forEach(t -> byFinding
                .computeIfAbsent(t.findingId(), k -> new ArrayList<>())
                .add(t));
        List<Placed> mapped = new ArrayList<>();
        List<Placed> unmapped = new ArrayList<>();
        for (Finding f : findings.findings(imp.id())) {
            Placed p = new Placed(f, byFinding.getOrDefault(f.id(), List.of()));
            (p.unmapped() ? unmapped : mapped).add(p);
        }
        return new View(imp, mapped, unmapped, mayDecide);
    }

    /** Reading imports: the assessor organisation (testers, 审核人, 批准人); the customer and provider never. */
    static void readable(Access access) {
        if (!access.relations().contains(Access.Relation.ASSESSOR_ORG)) {
            throw new AccessDeniedException("findings.denied.read");
        }
    }
}
