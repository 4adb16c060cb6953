package org.yunjian.risk.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import org.yunjian.assessment.DemoPortal;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.demo.DemoData;
import org.yunjian.risk.RiskRegister;
import org.yunjian.risk.RiskRepository;
import org.yunjian.risk.RiskTreatment;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.version.ExpectedVersion;

/**
 * In demo mode, fills the demo assessment's risk register once (after {@link DemoAssessment}): its finding planned
 * for remediation with a due date and two milestones (the first done), and a second, low-risk finding on the
 * customer's side accepted by the assessor's proposal and the customer's approval, valid for 180 days — so the
 * register shows planning, milestones and an acceptance at first login. Every write goes through the services as the
 * demo assessor and the demo customer, so it is audited.
 */
@Component
@Order(31)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class DemoRiskRegister implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRiskRegister.class);

    private final AssessmentService assessments;
    private final AssessmentReads repo;
    private final RiskRepository risks;
    private final AssessmentReads inherited;
    private final RiskRegister register;
    private final DemoPortal portal;
    private final UserAdministration users;
    private final Clock clock;

    DemoRiskRegister(
            AssessmentService assessments,
            AssessmentReads repo,
            RiskRepository risks,
            AssessmentReads inherited,
            RiskRegister register,
            DemoPortal portal,
            UserAdministration users,
            Clock clock) {
        this.assessments = assessments;
        this.repo = repo;
        this.risks = risks;
        this.inherited = inherited;
        this.register = register;
        this.portal = portal;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AssessmentInfo[] demo = {portal.openAssessment().orElse(null)};
        CurrentUser assessor = SeedActor.account(users, DemoData.ASSESSOR_USER).orElse(null);
        CurrentUser customer = SeedActor.account(users, DemoData.CUSTOMER_USER).orElse(null);
        if (demo[0] == null
                || assessor == null
                || customer == null
                || !risks.risksOfAssessment(demo[0].id()).isEmpty()) {
            return;
        }
        AssessmentInfo a = demo[0];
        LocalDate today = register.today();
        Remediation[] accepted = new Remediation[1];
        SeedActor.run(assessor, () -> {
            List<Remediation> tasks = repo.remediations(a.id());
            if (tasks.size() != 1) {
                return; // not the demo as DemoAssessment seeds it
            }
            Remediation planned = tasks.get(0);
            // seeding writes over the versions it has just read: each change moves the entry on by one
            long v = planned.version();
            register.plan(
                    planned.id(),
                    ExpectedVersion.exactly(v++),
                    new RiskRegister.PlanInput(
                            RiskTreatment.REMEDIATE, null, null, null, today.plusDays(60), null, null, null));
            register.addMilestone(
                    planned.id(),
                    ExpectedVersion.exactly(v++),
                    new RiskRegister.MilestoneInput(
                            demo("demo.risk.milestone1"), today.minusDays(3), today.minusDays(5)));
            register.addMilestone(
                    planned.id(),
                    ExpectedVersion.exactly(v),
                    new RiskRegister.MilestoneInput(demo("demo.risk.milestone2"), today.plusDays(45), null));
            TestItem item = repo.items(a.id()).stream()
                    .filter(i -> i.side() == ItemSide.CUSTOMER_SYSTEM
                            && i.verdict() == null
                            && inherited.inheritance(i.id()).isEmpty())
                    .findFirst()
                    .orElse(null);
            if (item == null) {
                return;
            }
            assessments.recordVerdict(
                    item.id(),
                    ExpectedVersion.exactly(item.version()),
                    new AssessmentService.VerdictInput(
                            Verdict.NON_COMPLIANT, demo("demo.risk.reason"), RiskLevel.LOW, demo("demo.risk.risk")));
            accepted[0] = repo.remediationsOfItem(item.id()).get(0);
            register.plan(
                    accepted[0].id(),
                    ExpectedVersion.exactly(accepted[0].version()),
                    new RiskRegister.PlanInput(
                            RiskTreatment.ACCEPT,
                            null,
                            null,
                            null,
                            null,
                            demo("demo.risk.acceptance"),
                            today.plusDays(180),
                            null));
        });
        if (accepted[0] != null) {
            SeedActor.run(
                    customer,
                    () -> register.approve(accepted[0].id(), ExpectedVersion.exactly(accepted[0].version() + 1)));
        }
        log.info("Demo risk register seeded for {}", a.name());
    }

    private static String demo(String key) {
        return org.yunjian.shared.Msg.of(key).text(org.yunjian.shared.Texts.CHINESE);
    }
}
