package org.yunjian.evidence.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentChanges;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.evidence.EvidenceRequestRepository;
import org.yunjian.evidence.EvidenceRequestStatus;
import org.yunjian.evidence.EvidenceRouting;
import org.yunjian.evidence.EvidenceRouting.Party;
import org.yunjian.evidence.EvidenceService;
import org.yunjian.evidence.RequestRecords.RequestLine;
import org.yunjian.party.CloudSystem;
import org.yunjian.responsibility.AccountableParties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationDirectory;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * Evidence requests (资料清单): the assessors of an open assessment ask the system's customer or provider for
 * documents, line by line, each line routed to the party responsible for its items ({@link EvidenceRouting}); the
 * addressed party uploads against its lines (the file becomes evidence of the assessment linked to all the line's
 * items, owned by the uploading organisation); the assessors accept or return each answer. An addressed party sees
 * only the lines addressed to it; the assessor organisation sees all; anyone without a relation to the assessment
 * gets 404.
 */
@Service
public class EvidenceRequests {

    /** Due dates are calendar days in Beijing time, as people pick them. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AssessmentService assessments;
    private final AssessmentReads repo;
    private final EvidenceRequestRepository requests;
    private final EvidenceService evidence;
    private final AccountableParties accountable;
    private final OrganizationDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final AssessmentChanges work;

    EvidenceRequests(
            AssessmentService assessments,
            AssessmentReads repo,
            EvidenceRequestRepository requests,
            EvidenceService evidence,
            AccountableParties accountable,
            OrganizationDirectory directory,
            ApplicationEventPublisher events,
            Clock clock,
            AssessmentChanges work) {
        this.work = work;
        this.assessments = assessments;
        this.repo = repo;
        this.requests = requests;
        this.evidence = evidence;
        this.accountable = accountable;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** One line as asked for; {@code addressee} null = the proposed party. */
    public record LineInput(String title, String description, List<UUID> itemIds, LocalDate dueDate, Party addressee) {
        public LineInput {
            itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        }

        public boolean blank() {
            return (title == null || title.isBlank())
                    && (description == null || description.isBlank())
                    && itemIds.isEmpty()
                    && dueDate == null;
        }
    }

    /** A proposed or chosen addressee: the party, its organisation and what the choice rests on. */
    public record Routed(Party party, UUID organisationId, EvidenceRouting.Basis basis) {}

    /**
     * What a reader sees of the lines: one page of those addressed to its organisation, and for assessors one page
     * of those to review, each with its total.
     */
    public record MyLines(Paged<RequestLine> addressed, Paged<RequestLine> toReview) {}

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    // --- reading

    /** The lines of the assessment the caller may see (404 if the assessment is invisible). */
    @Transactional(readOnly = true)
    public List<RequestLine> ofAssessment(UUID assessmentId) {
        Access access = assessments.access(assessmentId);
        return requests.linesOfAssessment(assessmentId).stream()
                .filter(l -> sees(access, l))
                .toList();
    }

    /** The lines of one item the caller may see. */
    @Transactional(readOnly = true)
    public List<RequestLine> ofItem(UUID assessmentId, UUID itemId) {
        return ofAssessment(assessmentId).stream()
                .filter(l -> l.itemIds().contains(itemId))
                .toList();
    }

