package org.yunjian.migration.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanAccesses;
import org.yunjian.migration.MigrationAcceptance;
import org.yunjian.migration.MigrationAcceptanceResult;
import org.yunjian.migration.MigrationCheck;
import org.yunjian.migration.MigrationCheckMethod;
import org.yunjian.migration.MigrationPlan;
import org.yunjian.migration.MigrationStep;
import org.yunjian.migration.MigrationStepStatus;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.vault.Vault;

/**
 * A system's migration plan (《迁移实施方案》): steps, rollback plan and trigger, data migration checks, parallel
 * running, acceptance tests. The customer keeps all of it; the provider changes the steps it owns and records
 * checks; the system's assessors and the customer record acceptance tests; other organisations of the system read
 * the steps and tests naming them. The rules are the domain types'; this reads, stores and audits.
 */
@Service
@Transactional
public class MigrationService {

    static final int LONG = 10_000, MEDIUM = 2_000, SHORT = 500;

    private final PlanAccesses accesses;
    private final MigrationRepository repo;
    private final OpsFields fields;
    private final OpsFileRepository files;
    private final MigrationDocx docx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MigrationService(
            PlanAccesses accesses,
            MigrationRepository repo,
            OpsFields fields,
            OpsFileRepository files,
            MigrationDocx docx,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accesses = accesses;
        this.repo = repo;
        this.fields = fields;
        this.files = files;
        this.docx = docx;
        this.events = events;
        this.clock = clock;
    }

    /** The plan as typed; {@code version}: the stored plan's version it replaces, 0 for none yet (or If-Match). */
    public record MigrationPlanInput(
            String rollbackPlan,
            String rollbackTrigger,
            String parallelStart,
            String parallelEnd,
            String parallelNotes,
            Long version) {}

    /**
     * A step as typed; a blank position appends it, a blank status is 计划中; {@code version}: the step's version a
     * change replaces (or If-Match).
     */
    public record StepInput(
            String position,
            String description,
            String ownerOrg,
            String windowStart,
            String windowEnd,
            String status,
            Long version) {}

    public record CheckInput(String subject, String method, String sourceValue, String targetValue, String checkedOn) {}

    public record AcceptanceInput(String test, String result, String testedOn, String notes) {}

    /**
     * The plan as the caller may see it.
     *
     * @param plan          rollback and parallel running, or null for a caller who sees only what names it
     * @param organisations the system's organisations by name
     */
    public record View(
            PlanAccess access,
            MigrationPlan plan,
            List<MigrationStep> steps,
            List<MigrationCheck> checks,
            List<MigrationAcceptance> acceptances,
            Map<UUID, String> organisations) {

        public boolean mayEditPlan() {
            return access.isCustomer();
        }

        public boolean mayEditStep(MigrationStep s) {
            return access.isCustomer() || access.isProvider() && access.is(s.ownerOrg());
        }

        public boolean mayRecordCheck() {
            return access.isCustomer() || access.isProvider();
        }

        public boolean mayRecordAcceptance() {
            return access.isCustomer() || access.assessor() && access.user().organizationId() != null;
        }

        public String org(UUID id) {
            return id == null ? "—" : organisations.getOrDefault(id, "—");
        }
    }

    /** A stored file, opened and verified, with the name to serve it under. */
    public record Download(byte[] content, String fileName, String contentType, String sm3) {}

    public record Export(byte[] content, DownloadName name) {}

    @Transactional(readOnly = true)
    public View view(UUID systemId) {
        PlanAccess a = accesses.of(systemId);
        Map<UUID, String> orgs = fields.organisations(a.system());
        if (a.seesWholePlan()) {
            return new View(
                    a,
                    repo.plan(systemId),
                    repo.steps(systemId),
                    repo.checks(systemId),
                    repo.acceptances(systemId),
                    orgs);
        }
        return new View(
                a,
                null,
                repo.steps(systemId).stream().filter(s -> a.is(s.ownerOrg())).toList(),
                List.of(),
                repo.acceptances(systemId).stream()
                        .filter(t -> a.is(t.testerOrg()))
                        .toList(),
                orgs);
    }

