package org.yunjian.lifecycle.rest;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.yunjian.evidence.EvidenceVault;
import org.yunjian.catalog.Catalog;
import org.yunjian.lifecycle.internal.DutyBatch;
import org.yunjian.lifecycle.internal.GateTexts;
import org.yunjian.lifecycle.internal.PlanService;

/**
 * RFC 9457 problems of the lifecycle API: a phase that may not close yet (409, listing every obstacle with the
 * standard's text where a condition quotes one), a duty batch refused for one duty's version (naming it) and
 * evidence that cannot be served. They answer for the REST APIs of the modules cut from the lifecycle (named by
 * package, so that the plan depends on none of them): the plan's, the procurement documents', the obligations' and the
 * migration's.
 */
@RestControllerAdvice(basePackages = {"org.yunjian.lifecycle.rest", "org.yunjian.procurement.rest",
        "org.yunjian.obligations.rest", "org.yunjian.migration.rest"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class LifecycleProblems {

    private final Catalog catalog;

    LifecycleProblems(Catalog catalog) {
        this.catalog = catalog;
    }

    @ExceptionHandler(PlanService.GateRefused.class)
    ProblemDetail gate(PlanService.GateRefused e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:" + e.code()));
        p.setProperty("obstacles", GateTexts.lines(e.gate(), e.organisations(), catalog));
        return p;
    }

    /** A batch refused for one duty's version: the conflict problem, its detail and {@code duty} naming the duty. */
    @ExceptionHandler(DutyBatch.StaleDuty.class)
    ProblemDetail staleDuty(DutyBatch.StaleDuty e) {
        ProblemDetail p = e.stale().problem();
        p.setDetail(e.getMessage());
        p.setProperty("duty", e.duty());
        return p;
    }

    @ExceptionHandler(EvidenceVault.Unreadable.class)
    ProblemDetail unreadable(EvidenceVault.Unreadable e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        p.setType(URI.create("urn:yunjian:problem:evidence-unreadable"));
        return p;
    }
}
