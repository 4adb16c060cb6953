package org.yunjian.migration.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.ClauseLabel;
import org.yunjian.catalog.RequirementId;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanAccesses;
import org.yunjian.migration.SupervisionChange;
import org.yunjian.migration.SupervisionChangeRisk;
import org.yunjian.migration.SupervisionChangeStatus;
import org.yunjian.migration.SupervisionConclusion;
import org.yunjian.migration.SupervisionReport;
import org.yunjian.migration.SupervisionReportKind;
import org.yunjian.responsibility.SystemIncidents;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.vault.Vault;

/**
 * Operation-phase supervision of a system (JR/T 7.x; the government-website guide's chapter 8): reports the
 * provider hands over and the customer's review of them, the incidents recorded against the system (the
 * responsibility module's records with their Annex B liability analysis), and changes that need the customer's
 * approval. The customer and the provider submit reports and request changes; the customer reviews and decides, never
 * on its own organisation's request. Other organisations of the system see the incidents naming them only.
 */
@Service
@Transactional
public class SupervisionService {

    private final PlanAccesses accesses;
    private final SupervisionRepository repo;
    private final OpsFields fields;
    private final OpsFileRepository files;
    private final SystemIncidents incidents;
    private final ApplicationEventPublisher events;
    private final MigrationWork work;
    private final Clock clock;
    private final Catalog catalog;

    SupervisionService(
            PlanAccesses accesses,
            SupervisionRepository repo,
            OpsFields fields,
            OpsFileRepository files,
            SystemIncidents incidents,
            ApplicationEventPublisher events,
            MigrationWork work,
            Clock clock,
            Catalog catalog) {
        this.catalog = catalog;
        this.accesses = accesses;
        this.repo = repo;
        this.fields = fields;
        this.files = files;
        this.incidents = incidents;
        this.events = events;
        this.work = work;
        this.clock = clock;
    }

    public record ReportInput(String kind, String periodStart, String periodEnd, String receivedOn) {}

    /** A review as typed; {@code version}: the report's version read (or If-Match). */
    public record ReviewInput(String conclusion, String issues, String reviewedOn, Long version) {}

    /** {@code major}: a 重大调整变更 (on a government website its approval needs the regulator's review, GOV 8.2.2 b)). */
    public record ChangeInput(
            String title,
            String reason,
            String windowStart,
            String windowEnd,
            String risk,
            String riskNotes,
            Boolean major) {

        public ChangeInput(
                String title, String reason, String windowStart, String windowEnd, String risk, String riskNotes) {
            this(title, reason, windowStart, windowEnd, risk, riskNotes, null);
        }
    }

    /**
     * {@code decision} is {@code APPROVE} or {@code REFUSE}; a refusal needs the reason; approving a major change of a
     * government website needs the regulator's review: its day ({@code regulatorReviewedOn}, ISO date) and reference;
     * {@code version}: the request's version read (or If-Match).
     */
    public record DecisionInput(
            String decision, String reason, String regulatorReviewedOn, String regulatorReference, Long version) {

        public DecisionInput(String decision, String reason, Long version) {
            this(decision, reason, null, null, version);
        }
    }

