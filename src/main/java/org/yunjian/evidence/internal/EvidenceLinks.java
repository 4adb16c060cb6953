package org.yunjian.evidence.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.evidence.EvidenceService;
import org.yunjian.evidence.RequestRecords.EvidenceLink;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * One evidence object supporting several items, and carried into a later assessment of the same system. Carrying
 * links the same evidence object — the same stored blob, SM3 and per-file key — into the new assessment; nothing is
 * copied or re-encrypted, so a download through either assessment decrypts and checks the one stored file. Evidence
 * past its validity date (有效期至) is not carried.
 */
@Service
public class EvidenceLinks {

    private final AssessmentService assessments;
    private final AssessmentReads repo;
    private final EvidenceFileRepository files;
    private final EvidenceLinkRepository links;
    private final EvidenceService evidence;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvidenceLinks(
            AssessmentService assessments,
            AssessmentReads repo,
            EvidenceFileRepository files,
            EvidenceLinkRepository links,
            EvidenceService evidence,
            ApplicationEventPublisher events,
            Clock clock) {
        this.assessments = assessments;
        this.repo = repo;
        this.files = files;
        this.links = links;
        this.evidence = evidence;
        this.events = events;
        this.clock = clock;
    }

    /** Where carried evidence came from: the assessment it was uploaded in. */
    public record Origin(UUID assessmentId, String name, String reportNumber) {}

    /**
     * Evidence as it stands in one assessment: the items it supports there, its validity and, when it was carried in,
     * where from.
     */
    public record Standing(
            EvidenceInfo evidence, LocalDate validUntil, boolean expired, List<EvidenceLink> links, Origin origin) {
        public boolean carried() {
            return origin != null;
        }
    }

    /** Evidence of an earlier assessment of the same system that the assessors could carry in. */
    public record Candidate(
            EvidenceInfo evidence, LocalDate validUntil, boolean expired, boolean carried, Origin origin) {}

    LocalDate today() {
        return LocalDate.now(clock.withZone(EvidenceRequests.ZONE));
    }

    /** Whether evidence may still be relied on: no validity date stated, or that date not passed. */
    public static boolean valid(LocalDate validUntil, LocalDate today) {
        return validUntil == null || !validUntil.isBefore(today);
    }

    // --- reading

    /** The evidence of the assessment the caller may see, each with its links there (404 if invisible). */
    @Transactional(readOnly = true)
    public List<Standing> ofAssessment(UUID assessmentId) {
        Access access = assessments.access(assessmentId);
        Map<UUID, EvidenceInfo> byId = new LinkedHashMap<>();
        repo.evidenceOfAssessment(assessmentId).stream()
                .filter(access::maySee)
                .forEach(e -> byId.putIfAbsent(e.id(), e));
        LocalDate today = today();
        List<Standing> out = new ArrayList<>();
        for (EvidenceInfo e : byId.values()) {
            EvidenceInfo home = files.evidence(e.id()).orElseThrow();
            out.add(standing(home, assessmentId, today));
        }
        return out;
    }

