package org.yunjian.migration.internal;

import static org.yunjian.shared.FieldValues.blank;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanAccesses;
import org.yunjian.migration.Drill;
import org.yunjian.migration.DrillTaskStatus;
import org.yunjian.migration.EmergencyPlan;
import org.yunjian.migration.MigrationStep;
import org.yunjian.obligations.DrillCategory;
import org.yunjian.obligations.DrillHeld;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Emergency plans per scenario and the drills held on a system (《应急预案与演练记录》). The customer keeps the plans;
 * the customer and the provider record drills (saving one publishes {@link DrillHeld}, from which the obligations
 * calendar counts the next drill); the organisation a follow-up task is assigned to, and the customer, mark it done.
 * Other organisations of the system read the plans they are responsible for and the tasks assigned to them.
 */
@Service
@Transactional
public class DrillService {

    static final int MAX_TASKS = 50;

    private final PlanAccesses accesses;
    private final DrillRepository repo;
    private final OpsFields fields;
    private final DrillDocx docx;
    private final ApplicationEventPublisher events;
    private final MigrationWork work;
    private final Clock clock;

    DrillService(
            PlanAccesses accesses,
            DrillRepository repo,
            OpsFields fields,
            DrillDocx docx,
            ApplicationEventPublisher events,
            MigrationWork work,
            Clock clock) {
        this.accesses = accesses;
        this.repo = repo;
        this.fields = fields;
        this.docx = docx;
        this.events = events;
        this.work = work;
        this.clock = clock;
    }

    /** A plan as typed; {@code version} is the version of the plan a change replaces (or {@code If-Match}). */
    public record EmergencyPlanInput(
            String scenario,
            String summary,
            String responsibleOrg,
            String contacts,
            String lastReviewed,
            Long version) {}

    public record TaskInput(String description, String ownerOrg, String dueOn) {}

    /**
     * A drill as typed; with a plan and no scenario, the plan's scenario. {@code category} is a {@link DrillCategory}
     * name, or blank when not given (then only the general drill obligation counts from it).
     */
    public record DrillInput(
            String heldOn,
            String planId,
            String scenario,
            String category,
            String participants,
            String findings,
            List<TaskInput> tasks) {
        public DrillInput {
            tasks = tasks == null
                    ? List.of()
                    : tasks.stream()
                            .filter(t ->
                                    t != null && !(blank(t.description()) && blank(t.ownerOrg()) && blank(t.dueOn())))
                            .toList();
        }
    }

    public record View(
            PlanAccess access,
            List<EmergencyPlan> plans,
            List<Drill> drills,
            Map<UUID, String> organisations,
            LocalDate today) {

        public boolean mayEditPlans() {
            return access.isCustomer();
        }

        public boolean mayRecordDrill() {
            return access.isCustomer() || access.isProvider();
        }

        public boolean mayUpdateTask(Drill.Task t) {
            return access.isCustomer() || access.is(t.ownerOrg());
        }

        public String org(UUID id) {
            return id == null ? "—" : organisations.getOrDefault(id, "—");
        }

        public String planScenario(UUID planId) {
            return plans.stream()
                    .filter(p -> p.id().equals(planId))
                    .map(EmergencyPlan::scenario)
                    .findFirst()
                    .orElse(null);
        }
    }

