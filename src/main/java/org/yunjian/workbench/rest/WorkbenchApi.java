package org.yunjian.workbench.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.shared.Texts;
import org.yunjian.workbench.internal.Workbench;

/** REST of the workbench: many verdicts at once (table mode). */
@RestController
@Tag(name = "assessments", description = "测评 Assessments")
class WorkbenchApi {

    private final Workbench workbench;

    WorkbenchApi(Workbench workbench) {
        this.workbench = workbench;
    }

    /**
     * One row of a verdict batch; {@code version}: the item's version the row replaces (as read); {@code finding}
     * (安全问题), {@code recommendation} (整改建议), {@code observations} (现场记录: what a 符合 rests on without
     * evidence) and {@code noEvidenceReason} (无证据说明 of a 不符合 / 部分符合): left out (null), the stored ones stay.
     */
    record VerdictBatchRow(
            UUID itemId,
            Verdict verdict,
            String reason,
            RiskLevel riskLevel,
            String riskReason,
            String finding,
            String recommendation,
            String observations,
            String noEvidenceReason,
            Long version) {}

    /**
     * A row's outcome: SAVED, UNCHANGED (equal to what is stored: not recorded again) or REFUSED with its errors
     * (a stale row: {@code errors.version}); {@code version}: the item's stored version now.
     */
    record VerdictBatchRowResult(
            UUID itemId, int number, Workbench.Outcome outcome, Map<String, String> errors, Long version) {
        static VerdictBatchRowResult of(Workbench.RowResult r) {
            return new VerdictBatchRowResult(r.itemId(), r.number(), r.outcome(), r.errors(), r.version());
        }
    }

    record VerdictBatchResponse(long saved, long unchanged, long refused, List<VerdictBatchRowResult> rows) {}

    @PutMapping("/api/assessments/{id}/verdicts")
    @PreAuthorize(AssessmentApi.WHO)
    @Operation(
            summary =
                    "Record many verdicts at once (table mode): each row checked like a single verdict and "
                            + "naming the item's version it replaces; rows that pass are saved, rows equal to what is stored are left "
                            + "alone, a row over a newer version is refused; if any row is refused the answer is a 422 problem with "
                            + "every row's outcome and errors (the good rows are saved all the same); 428 if a row names no version")
    ResponseEntity<?> verdicts(@PathVariable UUID id, @RequestBody List<VerdictBatchRow> body) {
        Workbench.BatchResult result = workbench.applyBatch(
                id,
                body == null
                        ? List.of()
                        : body.stream()
                                .map(r -> r == null
                                        ? null
                                        : new Workbench.BatchRow(
                                                r.itemId(),
                                                r.verdict(),
                                                r.reason(),
                                                r.riskLevel(),
                                                r.riskReason(),
                                                r.finding(),
                                                r.recommendation(),
                                                r.observations(),
                                                r.noEvidenceReason(),
                                                r.version()))
                                .toList());
        List<VerdictBatchRowResult> rows =
                result.rows().stream().map(VerdictBatchRowResult::of).toList();
        long refused = result.count(Workbench.Outcome.REFUSED);
        VerdictBatchResponse response = new VerdictBatchResponse(
                result.count(Workbench.Outcome.SAVED), result.count(Workbench.Outcome.UNCHANGED), refused, rows);
        if (refused == 0) {
            return ResponseEntity.ok(response);
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                Texts.get("workbench.problem.rowsRefused", refused, response.saved()));
        p.setType(URI.create("urn:yunjian:problem:verdict-rows-refused"));
        p.setProperty("saved", response.saved());
        p.setProperty("unchanged", response.unchanged());
        p.setProperty("refused", refused);
        p.setProperty("rows", rows);
        return ResponseEntity.unprocessableContent().body(p);
    }
}