    /**
     * Across assessments: one page of the lines addressed to the caller's organisation, and one of the lines
     * awaiting the caller's review as assessor, earliest due first; {@code q} (title contains) filters both,
     * {@code status} the lines addressed. The lines are paged in SQL over the assessments the caller sees, found in
     * Java ({@link Access}) among the few that have lines of the caller's organisation.
     */
    @Transactional(readOnly = true)
    public MyLines mine(String q, EvidenceRequestStatus status, PageRequest page) {
        CurrentUser u = CurrentUser.requireBusinessOrAdmin("evidence requests");
        if (u.organizationId() == null) {
            return new MyLines(Paged.of(List.of(), page, 0), Paged.of(List.of(), page, 0));
        }
        List<UUID> visible = new ArrayList<>();
        List<UUID> assessing = new ArrayList<>();
        for (UUID id : requests.assessmentsWithLinesOf(u.organizationId())) {
            try {
                Access access = assessments.access(id);
                visible.add(id);
                if (access.mayAssess()) {
                    assessing.add(id);
                }
            } catch (NotFoundException e) {
                // an assessment the caller no longer sees: none of its lines are shown
            }
        }
        return new MyLines(
                requests.addressedAt(u.organizationId(), visible, q, status, page),
                requests.submittedAt(u.organizationId(), assessing, q, page));
    }

    /** One line, if the caller sees it (else 404). */
    @Transactional(readOnly = true)
    public RequestLine line(UUID lineId) {
        return visibleLine(lineId).line();
    }

    private record Seen(RequestLine line, Access access) {}

    private Seen visibleLine(UUID lineId) {
        RequestLine l = requests.line(lineId).orElseThrow(() -> new NotFoundException("evidence-request-line", lineId));
        Access access;
        try {
            access = assessments.access(l.assessmentId());
        } catch (NotFoundException e) {
            throw new NotFoundException("evidence-request-line", lineId);
        }
        if (!sees(access, l)) {
            throw new NotFoundException("evidence-request-line", lineId);
        }
        return new Seen(l, access);
    }

    static boolean sees(Access access, RequestLine l) {
        return access.relations().contains(Access.Relation.ASSESSOR_ORG)
                || access.relations().contains(Access.Relation.ADMIN)
                || addressed(access, l);
    }

    static boolean addressed(Access access, RequestLine l) {
        return l.addresseeOrgId().equals(access.user().organizationId());
    }

    /** Whether the caller answers the line (uploads against it). */
    public static boolean mayAnswer(Access access, RequestLine l) {
        return addressed(access, l) && access.mayUpload() && l.status().awaitsAnswer();
    }

    // --- routing

    /** The party the items' line would go to, for the assessors (403 for others, 404 if invisible). */
    @Transactional(readOnly = true)
    public Routed propose(UUID assessmentId, List<UUID> itemIds) {
        Access access = assessments.access(assessmentId);
        access.requireAssessor();
        FieldErrors errors = new FieldErrors();
        List<TestItem> items = items(assessmentId, itemIds, "itemIds", errors);
        errors.throwIfAny();
        return route(access.system(), items, Optional.empty());
    }

    private Routed route(CloudSystem s, List<TestItem> items, Optional<Map<String, Set<UUID>>> matrix) {
        if (matrix.isEmpty()) {
            try {
                matrix = accountable.of(
                        s.id(), items.stream().map(TestItem::requirementId).collect(Collectors.toSet()));
            } catch (NotFoundException e) {
                matrix = Optional.empty(); // the matrix is not the caller's to see: the sides decide
            }
        }
        EvidenceRouting.Proposal p = EvidenceRouting.propose(
                items.stream()
                        .map(i -> new EvidenceRouting.RoutedItem(i.requirementId(), i.side()))
                        .toList(),
                s.customerId(),
                s.providerId(),
                matrix);
        return new Routed(p.party(), organisation(s, p.party()), p.basis());
    }

    private static UUID organisation(CloudSystem s, Party p) {
        return p == Party.PROVIDER ? s.providerId() : s.customerId();
    }

