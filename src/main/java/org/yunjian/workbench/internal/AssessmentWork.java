package org.yunjian.workbench.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunjian.assessment.Access;
import org.yunjian.assessment.AssessmentChanges;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentRole;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.evidence.EvidenceRequestRepository;
import org.yunjian.evidence.RequestRecords.RequestLine;
import org.yunjian.party.Parties;
import org.yunjian.party.SystemSummary;
import org.yunjian.review.ReviewSteps;
import org.yunjian.review.Reviews;
import org.yunjian.risk.RiskAcceptance;
import org.yunjian.risk.RiskEntry;
import org.yunjian.risk.RiskRepository;
import org.yunjian.risk.RiskRepository.Risk;
import org.yunjian.risk.RiskTreatment;
import org.yunjian.shared.work.WorkAddressee;
import org.yunjian.shared.work.WorkSnapshot;
import org.yunjian.shared.work.WorkSource;
import org.yunjian.shared.work.WorkTask;

/**
 * What waits on an assessment, and for whom — the assessment module's part of 我的待办 and the notifications
 * ({@link WorkSnapshot}). One method per kind of waiting work computes the complete snapshot of its scope from what
 * is stored, with the rules of the domain ({@link AssessmentStatus#waitsFor}, {@link Access#testers},
 * {@link Reviews#returned}, the request line's status, {@link RiskAcceptance#approvers}, {@link RiskEntry#open}):
 * <ul>
 * <li>{@code assessment:<id>} — items to record (the testers), a sent-back assessment to fix and submit again (the
 * testers), the review (审核人), the report's approval (批准人);</li>
 * <li>{@code assessment-requests:<id>} — evidence request lines (资料清单) to answer (the addressed organisation)
 * and submitted files to accept or return (the testers), while the assessment is open;</li>
 * <li>{@code assessment-risks:<id>} — proposed risk acceptances, for a second person of the customer;</li>
 * <li>{@code assessment-remediation:<id>} — open remediation tasks, for the responsible organisation.</li>
 * </ul>
 * The services call {@link #changed} after every change of an assessment on which someone may have to act; the
 * snapshots are published once per assessment just before the change's transaction commits (inside it, so a change
 * that rolls back publishes nothing and a batch of verdicts publishes once). {@link #publishAll} (the inbox's
 * rebuild) publishes the same snapshots of every assessment on which something waits. Texts are bundle keys
 * {@code work.assessment.*} (messages/workbench-work) with names as arguments, never identifiers.
 */
@Component
public class AssessmentWork implements WorkSource, AssessmentChanges {

    static final String ASSESSMENT = "assessment:";
    static final String REQUESTS = "assessment-requests:";
    static final String RISKS = "assessment-risks:";
    static final String REMEDIATION = "assessment-remediation:";

