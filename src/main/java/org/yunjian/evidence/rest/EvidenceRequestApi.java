package org.yunjian.evidence.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunjian.assessment.Access;
import org.yunjian.evidence.EvidenceDownloads;
import org.yunjian.evidence.EvidenceRequestStatus;
import org.yunjian.evidence.EvidenceResponse;
import org.yunjian.evidence.EvidenceRouting;
import org.yunjian.evidence.RequestRecords.EvidenceLink;
import org.yunjian.evidence.RequestRecords.RequestLine;
import org.yunjian.evidence.internal.EvidenceLinks;
import org.yunjian.evidence.internal.EvidenceRequests;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.Versioned;
import org.yunjian.shared.version.Versions;

/** REST for evidence requests (资料清单), evidence links and carrying evidence into a later assessment. */
@RestController
@Tag(name = "evidence-requests", description = "资料清单 Evidence requests, evidence links and reuse")
class EvidenceRequestApi {

    static final String WHO = Access.WHO;

    private final EvidenceRequests requests;
    private final EvidenceLinks links;
    private final org.yunjian.evidence.EvidenceService evidence;

    EvidenceRequestApi(EvidenceRequests requests, EvidenceLinks links, org.yunjian.evidence.EvidenceService evidence) {
        this.evidence = evidence;
        this.requests = requests;
        this.links = links;
    }

    record EvidenceRequestLineInput(
            String title, String description, List<UUID> itemIds, LocalDate dueDate, EvidenceRouting.Party addressee) {}

    record EvidenceRequestSendRequest(List<EvidenceRequestLineInput> lines) {}

    record EvidenceRequestLineResponse(
            UUID id,
            UUID requestId,
            UUID assessmentId,
            int position,
            String title,
            String description,
            LocalDate dueDate,
            UUID addresseeOrgId,
            String addressee,
            EvidenceRouting.Basis routing,
            EvidenceRequestStatus status,
            boolean overdue,
            List<UUID> itemIds,
            UUID evidenceId,
            String comment,
            String sentBy,
            Instant sentAt,
            String answeredBy,
            Instant answeredAt,
            String decidedBy,
            Instant decidedAt,
            long version)
            implements Versioned {}

    record MyEvidenceRequestsResponse(
            Paged<EvidenceRequestLineResponse> addressed, Paged<EvidenceRequestLineResponse> toReview) {}

    record EvidenceRoutingResponse(
            EvidenceRouting.Party party, UUID organisationId, String organisation, EvidenceRouting.Basis basis) {}

    /** {@code version}: the line's version this replaces, if no {@code If-Match} names it. */
    record EvidenceDecisionRequest(boolean accept, String comment, Long version) {}

    /** {@code version}: the line's version this replaces, if no {@code If-Match} names it. */
    record EvidenceAddresseeRequest(EvidenceRouting.Party addressee, Long version) {}

    /** {@code version}: the evidence's version this replaces, if no {@code If-Match} names it. */
    record EvidenceLinkRequest(UUID assessmentId, List<UUID> itemIds, Long version) {}

    record EvidenceLinkResponse(UUID evidenceId, UUID itemId, UUID assessmentId, String linkedBy, Instant linkedAt) {
        static EvidenceLinkResponse of(EvidenceLink l) {
            return new EvidenceLinkResponse(
                    l.evidenceId(), l.itemId(), l.assessmentId(), l.linkedByName(), l.linkedAt());
        }
    }

    record EvidenceOriginResponse(UUID assessmentId, String name, String reportNumber) {
        static EvidenceOriginResponse of(EvidenceLinks.Origin o) {
            return o == null ? null : new EvidenceOriginResponse(o.assessmentId(), o.name(), o.reportNumber());
        }
    }

    record EvidenceStandingResponse(
            EvidenceResponse evidence,
            LocalDate validUntil,
            boolean expired,
            List<EvidenceLinkResponse> links,
            EvidenceOriginResponse carriedFrom) {}

    record EvidenceCarryCandidateResponse(
            EvidenceResponse evidence,
            LocalDate validUntil,
            boolean expired,
            boolean carried,
            EvidenceOriginResponse from) {}

    /** {@code version}: the carried evidence's version (its {@code ETag}), if no {@code If-Match} names it. */
    record EvidenceCarryRequest(UUID evidenceId, List<UUID> itemIds, Long version) {}

    /** {@code version}: the evidence's version this replaces, if no {@code If-Match} names it. */
    record EvidenceValidityRequest(LocalDate validUntil, Long version) {}

