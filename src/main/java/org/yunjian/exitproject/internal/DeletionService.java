package org.yunjian.exitproject.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.exitproject.ExitClauses;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.NextUse;
import org.yunjian.exitproject.SanitisationMethod;
import org.yunjian.exitproject.internal.Records.Authorisation;
import org.yunjian.exitproject.internal.Records.Deletion;
import org.yunjian.exitproject.internal.Records.DeletionPlan;
import org.yunjian.exitproject.internal.Records.Disposal;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.exitproject.internal.Records.Kind;
import org.yunjian.exitproject.internal.Records.Sanitisation;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldValues;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;

/**
 * Deletion (GB/T 31167 9.4, JR/T 8.2.2): the customer's written authorisation, the provider's plan and
 * record, media sanitisation and device disposal. Refusals name their clause as {@link ExitClauses} labels it.
 */
@Service
@Transactional
public class DeletionService {

    private final ProjectRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExitProjectWork work;
    private final ExitClauses clauses;

    DeletionService(
            ProjectRecords records,
            ApplicationEventPublisher events,
            Clock clock,
            ExitProjectWork work,
            ExitClauses clauses) {
        this.work = work;
        this.clauses = clauses;
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    // --- deletion

    /** The customer's written authorisation to delete, with the retention period before deletion. */
    public Entry<Authorisation> authorise(UUID id, Authorisation in) {
        Access access = records.access(id);
        access.requireCustomer("authorising the deletion");
        records.open(id, "authorisation", ExitStatus.VERIFICATION, ExitStatus.DELETION);
        if (records.view(access).deletion().isPresent()) {
            throw new ConflictException("exit-deletion-recorded", "exitproject.conflict.deletionRecorded");
        }
        FieldErrors errors = new FieldErrors();
        records.required(errors, "signatory", in.signatory(), 200);
        records.required(errors, "scope", in.scope(), 4000);
        records.optional(errors, "reference", in.reference(), 200);
        LocalDate today = records.today();
        if (in.authorisedOn() == null) {
            errors.add("authorisedOn", "exitproject.error.required");
        } else if (in.authorisedOn().isAfter(today)) {
            errors.add("authorisedOn", "exitproject.error.future");
        }
        if (in.retainUntil() == null) {
            errors.add("retainUntil", "exitproject.error.retainUntil", clauses.cited(ExitClauses.RETENTION));
        } else if (in.authorisedOn() != null && in.retainUntil().isBefore(in.authorisedOn())) {
            errors.add("retainUntil", "exitproject.error.beforeAuthorisation");
        }
        errors.throwIfAny();
        Entry<Authorisation> e = records.insert(
                id,
                UUID.randomUUID(),
                Kind.AUTHORISATION,
                new Authorisation(
                        in.signatory().strip(),
                        FieldValues.stripped(in.reference()),
                        in.scope().strip(),
                        in.authorisedOn(),
                        in.retainUntil()),
                access);
        events.publishEvent(AuditableEvent.success(
                "exit-project.deletion.authorise",
                "exit-project",
                id,
                Msg.of("exitproject.audit.authorise", in.retainUntil())));
        work.changed(id);
        return e;
    }

    public Entry<DeletionPlan> plan(UUID id, DeletionPlan in) {
        Access access = records.access(id);
        access.requireProvider("the deletion plan");
        records.open(id, "plan", ExitStatus.VERIFICATION, ExitStatus.DELETION);
        FieldErrors errors = new FieldErrors();
        records.required(errors, "scope", in.scope(), 4000);
        records.required(errors, "method", in.method(), 4000);
        records.required(errors, "backups", in.backups(), 4000);
        records.optional(errors, "note", in.note(), 4000);
        if (in.plannedOn() == null) {
            errors.add("plannedOn", "exitproject.error.required");
        }
        errors.throwIfAny();
        Entry<DeletionPlan> e = records.insert(
                id,
                UUID.randomUUID(),
                Kind.DELETION_PLAN,
                new DeletionPlan(
                        in.scope().strip(),
                        in.method().strip(),
                        in.backups().strip(),
                        in.plannedOn(),
                        FieldValues.stripped(in.note())),
                access);
        events.publishEvent(AuditableEvent.success(
                "exit-project.deletion.plan", "exit-project", id, Msg.of("exitproject.audit.plan", in.plannedOn())));
        work.changed(id);
        return e;
    }

    /**
     * The provider's record that the data and all backups were deleted. Needs the customer's written authorisation
     * and a plan, and is refused (409 {@code retention-period}) before the retention period ends by the clock.
     */
    public Entry<Deletion> recordDeletion(UUID id, Deletion in) {
        Access access = records.access(id);
        access.requireProvider("recording the deletion");
        records.open(id, "deletion", ExitStatus.DELETION);
        ProjectView v = records.view(access);
        if (v.deletion().isPresent()) {
            throw new ConflictException("exit-deletion-recorded", "exitproject.conflict.deletionRecorded");
        }
        Authorisation auth = v.authorisation()
                .map(Entry::data)
                .orElseThrow(() -> new ConflictException(
                        "exit-precondition",
                        "exitproject.conflict.noAuthorisation",
                        clauses.cited(ExitClauses.AUTHORISATION)));
        if (v.plan().isEmpty()) {
            throw new ConflictException("exit-precondition", "exitproject.conflict.noPlan");
        }
        LocalDate today = records.today();
        if (today.isBefore(auth.retainUntil())) {
            throw new ConflictException(
                    "exit-retention-period",
                    "exitproject.conflict.retention",
                    auth.retainUntil().toString(),
                    today.toString(),
                    clauses.cited(ExitClauses.RETENTION));
        }
        FieldErrors errors = new FieldErrors();
        if (in.deletedOn() == null) {
            errors.add("deletedOn", "exitproject.error.required");
        } else if (in.deletedOn().isAfter(today)) {
            errors.add("deletedOn", "exitproject.error.future");
        } else if (in.deletedOn().isBefore(auth.retainUntil())) {
            errors.add("deletedOn", "exitproject.error.beforeRetention", Formats.date(auth.retainUntil()));
        }
        records.required(errors, "scope", in.scope(), 4000);
        records.required(errors, "method", in.method(), 4000);
        records.required(errors, "backups", in.backups(), 4000);
        records.required(errors, "operator", in.operator(), 200);
        records.required(errors, "witness", in.witness(), 200);
        records.required(errors, "result", in.result(), 4000);
        java.util.List<String> buckets = buckets(errors, in, auth);
        errors.throwIfAny();
        Entry<Deletion> e = records.insert(
                id,
                UUID.randomUUID(),
                Kind.DELETION,
                new Deletion(
                        in.deletedOn(),
                        in.scope().strip(),
                        in.method().strip(),
                        in.backups().strip(),
                        in.operator().strip(),
                        in.witness().strip(),
                        in.result().strip(),
                        buckets),
                access);
        events.publishEvent(AuditableEvent.success(
                "exit-project.deletion.record",
                "exit-project",
                id,
                Msg.of("exitproject.audit.deletion", in.deletedOn())));
        work.changed(id);
        return e;
    }

    /**
     * The buckets the deletion covered, one per entry (blank ones dropped), each a bucket name or
     * {@code s3://bucket[/prefix]}; when its scope or the authorisation's names object storage, at least one must be
     * named, here or as {@code s3://…} in a scope ({@link BucketScope}) — the record cannot be changed afterwards.
     */
    private static java.util.List<String> buckets(FieldErrors errors, Deletion in, Authorisation auth) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.List<String> bad = new java.util.ArrayList<>();
        for (String b : in.buckets()) {
            if (b == null || b.isBlank()) {
                continue;
            }
            BucketScope.parse(b).ifPresentOrElse(l -> out.add(l.toString()), () -> bad.add(b.strip()));
        }
        if (!bad.isEmpty()) {
            errors.add("buckets", "exitproject.error.bucketName", String.join(", ", bad));
        } else if (out.isEmpty()
                && (BucketScope.mentionsObjectStorage(in.scope()) || BucketScope.mentionsObjectStorage(auth.scope()))
                && BucketScope.in(in.scope()).isEmpty()
                && BucketScope.in(auth.scope()).isEmpty()) {
            errors.add("buckets", "exitproject.error.bucketsRequired");
        }
        return out;
    }

