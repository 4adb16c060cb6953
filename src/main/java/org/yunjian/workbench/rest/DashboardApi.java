package org.yunjian.workbench.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.workbench.internal.Dashboards;
import org.yunjian.workbench.internal.Dashboards.Filter;

/** Dashboards per system and across systems (docs/modules/assessment.md, "Dashboards"). */
@RestController
@Tag(name = "dashboards", description = "测评看板 Assessment dashboards")
class DashboardApi {

    private final Dashboards dashboards;

    DashboardApi(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/dashboard")
    @PreAuthorize(AssessmentApi.WHO)
    @Operation(
            summary = "Every system the caller may see with the latest completed assessment's conclusion, "
                    + "compliance rate and high-risk count, open and overdue remediation; totals; aggregates by control "
                    + "point (where systems fail most). Filters: q (name contains), conclusion (EXCELLENT, GOOD, FAIR, POOR "
                    + "or NONE = not assessed), level (MLPS protection level 1-4), overdue=true (only systems with overdue "
                    + "remediation). The systems come one page at a time (page from 1, size 1-200, default 50) with their "
                    + "total; the control points are the 20 where systems fail most (controlPointsTotal: how many in all), so "
                    + "the answer stays the same size whatever the number of systems")
    Dashboards.Overview overview(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String conclusion,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false, defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return dashboards.overview(Filter.of(q, conclusion, level, overdue), PageRequest.of(page, size));
    }

    @GetMapping("/api/dashboard/systems/{id}")
    @PreAuthorize(AssessmentApi.WHO)
    @Operation(
            summary = "One system: results by layer and control point of its latest completed assessment, the "
                    + "trend of compliance rate and conclusion across its completed assessments, open and overdue "
                    + "remediation tasks; the latest score's policy, conclusion and reasons (code and text) in the "
                    + "request's language")
    SystemDashboardResponse system(@PathVariable UUID id) {
        return SystemDashboardResponse.of(dashboards.system(id));
    }

    /**
     * {@link Dashboards.SystemDashboard} as REST answers it: the latest assessment's score as
     * {@link Dtos.ScoreResponse}, its reasons in words — never message keys (issue 59).
     */
    record SystemDashboardResponse(
            UUID systemId,
            String systemName,
            int protectionLevel,
            java.time.LocalDate today,
            LatestAssessmentResponse latest,
            java.util.List<Dashboards.TrendPoint> trend,
            int assessmentsInProgress,
            int openRemediations,
            int overdueRemediations,
            java.util.List<Dashboards.OpenTask> openTasks) {
        static SystemDashboardResponse of(Dashboards.SystemDashboard d) {
            Dashboards.Latest l = d.latest();
            return new SystemDashboardResponse(
                    d.systemId(),
                    d.systemName(),
                    d.protectionLevel(),
                    d.today(),
                    l == null
                            ? null
                            : new LatestAssessmentResponse(
                                    l.assessmentId(), l.name(), l.completedAt(), Dtos.ScoreResponse.of(l.score())),
                    d.trend(),
                    d.assessmentsInProgress(),
                    d.openRemediations(),
                    d.overdueRemediations(),
                    d.openTasks());
        }
    }

    /** The latest completed assessment of a system with its score. */
    record LatestAssessmentResponse(
            UUID assessmentId, String name, java.time.Instant completedAt, Dtos.ScoreResponse score) {}
}