    public record View(
            PlanAccess access,
            List<SupervisionReport> reports,
            List<SupervisionChange> changes,
            List<SystemIncidents.RecordedIncident> incidents,
            Map<UUID, String> organisations) {

        public boolean maySubmit() {
            return access.isCustomer() || access.isProvider();
        }

        public boolean mayReview(SupervisionReport r) {
            return access.isCustomer() && !r.reviewed();
        }

        public boolean mayDecide(SupervisionChange c) {
            return access.isCustomer() && c.status() == SupervisionChangeStatus.PENDING && !access.is(c.requestedOrg());
        }

        public String org(UUID id) {
            return id == null ? "—" : organisations.getOrDefault(id, "—");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.zone()));
    }

    @Transactional(readOnly = true)
    public View view(UUID systemId) {
        PlanAccess a = accesses.of(systemId);
        Map<UUID, String> orgs = fields.organisations(a.system());
        if (a.seesWholePlan()) {
            return new View(a, repo.reports(systemId), repo.changes(systemId), incidents.of(systemId), orgs);
        }
        return new View(a, List.of(), List.of(), incidents.of(systemId), orgs);
    }

    private void requireParty(PlanAccess a, String reason) {
        if (!a.isCustomer() && !a.isProvider()) {
            throw new PlanAccess.Refused(Msg.of(reason));
        }
    }

    /** Registers a report received from the provider with its file (sealed like assessment evidence). */
    public SupervisionReport submitReport(UUID systemId, ReportInput in, OpsFileRepository.Upload file) {
        PlanAccess a = accesses.of(systemId);
        requireParty(a, "lifecycle.ops.denied.report");
        FieldErrors errors = new FieldErrors();
        SupervisionReportKind kind = fields.constant(errors, "kind", SupervisionReportKind.class, in.kind());
        LocalDate start = fields.date(errors, "periodStart", in.periodStart(), true);
        LocalDate end = fields.date(errors, "periodEnd", in.periodEnd(), true);
        LocalDate received = fields.date(errors, "receivedOn", in.receivedOn(), true);
        SupervisionReport.check(errors, start, end, received, today());
        if (file == null || file.content() == null || file.content().length == 0) {
            errors.add("file", "lifecycle.ops.error.fileRequired");
        }
        errors.throwIfAny();
        Vault.Sealed sealed = files.seal("file", List.of(file)).get(0);
        SupervisionReport r = new SupervisionReport(
                UUID.randomUUID(),
                systemId,
                kind,
                start,
                end,
                received,
                a.user().username(),
                a.user().organizationId(),
                clock.instant(),
                null,
                null,
                null,
                null,
                sealed,
                0);
        repo.insertReport(r);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.supervision.report",
                "lifecycle-supervision-report",
                r.id(),
                Msg.of(
                        "lifecycle.ops.audit.report",
                        Msg.of(kind),
                        Formats.date(start),
                        Formats.date(end),
                        a.system().name())));
        work.publishReport(r);
        return r;
    }

    /**
     * The customer's review of a report: once, over the report's version read ({@code version}; {@code null} where the
     * caller acts on the report as stored now: seeding).
     */
    public SupervisionReport review(UUID systemId, UUID reportId, ExpectedVersion version, ReviewInput in) {
        PlanAccess a = accesses.of(systemId);
        SupervisionReport old = repo.report(systemId, reportId)
                .filter(r -> a.seesWholePlan())
                .orElseThrow(() -> new NotFoundException("lifecycle-supervision-report", reportId));
        a.requireCustomer();
        FieldErrors errors = new FieldErrors();
        SupervisionConclusion conclusion =
                fields.constant(errors, "conclusion", SupervisionConclusion.class, in.conclusion());
        String issues = fields.text(errors, "issues", in.issues(), MigrationService.LONG, false, Text.Kind.LINES);
        LocalDate on = in.reviewedOn() == null || in.reviewedOn().isBlank()
                ? today()
                : fields.date(errors, "reviewedOn", in.reviewedOn(), true);
        if (on != null && (on.isAfter(today()) || on.isBefore(old.receivedOn()))) {
            errors.add("reviewedOn", "lifecycle.ops.error.reviewedOn");
        }
        SupervisionReport r =
                old.review(errors, conclusion, issues, on, a.user().username());
        repo.review(r, version == null ? old.version() : version.value());
        events.publishEvent(AuditableEvent.success(
                "lifecycle.supervision.review",
                "lifecycle-supervision-report",
                r.id(),
                Msg.of(
                        "lifecycle.ops.audit.review",
                        Msg.of(r.kind()),
                        Formats.date(r.periodStart()),
                        Formats.date(r.periodEnd()),
                        Msg.of(conclusion),
                        a.system().name())));
        work.publishReport(r);
        return r;
    }

    /** A report's file, opened and verified against its SM3; whoever sees the whole plan. */
    @Transactional(readOnly = true)
    public MigrationService.Download reportFile(UUID systemId, UUID reportId) {
        PlanAccess a = accesses.of(systemId);
        SupervisionReport r = repo.report(systemId, reportId)
                .filter(x -> a.seesWholePlan() && x.file() != null)
                .orElseThrow(() -> new NotFoundException("lifecycle-supervision-report", reportId));
        return new MigrationService.Download(
                files.open(r.file()),
                r.file().servedName(),
                r.file().contentType(),
                r.file().sm3());
    }

    public SupervisionChange requestChange(UUID systemId, ChangeInput in) {
        PlanAccess a = accesses.of(systemId);
        requireParty(a, "lifecycle.ops.denied.change");
        FieldErrors errors = new FieldErrors();
        String title = fields.text(errors, "title", in.title(), 200, true, Text.Kind.LINE);
        String reason = fields.text(errors, "reason", in.reason(), MigrationService.LONG, true, Text.Kind.LINES);
        var start = fields.time(errors, "windowStart", in.windowStart());
        var end = fields.time(errors, "windowEnd", in.windowEnd());
        SupervisionChange.checkWindow(errors, start, end);
        SupervisionChangeRisk risk = fields.constant(errors, "risk", SupervisionChangeRisk.class, in.risk());
        String riskNotes =
                fields.text(errors, "riskNotes", in.riskNotes(), MigrationService.MEDIUM, true, Text.Kind.LINES);
        errors.throwIfAny();
        SupervisionChange c = new SupervisionChange(
                UUID.randomUUID(),
                systemId,
                title,
                reason,
                start,
                end,
                risk,
                riskNotes,
                a.user().username(),
                a.user().organizationId(),
                clock.instant(),
                SupervisionChangeStatus.PENDING,
                null,
                null,
                null,
                Boolean.TRUE.equals(in.major()),
                null,
                null,
                0);
        repo.insertChange(c);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.supervision.change.request",
                "lifecycle-supervision-change",
                c.id(),
                Msg.of(
                        "lifecycle.ops.audit.changeRequest",
                        title,
                        Msg.of(risk),
                        a.system().name())));
        work.publishChange(c);
        return c;
    }

    /**
     * The customer approves or refuses, over the request's version read ({@code version}; {@code null} where the
     * caller acts on it as stored now: the command line); its own organisation's request it may not decide.
     */
    /**
     * The regulator's review given with a decision: day (not in the future) and reference, or null if not given;
     * {@code required} (approving a government website's major change, GOV 8.2.2 b)) refuses the approval without it,
     * quoting the guide.
     */
    private SupervisionChange.RegulatorReview regulatorReview(FieldErrors errors, DecisionInput in, boolean required) {
        LocalDate on = fields.date(errors, "regulatorReviewedOn", in.regulatorReviewedOn(), false);
        if (on != null && on.isAfter(today())) {
            errors.add("regulatorReviewedOn", "lifecycle.ops.error.regulatorReviewedOn");
        }
        String reference =
                fields.text(errors, "regulatorReference", in.regulatorReference(), 200, false, Text.Kind.LINE);
        if (required && (on == null || reference == null) && !errors.asMap().containsKey("regulatorReviewedOn")) {
            String quote = catalog.requirement(RequirementId.of(SupervisionChange.REGULATOR_REVIEW_RULE))
                    .map(r -> ClauseLabel.text(r) + " “" + r.text() + "”")
                    .orElse(SupervisionChange.REGULATOR_REVIEW_RULE);
            errors.add(
                    on == null ? "regulatorReviewedOn" : "regulatorReference",
                    "lifecycle.ops.error.regulatorReview",
                    quote);
        }
        return on == null || reference == null ? null : new SupervisionChange.RegulatorReview(on, reference);
    }

    public SupervisionChange decide(UUID systemId, UUID changeId, ExpectedVersion version, DecisionInput in) {
        PlanAccess a = accesses.of(systemId);
        SupervisionChange old = repo.change(systemId, changeId)
                .filter(c -> a.seesWholePlan())
                .orElseThrow(() -> new NotFoundException("lifecycle-supervision-change", changeId));
        a.requireCustomer();
        FieldErrors errors = new FieldErrors();
        String decision = in.decision() == null ? "" : in.decision().strip();
        if (!decision.equals("APPROVE") && !decision.equals("REFUSE")) {
            errors.add(
                    "decision",
                    decision.isEmpty() ? "lifecycle.ops.error.required" : "lifecycle.ops.error.unknownChoice",
                    Text.safe(decision));
        }
        String reason = fields.text(errors, "reason", in.reason(), MigrationService.MEDIUM, false, Text.Kind.LINES);
        boolean approve = decision.equals("APPROVE");
        SupervisionChange.RegulatorReview review = regulatorReview(
                errors, in, approve && old.needsRegulatorReview(a.system().industry()));
        errors.throwIfAny();
        SupervisionChange c = old.decide(
                approve, reason, review, a.user().organizationId(), a.user().username(), clock.instant());
        repo.decide(c, version == null ? old.version() : version.value());
        events.publishEvent(AuditableEvent.success(
                c.status() == SupervisionChangeStatus.APPROVED
                        ? "lifecycle.supervision.change.approve"
                        : "lifecycle.supervision.change.refuse",
                "lifecycle-supervision-change",
                c.id(),
                Msg.of(
                        "lifecycle.ops.audit.changeDecision",
                        c.title(),
                        Msg.of(c.status()),
                        reason == null ? "—" : reason,
                        a.system().name())));
        work.publishChange(c);
        return c;
    }
}
