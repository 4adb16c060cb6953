package org.yunjian.responsibility.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.PartyRole;
import org.yunjian.responsibility.Accountable;
import org.yunjian.responsibility.RuleCheck;
import org.yunjian.responsibility.internal.HandOvers;
import org.yunjian.responsibility.internal.MatrixDocument.StoredHop;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.RuleExceptions;
import org.yunjian.responsibility.internal.ViolationResponse;
import org.yunjian.responsibility.rest.Dtos.AgreementRequest;
import org.yunjian.responsibility.rest.Dtos.AnswerRequest;
import org.yunjian.responsibility.rest.Dtos.CheckResponse;
import org.yunjian.responsibility.rest.Dtos.ConsentRequest;
import org.yunjian.responsibility.rest.Dtos.ExceptionRequest;
import org.yunjian.responsibility.rest.Dtos.HopRequest;
import org.yunjian.responsibility.rest.Dtos.MatrixResponse;
import org.yunjian.responsibility.rest.Dtos.RowRequest;
import org.yunjian.responsibility.rest.Dtos.SignOffRequest;
import org.yunjian.responsibility.rest.Dtos.VersionResponse;
import org.yunjian.shared.FieldErrors.ValidationException;

/**
 * REST for a system's responsibility matrix (docs/modules/responsibility.md). Who may call: system administrators
 * and business users; inside, the parties of the system read (others get 404), the customer edits, the provider
 * edits the delegation of its own work, each side signs off for itself.
 */
@RestController
@Tag(name = "responsibility", description = "责任矩阵 Responsibility matrices after T/CCIA 004-2024")
class ResponsibilityApi {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";
    static final String BASE = "/api/systems/{id}/responsibility";

    private final ResponsibilityService service;
    private final Catalog catalog;
    private final RuleExceptions exceptions;
    private final HandOvers handOvers;

    ResponsibilityApi(ResponsibilityService service, Catalog catalog, RuleExceptions exceptions, HandOvers handOvers) {
        this.handOvers = handOvers;
        this.exceptions = exceptions;
        this.service = service;
        this.catalog = catalog;
    }

