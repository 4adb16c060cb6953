package org.yunjian.lifecycle.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.vault.Vault;

/**
 * What is recorded on a duty besides its status: comments, from anyone who sees the duty, and evidence files, from
 * the organisation working on it or the customer — sealed like assessment evidence and fixed once the duty's phase
 * is closed.
 */
@Service
public class DutyRecords {

    public static final int COMMENT_MAX = 4000;

    private final PlanService plans;
    private final PlanRepository repo;
    private final Vault vault;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DutyRecords(PlanService plans, PlanRepository repo, Vault vault, ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.repo = repo;
        this.vault = vault;
        this.events = events;
        this.clock = clock;
    }

    /** A duty with its comments and evidence, as the caller sees it. */
    public record DutyDetail(
            PlanService.PlanView plan,
            PlanDuty duty,
            List<DutyComment> comments,
            List<DutyEvidence> evidence,
            boolean frozen) {}

    @Transactional(readOnly = true)
    public DutyDetail detail(UUID systemId, UUID dutyId) {
        PlanService.PlanView v = plans.require(systemId);
        PlanDuty d = v.visibleDuties().stream()
                .filter(x -> x.id().equals(dutyId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("lifecycle-duty", dutyId));
        return new DutyDetail(
                v, d, repo.comments(dutyId), repo.evidence(dutyId), v.plan().frozen(d));
    }

    @Transactional
    public DutyComment comment(UUID systemId, UUID dutyId, String body) {
        PlanService.Locked l = plans.lock(systemId, dutyId);
        if (l.access().user().organizationId() == null) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.comment.refused.noOrganisation"));
        }
        if (body == null || body.isBlank()) {
            throw new ValidationException("body", "lifecycle.comment.error.empty");
        }
        if (body.strip().length() > COMMENT_MAX) {
            throw new ValidationException("body", "lifecycle.comment.error.tooLong", COMMENT_MAX);
        }
        DutyComment c =
                new DutyComment(UUID.randomUUID(), dutyId, l.access().user().userId(), body.strip(), clock.instant());
        repo.insertComment(c);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.duty.comment",
                "lifecycle-duty",
                dutyId,
                Msg.of("lifecycle.audit.duty.comment", plans.label(l.duty()))));
        return c;
    }

    private static void requireMayUpload(PlanService.Locked l) {
        if (!l.duty().worksOn(l.actor()) && !l.access().isCustomer()) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.evidence.refused.upload"));
        }
    }

    @Transactional
    public DutyEvidence upload(UUID systemId, UUID dutyId, String name, byte[] content) {
        PlanService.Locked l = plans.lock(systemId, dutyId);
        requireMayUpload(l);
        plans.requireOpen(l);
        Vault.Sealed s = vault.seal("file", name, content);
        DutyEvidence e = new DutyEvidence(
                s, dutyId, l.access().user().userId(), l.access().user().organizationId(), clock.instant());
        repo.insertEvidence(e);
        events.publishEvent(AuditableEvent.success(
                "lifecycle.evidence.upload",
                "lifecycle-evidence",
                s.id(),
                Msg.of(
                        "lifecycle.audit.evidence.upload",
                        s.displayName(),
                        s.typeName(),
                        Formats.size(s.size()),
                        s.sm3(),
                        plans.label(l.duty()))));
        return e;
    }

    /** An evidence file opened and verified, with the name to serve it under. */
    public record Download(DutyEvidence evidence, byte[] content) {}

    @Transactional(readOnly = true)
    public Download download(UUID systemId, UUID evidenceId) {
        DutyEvidence e = visible(systemId, evidenceId);
        byte[] content = vault.open(e.file());
        events.publishEvent(
                AuditableEvent.success("lifecycle.evidence.download", "lifecycle-evidence", evidenceId, (String) null));
        return new Download(e, content);
    }

    /** Removes evidence the caller's organisation uploaded, while its phase is open. */
    @Transactional
    public void delete(UUID systemId, UUID evidenceId) {
        DutyEvidence e = visible(systemId, evidenceId);
        PlanService.Locked l = plans.lock(systemId, e.dutyId());
        plans.requireOpen(l);
        if (!l.access().is(e.uploadedOrg())) {
            throw new PlanAccess.Refused(Msg.of("lifecycle.evidence.refused.delete"));
        }
        repo.deleteEvidence(evidenceId);
        vault.discardAfterCommit(e.file());
        events.publishEvent(AuditableEvent.success(
                "lifecycle.evidence.delete",
                "lifecycle-evidence",
                evidenceId,
                Msg.of(
                        "lifecycle.audit.evidence.delete",
                        e.file().displayName(),
                        e.file().sm3())));
    }

    private DutyEvidence visible(UUID systemId, UUID evidenceId) {
        DutyEvidence e = repo.evidenceById(evidenceId)
                .orElseThrow(() -> new NotFoundException("lifecycle-evidence", evidenceId));
        detail(systemId, e.dutyId());
        return e;
    }
}
