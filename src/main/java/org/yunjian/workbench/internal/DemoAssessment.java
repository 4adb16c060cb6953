package org.yunjian.workbench.internal;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.AssessmentReads;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.assessment.DemoPortal;
import org.yunjian.assessment.ItemGenerator;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.demo.DemoData;
import org.yunjian.inheritance.Inheritances;
import org.yunjian.party.CloudSystem;
import org.yunjian.review.Reviews;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * In demo mode, seeds one 等保 assessment of the demo portal by the demo assessor organisation, started and
 * with a few verdicts recorded. Runs after the party seed, as internal principals (a system administrator to
 * look the parties up, then a member of the assessor organisation), so every write is audited.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoAssessment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAssessment.class);

    /** How many cloud-platform items of the demo assessment inherit from the recorded platform conclusion. */
    static final int DEMO_INHERITED = 6;

    private final AssessmentService assessments;
    private final AssessmentReads repo;
    private final DemoPortal demoPortal;
    private final UserAdministration users;
    private final Inheritances inheritances;
    private final java.time.Clock clock;
    private final Reviews reviews;

    DemoAssessment(
            AssessmentService assessments,
            AssessmentReads repo,
            DemoPortal demoPortal,
            UserAdministration users,
            Inheritances inheritances,
            java.time.Clock clock,
            Reviews reviews) {
        this.reviews = reviews;
        this.inheritances = inheritances;
        this.clock = clock;
        this.users = users;
        this.assessments = assessments;
        this.repo = repo;
        this.demoPortal = demoPortal;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        CloudSystem[] portal = new CloudSystem[1];
        portal[0] = demoPortal
                .system()
                .filter(s -> repo.findBySystems(List.of(s.id())).isEmpty())
                .orElse(null);
        CurrentUser assessor = SeedActor.account(users, DemoData.ASSESSOR_USER).orElse(null);
        if (portal[0] == null || assessor == null || assessor.organizationId() == null) {
            return;
        }
        SeedActor.run(assessor, () -> seed(portal[0], assessor.organizationId()));
    }

    /**
     * As the demo assessor: the assessment with its team (testers 陈工 and 孙工, 审核人 周工, 批准人 吴工), started,
     * with three verdicts — still in progress, so the review can be walked from the first login.
     */
    private void seed(CloudSystem portal, UUID assessor) {
        java.util.function.Function<String, UUID> id =
                name -> SeedActor.account(users, name).map(CurrentUser::userId).orElse(null);
        List<UUID> testers = java.util.stream.Stream.of(DemoData.ASSESSOR_USER, DemoData.ASSESSOR2_USER)
                .map(id)
                .filter(java.util.Objects::nonNull)
                .toList();
        var a = assessments.create(new AssessmentService.CreateInput(
                demo("demo.assessment.name", DemoData.PORTAL_SYSTEM),
                portal.id(),
                assessor,
                AssessorKind.THIRD_PARTY,
                testers,
                List.of(ItemGenerator.MLPS),
                id.apply(DemoData.ASSESSMENT_REVIEWER),
                id.apply(DemoData.ASSESSMENT_APPROVER)));
        reviews.transition(a.id(), AssessmentStatus.IN_PROGRESS, null);
        List<TestItem> items = repo.items(a.id());
        assessments.recordVerdict(
                items.get(0).id(),
                ExpectedVersion.exactly(items.get(0).version()),
                new AssessmentService.VerdictInput(Verdict.COMPLIANT, demo("demo.assessment.reason1"), null, null));
        assessments.recordVerdict(
                items.get(1).id(),
                ExpectedVersion.exactly(items.get(1).version()),
                new AssessmentService.VerdictInput(Verdict.COMPLIANT, null, null, null));
        // each 符合 rests on what the tester observed on site (the submission check asks for it)
        for (int n = 0; n < 2; n++) {
            assessments.recordObservations(
                    items.get(n).id(),
                    ExpectedVersion.exactly(items.get(n).version() + 1),
                    demo("demo.assessment.earlier.observedOnSite", items.get(n).requirementId()));
        }
        assessments.recordVerdict(
                items.get(2).id(),
                ExpectedVersion.exactly(items.get(2).version()),
                new AssessmentService.VerdictInput(
                        Verdict.NON_COMPLIANT,
                        demo("demo.assessment.reason3"),
                        RiskLevel.MEDIUM,
                        demo("demo.assessment.risk3"),
                        null,
                        demo("demo.assessment.finding3"),
                        demo("demo.assessment.advice3")));
        assessments.addInterview(
                items.get(2).id(),
                new AssessmentService.InterviewInput(
                        demo("demo.assessment.earlier.boundary.interviewee"),
                        demo("demo.assessment.earlier.boundary.role"),
                        clock.instant()
                                .minus(java.time.Duration.ofDays(1))
                                .truncatedTo(java.time.temporal.ChronoUnit.HOURS),
                        demo("demo.assessment.interview3")));
        // the provider's platform was assessed elsewhere three months ago: its conclusion is recorded and the first
        // cloud-platform items still open inherit from it, so the customer sees inherited items at first login
        var conclusion = inheritances.recordConclusion(
                a.id(),
                new Inheritances.ConclusionInput(
                        demo("demo.assessment.conclusion.number"),
                        demo("demo.assessment.conclusion.organisation"),
                        java.time.LocalDate.now(clock.withZone(org.yunjian.shared.Formats.zone()))
                                .minusMonths(3),
                        Verdict.COMPLIANT,
                        null),
                null,
                null);
        int inherited = 0;
        for (TestItem item : repo.items(a.id())) {
            if (inherited < DEMO_INHERITED
                    && org.yunjian.assessment.Inheritance.inheritable(item.side())
                    && item.verdict() == null) {
                inheritances.inherit(item.id(), ExpectedVersion.exactly(item.version()), conclusion.id());
                inherited++;
            }
        }
        log.info("Demo assessment seeded: {} ({} items, {} inherited)", a.name(), items.size(), inherited);
    }

    /** Demo content is stored once, in Chinese (the demo installation's language). */
    static String demo(String key, Object... args) {
        return org.yunjian.shared.Msg.of(key, args).text(org.yunjian.shared.Texts.CHINESE);
    }
}
