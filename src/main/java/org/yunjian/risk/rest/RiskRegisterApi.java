package org.yunjian.risk.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.risk.RiskAcceptance;
import org.yunjian.risk.RiskChange;
import org.yunjian.risk.RiskField;
import org.yunjian.risk.RiskRegister;
import org.yunjian.risk.RiskState;
import org.yunjian.risk.RiskTreatment;
import org.yunjian.risk.internal.FollowUps;
import org.yunjian.risk.internal.RiskRegisterExport;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.Versioned;
import org.yunjian.shared.version.Versions;

/** REST for the risk and remediation register (docs/modules/assessment.md, "Risk and remediation register"). */
@RestController
@Tag(name = "risk register", description = "风险与整改登记 Risk and remediation register")
class RiskRegisterApi {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RiskRegister register;
    private final RiskRegisterExport export;
    private final FollowUps followUps;

    RiskRegisterApi(RiskRegister register, RiskRegisterExport export, FollowUps followUps) {
        this.register = register;
        this.export = export;
        this.followUps = followUps;
    }

    /** {@code version}: the entry's version after the change (its {@code ETag}), or null in a list. */
    record RiskMilestoneResponse(UUID id, String description, LocalDate targetDate, LocalDate doneOn, Long version) {
        static RiskMilestoneResponse of(RiskRegister.Milestone m) {
            return new RiskMilestoneResponse(m.id(), m.description(), m.targetDate(), m.doneOn(), null);
        }

        RiskMilestoneResponse withEntryVersion(long v) {
            return new RiskMilestoneResponse(id, description, targetDate, doneOn, v);
        }
    }

    record RiskAcceptanceResponse(
            String reason,
            LocalDate expiresOn,
            UUID proposedBy,
            String proposedByName,
            UUID approvedBy,
            String approvedByName,
            LocalDate approvedOn,
            String state) {}

    record RiskRetestResponse(UUID assessmentId, String reportNumber, UUID itemId, Verdict verdict, Instant at) {}

    record RiskEntryResponse(
            UUID id,
            UUID itemId,
            String requirementId,
            String side,
            String controlPoint,
            Verdict verdict,
            RiskLevel riskLevel,
            String description,
            RiskAuthoredResponse descriptionBy,
            RiskAuthoredResponse customerStatement,
            RiskTreatment treatment,
            UUID ownerOrgId,
            String ownerName,
            UUID transferOrgId,
            String transferName,
            LocalDate dueDate,
            RemediationStatus status,
            String note,
            RiskState state,
            boolean open,
            boolean overdue,
            boolean unplanned,
            List<RiskMilestoneResponse> milestones,
            RiskAcceptanceResponse acceptance,
            RiskRetestResponse retest,
            List<RiskChangeResponse> history,
            long version)
            implements Versioned {

        static RiskEntryResponse of(RiskRegister.Entry e, LocalDate today) {
            RiskAcceptance a = e.acceptance();
            return new RiskEntryResponse(
                    e.task().id(),
                    e.item().id(),
                    e.item().requirementId(),
                    e.item().side().name(),
                    e.controlPoint(),
                    e.item().verdict(),
                    e.risk(),
                    e.description(),
                    RiskAuthoredResponse.of(e.descriptionBy()),
                    RiskAuthoredResponse.of(e.statement()),
                    e.treatment(),
                    e.task().responsibleOrgId(),
                    e.ownerName(),
                    e.transferOrgId(),
                    e.transferName(),
                    e.task().dueDate(),
                    e.task().status(),
                    e.task().note(),
                    e.state(),
                    e.open(),
                    e.overdue(),
                    e.unplanned(),
                    e.milestones().stream().map(RiskMilestoneResponse::of).toList(),
                    a == null
                            ? null
                            : new RiskAcceptanceResponse(
                                    a.reason(),
                                    a.expiresOn(),
                                    a.proposedBy(),
                                    e.proposedByName(),
                                    a.approvedBy(),
                                    e.approvedByName(),
                                    a.approvedOn(),
                                    a.state(today).name()),
                    e.retest() == null
                            ? null
                            : new RiskRetestResponse(
                                    e.retest().assessmentId(),
                                    e.retest().reportNumber(),
                                    e.retest().itemId(),
                                    e.retest().verdict(),
                                    e.retest().at()),
                    e.history().stream().map(RiskChangeResponse::of).toList(),
                    e.task().version());
        }
    }

