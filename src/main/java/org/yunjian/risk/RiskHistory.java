package org.yunjian.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.Records.VerdictEntry;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.NotFoundException;

/**
 * The history of the risk register's entries (docs/modules/assessment.md, "History of an entry"): every change is a
 * dated, attributed {@link RiskChange}, only ever added. From it come the customer's 整改情况 reported after the report
 * was approved — shown beside the sealed report, never in it — and the previous finding with its reported remediation
 * that a later assessment of the same system shows its assessors on the same item, read-only.
 */
@Service
@Transactional
public class RiskHistory {

    /** A remediation (status or note) reported on a finding after its assessment's report was approved. */
    public record Reported(UUID remediationId, TestItem item, RiskChange change) {}

    /**
     * The finding a previous assessment of the same system made on the same requirement and side, with the state of
     * its remediation now and what was reported on it after that report's approval, oldest first.
     */
    public record PriorFinding(
            AssessmentInfo assessment,
            TestItem item,
            Verdict verdict,
            RiskLevel riskLevel,
            String finding,
            RemediationStatus status,
            String note,
            Instant updatedAt,
            List<RiskChange> reported) {}

    private final RiskRepository risks;
    private final AssessmentReads repo;
    private final AssessmentService assessments;
    private final PeopleNames people;

    /** {@code assessments} lazily: the service calls the re-test hook ({@code RemediationTasks}) that records here. */
    RiskHistory(
            RiskRepository risks,
            AssessmentReads repo,
            @org.springframework.context.annotation.Lazy AssessmentService assessments,
            PeopleNames people) {
        this.risks = risks;
        this.repo = repo;
        this.assessments = assessments;
        this.people = people;
    }

    /** The caller by display name (who made a change); the user name if it has no account. */
    String author(Access access) {
        return author(access.user());
    }

    private String author(CurrentUser user) {
        return people.displayNames(List.of(user.username())).getOrDefault(user.username(), user.username());
    }

    /**
     * Records that a re-test in a follow-up moved the status of the finding it re-tests, by the caller who recorded
     * the re-test.
     */
    public void retested(Remediation origin, RemediationStatus to, Instant at) {
        String by = CurrentUser.current().map(this::author).orElse("—");
        record(new RiskChange.Diff(origin.id(), at, by)
                .field(RiskField.STATUS, origin.status(), to)
                .changes());
    }

    void record(List<RiskChange> changes) {
        risks.insertChanges(changes);
    }

    /**
     * An entry's history, oldest first: its stored changes and those of its risk level, which the assessors set with
     * the verdict — taken from the verdict history (kept there, never stored twice).
     */
    List<RiskChange> of(Remediation task) {
        List<VerdictEntry> verdicts = repo.history(task.itemId());
        return merged(risks.changes(task.id()), task, verdicts, names(verdicts));
    }

    /** The history of every entry of an assessment, by task. */
    Map<UUID, List<RiskChange>> ofAssessment(UUID assessmentId, List<Remediation> tasks) {
        Map<UUID, List<RiskChange>> stored = risks.changesOfAssessment(assessmentId);
        Map<UUID, List<VerdictEntry>> verdicts = repo.historyOfAssessment(assessmentId);
        Map<String, String> names =
                names(verdicts.values().stream().flatMap(List::stream).toList());
        Map<UUID, List<RiskChange>> out = new java.util.HashMap<>();
        for (Remediation t : tasks) {
            out.put(
                    t.id(),
                    merged(
                            stored.getOrDefault(t.id(), List.of()),
                            t,
                            verdicts.getOrDefault(t.itemId(), List.of()),
                            names));
        }
        return out;
    }

    /** The display names of those who recorded the verdicts (the level's authors). */
    private Map<String, String> names(List<VerdictEntry> verdicts) {
        return people.displayNames(
                verdicts.stream().map(VerdictEntry::recordedBy).toList());
    }

    /** The changes that report remediation (status, note) made after {@code approvedAt}. */
    private static java.util.stream.Stream<RiskChange> reportedAfter(List<RiskChange> changes, Instant approvedAt) {
        return changes.stream().filter(c -> c.field().reportsRemediation() && c.at().isAfter(approvedAt));
    }