    private EvidenceRequestLineResponse line(RequestLine l, LocalDate today) {
        return new EvidenceRequestLineResponse(
                l.id(),
                l.requestId(),
                l.assessmentId(),
                l.position(),
                l.title(),
                l.description(),
                l.dueDate(),
                l.addresseeOrgId(),
                requests.name(l.addresseeOrgId()),
                l.routing(),
                l.status(),
                l.overdue(today),
                l.itemIds(),
                l.evidenceId(),
                l.comment(),
                l.sentByName(),
                l.sentAt(),
                l.answeredByName(),
                l.answeredAt(),
                l.decidedByName(),
                l.decidedAt(),
                l.version());
    }

    // --- requests

    @GetMapping("/api/assessments/{id}/evidence-requests")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The evidence request lines of an assessment the caller sees: all for the assessor "
                    + "organisation, those addressed to it for the customer or provider; one page (page from 1, size 1-200, "
                    + "default 50) with the total")
    Paged<EvidenceRequestLineResponse> ofAssessment(
            @PathVariable UUID id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        PageRequest request = PageRequest.of(page, size);
        LocalDate today = requests.today();
        return Paged.slice(requests.ofAssessment(id), request).map(l -> line(l, today));
    }

    @PostMapping("/api/assessments/{id}/evidence-requests")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Send an evidence request (assessors of an open assessment): lines with title, items, due "
                            + "date and optionally the addressee (CUSTOMER / PROVIDER; default: the party responsible for the items)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<List<EvidenceRequestLineResponse>> send(
            @PathVariable UUID id, @RequestBody EvidenceRequestSendRequest body) {
        if (body == null || body.lines() == null) {
            throw new ValidationException("lines", "assessment.request.error.noLines");
        }
        var sent = requests.send(
                id,
                body.lines().stream()
                        .map(l -> l == null
                                ? null
                                : new EvidenceRequests.LineInput(
                                        l.title(), l.description(), l.itemIds(), l.dueDate(), l.addressee()))
                        .toList());
        LocalDate today = requests.today();
        return ResponseEntity.created(URI.create("/api/assessments/" + id + "/evidence-requests"))
                .body(sent.stream().map(l -> line(l, today)).toList());
    }

    @GetMapping("/api/assessments/{id}/evidence-routing")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The party a line for these items would go to, and whether the responsibility matrix or the "
                    + "items' sides decided it (assessors)")
    EvidenceRoutingResponse routing(@PathVariable UUID id, @RequestParam List<UUID> itemId) {
        var r = requests.propose(id, itemId);
        return new EvidenceRoutingResponse(r.party(), r.organisationId(), requests.name(r.organisationId()), r.basis());
    }

    @GetMapping("/api/evidence-requests")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Across assessments: one page of the lines addressed to the caller's organisation and one "
                    + "of the answered lines awaiting the caller's review as assessor, earliest due first, each with its total. "
                    + "Filters: q (title contains, any case, both lists), status (the lines addressed); page from 1, size "
                    + "1-200 (default 50), the same for both lists. A bad value is a 400 naming the parameter")
    MyEvidenceRequestsResponse mine(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var query = ListFilters.Query.of(q, "status", status, EvidenceRequestStatus.class, page, size);
        var m = requests.mine(query.text(), query.choice(), query.page());
        LocalDate today = requests.today();
        return new MyEvidenceRequestsResponse(
                m.addressed().map(l -> line(l, today)), m.toReview().map(l -> line(l, today)));
    }

    @GetMapping("/api/evidence-request-lines/{id}")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "One evidence request line (404 unless the caller's organisation sent or received it); the ETag is its version")
    EvidenceRequestLineResponse getLine(@PathVariable UUID id) {
        return line(requests.line(id), requests.today());
    }

    @PostMapping(path = "/api/evidence-request-lines/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    @Operation(
            summary = "Answer a line (the addressed party): the file becomes evidence of the assessment linked to "
                    + "all the line's items, checked, hashed and sealed like any evidence; optional validUntil; If-Match (or "
                    + "the version field) names the line's version (409 when stale, 428 without)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<EvidenceResponse> answer(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) LocalDate validUntil,
            @RequestParam(required = false) Long version)
            throws IOException {
        var e = requests.answer(
                id, ExpectedVersion.of(ifMatch, version), file.getOriginalFilename(), file.getBytes(), validUntil);
        return ResponseEntity.created(URI.create("/api/evidence/" + e.id())).body(EvidenceResponse.of(e));
    }

    @PutMapping("/api/evidence-request-lines/{id}/decision")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Accept the submitted file or return it with a comment (assessors); If-Match names the line's version (409 when stale, 428 without)")
    EvidenceRequestLineResponse decide(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody EvidenceDecisionRequest body) {
        return line(
                requests.decide(id, ExpectedVersion.of(ifMatch, body.version()), body.accept(), body.comment()),
                requests.today());
    }

    @PutMapping("/api/evidence-request-lines/{id}/addressee")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Send a line not yet answered to the other party (assessors); If-Match names the line's version (409 when stale, 428 without)")
    EvidenceRequestLineResponse readdress(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) EvidenceAddresseeRequest body) {
        return line(
                requests.readdress(
                        id,
                        ExpectedVersion.of(ifMatch, body == null ? null : body.version()),
                        body == null ? null : body.addressee()),
                requests.today());
    }

    // --- links and reuse

    @GetMapping("/api/assessments/{id}/evidence")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The evidence of an assessment the caller sees, with the items each supports there, its "
                    + "validity and, for carried evidence, the assessment it came from; one page (page from 1, size 1-200, "
                    + "default 50) with the total")
    Paged<EvidenceStandingResponse> evidenceOf(
            @PathVariable UUID id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        PageRequest request = PageRequest.of(page, size);
        return Paged.slice(links.ofAssessment(id), request)
                .map(s -> new EvidenceStandingResponse(
                        EvidenceResponse.of(s.evidence()),
                        s.validUntil(),
                        s.expired(),
                        s.links().stream().map(EvidenceLinkResponse::of).toList(),
                        EvidenceOriginResponse.of(s.origin())));
    }

    @GetMapping("/api/assessments/{id}/evidence/{evidenceId}/content")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Download evidence through an assessment it is linked or carried into, decrypted and verified "
                    + "against its SM3; altered content is refused")
    ResponseEntity<byte[]> contentThrough(@PathVariable UUID id, @PathVariable UUID evidenceId) {
        return EvidenceDownloads.download(evidence.download(evidenceId, id));
    }

    @PostMapping("/api/evidence/{id}/links")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Link evidence of the assessment to further items of it (assessors, open assessment); If-Match names the evidence's version (409 when stale, 428 without); the ETag is its new version")
    ResponseEntity<List<EvidenceLinkResponse>> link(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody EvidenceLinkRequest body) {
        if (body == null || body.assessmentId() == null) {
            throw new ValidationException("assessmentId", "required");
        }
        ExpectedVersion version = ExpectedVersion.of(ifMatch, body.version());
        var linked = links.link(id, version, body.assessmentId(), body.itemIds());
        return ResponseEntity.ok()
                .eTag(Versions.etag(version.value() + 1))
                .body(linked.stream().map(EvidenceLinkResponse::of).toList());
    }

    @DeleteMapping("/api/evidence/{id}/links/{itemId}")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Unlink evidence from an item (assessors); the last item of its own assessment keeps it; If-Match names the evidence's version (409 when stale, 428 without); the ETag is its new version")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> unlink(
            @PathVariable UUID id,
            @PathVariable UUID itemId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ExpectedVersion version = ExpectedVersion.of(ifMatch, null);
        links.unlink(id, version, itemId);
        return ResponseEntity.noContent()
                .eTag(Versions.etag(version.value() + 1))
                .build();
    }

    @PutMapping("/api/evidence/{id}/validity")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Set or clear the validity date (有效期至): the uploading organisation or the assessors; If-Match names the evidence's version (409 when stale, 428 without); the ETag is its new version")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> validity(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) EvidenceValidityRequest body) {
        long now = links.setValidUntil(
                id,
                ExpectedVersion.of(ifMatch, body == null ? null : body.version()),
                body == null ? null : body.validUntil());
        return ResponseEntity.noContent().eTag(Versions.etag(now)).build();
    }

    @GetMapping("/api/assessments/{id}/carry-candidates")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Evidence of earlier assessments of the same system the assessors' organisation may read, "
                    + "with validity (assessors); one page (page from 1, size 1-200, default 50) with the total")
    Paged<EvidenceCarryCandidateResponse> candidates(
            @PathVariable UUID id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        PageRequest request = PageRequest.of(page, size);
        return Paged.slice(links.candidates(id), request)
                .map(c -> new EvidenceCarryCandidateResponse(
                        EvidenceResponse.of(c.evidence()),
                        c.validUntil(),
                        c.expired(),
                        c.carried(),
                        EvidenceOriginResponse.of(c.origin())));
    }

    @PostMapping("/api/assessments/{id}/carried-evidence")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Carry earlier evidence into this assessment, linked to items here: the same stored file, "
                    + "SM3 and key; expired evidence is a 409 evidence-expired; If-Match (or version) names the evidence's "
                    + "version (409 naming the file when stale, nothing carried; 428 without)")
    List<EvidenceLinkResponse> carry(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody EvidenceCarryRequest body) {
        if (body == null || body.evidenceId() == null) {
            throw new ValidationException("evidenceId", "required");
        }
        return links.carry(id, body.evidenceId(), ExpectedVersion.of(ifMatch, body.version()), body.itemIds()).stream()
                .map(EvidenceLinkResponse::of)
                .toList();
    }
}