    /**
     * A media sanitisation record (GB/T 31167 9.4 3.). A medium that held sensitive data is never released for
     * public data (9.4 3. 6.): such a record is refused with a 400 naming the rule.
     */
    public Entry<Sanitisation> recordSanitisation(UUID id, Sanitisation in) {
        Access access = records.access(id);
        access.requireProvider("recording media sanitisation");
        records.open(id, "sanitisation", ExitStatus.DELETION);
        FieldErrors errors = new FieldErrors();
        records.required(errors, "mediumId", in.mediumId(), 200);
        records.required(errors, "mediumType", in.mediumType(), 200);
        records.required(errors, "operator", in.operator(), 200);
        records.required(errors, "witness", in.witness(), 200);
        records.required(errors, "result", in.result(), 4000);
        if (in.method() == null) {
            errors.add("method", "exitproject.error.method");
        }
        if (in.nextUse() == null) {
            errors.add("nextUse", "exitproject.error.required");
        } else if (in.heldSensitive() && in.nextUse() == NextUse.PUBLIC_DATA) {
            errors.add("nextUse", "exitproject.error.sensitiveToPublic", clauses.cited(ExitClauses.SENSITIVE_MEDIA));
        } else if (in.method() == SanitisationMethod.DESTROY && in.nextUse() != NextUse.NONE) {
            errors.add("nextUse", "exitproject.error.destroyed");
        }
        if (in.date() == null) {
            errors.add("date", "exitproject.error.required");
        } else if (in.date().isAfter(records.today())) {
            errors.add("date", "exitproject.error.future");
        }
        errors.throwIfAny();
        Entry<Sanitisation> e = records.insert(
                id,
                UUID.randomUUID(),
                Kind.SANITISATION,
                new Sanitisation(
                        in.mediumId().strip(),
                        in.mediumType().strip(),
                        in.heldSensitive(),
                        in.method(),
                        in.nextUse(),
                        in.operator().strip(),
                        in.witness().strip(),
                        in.date(),
                        in.result().strip()),
                access);
        events.publishEvent(AuditableEvent.success(
                "exit-project.sanitisation.record",
                "exit-project",
                id,
                Msg.of(
                        "exitproject.audit.sanitisation",
                        in.mediumId(),
                        Msg.of(in.method()),
                        Msg.of("exitproject.nextUse." + in.nextUse().name()))));
        work.changed(id);
        return e;
    }

