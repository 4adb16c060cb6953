package org.yunjian.workbench.internal;

import static org.yunjian.workbench.internal.DemoAssessment.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.assessment.DemoPortal;
import org.yunjian.assessment.ItemGenerator;
import org.yunjian.assessment.ItemLabels;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.demo.DemoData;
import org.yunjian.party.CloudSystem;
import org.yunjian.report.ReportRecords;
import org.yunjian.review.Reviews;
import org.yunjian.risk.Remediations;
import org.yunjian.risk.RiskRegister;
import org.yunjian.risk.RiskTreatment;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * In demo mode, seeds last year's 等保 assessment of the demo portal, completed: the testers 陈工 and 孙工 record a
 * verdict on every item (mostly 符合 with what they observed, most of them also with the file they took on site —
 * a configuration export, a check list, a console screenshot or a policy excerpt, uploaded to the evidence vault like
 * any upload (issue 58); five findings, one of high risk, each with what was
 * found, the tester's recommendation, the interview it rests on and why there is no evidence file), 陈工 submits, 周工 approves the review and
 * 吴工 approves the report — the same services a user goes through, so the completion step stores the item sums
 * and the dashboards show a conclusion at first login. The assessment's own dates are then moved back ten months
 * to a year (the audit log keeps when the seed really wrote). The five remediation tasks the findings opened are
 * planned by 陈工 a week after the completion and have moved on since (two remediated, awaiting this year's re-test;
 * three under way, due within the coming months). The portal's 等保 obligation counts from this completion: the
 * lifecycle demo records it once, from the assessment, on its completion day. Runs after {@link DemoAssessment} and the seeders
 * that look for the portal's open assessment; seeds nothing once the portal has a completed assessment.
 */
@Component
@Order(33)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
public class DemoCompletedAssessment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCompletedAssessment.class);

    /** The contract of last year's assessment, signed after the 2025 template came into force. */
    public static final LocalDate CONTRACT = LocalDate.of(2025, 4, 15);

    /** How many months ago the assessment was created, and completed (the lifecycle demo's last 等保 assessment). */
    static final int CREATED_MONTHS_AGO = 12;

    static final int COMPLETED_MONTHS_AGO = 10;

    /** The remediation plan was made this many days after the completion. */
    static final int PLANNED_DAYS_AFTER = 7;

    /**
     * A finding of last year's assessment: on which requirement, what was found and its risk; its remediation task
     * due {@code dueMonths} after the completion and where it stands today.
     */
    record Finding(Verdict verdict, RiskLevel risk, String key, int dueMonths, RemediationStatus progress) {}

    /** The findings by requirement (on the customer's side where the item is assessed on both sides). */
    static final Map<String, Finding> FINDINGS = Map.of(
            "MLPS-L3-8.2.3.1-b",
                    new Finding(Verdict.NON_COMPLIANT, RiskLevel.HIGH, "boundary", 3, RemediationStatus.DONE),
            "MLPS-L3-8.2.3.3-a",
                    new Finding(Verdict.PARTIALLY_COMPLIANT, RiskLevel.MEDIUM, "audit", 6, RemediationStatus.DONE),
            "MLPS-L3-8.2.4.6-a",
                    new Finding(
                            Verdict.PARTIALLY_COMPLIANT, RiskLevel.MEDIUM, "backup", 11, RemediationStatus.IN_PROGRESS),
            "MLPS-L3-8.2.5.1-c",
                    new Finding(Verdict.PARTIALLY_COMPLIANT, RiskLevel.LOW, "central", 12, RemediationStatus.OPEN),
            "MLPS-L3-8.2.6.1-d",
                    new Finding(Verdict.NON_COMPLIANT, RiskLevel.MEDIUM, "exit", 12, RemediationStatus.IN_PROGRESS));

    private final AssessmentService assessments;
    private final AssessmentReads repo;
    private final DemoPortal demoPortal;
    private final UserAdministration users;
    private final Reviews reviews;
    private final RiskRegister register;
    private final Remediations remediations;
    private final DemoAssessmentRepository dates;
    private final ItemLabels labels;
    private final java.time.Clock clock;
    private ReportRecords records;
    private org.yunjian.evidence.EvidenceService evidence;

    DemoCompletedAssessment(
            AssessmentService assessments,
            AssessmentReads repo,
            DemoPortal demoPortal,
            UserAdministration users,
            Reviews reviews,
            RiskRegister register,
            Remediations remediations,
            JdbcClient jdbc,
            ItemLabels labels,
            java.time.Clock clock) {
        this.labels = labels;
        this.clock = clock;
        this.register = register;
        this.remediations = remediations;
        this.assessments = assessments;
        this.repo = repo;
        this.demoPortal = demoPortal;
        this.users = users;
        this.reviews = reviews;
        this.dates = new DemoAssessmentRepository(jdbc);
    }

    /** The approved report's record, sealed again once the approval is back-dated (issue 34). */
    @org.springframework.beans.factory.annotation.Autowired
    void setRecords(ReportRecords records) {
        this.records = records;
    }

    /** The vault the testers upload their files to, as on the item page (issue 58). */
    @org.springframework.beans.factory.annotation.Autowired
    void setEvidence(org.yunjian.evidence.EvidenceService evidence) {
        this.evidence = evidence;
    }

    @Override // not one transaction: the approval's record is sealed after the approval commits (ReportRecords)
    public void run(ApplicationArguments args) {
        CloudSystem portal = demoPortal
                .system()
                .filter(s -> repo.findBySystems(List.of(s.id())).stream()
                        .noneMatch(a -> !a.status().isOpen()))
                .orElse(null);
        CurrentUser tester = SeedActor.account(users, DemoData.ASSESSOR_USER).orElse(null);
        CurrentUser tester2 = SeedActor.account(users, DemoData.ASSESSOR2_USER).orElse(null);
        CurrentUser reviewer =
                SeedActor.account(users, DemoData.ASSESSMENT_REVIEWER).orElse(null);
        CurrentUser approver =
                SeedActor.account(users, DemoData.ASSESSMENT_APPROVER).orElse(null);
        CurrentUser customer = SeedActor.account(users, DemoData.CUSTOMER_USER).orElse(null);
        if (portal == null
                || tester == null
                || tester2 == null
                || reviewer == null
                || approver == null
                || customer == null
                || tester.organizationId() == null) {
            return;
        }
        UUID[] id = new UUID[1];
        SeedActor.run(
                tester,
                () -> id[0] = assessments
                        .create(new AssessmentService.CreateInput(
                                demo("demo.assessment.earlier.name", DemoData.PORTAL_SYSTEM),
                                portal.id(),
                                tester.organizationId(),
                                AssessorKind.THIRD_PARTY,
                                List.of(tester.userId(), tester2.userId()),
                                List.of(ItemGenerator.MLPS),
                                reviewer.userId(),
                                approver.userId(),
                                null,
                                CONTRACT))
                        .id());
        SeedActor.run(
                tester, () -> reviews.transition(id[0], org.yunjian.assessment.AssessmentStatus.IN_PROGRESS, null));
        List<TestItem> items = repo.items(id[0]);
        java.util.Set<UUID> findings = findingItems(items);
        // the two testers share the items: 陈工 the first half, 孙工 the rest
        int half = items.size() / 2;
        SeedActor.run(tester, () -> items.subList(0, half).forEach(i -> record(i, findings.contains(i.id()), tester)));
        SeedActor.run(tester2, () -> items.subList(half, items.size())
                .forEach(i -> record(i, findings.contains(i.id()), tester2)));
        // seeding acts on the assessment as stored: each step names the version it has just read
        SeedActor.run(tester, () -> reviews.submit(id[0], asStored(id[0])));
        SeedActor.run(
                reviewer,
                () -> reviews.approveReview(id[0], asStored(id[0]), demo("demo.assessment.earlier.reviewed")));
        SeedActor.run(
                approver,
                () -> reviews.approveReport(id[0], asStored(id[0]), demo("demo.assessment.earlier.approved")));
        backdate(id[0]);
        // the record is the report as approved: sealed with the back-dated approval, before any remediation moved on
        SeedActor.run(approver, () -> records.reseal(id[0]));
        remediate(id[0], tester, customer);
        log.info("Demo completed assessment seeded: {} items, {} findings", items.size(), FINDINGS.size());
    }

    private org.yunjian.shared.version.ExpectedVersion asStored(UUID assessment) {
        return org.yunjian.shared.version.ExpectedVersion.exactly(reviews.version(assessment));
    }

    /** The item of each finding: on the customer's side where the requirement is assessed on both sides. */
    static java.util.Set<UUID> findingItems(List<TestItem> items) {
        Map<String, TestItem> chosen = new java.util.HashMap<>();
        for (TestItem i : items) {
            if (FINDINGS.containsKey(i.requirementId())) {
                chosen.merge(i.requirementId(), i, (a, b) -> b.side() == ItemSide.CUSTOMER_SYSTEM ? b : a);
            }
        }
        return chosen.values().stream().map(TestItem::id).collect(java.util.stream.Collectors.toSet());
    }

    /** The finding whose first verdict was a slip, corrected by its tester before the review (no re-test). */
    static final String CORRECTED = "MLPS-L3-8.2.5.1-c";

    /** One 符合 item in this many rests on its 现场记录 alone; every other one also has an evidence file. */
    static final int OBSERVATION_ONLY_EVERY = 12;

    /** Whether the 符合 item at {@code position} has an evidence file (most do; the rest rest on the 现场记录). */
    static boolean withFile(int position) {
        return position % OBSERVATION_ONLY_EVERY != OBSERVATION_ONLY_EVERY - 1;
    }

    /**
     * The item's verdict: its finding if it is a finding's item — with what was found, the tester's recommendation,
     * why there is no evidence file and the interview it rests on — else 符合 with what the tester observed (the
     * catalog's 符合 state, as checked on site) and, for most, the file the tester took there ({@link
     * DemoEvidenceFiles}), uploaded by that tester to the evidence vault.
     */
    private void record(TestItem item, boolean finding, CurrentUser by) {
        Finding f = FINDINGS.get(item.requirementId());
        if (!finding) {
            String seen = labels.requirement(item.requirementId())
                    .map(r -> r.mlps() == null || r.mlps().criteria() == null
                            ? null
                            : r.mlps().criteria().compliant())
                    .orElse(null);
            assessments.recordVerdict(
                    item.id(),
                    ExpectedVersion.exactly(item.version()),
                    new AssessmentService.VerdictInput(Verdict.COMPLIANT, null, null, null));
            // every 符合 rests on what the tester observed (the submission check asks for it)
            String observed = seen != null
                    ? demo("demo.assessment.earlier.observed", withoutFinalPunctuation(seen))
                    : demo("demo.assessment.earlier.observedOnSite", item.requirementId());
            assessments.recordObservations(item.id(), ExpectedVersion.exactly(item.version() + 1), observed);
            if (withFile(item.position())) {
                DemoEvidenceFiles.File file = DemoEvidenceFiles.of(
                        DemoEvidenceFiles.kind(item.position()),
                        new DemoEvidenceFiles.Subject(
                                DemoData.PORTAL_SYSTEM,
                                item.requirementId(),
                                Msg.of(item.side()).text(org.yunjian.shared.Texts.CHINESE),
                                inChinese(() -> labels.layer(item)),
                                inChinese(() -> labels.controlPoint(item)),
                                observed,
                                displayName(by.username()),
                                by.username()));
                evidence.upload(item.id(), file.name(), file.content(), false);
            }
            return;
        }
        String key = "demo.assessment.earlier." + f.key();
        long version = item.version();
        if (item.requirementId().equals(CORRECTED)) {
            assessments.recordVerdict(
                    item.id(),
                    ExpectedVersion.exactly(version++),
                    new AssessmentService.VerdictInput(Verdict.COMPLIANT, null, null, null));
        }
        TestItem recorded = assessments.recordVerdict(
                item.id(),
                ExpectedVersion.exactly(version),
                new AssessmentService.VerdictInput(
                        f.verdict(),
                        demo(key),
                        f.risk(),
                        demo(key + ".risk"),
                        demo("demo.assessment.earlier.noEvidence"),
                        demo(key + ".finding"),
                        demo(key + ".advice")));
        // what the tester saw, where: a 部分符合 rests on it (no evidence file: see the no-evidence reason)
        assessments.recordObservations(
                item.id(),
                ExpectedVersion.exactly(recorded.version()),
                demo("demo.assessment.earlier.observedFinding", demo(key + ".finding")));
        LocalDate today = LocalDate.now(clock.withZone(Formats.zone()));
        int k = FINDINGS.keySet().stream().sorted().toList().indexOf(item.requirementId());
        assessments.addInterview(
                item.id(),
                new AssessmentService.InterviewInput(
                        demo(key + ".interviewee"),
                        demo(key + ".role"),
                        today.minusDays(2)
                                .atTime(9 + k, 30)
                                .atZone(Formats.zone())
                                .toInstant(),
                        demo(key + ".interview")));
    }

    /** A catalog name as the Chinese files print it, whatever the locale the seed runs in. */
    private static String inChinese(java.util.function.Supplier<String> name) {
        java.util.Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        org.springframework.context.i18n.LocaleContextHolder.setLocale(org.yunjian.shared.Texts.CHINESE);
        try {
            return name.get();
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
        }
    }

    private static String displayName(String username) {
        return DemoData.ACCOUNTS.stream()
                .filter(a -> a.username().equals(username))
                .map(DemoData.Account::displayName)
                .findFirst()
                .orElse(username);
    }

    /** The text without the full stops or semicolons it ends with (the sentence around it adds its own). */
    static String withoutFinalPunctuation(String s) {
        String out = s.strip();
        while (!out.isEmpty() && Character.getType(out.charAt(out.length() - 1)) == Character.OTHER_PUNCTUATION) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    /**
     * The findings' tasks: planned by the tester, due some months after the completion, moved on by the customer
     * (the responsible organisation); then dated — opened with their verdicts, planned a week after the completion.
     */
    private void remediate(UUID id, CurrentUser tester, CurrentUser customer) {
        LocalDate completedOn =
                dates.completedAt(id).atZoneSameInstant(Formats.zone()).toLocalDate();
        Map<UUID, Finding> byItem = new java.util.HashMap<>();
        repo.items(id).forEach(i -> byItem.put(i.id(), FINDINGS.get(i.requirementId())));
        for (Records.Remediation task : repo.remediations(id)) {
            Finding f = byItem.get(task.itemId());
            long v = task.version();
            SeedActor.run(
                    tester,
                    () -> register.plan(
                            task.id(),
                            ExpectedVersion.exactly(v),
                            new RiskRegister.PlanInput(
                                    RiskTreatment.REMEDIATE,
                                    null,
                                    null,
                                    null,
                                    completedOn.plusMonths(f.dueMonths()),
                                    null,
                                    null,
                                    null)));
            if (f.progress() != RemediationStatus.OPEN) {
                SeedActor.run(
                        customer,
                        () -> remediations.update(
                                task.id(),
                                ExpectedVersion.exactly(v + 1),
                                new Remediations.Input(null, null, f.progress(), null)));
            }
        }
        dates.dateTasks(id, COMPLETED_MONTHS_AGO, PLANNED_DAYS_AFTER);
    }

    /**
     * Moves the assessment's dates back: created a year ago, its verdicts, review steps and completion ten months
     * ago — when the lifecycle demo's 等保 obligation was last done. Standard interval literals (H2 and PostgreSQL).
     */
    private void backdate(UUID id) {
        dates.backdate(id, CREATED_MONTHS_AGO, COMPLETED_MONTHS_AGO);
    }
}