    /** One evidence object as it stands in the assessment (404 if the caller does not see it there). */
    @Transactional(readOnly = true)
    public Standing standing(UUID evidenceId, UUID assessmentId) {
        return ofAssessment(assessmentId).stream()
                .filter(s -> s.evidence().id().equals(evidenceId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("evidence", evidenceId));
    }

    private Standing standing(EvidenceInfo home, UUID assessmentId, LocalDate today) {
        LocalDate until = links.validUntil(home.id()).orElse(null);
        List<EvidenceLink> here = links.linksOf(home.id()).stream()
                .filter(l -> l.assessmentId().equals(assessmentId))
                .toList();
        return new Standing(
                home,
                until,
                !valid(until, today),
                here,
                home.assessmentId().equals(assessmentId) ? null : origin(home.assessmentId()));
    }

    private Origin origin(UUID assessmentId) {
        AssessmentInfo a = repo.find(assessmentId).orElseThrow();
        return new Origin(a.id(), a.name(), a.reportNumber());
    }

    // --- linking within an assessment

    /**
     * The assessors link evidence already in their open assessment to further items of it; {@code version}: the
     * evidence's version the caller read (its links are part of the evidence record).
     */
    @Transactional
    public List<EvidenceLink> link(UUID evidenceId, ExpectedVersion version, UUID assessmentId, List<UUID> itemIds) {
        Access access = assessments.access(assessmentId);
        EvidenceInfo info = inAssessment(evidenceId, assessmentId, access);
        access.requireAssessor();
        assessments.requireOpen(assessmentId);
        List<TestItem> items = itemsOf(assessmentId, itemIds);
        Instant now = clock.instant();
        files.claimEvidence(evidenceId, version.value(), now);
        Set<UUID> already =
                links.linksOf(evidenceId).stream().map(EvidenceLink::itemId).collect(Collectors.toSet());
        for (TestItem i : items) {
            if (already.contains(i.id())) {
                continue;
            }
            links.insert(
                    evidenceId,
                    i.id(),
                    assessmentId,
                    access.user().userId(),
                    access.user().username(),
                    now);
            events.publishEvent(AuditableEvent.success(
                    "assessment.evidence.link",
                    "evidence",
                    evidenceId,
                    Msg.of("assessment.audit.evidence.link", info.displayName(), i.requirementId(), Msg.of(i.side()))));
        }
        return links.linksOf(evidenceId).stream()
                .filter(l -> l.assessmentId().equals(assessmentId))
                .toList();
    }

    /**
     * The assessors remove the link between evidence and an item of their open assessment. The last item of the
     * assessment it was uploaded in keeps it (delete the file instead); a carried file may leave the later assessment.
     * {@code version}: the evidence's version the caller read.
     */
    @Transactional
    public void unlink(UUID evidenceId, ExpectedVersion version, UUID itemId) {
        TestItem item = repo.item(itemId).orElseThrow(() -> new NotFoundException("assessment item", itemId));
        Access access = assessments.access(item.assessmentId());
        EvidenceInfo info = inAssessment(evidenceId, item.assessmentId(), access);
        access.requireAssessor();
        assessments.requireOpen(item.assessmentId());
        List<EvidenceLink> all = links.linksOf(evidenceId);
        if (all.stream().noneMatch(l -> l.itemId().equals(itemId))) {
            throw new NotFoundException("evidence-link", itemId);
        }
        long inHome = all.stream()
                .filter(l -> l.assessmentId().equals(info.assessmentId()))
                .count();
        if (item.assessmentId().equals(info.assessmentId()) && inHome <= 1) {
            throw new ConflictException(
                    "evidence-last-link", Msg.of("assessment.evidence.conflict.lastLink", info.displayName()));
        }
        files.claimEvidence(evidenceId, version.value(), clock.instant());
        links.delete(evidenceId, itemId);
        events.publishEvent(AuditableEvent.success(
                "assessment.evidence.unlink",
                "evidence",
                evidenceId,
                Msg.of(
                        "assessment.audit.evidence.unlink",
                        info.displayName(),
                        item.requirementId(),
                        Msg.of(item.side()))));
    }

    /**
     * Sets or clears the validity date: the organisation that uploaded the file, or the assessors of its assessment;
     * {@code version}: the evidence's version the caller read.
     *
     * @return the evidence's version after the change
     */
    @Transactional
    public long setValidUntil(UUID evidenceId, ExpectedVersion version, LocalDate date) {
        EvidenceInfo info = evidence.visible(evidenceId);
        Access home;
        try {
            home = assessments.access(info.assessmentId());
        } catch (NotFoundException e) {
            home = null;
        }
        Access reading = evidence.readingAccess(info).orElseThrow();
        if (!reading.owns(info) && (home == null || !home.mayAssess())) {
            throw new AccessDeniedException("assessment.denied.evidenceValidity");
        }
        long expected = version.value();
        files.claimEvidence(evidenceId, expected, clock.instant());
        links.setValidUntil(evidenceId, date);
        events.publishEvent(AuditableEvent.success(
                "assessment.evidence.validity",
                "evidence",
                evidenceId,
                date == null
                        ? Msg.of("assessment.audit.evidence.validityCleared", info.displayName())
                        : Msg.of("assessment.audit.evidence.validity", info.displayName(), date)));
        return expected + 1;
    }

    private EvidenceInfo inAssessment(UUID evidenceId, UUID assessmentId, Access access) {
        EvidenceInfo info = files.evidence(evidenceId).orElseThrow(() -> new NotFoundException("evidence", evidenceId));
        if (!links.assessmentsOf(evidenceId, info.assessmentId()).contains(assessmentId) || !access.maySee(info)) {
            throw new NotFoundException("evidence", evidenceId);
        }
        return info;
    }

    private List<TestItem> itemsOf(UUID assessmentId, List<UUID> itemIds) {
        if (itemIds == null || itemIds.isEmpty()) {
            throw new ValidationException("itemIds", "assessment.request.error.items");
        }
        Map<UUID, TestItem> all = repo.items(assessmentId).stream().collect(Collectors.toMap(TestItem::id, i -> i));
        List<TestItem> out = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(itemIds)) {
            TestItem i = all.get(id);
            if (i == null) {
                throw new ValidationException("itemIds", "assessment.request.error.itemUnknown");
            }
            out.add(i);
        }
        return out;
    }