    /** A text with who wrote it and when (a description rewritten by an assessor; the customer's statement). */
    record RiskAuthoredResponse(String text, String byName, Instant at) {
        static RiskAuthoredResponse of(RiskRegister.Authored a) {
            return a == null ? null : new RiskAuthoredResponse(a.text(), a.byName(), a.at());
        }
    }

    /**
     * One change of an entry, never edited: when, who (display name), the field, for a milestone its description
     * ({@code subject}), and the value before and after as stored (enum constants, ISO dates, texts; null: none).
     */
    record RiskChangeResponse(Instant at, String byName, RiskField field, String subject, String before, String after) {
        static RiskChangeResponse of(RiskChange c) {
            return new RiskChangeResponse(c.at(), c.byName(), c.field(), c.subject(), c.before(), c.after());
        }
    }

    record RiskSummaryResponse(
            int findings, int open, int overdue, int unplanned, int accepted, int expired, int closed) {}

    record RiskRegisterResponse(
            UUID assessmentId,
            LocalDate today,
            RiskSummaryResponse summary,
            List<RiskEntryResponse> entries,
            UUID followUpOf,
            List<UUID> followUps) {}

    /** {@code version}: the entry's version this replaces, if no {@code If-Match} names it. */
    record RiskPlanRequest(
            RiskTreatment treatment,
            String description,
            UUID ownerOrgId,
            UUID transferOrgId,
            LocalDate dueDate,
            String acceptanceReason,
            LocalDate acceptanceExpiresOn,
            String customerStatement,
            Long version) {}

    /** {@code version}: the entry's version this replaces, if no {@code If-Match} names it. */
    record RiskMilestoneRequest(String description, LocalDate targetDate, LocalDate doneOn, Long version) {}

    record FollowUpResponse(UUID id, String name, String reportNumber, UUID followUpOf) {}