    public record Export(byte[] content, DownloadName name) {}

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.zone()));
    }

    @Transactional(readOnly = true)
    public View view(UUID systemId) {
        PlanAccess a = accesses.of(systemId);
        Map<UUID, String> orgs = fields.organisations(a.system());
        if (a.seesWholePlan()) {
            return new View(a, repo.plans(systemId), repo.drills(systemId), orgs, today());
        }
        List<Drill> mine = new ArrayList<>();
        for (Drill d : repo.drills(systemId)) {
            List<Drill.Task> tasks =
                    d.tasks().stream().filter(t -> a.is(t.ownerOrg())).toList();
            if (!tasks.isEmpty()) {
                mine.add(new Drill(
                        d.id(),
                        d.systemId(),
                        d.heldOn(),
                        d.planId(),
                        d.scenario(),
                        d.category(),
                        d.participants(),
                        d.findings(),
                        d.recordedBy(),
                        d.recordedOrg(),
                        d.recordedAt(),
                        tasks));
            }
        }
        return new View(
                a,
                repo.plans(systemId).stream()
                        .filter(p -> a.is(p.responsibleOrg()))
                        .toList(),
                mine,
                orgs,
                today());
    }

    /**
     * Adds a plan ({@code planId} null) or changes one over the version read ({@code version}; a stale one gets
     * {@link org.yunjian.shared.version.StaleVersionException}, none 428); the customer only.
     */
    public EmergencyPlan savePlan(UUID systemId, UUID planId, ExpectedVersion version, EmergencyPlanInput in) {
        PlanAccess a = accesses.of(systemId);
        EmergencyPlan old = planId == null
                ? null
                : repo.plan(systemId, planId)
                        .orElseThrow(() -> new NotFoundException("lifecycle-emergency-plan", planId));
        a.requireCustomer();
        FieldErrors errors = new FieldErrors();
        String scenario = fields.text(errors, "scenario", in.scenario(), 200, true, Text.Kind.LINE);
        String summary = fields.text(errors, "summary", in.summary(), MigrationService.LONG, true, Text.Kind.LINES);
        UUID org = fields.id(errors, "responsibleOrg", in.responsibleOrg(), true);
        MigrationStep.checkOwner(
                errors, "responsibleOrg", org, fields.organisations(a.system()).keySet());
        String contacts =
                fields.text(errors, "contacts", in.contacts(), MigrationService.MEDIUM, true, Text.Kind.LINES);
        LocalDate reviewed = fields.date(errors, "lastReviewed", in.lastReviewed(), false);
        if (reviewed != null && reviewed.isAfter(today())) {
            errors.add("lastReviewed", "lifecycle.ops.error.reviewedFuture");
        }
        errors.throwIfAny();
        EmergencyPlan p = new EmergencyPlan(
                old == null ? UUID.randomUUID() : old.id(),
                systemId,
                scenario,
                summary,
                org,
                contacts,
                reviewed,
                a.user().username(),
                clock.instant(),
                old == null ? 0 : old.version() + 1);
        if (old == null) {
            repo.insertPlan(p);
        } else {
            repo.updatePlan(p, version.value());
        }
        events.publishEvent(AuditableEvent.success(
                old == null ? "lifecycle.drill.plan.add" : "lifecycle.drill.plan.update",
                "lifecycle-emergency-plan",
                p.id(),
                Msg.of("lifecycle.ops.audit.emergencyPlan", scenario, a.system().name())));
        return p;
    }

    /** Records a drill with its follow-up tasks and announces it ({@link DrillHeld}). */
    public Drill recordDrill(UUID systemId, DrillInput in) {
        PlanAccess a = accesses.of(systemId);
        if (!a.isCustomer() && !a.isProvider()) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.ops.denied.drill"));
        }
        FieldErrors errors = new FieldErrors();
        LocalDate heldOn = fields.date(errors, "heldOn", in.heldOn(), true);
        Drill.checkHeldOn(errors, heldOn, today());
        UUID planId = fields.id(errors, "planId", in.planId(), false);
        EmergencyPlan plan = planId == null ? null : repo.plan(systemId, planId).orElse(null);
        if (planId != null && plan == null) {
            errors.add("planId", "lifecycle.ops.error.unknownId", planId);
        }
        String scenario = in.scenario() == null || in.scenario().isBlank()
                ? plan == null ? null : plan.scenario()
                : fields.text(errors, "scenario", in.scenario(), 200, true, Text.Kind.LINE);
        if (scenario == null) {
            errors.add("scenario", "lifecycle.ops.error.required");
        }
        DrillCategory category = in.category() == null || in.category().isBlank()
                ? null
                : fields.constant(errors, "category", DrillCategory.class, in.category());
        String participants =
                fields.text(errors, "participants", in.participants(), MigrationService.MEDIUM, true, Text.Kind.LINES);
        String findings = fields.text(errors, "findings", in.findings(), MigrationService.LONG, true, Text.Kind.LINES);
        if (in.tasks().size() > MAX_TASKS) {
            errors.add("tasks", "lifecycle.ops.error.tooManyTasks", MAX_TASKS);
        }
        Set<UUID> orgs = fields.organisations(a.system()).keySet();
        UUID drillId = UUID.randomUUID();
        List<Drill.Task> tasks = new ArrayList<>();
        for (int i = 0; i < Math.min(in.tasks().size(), MAX_TASKS); i++) {
            TaskInput t = in.tasks().get(i);
            String prefix = "tasks[" + i + "].";
            String description = fields.text(
                    errors, prefix + "description", t.description(), MigrationService.MEDIUM, true, Text.Kind.LINES);
            UUID owner = fields.id(errors, prefix + "ownerOrg", t.ownerOrg(), true);
            MigrationStep.checkOwner(errors, prefix + "ownerOrg", owner, orgs);
            LocalDate due = fields.date(errors, prefix + "dueOn", t.dueOn(), true);
            Drill.checkDue(errors, prefix + "dueOn", heldOn, due);
            tasks.add(new Drill.Task(
                    UUID.randomUUID(),
                    drillId,
                    i + 1,
                    description,
                    owner,
                    due,
                    DrillTaskStatus.OPEN,
                    a.user().username(),
                    clock.instant(),
                    0));
        }
        errors.throwIfAny();
        Drill d = new Drill(
                drillId,
                systemId,
                heldOn,
                planId,
                scenario,
                category,
                participants,
                findings,
                a.user().username(),
                a.user().organizationId(),
                clock.instant(),
                tasks);
        repo.insertDrill(d);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.drill.record",
                "lifecycle-drill",
                d.id(),
                Msg.of(
                        "lifecycle.ops.audit.drill",
                        Formats.date(heldOn),
                        scenario,
                        tasks.size(),
                        a.system().name())));
        events.publishEvent(new DrillHeld(systemId, heldOn, category));
        d.tasks().forEach(t -> work.publishDrillTask(systemId, t));
        return d;
    }

    /**
     * Marks a follow-up task open or done over the version read: the customer, or the organisation the task is
     * assigned to.
     */
    public Drill.Task setTaskStatus(UUID systemId, UUID taskId, ExpectedVersion version, String status) {
        PlanAccess a = accesses.of(systemId);
        Drill.Task old = repo.task(systemId, taskId)
                .filter(t -> a.seesWholePlan() || a.is(t.ownerOrg()))
                .orElseThrow(() -> new NotFoundException("lifecycle-drill-task", taskId));
        if (!a.isCustomer() && !a.is(old.ownerOrg())) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.ops.denied.task"));
        }
        FieldErrors errors = new FieldErrors();
        DrillTaskStatus s = fields.constant(errors, "status", DrillTaskStatus.class, status);
        errors.throwIfAny();
        Drill.Task t = new Drill.Task(
                old.id(),
                old.drillId(),
                old.position(),
                old.description(),
                old.ownerOrg(),
                old.dueOn(),
                s,
                a.user().username(),
                clock.instant(),
                old.version() + 1);
        repo.updateTask(t, version.value());
        events.publishEvent(AuditableEvent.success(
                "lifecycle.drill.task",
                "lifecycle-drill-task",
                t.id(),
                Msg.of(
                        "lifecycle.ops.audit.task",
                        t.description(),
                        Msg.of(s),
                        a.system().name())));
        work.publishDrillTask(systemId, t);
        return t;
    }

    /** 《应急预案与演练记录》 in Chinese, for those who see the whole plan; the export is audited. */
    public Export docx(UUID systemId) {
        View v = view(systemId);
        if (!v.access().seesWholePlan()) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.ops.denied.wholePlan"));
        }
        byte[] content = docx.render(v);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.drill.export",
                "lifecycle-drill",
                systemId,
                Msg.of("lifecycle.ops.audit.drillExport", v.access().system().name())));
        return new Export(
                content,
                DownloadName.of(
                        "lifecycle.ops.drills.fileName",
                        "emergency-drills",
                        v.access().system().name(),
                        null,
                        clock.instant(),
                        "docx"));
    }
}
