package org.yunjian.migration.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yunjian.migration.MigrationAcceptance;
import org.yunjian.migration.MigrationAcceptanceResult;
import org.yunjian.migration.MigrationCheck;
import org.yunjian.migration.MigrationCheckMethod;
import org.yunjian.migration.MigrationPlan;
import org.yunjian.migration.MigrationStep;
import org.yunjian.migration.MigrationStepStatus;
import org.yunjian.migration.internal.MigrationService;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.Versioned;
import org.yunjian.vault.Vault;

/** What the migration REST API answers: codes for machines next to labels and names for people. */
final class MigrationDtos {

    private MigrationDtos() {}

    @Schema(name = "MigrationPlanResponse")
    /** Its version (the {@code ETag}) is the rollback plan's, 0 while none is saved; each step carries its own. */
    record PlanResponse(
            UUID systemId,
            String systemName,
            RollbackResponse rollback,
            List<StepResponse> steps,
            List<CheckResponse> checks,
            List<AcceptanceResponse> acceptanceTests)
            implements Versioned {

        @Override
        public long version() {
            return rollback == null ? 0 : rollback.version();
        }

        static PlanResponse of(MigrationService.View v) {
            return new PlanResponse(
                    v.access().system().id(),
                    v.access().system().name(),
                    v.plan() == null ? null : RollbackResponse.of(v.plan()),
                    v.steps().stream().map(s -> StepResponse.of(s, v)).toList(),
                    v.checks().stream().map(CheckResponse::of).toList(),
                    v.acceptances().stream()
                            .map(a -> AcceptanceResponse.of(a, v))
                            .toList());
        }
    }

    record RollbackResponse(
            String rollbackPlan,
            String rollbackTrigger,
            LocalDate parallelStart,
            LocalDate parallelEnd,
            String parallelNotes,
            String updatedBy,
            Instant updatedAt,
            long version)
            implements Versioned {
        static RollbackResponse of(MigrationPlan p) {
            return new RollbackResponse(
                    p.rollbackPlan(),
                    p.rollbackTrigger(),
                    p.parallelStart(),
                    p.parallelEnd(),
                    p.parallelNotes(),
                    p.updatedBy(),
                    p.updatedAt(),
                    p.version());
        }
    }

    record StepResponse(
            UUID id,
            int position,
            String description,
            UUID ownerOrg,
            String ownerName,
            Instant windowStart,
            Instant windowEnd,
            MigrationStepStatus status,
            String statusLabel,
            boolean editable,
            long version)
            implements Versioned {
        static StepResponse of(MigrationStep s, MigrationService.View v) {
            return new StepResponse(
                    s.id(),
                    s.position(),
                    s.description(),
                    s.ownerOrg(),
                    v.org(s.ownerOrg()),
                    s.windowStart(),
                    s.windowEnd(),
                    s.status(),
                    Msg.of(s.status()).text(),
                    v.mayEditStep(s),
                    s.version());
        }
    }

    @Schema(name = "MigrationCheckResponse")
    record CheckResponse(
            UUID id,
            String subject,
            MigrationCheckMethod method,
            String methodLabel,
            String sourceValue,
            String targetValue,
            boolean matches,
            LocalDate checkedOn) {
        static CheckResponse of(MigrationCheck c) {
            return new CheckResponse(
                    c.id(),
                    c.subject(),
                    c.method(),
                    Msg.of(c.method()).text(),
                    c.sourceValue(),
                    c.targetValue(),
                    c.matches(),
                    c.checkedOn());
        }
    }

    record AcceptanceResponse(
            UUID id,
            String test,
            MigrationAcceptanceResult result,
            String resultLabel,
            UUID testerOrg,
            String testerOrgName,
            String testedBy,
            LocalDate testedOn,
            String notes,
            List<FileResponse> files) {
        static AcceptanceResponse of(MigrationAcceptance a, MigrationService.View v) {
            return new AcceptanceResponse(
                    a.id(),
                    a.test(),
                    a.result(),
                    Msg.of(a.result()).text(),
                    a.testerOrg(),
                    v.org(a.testerOrg()),
                    a.testedBy(),
                    a.testedOn(),
                    a.notes(),
                    a.files().stream()
                            .map(f -> FileResponse.of(v.access().system().id(), f))
                            .toList());
        }
    }

    /** A sealed file: name, type for people, size, SM3, and where to download it. */
    record FileResponse(UUID id, String name, String type, long size, String sm3, String href) {
        static FileResponse of(UUID systemId, Vault.Sealed f) {
            return new FileResponse(
                    f.id(),
                    f.displayName(),
                    f.typeName().text(),
                    f.size(),
                    f.sm3(),
                    MigrationApi.BASE.replace("{id}", systemId.toString()) + "/files/" + f.id());
        }
    }
}
