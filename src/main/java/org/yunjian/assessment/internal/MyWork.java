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
    private final EvidenceRequests requests;
    private final Clock clock;

    MyWork(AssessmentRepository repo, WorkbenchRepository reads, Parties parties, EvidenceRequests requests,
           Clock clock) {
        this.requests = requests;
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
     * {@code requests}: lines addressed to the caller's organisation still waiting for a file; {@code submitted}: files
     * submitted against the caller's own requests, waiting for a tester to accept or return them.
     */
    public record Work(List<ItemsWaiting> items, List<ReviewWaiting> reviews, List<TaskWaiting> tasks,
                       List<RequestWaiting> requests, List<RequestWaiting> submitted) {
    }

    public Work of() {
        CurrentUser u = CurrentUser.require();
        if (!u.is(Role.USER)) {
            return new Work(List.of(), List.of(), List.of(), List.of(), List.of());
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
        List<ReviewWaiting> reviews = new ArrayList<>();
        for (Access x : visible) {
            for (Map.Entry<AssessmentStatus, Relation> r : REVIEWS) {
                if (x.assessment().status() == r.getKey() && x.relations().contains(r.getValue())) {
                    reviews.add(new ReviewWaiting(x.assessment(), x.system().name(), r.getValue()));
                }
            }
        }
        Map<UUID, Access> byId = visible.stream().collect(Collectors.toMap(x -> x.assessment().id(), x -> x));
        List<TaskWaiting> tasks = new ArrayList<>();
        if (u.organizationId() != null) {
            for (OpenTask t : reads.openTasksOf(u.organizationId(), LocalDate.now(clock))) {
                Access x = byId.get(t.assessmentId());
                if (x != null && x.assessment().status() != AssessmentStatus.ARCHIVED) {
                    tasks.add(new TaskWaiting(t, x.assessment(), x.system().name()));
                }
            }
        }
        items.sort(Comparator.comparing((ItemsWaiting w) -> w.assessment().createdAt()).reversed());
        EvidenceRequests.MyLines lines = requests.mine();
        List<RequestWaiting> waiting = waiting(lines.addressed(), byId, true);
        List<RequestWaiting> submitted = waiting(lines.toReview(), byId, false);
        return new Work(items, reviews, tasks, waiting, submitted);
    }

    /** The visible lines still waiting for a file ({@code answer}) or for the testers' decision, by due date. */
    private static List<RequestWaiting> waiting(List<RequestRecords.RequestLine> lines, Map<UUID, Access> byId,
                                                boolean answer) {
        List<RequestWaiting> out = new ArrayList<>();
        for (RequestRecords.RequestLine l : lines) {
            Access x = byId.get(l.assessmentId());
            boolean waits = answer ? l.status().awaitsAnswer()
                    : l.status() == org.yunjian.assessment.EvidenceRequestStatus.SUBMITTED;
            if (x != null && waits) {
                out.add(new RequestWaiting(l.id(), l.assessmentId(), l.title(), l.dueDate(), l.status(),
                        x.system().name()));
            }
        }
        out.sort(Comparator.comparing(RequestWaiting::dueDate));
        return out;
    }
}