    /**
     * Saves the rollback plan and parallel running over the version read ({@code version}; {@code null} where the
     * caller acts on the plan as stored now, e.g. the command line or seeding).
     */
    public MigrationPlan savePlan(UUID systemId, ExpectedVersion version, MigrationPlanInput in) {
        PlanAccess a = accesses.of(systemId);
        a.requireCustomer();
        FieldErrors errors = new FieldErrors();
        String rollback = fields.text(errors, "rollbackPlan", in.rollbackPlan(), LONG, false, Text.Kind.LINES);
        String trigger = fields.text(errors, "rollbackTrigger", in.rollbackTrigger(), MEDIUM, false, Text.Kind.LINES);
        LocalDate start = fields.date(errors, "parallelStart", in.parallelStart(), false);
        LocalDate end = fields.date(errors, "parallelEnd", in.parallelEnd(), false);
        String notes = fields.text(errors, "parallelNotes", in.parallelNotes(), MEDIUM, false, Text.Kind.LINES);
        MigrationPlan.check(errors, rollback, trigger, start, end);
        errors.throwIfAny();
        long stored = repo.plan(systemId).version();
        long expected = version == null ? stored : version.value();
        MigrationPlan p = new MigrationPlan(
                systemId, rollback, trigger, start, end, notes, a.user().username(), clock.instant(), expected + 1);
        repo.savePlan(p, expected);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.migration.plan",
                "lifecycle-migration-plan",
                systemId,
                Msg.of("lifecycle.ops.audit.migrationPlan", a.system().name())));
        return p;
    }

    public MigrationStep addStep(UUID systemId, StepInput in) {
        PlanAccess a = accesses.of(systemId);
        a.requireCustomer();
        MigrationStep s = step(a, UUID.randomUUID(), in, repo.nextPosition(systemId), 0);
        repo.insertStep(s);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.migration.step.add",
                "lifecycle-migration-step",
                s.id(),
                Msg.of(
                        "lifecycle.ops.audit.stepAdd",
                        s.position(),
                        s.description(),
                        a.system().name())));
        return s;
    }

    /**
     * Changes a step over the version read ({@code version}; {@code null} where the caller acts on the step as stored
     * now: the command line).
     */
    public MigrationStep updateStep(UUID systemId, UUID stepId, ExpectedVersion version, StepInput in) {
        PlanAccess a = accesses.of(systemId);
        MigrationStep old = repo.step(systemId, stepId)
                .filter(s -> a.seesWholePlan() || a.is(s.ownerOrg()))
                .orElseThrow(() -> new NotFoundException("lifecycle-migration-step", stepId));
        FieldErrors probe = new FieldErrors();
        UUID newOwner = fields.id(probe, "ownerOrg", in.ownerOrg(), false);
        old.requireEditableBy(a.isCustomer(), a.isProvider(), a.user().organizationId(), newOwner);
        MigrationStep s = step(
                a,
                stepId,
                new StepInput(
                        in.position(),
                        in.description(),
                        in.ownerOrg() == null || in.ownerOrg().isBlank()
                                ? old.ownerOrg().toString()
                                : in.ownerOrg(),
                        in.windowStart(),
                        in.windowEnd(),
                        in.status(),
                        null),
                old.position(),
                old.version() + 1);
        repo.updateStep(s, version == null ? old.version() : version.value());
        events.publishEvent(AuditableEvent.success(
                "lifecycle.migration.step.update",
                "lifecycle-migration-step",
                s.id(),
                Msg.of(
                        "lifecycle.ops.audit.stepUpdate",
                        s.position(),
                        s.description(),
                        Msg.of(s.status()),
                        a.system().name())));
        return s;
    }

    private MigrationStep step(PlanAccess a, UUID id, StepInput in, int defaultPosition, long version) {
        FieldErrors errors = new FieldErrors();
        Integer position = defaultPosition;
        if (in.position() != null && !in.position().isBlank()) {
            try {
                position = Integer.parseInt(in.position().strip());
                if (position < 1 || position > 999) {
                    errors.add("position", "lifecycle.ops.error.position");
                }
            } catch (NumberFormatException e) {
                errors.add("position", "lifecycle.ops.error.position");
            }
        }
        String description = fields.text(errors, "description", in.description(), MEDIUM, true, Text.Kind.LINES);
        UUID owner = fields.id(errors, "ownerOrg", in.ownerOrg(), true);
        MigrationStep.checkOwner(
                errors, "ownerOrg", owner, fields.organisations(a.system()).keySet());
        var start = fields.time(errors, "windowStart", in.windowStart());
        var end = fields.time(errors, "windowEnd", in.windowEnd());
        MigrationStep.checkWindow(errors, start, end);
        MigrationStepStatus status = in.status() == null || in.status().isBlank()
                ? MigrationStepStatus.PLANNED
                : fields.constant(errors, "status", MigrationStepStatus.class, in.status());
        errors.throwIfAny();
        return new MigrationStep(
                id,
                a.system().id(),
                position,
                description,
                owner,
                start,
                end,
                status,
                a.user().username(),
                clock.instant(),
                version);
    }

    public MigrationCheck addCheck(UUID systemId, CheckInput in) {
        PlanAccess a = accesses.of(systemId);
        if (!a.isCustomer() && !a.isProvider()) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.ops.denied.check"));
        }
        FieldErrors errors = new FieldErrors();
        String subject = fields.text(errors, "subject", in.subject(), SHORT, true, Text.Kind.LINE);
        MigrationCheckMethod method = fields.constant(errors, "method", MigrationCheckMethod.class, in.method());
        String source = fields.text(errors, "sourceValue", in.sourceValue(), SHORT, true, Text.Kind.LINE);
        String target = fields.text(errors, "targetValue", in.targetValue(), SHORT, true, Text.Kind.LINE);
        LocalDate on = fields.date(errors, "checkedOn", in.checkedOn(), true);
        errors.throwIfAny();
        MigrationCheck c = new MigrationCheck(
                UUID.randomUUID(),
                systemId,
                subject,
                method,
                source,
                target,
                on,
                a.user().username(),
                clock.instant());
        repo.insertCheck(c);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.migration.check",
                "lifecycle-migration-check",
                c.id(),
                Msg.of(
                        "lifecycle.ops.audit.check",
                        subject,
                        Msg.of(c.matches() ? "lifecycle.ops.check.match" : "lifecycle.ops.check.mismatch"),
                        a.system().name())));
        return c;
    }

    /** Records an acceptance test with its evidence files; a refused file refuses the whole record. */
    public MigrationAcceptance recordAcceptance(
            UUID systemId, AcceptanceInput in, List<OpsFileRepository.Upload> uploads) {
        PlanAccess a = accesses.of(systemId);
        if (!a.isCustomer() && !(a.assessor() && a.user().organizationId() != null)) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.ops.denied.acceptance"));
        }
        FieldErrors errors = new FieldErrors();
        String test = fields.text(errors, "test", in.test(), SHORT, true, Text.Kind.LINE);
        MigrationAcceptanceResult result =
                fields.constant(errors, "result", MigrationAcceptanceResult.class, in.result());
        LocalDate on = fields.date(errors, "testedOn", in.testedOn(), true);
        if (on != null && on.isAfter(LocalDate.now(clock.withZone(Formats.zone())))) {
            errors.add("testedOn", "lifecycle.ops.error.testedOnFuture");
        }
        String notes = fields.text(errors, "notes", in.notes(), MEDIUM, false, Text.Kind.LINES);
        errors.throwIfAny();
        List<Vault.Sealed> sealed = files.seal("files", uploads);
        MigrationAcceptance t = new MigrationAcceptance(
                UUID.randomUUID(),
                systemId,
                test,
                result,
                a.user().organizationId(),
                a.user().username(),
                on,
                notes,
                clock.instant(),
                sealed);
        repo.insertAcceptance(t);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.migration.acceptance",
                "lifecycle-migration-acceptance",
                t.id(),
                Msg.of(
                        "lifecycle.ops.audit.acceptance",
                        test,
                        Msg.of(result),
                        sealed.size(),
                        a.system().name())));
        return t;
    }

    /** An evidence file of an acceptance test the caller may see, opened and verified against its SM3. */
    @Transactional(readOnly = true)
    public Download file(UUID systemId, UUID fileId) {
        View v = view(systemId);
        OpsFileRepository.Found f = files.find(systemId, fileId)
                .filter(x -> x.kind() == OpsFileRepository.Owner.ACCEPTANCE)
                .filter(x -> v.acceptances().stream().anyMatch(t -> t.id().equals(x.ownerId())))
                .orElseThrow(() -> new NotFoundException("lifecycle-file", fileId));
        return new Download(
                files.open(f.sealed()),
                f.sealed().servedName(),
                f.sealed().contentType(),
                f.sealed().sm3());
    }

    /** 《迁移实施方案》 as a Word document in Chinese, for those who see the whole plan; the export is audited. */
    public Export docx(UUID systemId) {
        View v = view(systemId);
        if (!v.access().seesWholePlan()) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.ops.denied.wholePlan"));
        }
        byte[] content = docx.render(v, LocalDate.now(clock.withZone(Formats.zone())));
        events.publishEvent(AuditableEvent.success(
                "lifecycle.migration.export",
                "lifecycle-migration-plan",
                systemId,
                Msg.of(
                        "lifecycle.ops.audit.migrationExport",
                        v.access().system().name())));
        return new Export(
                content,
                DownloadName.of(
                        "lifecycle.ops.migration.fileName",
                        "migration-plan",
                        v.access().system().name(),
                        null,
                        clock.instant(),
                        "docx"));
    }
}
