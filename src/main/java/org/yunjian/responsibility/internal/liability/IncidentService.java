package org.yunjian.responsibility.internal.liability;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.internal.MatrixRepository;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.liability.IncidentRepository.IncidentRecord;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Text;
import org.yunjian.shared.TextRules;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * The Annex B liability lookup on a system and the incidents recorded against it with their analysis frozen at
 * recording time. The rules are {@link Liability}'s (who is liable, which rows) and {@link IncidentAccess}'s (who
 * records, who sees); this class reads, stores and audits.
 */
@Service
@Transactional
public class IncidentService {

    static final String OBJECT = "responsibility-incident";
    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 10_000;
    static final int REFERENCE_MAX = 200;

    private final ResponsibilityService matrices;
    private final MatrixRepository matrixRepo;
    private final IncidentRepository repo;
    private final Liability liability;
    private final UserAdministration users;
    private final TextRules textRules;
    private final IncidentDocx docx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentService(
            ResponsibilityService matrices,
            MatrixRepository matrixRepo,
            IncidentRepository repo,
            Liability liability,
            UserAdministration users,
            TextRules textRules,
            IncidentDocx docx,
            ApplicationEventPublisher events,
            Clock clock) {
        this.matrices = matrices;
        this.matrixRepo = matrixRepo;
        this.repo = repo;
        this.liability = liability;
        this.users = users;
        this.textRules = textRules;
        this.docx = docx;
        this.events = events;
        this.clock = clock;
    }

    /** What a person records: the incident code, when it happened (ISO, with offset or in the users' zone), texts. */
    public record RecordInput(String incident, String occurredAt, String title, String description, String reference) {}

    /** The analysis of an incident on a system, as the caller sees it now. */
    public record Lookup(IncidentAccess access, Liability.Incident incident, LiabilityAnalysis analysis) {}

    /** An exported document and its download name. */
    public record Export(byte[] content, DownloadName name) {}

    // --- the standard

    /**
     * The incidents of table B.1 matching the free text (Chinese or English) and the category (a constant of
     * {@link IncidentCategory}, or blank for all); any system administrator or business user.
     */
    @Transactional(readOnly = true)
    public List<Liability.Incident> search(String query, String category) {
        CurrentUser.requireBusinessOrAdmin("responsibility incidents");
        return liability.search(query, category(category));
    }

