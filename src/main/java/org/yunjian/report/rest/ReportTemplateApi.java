package org.yunjian.report.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.ReportSetups;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.ScoringPolicies;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.Versioned;

/** The report template an assessment follows (2025 or 2021) and its contract date; the template picks the policy. */
@RestController
@Tag(name = "assessments")
class ReportTemplateApi {

    private final ReportSetups setups;
    private final ScoringPolicies policies;

    ReportTemplateApi(ReportSetups setups, ScoringPolicies policies) {
        this.setups = setups;
        this.policies = policies;
    }

    /**
     * {@code template}: {@code T2025} / {@code T2021} ({@code 2025} / {@code 2021} also accepted), or null to choose
     * by the contract date; {@code version}: the assessment's version this replaces, if no {@code If-Match} names it.
     */
    record ReportTemplateRequest(String template, LocalDate contractDate, Long version) {}

    /** {@code version}: the assessment's version (also the {@code ETag}), named by a change in {@code If-Match}. */
    record ReportTemplateView(
            ReportTemplate template, LocalDate contractDate, String policyId, String policyVersion, long version)
            implements Versioned {}

    @GetMapping("/api/assessments/{id}/report-template")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary = "The report template the assessment follows, its contract date and the scoring policy it selects")
    ReportTemplateView get(@PathVariable UUID id) {
        return view(setups.of(id));
    }

    @PutMapping("/api/assessments/{id}/report-template")
    @PreAuthorize(Access.WHO)
    @Operation(
            summary = "Set the report template and contract date (assessors, while the assessment is open); a "
                    + "contract signed since 2025-03-20 must use the 2025 template; If-Match names the assessment's version "
                    + "(409 when stale, 428 without)")
    ReportTemplateView set(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReportTemplateRequest in) {
        FieldErrors errors = new FieldErrors();
        ReportTemplate t = ReportTemplate.parse(in.template(), "template", errors);
        errors.throwIfAny();
        return view(setups.set(id, ExpectedVersion.of(ifMatch, in.version()), t, in.contractDate()));
    }

    private ReportTemplateView view(ReportSetups.ReportSetup s) {
        var p = policies.forTemplate(s.template());
        return new ReportTemplateView(s.template(), s.contractDate(), p.id(), p.version(), s.version());
    }
}
