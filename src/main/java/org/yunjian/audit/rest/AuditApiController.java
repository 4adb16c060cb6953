package org.yunjian.audit.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.audit.internal.AuditEntry;
import org.yunjian.audit.internal.AuditPresentation;
import org.yunjian.audit.internal.AuditQuery;
import org.yunjian.audit.internal.AuditRepository;
import org.yunjian.audit.internal.AuditVerifier;
import org.yunjian.audit.internal.CsvExport;
import org.yunjian.audit.internal.Finding;
import org.yunjian.audit.internal.VerificationReport;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/** Read-only access to the audit log for audit administrators. There is deliberately no write operation. */
@RestController
@RequestMapping("/api/audit")
class AuditApiController {

    private final AuditRepository repository;
    private final AuditVerifier verifier;
    private final ApplicationEventPublisher events;
    private final AuditPresentation presentation;

    AuditApiController(
            AuditRepository repository,
            AuditVerifier verifier,
            ApplicationEventPublisher events,
            AuditPresentation presentation) {
        this.repository = repository;
        this.verifier = verifier;
        this.events = events;
        this.presentation = presentation;
    }

    /**
     * An entry with its stored values (what the MAC covers) and, next to them, the texts a person reads in the
     * caller's language ({@code Accept-Language}): action, object kind, outcome, detail, time, person, address.
     */
    record EventDto(
            long seq,
            Instant occurredAt,
            String username,
            UUID organizationId,
            String sourceAddress,
            String action,
            String objectType,
            String objectId,
            String outcome,
            String detail,
            String prevMac,
            String mac,
            UUID apiTokenId,
            String apiTokenName,
            Texts texts) {
        static EventDto of(AuditPresentation.Rendered r) {
            AuditEntry e = r.entry();
            return new EventDto(
                    e.seq(),
                    e.occurredAt(),
                    e.username(),
                    e.organizationId(),
                    e.sourceAddress(),
                    e.action(),
                    e.objectType(),
                    e.objectId(),
                    e.outcome(),
                    e.detail(),
                    e.prevMac(),
                    e.mac(),
                    e.apiTokenId(),
                    e.apiTokenName(),
                    new Texts(
                            r.time(),
                            r.person(),
                            r.token(),
                            r.address(),
                            r.action(),
                            r.object(),
                            r.outcome(),
                            r.detail()));
        }
    }

    /** The rendered texts of an entry; {@code token} names the API token it was made through (else null). */
    record Texts(
            String time,
            String person,
            String token,
            String address,
            String action,
            String objectType,
            String outcome,
            String detail) {}

    record EventPage(List<EventDto> items, int page, int size, long total) {}

    /**
     * A finding: its code ({@code kind}) and entries for machines; {@code text} (the kind, short) and
     * {@code message} (what was found, naming the entries) in the caller's language ({@code Accept-Language}).
     */
    record FindingDto(String kind, long from, long to, String message, String text) {}

    /**
     * @param offSite whether an anchor export outside the key directory was checked
     * @param notes   what the verification could not rule out (without an off-site copy: truncation of the newest
     *                entries by someone who can write the key directory), in the caller's language
     */
    record VerificationDto(
            boolean ok,
            long entries,
            long anchors,
            String summary,
            List<FindingDto> findings,
            boolean offSite,
            List<String> notes) {
        static VerificationDto of(VerificationReport r) {
            return new VerificationDto(
                    r.ok(),
                    r.entries(),
                    r.anchors(),
                    r.detail().text(),
                    r.findings().stream()
                            .map((Finding f) -> new FindingDto(
                                    f.kind().name(), f.from(), f.to(), f.text(), VerificationReport.text(f)))
                            .toList(),
                    r.offSite(),
                    r.noteTexts());
        }
    }

    @GetMapping("/events")
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    @Operation(summary = "List audit log entries, newest first, with optional filters")
    EventPage events(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        AuditQuery q = AuditQuery.parse(action, user, outcome, from, to, page, size);
        List<AuditEntry> entries = repository.search(q.filter(), q.page(), q.size());
        Map<String, String> names = presentation.names(entries);
        List<EventDto> items = entries.stream()
                .map(e -> EventDto.of(presentation.render(e, names)))
                .toList();
        return new EventPage(items, q.page(), q.size(), repository.count(q.filter()));
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    @Operation(summary = "Verify the whole audit log (MACs, chain, anchors, head witness) now")
    VerificationDto verify() {
        VerificationReport report = verifier.verify();
        events.publishEvent(new AuditableEvent(
                "audit.verify",
                "audit_log",
                null,
                report.ok() ? AuditableEvent.Outcome.SUCCESS : AuditableEvent.Outcome.FAILURE,
                report.detail().encode(),
                null));
        return VerificationDto.of(report);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @PreAuthorize("hasRole('AUDIT_ADMIN')")
    @Operation(
            summary = "Download matching audit log entries as CSV (the export itself is audited): the stored values "
                    + "the MACs cover, then the same entry in words in lang (zh or en; default: Accept-Language)")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String lang) {
        AuditQuery q = AuditQuery.parse(action, user, outcome, from, to, 0, 1);
        java.util.Locale language = language(lang);
        long count = repository.count(q.filter());
        events.publishEvent(AuditableEvent.success(
                "audit.export", "audit_log", null, Msg.of("audit.detail.export", count, describe(q.filter()))));
        // a byte order mark lets spreadsheet programs read the Chinese text as UTF-8
        List<AuditEntry> entries = repository.all(q.filter());
        Map<String, String> names = presentation.names(entries);
        byte[] body = ("\uFEFF"
                        + CsvExport.of(entries.stream()
                                .map(e -> presentation.render(e, names, language))
                                .toList()))
                .getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("audit-log.csv")
                                .build()
                                .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    /** The export's language: {@code zh} or {@code en}, else (absent) the caller's; anything else is a 400. */
    static java.util.Locale language(String lang) {
        if (lang == null || lang.isBlank()) {
            return org.yunjian.shared.Texts.locale();
        }
        return switch (lang.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "zh", "zh-cn" -> org.yunjian.shared.Texts.CHINESE;
            case "en" -> org.yunjian.shared.Texts.ENGLISH;
            default -> throw new org.yunjian.shared.FieldErrors.ValidationException("lang", "audit.csv.error.lang");
        };
    }

    static String describe(AuditRepository.Filter f) {
        return "action=" + f.action() + ", user=" + f.username() + ", outcome=" + f.outcome() + ", from=" + f.from()
                + ", to=" + f.to();
    }
}