    public static IncidentCategory category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return IncidentCategory.valueOf(category.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldErrors.ValidationException("category", "responsibility.error.incidentCategory");
        }
    }

    public List<IncidentCategory> categories() {
        return liability.categories();
    }

    public Optional<Liability.Incident> incident(String code) {
        try {
            return code == null || code.isBlank()
                    ? Optional.empty()
                    : liability.incident(RequirementId.of(code.strip()));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    // --- on a system

    /** The caller's access to a system's incidents; 404 if the caller may not see the system. */
    @Transactional(readOnly = true)
    public IncidentAccess access(UUID systemId) {
        return new IncidentAccess(matrices.access(systemId));
    }

    /**
     * Who is liable for {@code code} on the system now: the standard's roles, the organisations holding them on the
     * current matrix version with their contacts, the rows involved. Without a matrix, the standard's answer only.
     */
    @Transactional(readOnly = true)
    public Lookup analyse(UUID systemId, String code) {
        IncidentAccess access = access(systemId);
        Liability.Incident incident = incident(code).orElseThrow(() -> new NotFoundException("incident", code));
        return new Lookup(access, incident, analysis(systemId, incident));
    }

    private LiabilityAnalysis analysis(UUID systemId, Liability.Incident incident) {
        if (matrixRepo.findBySystem(systemId).isEmpty()) {
            return LiabilityAnalysis.withoutMatrix(incident);
        }
        MatrixView v = matrices.current(systemId);
        Map<UUID, List<String>> contacts = new HashMap<>();
        List<UserView> accounts = users.list();
        return LiabilityAnalysis.of(
                liability.analyse(incident, v.matrix()),
                v.matrix(),
                v.version().version(),
                v.version().status(),
                org -> contacts.computeIfAbsent(org, o -> accounts.stream()
                        .filter(u -> u.role() == Role.USER && u.enabled() && o.equals(u.organizationId()))
                        .map(UserView::displayName)
                        .sorted()
                        .toList()));
    }

    /** The incidents of a system the caller may see, latest occurrence first. */
    @Transactional(readOnly = true)
    public List<IncidentRecord> list(UUID systemId) {
        IncidentAccess access = access(systemId);
        return repo.bySystem(systemId).stream()
                .filter(r -> access.maySee(r.analysis()))
                .toList();
    }

    /**
     * One page of the incidents recorded against the system that the caller may see and whose title, reference
     * or incident number contains {@code text} (null = any), the latest first. The parties who see every incident
     * page in SQL; anyone else sees only the incidents whose frozen analysis (a JSON document) names their
     * organisation, which is decided in Java over the system's incidents — one system's, not a growing table's.
     */
    @Transactional(readOnly = true)
    public Paged<IncidentRecord> list(UUID systemId, String text, PageRequest page) {
        IncidentAccess access = access(systemId);
        if (access.seesAll()) {
            return repo.page(systemId, text, page);
        }
        return Paged.slice(
                repo.matching(systemId, text).stream()
                        .filter(r -> access.maySee(r.analysis()))
                        .toList(),
                page);
    }

    /** One recorded incident; 404 if it is not the system's or the caller may not see it. */
    @Transactional(readOnly = true)
    public IncidentRecord get(UUID systemId, UUID id) {
        return find(systemId, id).orElseThrow(() -> new NotFoundException(OBJECT, id));
    }

    /** One recorded incident if it is the system's and the caller may see it; 404 if the system is not seen. */
    @Transactional(readOnly = true)
    public Optional<IncidentRecord> find(UUID systemId, UUID id) {
        IncidentAccess access = access(systemId);
        return repo.find(systemId, id).filter(r -> access.maySee(r.analysis()));
    }

    /**
     * Records an incident against the system with the analysis as it stands now (the current matrix version, or
     * the standard's answer where there is no matrix), frozen: later matrix changes leave it as it is.
     */
    public IncidentRecord record(UUID systemId, RecordInput in) {
        IncidentAccess access = access(systemId);
        access.requireRecorder();
        FieldErrors errors = new FieldErrors();
        Liability.Incident incident = null;
        if (in.incident() == null || in.incident().isBlank()) {
            errors.add("incident", "responsibility.error.required");
        } else {
            incident = incident(in.incident()).orElse(null);
            if (incident == null) {
                errors.add("incident", "responsibility.error.incidentUnknown", Text.safe(in.incident()));
            }
        }
        Instant occurred = occurredAt(errors, in.occurredAt());
        String title = text(errors, "title", in.title(), TITLE_MAX, true, Text.Kind.LINE);
        String description = text(errors, "description", in.description(), DESCRIPTION_MAX, true, Text.Kind.LINES);
        String reference = text(errors, "reference", in.reference(), REFERENCE_MAX, false, Text.Kind.LINE);
        errors.throwIfAny();
        CurrentUser u = access.matrix().user();
        IncidentRecord r = new IncidentRecord(
                UUID.randomUUID(),
                systemId,
                incident.id().value(),
                occurred,
                title,
                description,
                reference,
                analysis(systemId, incident),
                u.username(),
                u.organizationId(),
                clock.instant());
        repo.insert(r);
        events.publishEvent(AuditableEvent.success(
                "responsibility.incident.record",
                OBJECT,
                r.id(),
                Msg.of(
                        "responsibility.audit.incidentRecord",
                        incident.number(),
                        title,
                        access.matrix().system().name(),
                        r.analysis().onMatrix()
                                ? Msg.of(
                                        "responsibility.audit.incidentOnVersion",
                                        r.analysis().matrixVersion())
                                : Msg.of("responsibility.audit.incidentNoMatrix"))));
        return r;
    }

    /** The record as a Word document in the reader's language; the export is audited. */
    public Export docx(UUID systemId, UUID id) {
        IncidentRecord r = get(systemId, id);
        String systemName = access(systemId).matrix().system().name();
        byte[] content = docx.render(r, systemName);
        events.publishEvent(AuditableEvent.success(
                "responsibility.incident.export",
                OBJECT,
                r.id(),
                Msg.of("responsibility.audit.incidentExport", r.title(), systemName)));
        return new Export(
                content,
                DownloadName.of(
                        "responsibility.incident.fileName",
                        "incident-record",
                        systemName,
                        null,
                        r.occurredAt(),
                        "docx"));
    }

    private Instant occurredAt(FieldErrors errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add("occurredAt", "responsibility.error.required");
            return null;
        }
        java.util.Optional<Instant> entered = Formats.enteredTime(value);
        if (entered.isEmpty()) {
            errors.add("occurredAt", "responsibility.error.occurredAtFormat");
            return null;
        }
        Instant t = entered.get();
        // entered to the minute: any time in the current minute is not in the future
        if (t.isAfter(clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES))) {
            errors.add("occurredAt", "responsibility.error.occurredAtFuture");
            return null;
        }
        return t;
    }

    private String text(FieldErrors errors, String field, String value, int max, boolean required, Text.Kind kind) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                errors.add(field, "responsibility.error.required");
            }
            return null;
        }
        return textRules.check(errors, field, v, max, kind, "responsibility.error.tooLong") ? v : null;
    }
}
