package org.yunjian.exitproject.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yunjian.exitproject.ChecklistStatus;
import org.yunjian.exitproject.DisposalAction;
import org.yunjian.exitproject.ExitClauses;
import org.yunjian.exitproject.ExitStatus;
import org.yunjian.exitproject.NextUse;
import org.yunjian.exitproject.SanitisationMethod;
import org.yunjian.exitproject.internal.Access;
import org.yunjian.exitproject.internal.ProjectView;
import org.yunjian.exitproject.internal.Records;
import org.yunjian.exitproject.internal.Records.ChecklistItem;
import org.yunjian.exitproject.internal.Records.Entry;
import org.yunjian.exitproject.internal.Records.ProjectInfo;
import org.yunjian.shared.version.Versioned;

/** Request and response bodies of the exit-project API. */
final class Dtos {

    private Dtos() {}

    @Schema(name = "ExitProjectCreateRequest")
    record CreateRequest(String name, UUID systemId) {}

    @Schema(name = "ExitProjectTransitionRequest")
    record TransitionRequest(ExitStatus to, Long version) {}

    /** {@code version}: the checklist item's, which the project's detail lists with each item. */
    record ChecklistRequest(String item, ChecklistStatus status, String note, Long version) {}

    record KeyRequest(String pem, Long version) {}

    @Schema(name = "ExitProjectVersionRequest")
    record VersionRequest(Long version) {}

    record ItemRequest(String category, String name, String description, String sensitivity, String covers) {
        Records.Item toItem() {
            return new Records.Item(category, name, description, sensitivity, covers);
        }
    }

    record AuthorisationRequest(
            String signatory, String reference, String scope, LocalDate authorisedOn, LocalDate retainUntil) {
        Records.Authorisation toRecord() {
            return new Records.Authorisation(signatory, reference, scope, authorisedOn, retainUntil);
        }
    }

    record PlanRequest(String scope, String method, String backups, LocalDate plannedOn, String note) {
        Records.DeletionPlan toRecord() {
            return new Records.DeletionPlan(scope, method, backups, plannedOn, note);
        }
    }

    record DeletionRequest(
            LocalDate deletedOn,
            String scope,
            String method,
            String backups,
            String operator,
            String witness,
            String result,
            List<String> buckets) {
        Records.Deletion toRecord() {
            return new Records.Deletion(deletedOn, scope, method, backups, operator, witness, result, buckets);
        }
    }

    /** The provider's countersigning key; {@code replace} must be true to replace a registered one. */
    record CountersignKeyRequest(String pem, Boolean replace) {}

    /** The provider's countersignature of the deletion record (base64 or hex) and the record's SM3 it signed. */
    record CountersignatureRequest(String signature, String recordSm3) {}

    record SanitisationRequest(
            String mediumId,
            String mediumType,
            Boolean heldSensitive,
            SanitisationMethod method,
            NextUse nextUse,
            String operator,
            String witness,
            LocalDate date,
            String result) {
        Records.Sanitisation toRecord() {
            return new Records.Sanitisation(
                    mediumId,
                    mediumType,
                    Boolean.TRUE.equals(heldSensitive),
                    method,
                    nextUse,
                    operator,
                    witness,
                    date,
                    result);
        }
    }

    record DisposalRequest(
            String deviceId,
            String deviceType,
            String location,
            String state,
            DisposalAction action,
            String sanitisation,
            String participants,
            String residualCheck,
            LocalDate date) {
        Records.Disposal toRecord() {
            return new Records.Disposal(
                    deviceId, deviceType, location, state, action, sanitisation, participants, residualCheck, date);
        }
    }

    record ProjectResponse(
            UUID id,
            String name,
            UUID systemId,
            ExitStatus status,
            List<ExitStatus> allowedTransitions,
            String providerKeyFingerprint,
            boolean inventoryApproved,
            String inventoryApprovedBy,
            Instant inventoryApprovedAt,
            Instant createdAt,
            Instant updatedAt,
            String verifierKeyFingerprint,

            String providerKeyRegisteredBy,

            long version)
            implements Versioned {
        static ProjectResponse of(ProjectInfo p) {
            return new ProjectResponse(
                    p.id(),
                    p.name(),
                    p.systemId(),
                    p.status(),
                    p.status().next().stream().sorted().toList(),
                    p.providerKeyFingerprint(),
                    p.inventoryApproved(),
                    p.inventoryApprovedBy(),
                    p.inventoryApprovedAt(),
                    p.createdAt(),
                    p.updatedAt(),
                    p.verifierKeyFingerprint(),
                    p.providerKeyRegisteredBy(),
                    p.version());
        }
    }