    @GetMapping("/api/assessments/{id}/risk-register")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "The risk and remediation register: every finding with risk level, treatment, owner, "
                            + "milestones, due date (null = not set), acceptance, state and latest re-test; counts as the dashboards")
    RiskRegisterResponse get(@PathVariable UUID id) {
        RiskRegister.Register r = register.view(id);
        var s = r.summary();
        return new RiskRegisterResponse(
                id,
                r.today(),
                new RiskSummaryResponse(
                        s.findings(), s.open(), s.overdue(), s.unplanned(), s.accepted(), s.expired(), s.closed()),
                r.entries().stream()
                        .map(e -> RiskEntryResponse.of(e, r.today()))
                        .toList(),
                r.origin() == null ? null : r.origin().id(),
                r.followUps().stream().map(a -> a.id()).toList());
    }

    @GetMapping("/api/assessments/{id}/risk-register.csv")
    @PreAuthorize(Access.WHO)
    @Operation(summary = "The register as CSV (UTF-8 with BOM) in the reader's language")
    ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, export.contentDisposition(id, "csv"))
                .header("X-Content-Type-Options", "nosniff")
                .body(export.csv(id));
    }

    @GetMapping("/api/assessments/{id}/risk-register.xlsx")
    @PreAuthorize(Access.WHO)
    @Operation(summary = "The register as an XLSX workbook in the reader's language")
    ResponseEntity<byte[]> xlsx(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, export.contentDisposition(id, "xlsx"))
                .header("X-Content-Type-Options", "nosniff")
                .body(export.xlsx(id));
    }

    @GetMapping("/api/remediations/{id}")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary = "One finding of the register, with its history: every change dated and attributed, oldest first")
    RiskEntryResponse entry(@PathVariable UUID id) {
        return RiskEntryResponse.of(register.entry(id), register.today());
    }

    @PutMapping("/api/remediations/{id}/plan")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "Plan a finding (assessors, customer): treatment REMEDIATE / ACCEPT / TRANSFER, description (the assessors' record: a customer changing it is a 400), customerStatement (the customer's own word, with author and time), "
                            + "owner, transfer organisation, due date (required unless accepted), acceptance reason (required for a "
                            + "high risk) and expiry (after today); 400 names every refused field and stores nothing; If-Match names "
                            + "the entry's version (409 when stale, 428 without)")
    RiskEntryResponse plan(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody RiskPlanRequest body) {
        return RiskEntryResponse.of(
                register.plan(
                        id,
                        ExpectedVersion.of(ifMatch, body.version()),
                        new RiskRegister.PlanInput(
                                body.treatment(),
                                body.description(),
                                body.ownerOrgId(),
                                body.transferOrgId(),
                                body.dueDate(),
                                body.acceptanceReason(),
                                body.acceptanceExpiresOn(),
                                body.customerStatement())),
                register.today());
    }

    @PostMapping("/api/remediations/{id}/acceptance/approval")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary = "Approve the proposed acceptance: a user of the customer other than the proposer, dated "
                    + "today; 409 acceptance-not-risk-owner, acceptance-own-proposal, acceptance-expired, acceptance-approved, "
                    + "acceptance-not-proposed; If-Match names the entry's version the approver read (409 when stale, 428 "
                    + "without)")
    RiskEntryResponse approve(
            @PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return RiskEntryResponse.of(register.approve(id, ExpectedVersion.of(ifMatch, null)), register.today());
    }

    @PostMapping("/api/remediations/{id}/milestones")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "Add a milestone (assessors, customer); If-Match names the entry's version (409 when stale, 428 without); the ETag is the entry's new version")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RiskMilestoneResponse> addMilestone(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody RiskMilestoneRequest body) {
        ExpectedVersion version = ExpectedVersion.of(ifMatch, body.version());
        var m = register.addMilestone(
                id, version, new RiskRegister.MilestoneInput(body.description(), body.targetDate(), body.doneOn()));
        return ResponseEntity.created(URI.create("/api/remediations/" + id + "/milestones/" + m.id()))
                .eTag(Versions.etag(version.value() + 1))
                .body(RiskMilestoneResponse.of(m).withEntryVersion(version.value() + 1));
    }

    @PutMapping("/api/remediations/{id}/milestones/{milestoneId}")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "Change a milestone: the planners all fields, the responsible organisation the done date only; If-Match names the entry's version (409 when stale, 428 without); the ETag is the entry's new version")
    ResponseEntity<RiskMilestoneResponse> updateMilestone(
            @PathVariable UUID id,
            @PathVariable UUID milestoneId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody RiskMilestoneRequest body) {
        ExpectedVersion version = ExpectedVersion.of(ifMatch, body.version());
        var m = register.updateMilestone(
                id,
                milestoneId,
                version,
                new RiskRegister.MilestoneInput(body.description(), body.targetDate(), body.doneOn()));
        return ResponseEntity.ok()
                .eTag(Versions.etag(version.value() + 1))
                .body(RiskMilestoneResponse.of(m).withEntryVersion(version.value() + 1));
    }

    @DeleteMapping("/api/remediations/{id}/milestones/{milestoneId}")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary =
                    "Delete a milestone (assessors, customer); If-Match names the entry's version (409 when stale, 428 without); the ETag is the entry's new version")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> deleteMilestone(
            @PathVariable UUID id,
            @PathVariable UUID milestoneId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ExpectedVersion version = ExpectedVersion.of(ifMatch, null);
        register.deleteMilestone(id, milestoneId, version);
        return ResponseEntity.noContent()
                .eTag(Versions.etag(version.value() + 1))
                .build();
    }

    @PostMapping("/api/assessments/{id}/follow-ups")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary = "Create a follow-up (re-test) assessment of a completed assessment's open findings "
                    + "(assessors); 409 follow-up-not-completed, no-open-findings")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<FollowUpResponse> followUp(@PathVariable UUID id) {
        var a = followUps.create(id);
        return ResponseEntity.created(URI.create("/api/assessments/" + a.id()))
                .body(new FollowUpResponse(a.id(), a.name(), a.reportNumber(), id));
    }
}