    // --- carrying into a later assessment

    /**
     * For the assessors of an assessment: the evidence of earlier assessments of the same system that their
     * organisation may read (as it would in that assessment), newest first, with validity and whether it is already
     * carried in.
     */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(UUID assessmentId) {
        Access access = assessments.access(assessmentId);
        access.requireAssessor();
        CurrentUser u = access.user();
        LocalDate today = today();
        Map<UUID, Access> earlier = new LinkedHashMap<>();
        List<Candidate> out = new ArrayList<>();
        for (UUID id : links.evidenceOfEarlierAssessments(access.system().id(), assessmentId)) {
            EvidenceInfo e = files.evidence(id).orElseThrow();
            Access there = earlier.computeIfAbsent(e.assessmentId(), aid -> {
                AssessmentInfo a = repo.find(aid).orElseThrow();
                return new Access(a, access.system(), u, Access.relations(a, access.system(), u));
            });
            if (!there.mayRead(e)) {
                continue;
            }
            LocalDate until = links.validUntil(id).orElse(null);
            boolean carried = links.assessmentsOf(id, e.assessmentId()).contains(assessmentId);
            out.add(new Candidate(
                    e,
                    until,
                    !valid(until, today),
                    carried,
                    new Origin(
                            there.assessment().id(),
                            there.assessment().name(),
                            there.assessment().reportNumber())));
        }
        return out;
    }

    /**
     * Carries a candidate into the open assessment, linked to the given items there. Expired evidence is refused
     * (409 {@code evidence-expired}, naming the date); anything not a candidate is 404. {@code version}: the
     * evidence's version the caller read (its links are part of the evidence record): a newer one refuses the whole
     * carry naming the file, nothing carried.
     */
    @Transactional
    public List<EvidenceLink> carry(UUID assessmentId, UUID evidenceId, ExpectedVersion version, List<UUID> itemIds) {
        Access access = assessments.access(assessmentId);
        access.requireAssessor();
        assessments.requireOpen(assessmentId);
        Candidate c = candidates(assessmentId).stream()
                .filter(x -> x.evidence().id().equals(evidenceId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("evidence", evidenceId));
        if (c.expired()) {
            events.publishEvent(AuditableEvent.denied(
                    "assessment.evidence.carry",
                    "evidence",
                    evidenceId,
                    Msg.of(
                            "assessment.audit.evidence.carryExpired",
                            c.evidence().displayName(),
                            c.validUntil())));
            throw new ConflictException(
                    "evidence-expired",
                    Msg.of("assessment.evidence.conflict.expired", c.evidence().displayName(), c.validUntil()));
        }
        List<TestItem> items = itemsOf(assessmentId, itemIds);
        evidence.claim(c.evidence(), version);
        Set<UUID> already =
                links.linksOf(evidenceId).stream().map(EvidenceLink::itemId).collect(Collectors.toSet());
        Instant now = clock.instant();
        for (TestItem i : items) {
            if (!already.contains(i.id())) {
                links.insert(
                        evidenceId,
                        i.id(),
                        assessmentId,
                        access.user().userId(),
                        access.user().username(),
                        now);
            }
        }
        Origin o = c.origin();
        events.publishEvent(AuditableEvent.success(
                "assessment.evidence.carry",
                "evidence",
                evidenceId,
                Msg.of(
                        "assessment.audit.evidence.carry",
                        c.evidence().displayName(),
                        o.name(),
                        o.reportNumber() == null ? "—" : o.reportNumber(),
                        items.size(),
                        c.evidence().sm3())));
        return links.linksOf(evidenceId).stream()
                .filter(l -> l.assessmentId().equals(assessmentId))
                .toList();
    }
}