    private final AssessmentReads repo;
    private final ReviewSteps reviews;
    private final EvidenceRequestRepository requests;
    private final RiskRepository risks;
    private final WorkbenchRepository reads;
    private final Parties parties;
    private final org.yunjian.catalog.Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssessmentWork(
            AssessmentReads repo,
            ReviewSteps reviews,
            EvidenceRequestRepository requests,
            RiskRepository risks,
            WorkbenchRepository reads,
            Parties parties,
            org.yunjian.catalog.Catalog catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repo = repo;
        this.reviews = reviews;
        this.requests = requests;
        this.risks = risks;
        this.reads = reads;
        this.parties = parties;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** An assessment with its system, as the tasks name and address it. */
    record Subject(AssessmentInfo assessment, SystemSummary system) {

        UUID id() {
            return assessment.id();
        }

        /** The assessment's and its system's names: the arguments every task of it ends with. */
        List<String> names(String... first) {
            List<String> args = new ArrayList<>(List.of(first));
            args.add(assessment.name());
            args.add(system == null ? "—" : system.name());
            return args;
        }

        /** Whether {@code org} sees the assessment: its assessor organisation, the customer or the provider. */
        boolean party(UUID org) {
            return org != null
                    && (org.equals(assessment.assessorOrgId())
                            || system != null && (org.equals(system.customerId()) || org.equals(system.providerId())));
        }
    }

    // --- publishing

    /**
     * Records that the assessment changed: its snapshots are published before the current transaction commits (at
     * once without one).
     */
    @Override
    public void changed(UUID assessmentId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publish(assessmentId);
            return;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p) {
                p.ids.add(assessmentId);
                return;
            }
        }
        Pending p = new Pending();
        p.ids.add(assessmentId);
        TransactionSynchronizationManager.registerSynchronization(p);
    }

    /** The assessments changed in one transaction, published just before it commits. */
    private final class Pending implements TransactionSynchronization {
        private final Set<UUID> ids = new LinkedHashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            ids.forEach(AssessmentWork.this::publish);
        }
    }

    /** Publishes the four snapshots of the assessment (empty ones too: they close what no longer waits). */
    void publish(UUID assessmentId) {
        Optional<Subject> s = subject(assessmentId);
        if (s.isEmpty()) {
            for (String scope : List.of(ASSESSMENT, REQUESTS, RISKS, REMEDIATION)) {
                events.publishEvent(WorkSnapshot.nothingWaiting(scope + assessmentId));
            }
            return;
        }
        snapshots(s.get()).forEach(events::publishEvent);
    }

    /** Every assessment's snapshots on which something waits (an archived one has nothing waiting). */
    @Override
    @Transactional
    public void publishAll() {
        for (AssessmentInfo a : repo.findAll()) {
            if (a.status() != AssessmentStatus.ARCHIVED) {
                snapshots(subject(a)).stream().filter(w -> !w.open().isEmpty()).forEach(events::publishEvent);
            }
        }
    }

    /**
     * What the date alone changes, published again (the daily job, {@link AssessmentWorkScheduler}): a proposed
     * acceptance that expired no longer waits for approval, and the finding of an expired acceptance is open again.
     */
    @Transactional
    public void publishDated() {
        for (UUID id : risks.assessmentsWithAcceptances()) {
            subject(id)
                    .filter(s -> s.assessment().status() != AssessmentStatus.ARCHIVED)
                    .ifPresent(s -> {
                        events.publishEvent(riskAcceptances(s));
                        events.publishEvent(remediation(s));
                    });
        }
    }

    private List<WorkSnapshot> snapshots(Subject s) {
        return List.of(assessment(s), requestLines(s), riskAcceptances(s), remediation(s));
    }

    Optional<Subject> subject(UUID assessmentId) {
        return repo.find(assessmentId).map(this::subject);
    }

    private Subject subject(AssessmentInfo a) {
        return new Subject(a, parties.summary(a.systemId()).orElse(null));
    }

    // --- what waits, one method per kind

    /** Items to record, a sent-back assessment to fix, the review, the report's approval. */
    WorkSnapshot assessment(Subject s) {
        AssessmentInfo a = s.assessment();
        List<WorkTask> open = new ArrayList<>();
        AssessmentRole waits = a.status().waitsFor();
        String page = "/assessments/" + a.id();
        if (waits == AssessmentRole.TESTER) {
            int[] counts = reads.itemCounts(List.of(a.id())).getOrDefault(a.id(), new int[2]);
            if (counts[1] > 0) {
                open.addAll(toTesters(a, "record", "work.assessment.record", s.names(), page + "?verdict=NONE", null));
            }
            if (Reviews.returned(a.status(), reviews.steps(a.id()))) {
                open.addAll(toTesters(a, "returned", "work.assessment.returned", s.names(), page + "#review", null));
            }
        } else if (waits == AssessmentRole.REVIEWER && !a.reviewers().isEmpty()) {
            open.add(new WorkTask(
                    "review",
                    "work.assessment.review",
                    s.names(),
                    page + "#sign-off",
                    WorkAddressee.user(a.reviewers().get(0)),
                    null));
        } else if (waits == AssessmentRole.APPROVER && !a.approvers().isEmpty()) {
            open.add(new WorkTask(
                    "approve-report",
                    "work.assessment.approveReport",
                    s.names(),
                    page + "#sign-off",
                    WorkAddressee.user(a.approvers().get(0)),
                    null));
        }
        return new WorkSnapshot(ASSESSMENT + a.id(), open);
    }

    /**
     * Evidence request lines waiting for a file from the organisation they are addressed to (sent, or returned to
     * it), and submitted files waiting for the testers to accept or return them — while files may still be given
     * (the assessment is open).
     */
    WorkSnapshot requestLines(Subject s) {
        AssessmentInfo a = s.assessment();
        List<WorkTask> open = new ArrayList<>();
        if (a.status().isOpen()) {
            for (RequestLine l : requests.linesOfAssessment(a.id())) {
                if (l.status().awaitsAnswer() && s.party(l.addresseeOrgId())) {
                    open.add(new WorkTask(
                            "answer:" + l.id(),
                            l.status() == org.yunjian.evidence.EvidenceRequestStatus.RETURNED
                                    ? "work.assessment.request.returned"
                                    : "work.assessment.request.answer",
                            s.names(l.title()),
                            "/evidence-requests#addressed-lines",
                            WorkAddressee.organization(l.addresseeOrgId(), a.systemId()),
                            l.dueDate()));
                } else if (l.status().awaitsDecision()) {
                    open.addAll(toTesters(
                            a,
                            "decide:" + l.id(),
                            "work.assessment.request.decide",
                            s.names(l.title()),
                            "/assessments/" + a.id() + "/evidence-requests",
                            l.dueDate()));
                }
            }
        }
        return new WorkSnapshot(REQUESTS + a.id(), open);
    }

    /** Proposed risk acceptances, each for the customer's users but the proposer (not once archived). */
    WorkSnapshot riskAcceptances(Subject s) {
        AssessmentInfo a = s.assessment();
        List<WorkTask> open = new ArrayList<>();
        if (a.status() != AssessmentStatus.ARCHIVED && s.system() != null) {
            LocalDate today = LocalDate.now(clock);
            Map<UUID, Risk> byTask = risks.risksOfAssessment(a.id());
            Map<UUID, TestItem> items = null;
            for (Remediation r : repo.remediations(a.id())) {
                RiskAcceptance acceptance = acceptance(byTask.get(r.id()));
                if (acceptance != null && acceptance.state(today) == RiskAcceptance.State.PROPOSED) {
                    items = items == null ? items(a.id()) : items;
                    TestItem i = items.get(r.itemId());
                    open.add(new WorkTask(
                            "approve:" + r.id(),
                            "work.assessment.risk.approve",
                            s.names(
                                    clause(i),
                                    i.riskLevel() == null
                                            ? "—"
                                            : "msg:enum.RiskLevel."
                                                    + i.riskLevel().name()),
                            "/remediations/" + r.id(),
                            acceptance.approvers(
                                    s.system().customerId(), s.system().id()),
                            null));
                }
            }
        }
        return new WorkSnapshot(RISKS + a.id(), open);
    }

    /**
     * Open remediation tasks (not done, not accepted with an acceptance in force), each for its responsible
     * organisation when that organisation sees the assessment (not once archived).
     */
    WorkSnapshot remediation(Subject s) {
        AssessmentInfo a = s.assessment();
        List<WorkTask> open = new ArrayList<>();
        if (a.status() != AssessmentStatus.ARCHIVED) {
            LocalDate today = LocalDate.now(clock);
            Map<UUID, Risk> byTask = risks.risksOfAssessment(a.id());
            Map<UUID, TestItem> items = null;
            for (Remediation r : repo.remediations(a.id())) {
                Risk risk = byTask.get(r.id());
                RiskEntry rule = new RiskEntry(
                        risk == null ? RiskTreatment.REMEDIATE : risk.treatment(),
                        r.status(),
                        r.dueDate(),
                        acceptance(risk));
                if (rule.open(today) && s.party(r.responsibleOrgId())) {
                    items = items == null ? items(a.id()) : items;
                    TestItem i = items.get(r.itemId());
                    open.add(new WorkTask(
                                    "remediation:" + r.id(),
                                    "work.assessment.remediation",
                                    s.names(
                                            clause(i),
                                            "msg:enum.ItemSide." + i.side().name()),
                                    "/remediations/" + r.id(),
                                    WorkAddressee.organization(r.responsibleOrgId(), a.systemId()),
                                    r.dueDate())
                            .in(WorkTask.Group.daily("remediation:" + a.id())));
                }
            }
        }
        return new WorkSnapshot(REMEDIATION + a.id(), open);
    }

    /**
     * The item's requirement as people read it, its standard and clause ({@code 等保 8.2.2.1 a)},
     * {@link org.yunjian.catalog.ClauseLabel#cited}), in the reader's language; an imported catalog's control by its
     * own id ({@code ac-2}), which is its label.
     */
    private String clause(TestItem i) {
        return catalog.requirement(org.yunjian.catalog.RequirementId.of(i.requirementId()))
                .map(r -> WorkTask.message(org.yunjian.catalog.ClauseLabel.cited(r)))
                .orElse(i.requirementId());
    }

    /** The acceptance of a finding treated by 接受, else none (as the register reads it). */
    private static RiskAcceptance acceptance(Risk risk) {
        return risk == null || risk.treatment() != RiskTreatment.ACCEPT ? null : risk.acceptance();
    }

    private Map<UUID, TestItem> items(UUID assessmentId) {
        return repo.items(assessmentId).stream().collect(Collectors.toMap(TestItem::id, Function.identity()));
    }

    /** One task for each tester ({@link Access#testers}); the key names the person when one is addressed. */
    private static List<WorkTask> toTesters(
            AssessmentInfo a, String key, String kind, List<String> args, String href, LocalDate due) {
        return Access.testers(a).stream()
                .map(to -> new WorkTask(to.user() == null ? key : key + ":" + to.user(), kind, args, href, to, due))
                .toList();
    }
}