    private List<TestItem> items(UUID assessmentId, List<UUID> ids, String field, FieldErrors errors) {
        if (ids == null || ids.isEmpty()) {
            errors.add(field, "assessment.request.error.items");
            return List.of();
        }
        Map<UUID, TestItem> all = repo.items(assessmentId).stream().collect(Collectors.toMap(TestItem::id, i -> i));
        List<TestItem> out = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            TestItem i = all.get(id);
            if (i == null) {
                errors.add(field, "assessment.request.error.itemUnknown");
                return List.of();
            }
            out.add(i);
        }
        return out;
    }

    // --- sending and answering

    /**
     * Sends a request with the given lines (blank lines of a form are skipped); every problem is reported per line
     * and field ({@code lines[0].title}), nothing is stored then.
     */
    @Transactional
    public List<RequestLine> send(UUID assessmentId, List<LineInput> input) {
        Access access = assessments.access(assessmentId);
        access.requireAssessor();
        assessments.requireOpen(assessmentId);
        CloudSystem s = access.system();
        LocalDate today = today();
        FieldErrors errors = new FieldErrors();
        List<LineInput> lines = input == null
                ? List.of()
                : input.stream().filter(l -> l != null && !l.blank()).toList();
        if (lines.isEmpty()) {
            errors.add("lines", "assessment.request.error.noLines");
        }
        Instant now = clock.instant();
        UUID requestId = UUID.randomUUID();
        List<RequestLine> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            LineInput in = lines.get(n);
            String p = "lines[" + n + "].";
            String title = in.title() == null ? "" : in.title().strip();
            if (title.isEmpty()) {
                errors.add(p + "title", "assessment.request.error.title");
            } else if (title.length() > 200) {
                errors.add(p + "title", "assessment.request.error.titleLong", 200);
            }
            String description = in.description() == null || in.description().isBlank()
                    ? null
                    : in.description().strip();
            if (description != null && description.length() > 2000) {
                errors.add(p + "description", "assessment.request.error.descriptionLong", 2000);
            }
            if (in.dueDate() == null) {
                errors.add(p + "dueDate", "assessment.request.error.due");
            } else if (in.dueDate().isBefore(today)) {
                errors.add(p + "dueDate", "assessment.request.error.duePast", today);
            }
            if (in.addressee() == Party.PROVIDER && s.providerId() == null) {
                errors.add(p + "addressee", "assessment.request.error.noProvider");
            }
            List<TestItem> items = items(assessmentId, in.itemIds(), p + "itemIds", errors);
            if (!errors.isEmpty() || items.isEmpty()) {
                continue;
            }
            Routed proposed = route(s, items, Optional.empty());
            Routed chosen = in.addressee() == null || in.addressee() == proposed.party()
                    ? proposed
                    : new Routed(in.addressee(), organisation(s, in.addressee()), EvidenceRouting.Basis.CHOSEN);
            out.add(new RequestLine(
                    UUID.randomUUID(),
                    requestId,
                    assessmentId,
                    n + 1,
                    title,
                    description,
                    in.dueDate(),
                    chosen.organisationId(),
                    chosen.basis(),
                    EvidenceRequestStatus.PENDING,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    now,
                    items.stream().map(TestItem::id).toList(),
                    access.user().username(),
                    now,
                    0));
        }
        errors.throwIfAny();
        requests.insertRequest(
                requestId, assessmentId, access.user().userId(), access.user().username(), now);
        out.forEach(requests::insertLine);
        work.changed(assessmentId);
        Msg to = Msg.joined(out.stream()
                .map(l -> name(l.addresseeOrgId()))
                .distinct()
                .map(n -> Msg.of(org.yunjian.shared.Texts.VERBATIM, n))
                .toList());
        events.publishEvent(AuditableEvent.success(
                "assessment.request.send",
                "assessment",
                assessmentId,
                Msg.of("assessment.audit.request.send", out.size(), to)));
        return out;
    }

    /**
     * The addressed party's answer: the file becomes evidence of the assessment linked to every item of the line,
     * owned by the uploading organisation. A refused file leaves nothing stored and the line unchanged.
     * {@code version}: the line's version the caller read (a newer one: 409, none: 428).
     */
    @Transactional
    public EvidenceInfo answer(
            UUID lineId, ExpectedVersion version, String fileName, byte[] content, LocalDate validUntil) {
        Seen seen = visibleLine(lineId);
        if (!addressed(seen.access(), seen.line()) || !seen.access().mayUpload()) {
            throw new AccessDeniedException("assessment.request.denied.answer");
        }
        assessments.requireOpen(seen.line().assessmentId());
        Instant now = clock.instant();
        requests.claim(lineId, version.value(), now);
        RequestLine l = requests.line(lineId).orElseThrow();
        EvidenceRequestStatus next = l.status().answer();
        EvidenceInfo info =
                evidence.store(seen.access(), l.assessmentId(), l.itemIds(), fileName, content, false, validUntil);
        requests.answer(lineId, info.id(), seen.access().user().username(), now, next);
        work.changed(l.assessmentId());
        events.publishEvent(AuditableEvent.success(
                "assessment.request.answer",
                "evidence-request-line",
                lineId,
                Msg.of("assessment.audit.request.answer", l.title(), info.displayName(), info.sm3())));
        return info;
    }

    /**
     * The assessors accept the submitted file, or return it with a comment (required); {@code version}: the line's
     * version the assessor read, so a file answered again since is not decided on unseen.
     */
    @Transactional
    public RequestLine decide(UUID lineId, ExpectedVersion version, boolean accept, String comment) {
        Seen seen = visibleLine(lineId);
        seen.access().requireAssessor();
        assessments.requireOpen(seen.line().assessmentId());
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (!accept && text == null) {
            throw new ValidationException("comment", "assessment.request.error.comment");
        }
        if (text != null && text.length() > 2000) {
            throw new ValidationException("comment", "assessment.request.error.descriptionLong", 2000);
        }
        Instant now = clock.instant();
        requests.claim(lineId, version.value(), now);
        RequestLine l = requests.line(lineId).orElseThrow();
        EvidenceRequestStatus next = l.status().decide(accept);
        requests.decide(lineId, next, text, seen.access().user().username(), now);
        work.changed(l.assessmentId());
        events.publishEvent(AuditableEvent.success(
                accept ? "assessment.request.accept" : "assessment.request.return",
                "evidence-request-line",
                lineId,
                Msg.of(
                        accept ? "assessment.audit.request.accept" : "assessment.audit.request.return",
                        l.title(),
                        text == null ? "" : text)));
        return requests.line(lineId).orElseThrow();
    }

    /**
     * The assessors send a line still waiting for its first answer to the other party; {@code version}: the line's
     * version the assessor read.
     */
    @Transactional
    public RequestLine readdress(UUID lineId, ExpectedVersion version, Party party) {
        Seen seen = visibleLine(lineId);
        seen.access().requireAssessor();
        assessments.requireOpen(seen.line().assessmentId());
        CloudSystem s = seen.access().system();
        if (party == null || (party == Party.PROVIDER && s.providerId() == null)) {
            throw new ValidationException("addressee", "assessment.request.error.noProvider");
        }
        Instant now = clock.instant();
        requests.claim(lineId, version.value(), now);
        RequestLine l = requests.line(lineId).orElseThrow();
        l.status().requireReaddressable();
        UUID org = organisation(s, party);
        if (!org.equals(l.addresseeOrgId())) {
            requests.readdress(lineId, org, EvidenceRouting.Basis.CHOSEN, now);
            work.changed(l.assessmentId());
            events.publishEvent(AuditableEvent.success(
                    "assessment.request.readdress",
                    "evidence-request-line",
                    lineId,
                    Msg.of("assessment.audit.request.readdress", l.title(), name(l.addresseeOrgId()), name(org))));
        }
        return requests.line(lineId).orElseThrow();
    }

    /** The party an organisation is on the system, for display. */
    public static Party partyOf(CloudSystem s, UUID organisation) {
        return organisation.equals(s.providerId()) && !organisation.equals(s.customerId())
                ? Party.PROVIDER
                : Party.CUSTOMER;
    }

    public String name(UUID organisation) {
        return directory
                .find(organisation)
                .map(OrganizationDirectory.OrganizationRef::name)
                .orElse("—");
    }
}