    @GetMapping(BASE)
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "The current version of the system's matrix: participants, agreements, one row per duty of "
                            + "T/CCIA 004-2024 §6–§9 with accountable parties and delegation chains, sign-offs (parties of the system)")
    ResponseEntity<MatrixResponse> current(@PathVariable UUID id) {
        return Dtos.tagged(service.current(id));
    }

    @PostMapping(BASE)
    @PreAuthorize(WHO)
    @Operation(
            summary = "Generate the system's first matrix from the standard for the organisations of the system "
                    + "and its engagements (customer); 409 if it has one")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MatrixResponse> create(@PathVariable UUID id) {
        return ResponseEntity.created(URI.create("/api/systems/" + id + "/responsibility"))
                .body(MatrixResponse.of(service.create(id)));
    }

    @GetMapping(BASE + "/versions")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The versions of the matrix, newest first, with status and change; one page (page from 1, "
                    + "size 1-200, default 50) with the total")
    org.yunjian.shared.paging.Paged<VersionResponse> versions(
            @PathVariable UUID id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return service.versions(id, org.yunjian.shared.paging.PageRequest.of(page, size))
                .map(VersionResponse::of);
    }

    @GetMapping(BASE + "/versions/{version}")
    @PreAuthorize(WHO)
    @Operation(summary = "One version of the matrix, current or earlier")
    MatrixResponse version(@PathVariable UUID id, @PathVariable int version) {
        return MatrixResponse.of(service.version(id, version));
    }

    @PutMapping(BASE + "/rows/{duty}")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Replace a duty's accountable parties and delegation chains: a new draft version, which "
                    + "reopens approval. The customer edits any row; the provider only the delegation of parts it answers "
                    + "for (403 otherwise). Each hop may carry handedOverOn, the day the work was handed over; the rule check "
                    + "reports a hop without one. A stale baseVersion is a 409")
    ResponseEntity<MatrixResponse> editRow(
            @PathVariable UUID id,
            @PathVariable String duty,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody RowRequest body) {
        if (body == null) {
            throw new ValidationException("assignments", "responsibility.error.required");
        }
        return Dtos.tagged(service.editRow(id, duty, body.assignments(), Dtos.base(ifMatch, body.baseVersion())));
    }

    @PostMapping(BASE + "/rows/{duty}/hops")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Hand the work of one accountable party of a duty on once more, from its implementing party "
                    + "to another participant under an agreement's clause, on handedOverOn (today if none; a day to come is a "
                    + "400); refused (409, the rule quoted) beyond the two levels of T/CCIA 004-2024 §5 b) 1)")
    ResponseEntity<MatrixResponse> handOn(
            @PathVariable UUID id,
            @PathVariable String duty,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) HopRequest body) {
        HopRequest b = body == null ? new HopRequest(null, null, null, null, null, null, null) : body;
        return Dtos.tagged(handOvers.handOn(
                id,
                duty,
                accountable(b.organisation(), b.role()),
                new StoredHop(null, b.to(), b.agreement(), b.clause(), b.handedOverOn()),
                Dtos.base(ifMatch, b.baseVersion())));
    }

    @DeleteMapping(BASE + "/rows/{duty}/hops/last")
    @PreAuthorize(WHO)
    @Operation(summary = "Take back the last hand-on of one accountable party's work on a duty")
    ResponseEntity<MatrixResponse> withdraw(
            @PathVariable UUID id,
            @PathVariable String duty,
            @RequestParam(required = false) UUID organisation,
            @RequestParam(required = false) PartyRole role,
            @RequestParam(required = false) Integer baseVersion,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return Dtos.tagged(
                handOvers.withdraw(id, duty, accountable(organisation, role), Dtos.base(ifMatch, baseVersion)));
    }

    /** The accountable party named, or null (the service refuses that with 400 once the caller may see the system). */
    private static Accountable accountable(UUID organisation, PartyRole role) {
        return organisation == null || role == null ? null : new Accountable(organisation, role);
    }

    @PostMapping(BASE + "/agreements")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Record a contract or cooperation agreement between two participants, with its clauses: a "
                    + "new draft version (customer; provider for agreements it is party to)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MatrixResponse> agreement(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AgreementRequest body) {
        if (body == null) {
            throw new ValidationException("name", "responsibility.error.required");
        }
        var v = handOvers.addAgreement(
                id,
                new HandOvers.AgreementInput(
                        body.name(),
                        body.partyA(),
                        body.partyB(),
                        body.clauses(),
                        body.signedOn(),
                        body.supervisionClause(),
                        body.accountabilityClause(),
                        body.customerConsentOn()),
                Dtos.base(ifMatch, body.baseVersion()));
        return Dtos.tagged(201, v);
    }

    @PostMapping(BASE + "/agreements/consent")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Record the day the client (委托方, the customer) permitted the provider to outsource or "
                    + "subcontract under a recorded agreement (JR/T 7.3, 7.4.3 \"受托方未经委托方许可，不得将云服务再进行外包、转包、"
                    + "分包\"): a new draft version, audited. The customer only; anyone else 403, audited as denied")
    ResponseEntity<MatrixResponse> consent(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) ConsentRequest body) {
        if (body == null) {
            throw new ValidationException("agreement", "responsibility.error.required");
        }
        var v = handOvers.recordConsent(
                id, body.agreement(), body.customerConsentOn(), Dtos.base(ifMatch, body.baseVersion()));
        return Dtos.tagged(v);
    }

    @PostMapping(BASE + "/exceptions")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Approve an exception to a rule T/CCIA 004-2024 §5 states \"原则上\" (5 a) 2) "
                    + "PROVIDER_DELEGATES_ALL_WORK, 5 b) 1) DELEGATION_TOO_DEEP, with the duty): the customer, with the "
                    + "reason; a new draft version, audited. The check then lists the finding as excepted; other rules admit "
                    + "no exception (400)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MatrixResponse> exception(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) ExceptionRequest body) {
        if (body == null) {
            throw new ValidationException("check", "responsibility.error.required");
        }
        var v = exceptions.approve(
                id,
                new RuleExceptions.ExceptionInput(body.check(), body.duty(), body.organisation(), body.reason()),
                Dtos.base(ifMatch, body.baseVersion()));
        return Dtos.tagged(201, v);
    }

    @PutMapping(BASE + "/questions/{question}")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Answer an applicability question — a condition T/CCIA 004-2024 puts on duties (7.2 a), "
                            + "7.1.3 a), …): answered false, the duties it opens do not "
                            + "apply to the system; true or null (withdrawn), they apply. The customer answers (403 otherwise); a new "
                            + "draft version, which reopens approval; 404 for an unknown question; a stale baseVersion is a 409")
    ResponseEntity<MatrixResponse> answer(
            @PathVariable UUID id,
            @PathVariable String question,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AnswerRequest body) {
        if (body == null) {
            throw new ValidationException("answer", "responsibility.error.required");
        }
        return Dtos.tagged(service.answer(id, question, body.answer(), Dtos.base(ifMatch, body.baseVersion())));
    }

    @GetMapping(BASE + "/check")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Run the T/CCIA 004-2024 §5 rule checks on the current (or the given) version: each "
                            + "violation with its rule id, the rule's text quoted and the message, in the Accept-Language language")
    CheckResponse check(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
        int v = version == null ? service.current(id).version().version() : version;
        RuleCheck.Result r = service.check(id, v);
        return new CheckResponse(
                v,
                r.approvable(),
                r.violations().stream()
                        .map(x -> ViolationResponse.of(x, catalog))
                        .toList(),
                r.excepted().stream()
                        .map(x -> Dtos.ExceptedResponse.of(x, catalog))
                        .toList());
    }

    @PostMapping(BASE + "/sign-offs")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Sign off the current version for the caller's side (CUSTOMER or PROVIDER); refused with "
                    + "409 and the violations while the rule check finds any. Both sign-offs approve the version")
    ResponseEntity<MatrixResponse> signOff(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SignOffRequest body) {
        if (body == null) {
            throw new ValidationException("side", "responsibility.error.required");
        }
        return Dtos.tagged(service.signOff(id, body.side(), Dtos.base(ifMatch, body.baseVersion())));
    }
}