    /** The stored changes and the risk level's changes since the task was opened, in time order. */
    private static List<RiskChange> merged(
            List<RiskChange> stored, Remediation task, List<VerdictEntry> verdicts, Map<String, String> names) {
        List<RiskChange> out = new ArrayList<>(); // the level first: at the same time, the verdict came first
        RiskLevel level = null;
        for (VerdictEntry v : verdicts) {
            if (!v.recordedAt().isBefore(task.createdAt()) && v.riskLevel() != level) {
                out.addAll(new RiskChange.Diff(
                                task.id(), v.recordedAt(), names.getOrDefault(v.recordedBy(), v.recordedBy()))
                        .field(RiskField.RISK_LEVEL, level, v.riskLevel())
                        .changes());
            }
            level = v.riskLevel();
        }
        out.addAll(stored);
        out.sort(Comparator.comparing(RiskChange::at));
        return out;
    }

    /**
     * What was reported on the assessment's findings (status, note) after its report was approved, oldest first;
     * empty before approval. 404 for a caller who does not see the assessment.
     */
    @Transactional(readOnly = true)
    public List<Reported> reportedAfterApproval(UUID assessmentId) {
        AssessmentInfo a = assessments.access(assessmentId).assessment();
        if (a.completedAt() == null) {
            return List.of();
        }
        Map<UUID, TestItem> items = new java.util.HashMap<>();
        repo.items(assessmentId).forEach(i -> items.put(i.id(), i));
        Map<UUID, UUID> itemOfTask = new java.util.HashMap<>();
        repo.remediations(assessmentId).forEach(r -> itemOfTask.put(r.id(), r.itemId()));
        List<Reported> out = new ArrayList<>();
        risks.changesOfAssessment(assessmentId).forEach((task, changes) -> reportedAfter(changes, a.completedAt())
                .forEach(c -> out.add(new Reported(task, items.get(itemOfTask.get(task)), c))));
        out.sort(Comparator.comparing((Reported r) -> r.change().at())
                .thenComparing(r -> r.item().position()));
        return out;
    }

    /**
     * The previous finding on an item: for a re-test item the finding it re-tests; otherwise the finding on the same
     * requirement and side in the latest assessment of the same system approved before this one was created. Empty
     * when there is none. 404 for a caller who does not see the item's assessment.
     */
    @Transactional(readOnly = true)
    public Optional<PriorFinding> priorFinding(UUID itemId) {
        TestItem item = repo.item(itemId).orElseThrow(() -> new NotFoundException("assessment item", itemId));
        AssessmentInfo current = assessments.access(item.assessmentId()).assessment();
        Optional<TestItem> origin = risks.retestOf(itemId).flatMap(l -> repo.item(l.originItemId()));
        if (origin.isEmpty()) {
            origin = previous(current).flatMap(p -> repo.items(p.id()).stream()
                    .filter(i -> i.requirementId().equals(item.requirementId())
                            && i.side() == item.side()
                            && i.verdict() != null
                            && i.verdict().isFinding())
                    .findFirst());
        }
        return origin.filter(o -> sees(o.assessmentId()))
                .flatMap(o -> repo.find(o.assessmentId()).map(a -> prior(a, o)));
    }

    /** Whether the caller sees that assessment too (another assessor body may not see its predecessor's work). */
    private boolean sees(UUID assessmentId) {
        try {
            assessments.access(assessmentId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private Optional<AssessmentInfo> previous(AssessmentInfo current) {
        return repo.findBySystems(List.of(current.systemId())).stream()
                .filter(a -> !a.id().equals(current.id())
                        && (a.status() == AssessmentStatus.COMPLETED || a.status() == AssessmentStatus.ARCHIVED)
                        && a.completedAt() != null
                        && a.completedAt().isBefore(current.createdAt()))
                .max(Comparator.comparing(AssessmentInfo::completedAt));
    }

    private PriorFinding prior(AssessmentInfo a, TestItem o) {
        List<Remediation> tasks = repo.remediationsOfItem(o.id());
        Remediation task = tasks.isEmpty() ? null : tasks.get(tasks.size() - 1);
        List<RiskChange> reported = task == null || a.completedAt() == null
                ? List.of()
                : reportedAfter(risks.changes(task.id()), a.completedAt()).toList();
        return new PriorFinding(
                a,
                o,
                o.verdict(),
                o.riskLevel(),
                o.finding(),
                task == null ? null : task.status(),
                task == null ? null : task.note(),
                task == null ? null : task.updatedAt(),
                reported);
    }
}
