package org.yunjian.migration.rest;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yunjian.migration.SupervisionChange;
import org.yunjian.migration.SupervisionChangeRisk;
import org.yunjian.migration.SupervisionChangeStatus;
import org.yunjian.migration.SupervisionConclusion;
import org.yunjian.migration.SupervisionReport;
import org.yunjian.migration.SupervisionReportKind;
import org.yunjian.migration.internal.SupervisionService;
import org.yunjian.responsibility.SystemIncidents;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.Versioned;

/** What the supervision REST API answers. */
final class SupervisionDtos {

    private SupervisionDtos() {}

    record SupervisionResponse(
            UUID systemId,
            String systemName,
            List<ReportResponse> reports,
            List<ChangeResponse> changes,
            List<IncidentResponse> incidents) {
        static SupervisionResponse of(SupervisionService.View v) {
            UUID system = v.access().system().id();
            return new SupervisionResponse(
                    system,
                    v.access().system().name(),
                    v.reports().stream().map(r -> ReportResponse.of(r, v)).toList(),
                    v.changes().stream().map(c -> ChangeResponse.of(c, v)).toList(),
                    v.incidents().stream()
                            .map(i -> IncidentResponse.of(system, i))
                            .toList());
        }
    }

    record ReportResponse(
            UUID id,
            SupervisionReportKind kind,
            String kindLabel,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate receivedOn,
            String submittedBy,
            String submittedOrgName,
            MigrationDtos.FileResponse file,
            boolean reviewed,
            String reviewedBy,
            LocalDate reviewedOn,
            SupervisionConclusion conclusion,
            String conclusionLabel,
            String issues,
            long version)
            implements Versioned {
        static ReportResponse of(SupervisionReport r, SupervisionService.View v) {
            UUID system = v.access().system().id();
            return new ReportResponse(
                    r.id(),
                    r.kind(),
                    Msg.of(r.kind()).text(),
                    r.periodStart(),
                    r.periodEnd(),
                    r.receivedOn(),
                    r.submittedBy(),
                    v.org(r.submittedOrg()),
                    r.file() == null
                            ? null
                            : new MigrationDtos.FileResponse(
                                    r.file().id(),
                                    r.file().displayName(),
                                    r.file().typeName().text(),
                                    r.file().size(),
                                    r.file().sm3(),
                                    SupervisionApi.BASE.replace("{id}", system.toString()) + "/reports/" + r.id()
                                            + "/file"),
                    r.reviewed(),
                    r.reviewedBy(),
                    r.reviewedOn(),
                    r.conclusion(),
                    r.conclusion() == null ? null : Msg.of(r.conclusion()).text(),
                    r.issues(),
                    r.version());
        }
    }

    record ChangeResponse(
            UUID id,
            String title,
            String reason,
            Instant windowStart,
            Instant windowEnd,
            SupervisionChangeRisk risk,
            String riskLabel,
            String riskNotes,
            String requestedBy,
            String requestedOrgName,
            Instant requestedAt,
            SupervisionChangeStatus status,
            String statusLabel,
            String decidedBy,
            Instant decidedAt,
            String decisionReason,
            long version,
            boolean major,
            java.time.LocalDate regulatorReviewedOn,
            String regulatorReference)
            implements Versioned {
        static ChangeResponse of(SupervisionChange c, SupervisionService.View v) {
            return new ChangeResponse(
                    c.id(),
                    c.title(),
                    c.reason(),
                    c.windowStart(),
                    c.windowEnd(),
                    c.risk(),
                    Msg.of(c.risk()).text(),
                    c.riskNotes(),
                    c.requestedBy(),
                    v.org(c.requestedOrg()),
                    c.requestedAt(),
                    c.status(),
                    Msg.of(c.status()).text(),
                    c.decidedBy(),
                    c.decidedAt(),
                    c.decisionReason(),
                    c.version(),
                    c.major(),
                    c.regulatorReviewedOn(),
                    c.regulatorReference());
        }
    }

    /** An incident recorded against the system; its liability analysis is at {@code href}. */
    @Schema(name = "SupervisionIncidentResponse")
    record IncidentResponse(
            UUID id, String incident, String number, Instant occurredAt, String title, String reference, String href) {
        static IncidentResponse of(UUID system, SystemIncidents.RecordedIncident i) {
            return new IncidentResponse(
                    i.id(),
                    i.incident(),
                    i.number(),
                    i.occurredAt(),
                    i.title(),
                    i.reference(),
                    "/api/systems/" + system + "/incidents/" + i.id());
        }
    }
}