    record CertificateResponse(UUID certificateId, String number, String issuedBy, Instant issuedAt, String sm3) {
        static CertificateResponse of(Records.CertificateInfo c) {
            return new CertificateResponse(c.certificateId(), c.number(), c.issuedBy(), c.issuedAt(), c.sm3());
        }
    }

    /**
     * A GB/T 31167 9.1 checklist item with {@code clause}, its catalog item's label after the standard's short name as
     * {@link org.yunjian.catalog.ClauseLabel#cited} gives it ({@code GB/T 31167 9.1 1.}); {@code key} (a–g) is what a
     * change names.
     */
    record ExitChecklistItem(
            String key,
            int position,
            String requirementId,
            String clause,
            ChecklistStatus status,
            String note,
            String updatedBy,
            Instant updatedAt,
            long version)
            implements Versioned {
        static ExitChecklistItem of(ChecklistItem i, ExitClauses clauses) {
            return new ExitChecklistItem(
                    i.key(),
                    i.position(),
                    i.requirementId(),
                    clauses.find(i.requirementId())
                            .map(r -> org.yunjian.catalog.ClauseLabel.cited(r).text())
                            .orElse(null),
                    i.status(),
                    i.note(),
                    i.updatedBy(),
                    i.updatedAt(),
                    i.version());
        }
    }

    record DetailResponse(
            ProjectResponse project,
            List<Access.Relation> relations,
            List<ExitChecklistItem> checklist,
            List<Entry<Records.Manifest>> manifests,
            List<Entry<Records.Item>> items,
            List<Entry<Records.Verification>> verificationRuns,
            Optional<Entry<Records.Authorisation>> authorisation,
            Optional<Entry<Records.DeletionPlan>> deletionPlan,
            Optional<Entry<Records.Deletion>> deletion,
            List<Entry<Records.Sanitisation>> sanitisations,
            List<Entry<Records.Disposal>> deviceDisposals,
            boolean deviceDisposalApplies,
            List<Entry<Records.StorageCheck>> storageChecks,
            Optional<CertificateResponse> certificate,
            List<BlockerResponse> certificateBlockers,
            Optional<Entry<Records.CountersignKey>> countersignKey,
            Optional<Entry<Records.Countersignature>> countersignature,
            String deletionRecordSm3,
            ProjectView.Countersigning countersigning,
            List<String> uncheckedBuckets)
            implements Versioned {

        /** The project's version (the ETag); each checklist item carries its own. */
        @Override
        public long version() {
            return project.version();
        }

        static DetailResponse of(ProjectView v) {
            return new DetailResponse(
                    ProjectResponse.of(v.project()),
                    v.access().relations().stream().sorted().toList(),
                    v.checklist().stream()
                            .map(i -> ExitChecklistItem.of(i, v.clauses()))
                            .toList(),
                    v.manifests(),
                    v.items(),
                    v.verifications(),
                    v.authorisation(),
                    v.plan(),
                    v.deletion(),
                    v.sanitisations(),
                    v.disposals(),
                    v.privateCloud(),
                    v.storageChecks(),
                    v.certificate().map(CertificateResponse::of),
                    v.blockers().stream().map(BlockerResponse::of).toList(),
                    v.countersignKey(),
                    v.countersignature(),
                    v.recordSm3(),
                    v.countersigning(),
                    v.uncheckedBuckets());
        }
    }

    /** What still stands before the certificate: a stable {@code code} and its text in the request's language. */
    record BlockerResponse(String code, String message) {
        static BlockerResponse of(org.yunjian.exitproject.internal.Blocker b) {
            return new BlockerResponse(b.code(), b.text().text());
        }
    }
}
