package org.yunjian.obligations.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yunjian.obligations.ObligationStatus;
import org.yunjian.obligations.internal.CalendarFeeds;
import org.yunjian.obligations.internal.ObligationIntervals;
import org.yunjian.obligations.internal.ObligationQueries;
import org.yunjian.obligations.internal.ObligationService;
import org.yunjian.obligations.rest.ObligationDtos.CalendarSettingsResponse;
import org.yunjian.obligations.rest.ObligationDtos.CompletionRequest;
import org.yunjian.obligations.rest.ObligationDtos.CustomerRequest;
import org.yunjian.obligations.rest.ObligationDtos.FeedResponse;
import org.yunjian.obligations.rest.ObligationDtos.GenerateRequest;
import org.yunjian.obligations.rest.ObligationDtos.IntervalRequest;
import org.yunjian.obligations.rest.ObligationDtos.IntervalResponse;
import org.yunjian.obligations.rest.ObligationDtos.ObligationResponse;
import org.yunjian.obligations.rest.ObligationDtos.ReminderAddressRequest;
import org.yunjian.party.EmailAddresses;
import org.yunjian.party.PersonEmail;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.Versions;

/**
 * REST for the obligations calendar (docs/modules/lifecycle.md): a system's recurring obligations (parties of the
 * system read, others 404; the customer generates; the responsible organisation or the customer records
 * completions), the obligations across the systems the caller sees, the caller's organisation's own intervals, and
 * the caller's calendar feed and reminder address. System administrators and business users.
 */
@RestController
@Tag(name = "lifecycle", description = "生命周期 Lifecycle governance: obligations calendar")
class ObligationApi {

    static final String WHO = "hasAnyRole('SYSTEM_ADMIN', 'USER')";
    static final String SYSTEM = "/api/systems/{id}/lifecycle/obligations";

    private final ObligationService obligations;
    private final ObligationQueries queries;
    private final ObligationIntervals intervals;
    private final CalendarFeeds feeds;
    private final EmailAddresses reminders;

    ObligationApi(
            ObligationService obligations,
            ObligationQueries queries,
            ObligationIntervals intervals,
            CalendarFeeds feeds,
            EmailAddresses reminders) {
        this.obligations = obligations;
        this.queries = queries;
        this.intervals = intervals;
        this.feeds = feeds;
        this.reminders = reminders;
    }

    @GetMapping(SYSTEM)
    @PreAuthorize(WHO)
    @Operation(
            summary = "The system's recurring obligations the caller may see, earliest due first, each with its "
                    + "interval, last completion, next due date and status (UPCOMING, DUE_SOON within 30 days, OVERDUE); "
                    + "filtered by q (the obligation's name contains) and status; one page (page from 1, size 1-200, "
                    + "default 50) with the total")
    Paged<ObligationResponse> list(
            @PathVariable UUID id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var query = ListFilters.Query.of(q, "status", status, ObligationStatus.class, page, size);
        return obligations
                .ofSystem(id, query.text(), query.choice(), query.page())
                .rows()
                .map(ObligationResponse::of);
    }