    /** A device disposal record (JR/T 8.2.2) — private clouds only. */
    public Entry<Disposal> recordDisposal(UUID id, Disposal in) {
        Access access = records.access(id);
        access.requireProvider("recording device disposal");
        records.open(id, "disposal", ExitStatus.DELETION);
        if (access.system().deploymentModel() != DeploymentModel.PRIVATE) {
            throw new ConflictException(
                    "exit-not-private-cloud",
                    "exitproject.conflict.notPrivateCloud",
                    access.system().deploymentModel(),
                    clauses.cited(ExitClauses.DEVICES));
        }
        FieldErrors errors = new FieldErrors();
        records.required(errors, "deviceId", in.deviceId(), 200);
        records.required(errors, "deviceType", in.deviceType(), 200);
        records.required(errors, "location", in.location(), 200);
        records.required(errors, "state", in.state(), 200);
        records.required(errors, "sanitisation", in.sanitisation(), 4000);
        records.required(errors, "participants", in.participants(), 1000);
        records.required(errors, "residualCheck", in.residualCheck(), 4000);
        if (in.action() == null) {
            errors.add("action", "exitproject.error.action");
        }
        if (in.date() == null) {
            errors.add("date", "exitproject.error.required");
        } else if (in.date().isAfter(records.today())) {
            errors.add("date", "exitproject.error.future");
        }
        errors.throwIfAny();
        Entry<Disposal> e = records.insert(
                id,
                UUID.randomUUID(),
                Kind.DISPOSAL,
                new Disposal(
                        in.deviceId().strip(),
                        in.deviceType().strip(),
                        in.location().strip(),
                        in.state().strip(),
                        in.action(),
                        in.sanitisation().strip(),
                        in.participants().strip(),
                        in.residualCheck().strip(),
                        in.date()),
                access);
        events.publishEvent(AuditableEvent.success(
                "exit-project.disposal.record",
                "exit-project",
                id,
                Msg.of(
                        "exitproject.audit.disposal",
                        in.deviceId(),
                        Msg.of("exitproject.action." + in.action().name()))));
        work.changed(id);
        return e;
    }
}
