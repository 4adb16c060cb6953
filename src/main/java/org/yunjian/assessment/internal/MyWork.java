package org.yunjian.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.internal.Access.Relation;
import org.yunjian.assessment.internal.Records.AssessmentInfo;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.PageRequest;
import org.yunjian.shared.Paged;

/**
 * "My work": across the assessments the caller sees, the items waiting for them as a tester, the reviews and
 * approvals waiting for them, the open remediation tasks of their organisation and the evidence requests addressed
 * to it. Only assessments the caller has a relation to are read (the same {@link Access} rules as everywhere).
 */
@Service
@Transactional(readOnly = true)
public class MyWork {

    /**
     * Which status waits for which role: the reviewer acts on IN_REVIEW, the approver on APPROVAL.
     */
    static final List<Map.Entry<AssessmentStatus, Relation>> REVIEWS = List.of(
            Map.entry(AssessmentStatus.IN_REVIEW, Relation.REVIEWER),
            Map.entry(AssessmentStatus.APPROVAL, Relation.APPROVER));

    /** Where testers record verdicts (a submitted assessment waits for its reviewer, not for them). */
    static final Set<AssessmentStatus> RECORDING = Set.of(AssessmentStatus.DRAFT, AssessmentStatus.IN_PROGRESS);

    private final AssessmentRepository repo;
    private final WorkbenchRepository reads;
    private final Parties parties;
    private final EvidenceRequestRepository requestLines;
    private final Clock clock;

    MyWork(AssessmentRepository repo, WorkbenchRepository reads, Parties parties,
           EvidenceRequestRepository requestLines, Clock clock) {
        this.requestLines = requestLines;
        this.repo = repo;
        this.reads = reads;
        this.parties = parties;
        this.clock = clock;
    }

    /** An assessment where the caller records: items still unrecorded (and, with the sign-off, sent back). */
    public record ItemsWaiting(AssessmentInfo assessment, String systemName, int unrecorded, int total) {
    }

    /** An assessment waiting for the caller's review or approval; {@code relation} says which. */
    public record ReviewWaiting(AssessmentInfo assessment, String systemName, Relation relation) {
    }

    /** An open remediation task with the item it belongs to. */
    public record OpenTask(UUID id, UUID itemId, UUID assessmentId, UUID responsibleOrgId, java.time.LocalDate dueDate,
                           org.yunjian.assessment.RemediationStatus status, String requirementId,
                           org.yunjian.assessment.ItemSide side, int position) {
    }

    /** An open remediation task of the caller's organisation. */
    public record TaskWaiting(OpenTask task, AssessmentInfo assessment, String systemName) {
        public int number() {
            return task.position() + 1;
        }
    }

    /** A line of an evidence request (资料清单) addressed to the caller's organisation, still waiting for a file. */
    public record RequestWaiting(UUID id, UUID assessmentId, String title, java.time.LocalDate dueDate,
                                 org.yunjian.assessment.EvidenceRequestStatus status, String systemName) {
    }

    /**
     * One page of each list (the same {@code page} and {@code size}), each with its own total. {@code requests}:
     * lines addressed to the caller's organisation still waiting for a file; {@code submitted}: files submitted
     * against the caller's own requests, waiting for a tester to accept or return them.
     */
    public record Work(Paged<ItemsWaiting> items, Paged<ReviewWaiting> reviews, Paged<TaskWaiting> tasks,
                       Paged<RequestWaiting> requests, Paged<RequestWaiting> submitted) {
    }

    /**
     * The caller's work, one page of each list. The tasks and the evidence request lines grow with use: they are
     * paged in SQL over the assessments the caller sees. Items and reviews are one row per visible assessment
     * the caller has a relation to ({@link Access#relations}, a rule in Java), so they are cut from that bounded
     * list with {@link Paged#slice}.
     */
    public Work of(PageRequest page) {
        CurrentUser u = CurrentUser.require();
        if (!u.is(Role.USER)) {
            return new Work(Paged.of(List.of(), page, 0), Paged.of(List.of(), page, 0), Paged.of(List.of(), page, 0),
                    Paged.of(List.of(), page, 0), Paged.of(List.of(), page, 0));
        }
        Map<UUID, CloudSystem> systems = parties.visibleSystems().stream()
                .collect(Collectors.toMap(CloudSystem::id, Function.identity(), (a, b) -> a));
        List<Access> visible = new ArrayList<>();
        for (AssessmentInfo a : repo.findBySystems(systems.keySet())) {
            CloudSystem s = systems.get(a.systemId());
            Access access = new Access(a, s, u, Access.relations(a, s, u));
            if (access.visible()) {
                visible.add(access);
            }
        }
        List<Access> recording = visible.stream()
                .filter(x -> x.mayAssess() && RECORDING.contains(x.assessment().status())).toList();
        Map<UUID, int[]> counts = reads.itemCounts(recording.stream().map(x -> x.assessment().id()).toList());
        List<ItemsWaiting> items = new ArrayList<>();
        for (Access x : recording) {
            int[] c = counts.getOrDefault(x.assessment().id(), new int[2]);
            if (c[1] > 0) {
                items.add(new ItemsWaiting(x.assessment(), x.system().name(), c[1], c[0]));
            }
        }
        items.sort(Comparator.comparing((ItemsWaiting w) -> w.assessment().createdAt()).reversed());
        List<ReviewWaiting> reviews = new ArrayList<>();
        for (Access x : visible) {
            for (Map.Entry<AssessmentStatus, Relation> r : REVIEWS) {
                if (x.assessment().status() == r.getKey() && x.relations().contains(r.getValue())) {
                    reviews.add(new ReviewWaiting(x.assessment(), x.system().name(), r.getValue()));
                }
            }
        }
        Map<UUID, Access> byId = visible.stream().collect(Collectors.toMap(x -> x.assessment().id(), x -> x));
        UUID org = u.organizationId();
        if (org == null) {
            return new Work(Paged.slice(items, page), Paged.slice(reviews, page), Paged.of(List.of(), page, 0),
                    Paged.of(List.of(), page, 0), Paged.of(List.of(), page, 0));
        }
        List<UUID> open = visible.stream().filter(x -> x.assessment().status() != AssessmentStatus.ARCHIVED)
                .map(x -> x.assessment().id()).toList();
        Paged<TaskWaiting> tasks = reads.openTasksOf(org, LocalDate.now(clock), open, page)
                .map(t -> new TaskWaiting(t, byId.get(t.assessmentId()).assessment(),
                        byId.get(t.assessmentId()).system().name()));
        List<UUID> assessing = visible.stream().filter(Access::mayAssess).map(x -> x.assessment().id()).toList();
        return new Work(Paged.slice(items, page), Paged.slice(reviews, page), tasks,
                lines(requestLines.waitingAt(org, byId.keySet(), page), byId),
                lines(requestLines.submittedAt(org, assessing, page), byId));
    }

    private static Paged<RequestWaiting> lines(Paged<RequestRecords.RequestLine> lines, Map<UUID, Access> byId) {
        return lines.map(l -> new RequestWaiting(l.id(), l.assessmentId(), l.title(), l.dueDate(), l.status(),
                byId.get(l.assessmentId()).system().name()));
    }
}