    @PostMapping(SYSTEM + "/generate")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Create the obligations the system lacks, from its protection level, industry and "
                    + "deployment model (customer only); 201 with the new ones (empty if all exist); 400 for an impossible "
                    + "startDate")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<List<ObligationResponse>> generate(
            @PathVariable UUID id, @RequestBody(required = false) GenerateRequest body) {
        List<ObligationService.Row> created = obligations.generate(id, body == null ? null : body.startDate());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(created.stream().map(ObligationResponse::of).toList());
    }

    @PostMapping(SYSTEM + "/{kind}/completions")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Record that the obligation of this kind (e.g. EMERGENCY_DRILL) was done on doneOn (ISO date, "
                    + "not in the future): users of the responsible organisation or of the customer; the next due date "
                    + "counts from it. Where several organisations each have one of the kind (every agent's "
                    + "AGENT_SERVICE_REPORT), responsible names the organisation's (else the caller's own; 400 "
                    + "naming responsible if ambiguous). Names the obligation's version read (If-Match or version): "
                    + "428 without, 409 if stale")
    ResponseEntity<ObligationResponse> complete(
            @PathVariable UUID id,
            @PathVariable String kind,
            @RequestParam(required = false) String responsible,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) CompletionRequest body) {
        return tagged(ObligationResponse.of(obligations.complete(
                id,
                kind,
                responsible,
                body == null ? null : body.doneOn(),
                ExpectedVersion.of(ifMatch, body == null ? null : body.version()))));
    }

    @PostMapping(SYSTEM + "/{kind}/requests")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The customer asks for a duty due on request (JR/T 7.3 \"受托方应依照委托方要求，向委托方提供…必要证据\": "
                    + "the 行业云 provider's evidence, PROVIDER_REPORT) by requestedBy (ISO date, today or later): it falls "
                    + "due that day until the provider records the delivery. Customer only; 400 naming kind for a duty "
                    + "of another schedule. Names the obligation's version read (If-Match or version): 428 without, 409 "
                    + "if stale")
    ResponseEntity<ObligationResponse> request(
            @PathVariable UUID id,
            @PathVariable String kind,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) CustomerRequest body) {
        return tagged(ObligationResponse.of(obligations.request(
                id,
                kind,
                body == null ? null : body.requestedBy(),
                ExpectedVersion.of(ifMatch, body == null ? null : body.version()))));
    }

    @GetMapping(SYSTEM + "/{kind}")
    @PreAuthorize(WHO)
    @Operation(
            summary = "One obligation of the system (e.g. EMERGENCY_DRILL; responsible: the organisation's, where "
                    + "several each have one), its version as the ETag a completion names in If-Match; 404 if the "
                    + "caller does not see it")
    ResponseEntity<ObligationResponse> one(
            @PathVariable UUID id, @PathVariable String kind, @RequestParam(required = false) String responsible) {
        return tagged(ObligationResponse.of(obligations.one(id, kind, responsible)));
    }

    private static ResponseEntity<ObligationResponse> tagged(ObligationResponse r) {
        return ResponseEntity.ok().eTag(Versions.etag(r.version())).body(r);
    }

    @GetMapping("/api/lifecycle/obligations")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Obligations of every system the caller sees, due from `from` to `to` (ISO dates; default: "
                    + "everything due up to 90 days ahead), or only the overdue ones (overdue=true); filtered by q (the "
                    + "obligation's or the system's name contains) and status; one page at a time (page from 1, size 1-200, "
                    + "default 50) with the total")
    Paged<ObligationResponse> across(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false, defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        var query = ListFilters.Query.of(q, "status", status, ObligationStatus.class, page, size);
        return queries.across(from, to, overdue, query.text(), query.choice(), query.page())
                .map(ObligationResponse::of);
    }

    @GetMapping("/api/lifecycle/intervals")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The caller's organisation's own interval per kind of obligation (null: the default); one "
                    + "page (page from 1, size 1-200, default 50) with the total")
    org.yunjian.shared.paging.Paged<IntervalResponse> intervals(
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        org.yunjian.shared.paging.PageRequest request = org.yunjian.shared.paging.PageRequest.of(page, size);
        return org.yunjian.shared.paging.Paged.slice(intervals.intervals(), request)
                .map(IntervalResponse::of);
    }

    @GetMapping("/api/lifecycle/intervals/{kind}")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The caller's organisation's own interval for one kind (null: the default), its version as "
                    + "the ETag a change names in If-Match (0: never set)")
    ResponseEntity<IntervalResponse> interval(@PathVariable String kind) {
        IntervalResponse r = IntervalResponse.of(intervals.interval(kind));
        return ResponseEntity.ok().eTag(Versions.etag(r.version())).body(r);
    }

    @PutMapping("/api/lifecycle/intervals")
    @PreAuthorize(WHO)
    @Operation(
            summary =
                    "Set the caller's organisation's own interval for a kind (months; null or blank: the "
                            + "default), applied to the systems it is the customer of; 400 naming the standard when longer than "
                            + "the standard allows; names the setting's version read (If-Match or version): 428 without, 409 if stale")
    ResponseEntity<IntervalResponse> setInterval(
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) IntervalRequest body) {
        IntervalResponse r = IntervalResponse.of(intervals.setInterval(
                body == null ? null : body.kind(),
                body == null ? null : body.months(),
                ExpectedVersion.of(ifMatch, body == null ? null : body.version())));
        return ResponseEntity.ok().eTag(Versions.etag(r.version())).body(r);
    }

    @GetMapping("/api/lifecycle/calendar")
    @PreAuthorize(WHO)
    @Operation(
            summary = "The caller's calendar settings: whether a feed exists, the confirmed reminder address and one "
                    + "waiting for confirmation")
    CalendarSettingsResponse settings() {
        var created = feeds.created();
        PersonEmail address = reminders.mine();
        return new CalendarSettingsResponse(
                created.isPresent(),
                created.orElse(null),
                address.confirmed(),
                address.pending(),
                address.pendingExpiresAt(),
                reminders.mailConfigured());
    }

    @PostMapping("/api/lifecycle/calendar/feed")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Create (or regenerate: the old address stops working) the caller's secret iCalendar feed; "
                    + "the address is returned once")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<FeedResponse> createFeed() {
        String token = feeds.create();
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/lifecycle/calendar/{token}.ics")
                .buildAndExpand(token)
                .toUriString();
        return ResponseEntity.status(HttpStatus.CREATED).body(new FeedResponse(url, token));
    }

    @DeleteMapping("/api/lifecycle/calendar/feed")
    @PreAuthorize(WHO)
    @Operation(summary = "Revoke the caller's iCalendar feed (its address answers 404 from now on); 404 if none")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revokeFeed() {
        feeds.revoke();
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/lifecycle/calendar/reminder-address")
    @PreAuthorize(WHO)
    @Operation(
            summary = "Ask for the caller's address for e-mail reminders about overdue obligations: it waits until "
                    + "its owner, signed in as the caller, opens the link mailed to it (the confirmed address, "
                    + "if any, keeps receiving until then); the confirmed address again drops a waiting one; "
                    + "blank removes both. 400 for an invalid address or a second link within a minute, 503 "
                    + "when the mail server refuses the confirmation mail")
    CalendarSettingsResponse setAddress(@RequestBody(required = false) ReminderAddressRequest body) {
        reminders.setMine(body == null ? null : body.email());
        return settings();
    }
}
