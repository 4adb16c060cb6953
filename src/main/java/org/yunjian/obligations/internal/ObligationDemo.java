package org.yunjian.obligations.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunjian.assessment.AssessmentCompleted;
import org.yunjian.assessment.AssessmentDirectory;
import org.yunjian.demo.DemoData;
import org.yunjian.obligations.ObligationKind;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DemoSystems;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;

/**
 * In demo mode, the obligations of the demo government portal, generated and completed as the demo customer and
 * provider (so every write is authorised and audited): the annual 等保 assessment done ten months ago (due in about
 * two months), the defacement drill held fourteen months ago (due at 24 months: 政府网站指南 8.5 b)), the DDoS drill
 * last held 26 months ago (overdue), the provider's report received three weeks ago. No calendar feed is created: a feed token is a secret of its user.
 *
 * <p>The 等保 assessment's completion is the portal's completed assessment (seeded earlier, its dates moved back ten
 * months): the obligations did not exist when it was completed, so its {@link AssessmentCompleted} is delivered
 * again as the application delivers it — as its approver, on the day it was completed, recorded once and from the
 * assessment. Only a demo without one records a completion by hand ten months ago. Each step commits on its own so
 * that the delivered event, in a transaction of its own, sees the obligations.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class ObligationDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ObligationDemo.class);

    private final ObligationService service;
    private final ObligationRepository repo;
    private final Parties parties;
    private final UserAdministration users;
    private final AssessmentDirectory assessments;
    private final ObligationCompletions completions;

    ObligationDemo(
            ObligationService service,
            ObligationRepository repo,
            Parties parties,
            UserAdministration users,
            AssessmentDirectory assessments,
            ObligationCompletions completions) {
        this.assessments = assessments;
        this.completions = completions;
        this.service = service;
        this.repo = repo;
        this.parties = parties;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<CloudSystem> system = DemoSystems.find(
                parties,
                DemoData.PORTAL_SYSTEM,
                s -> s.providerId() != null && repo.bySystem(s.id()).isEmpty());
        Optional<CurrentUser> customer = SeedActor.account(users, DemoData.CUSTOMER_USER);
        Optional<CurrentUser> provider = SeedActor.account(users, DemoData.PROVIDER_USER);
        if (system.isEmpty() || customer.isEmpty() || provider.isEmpty()) {
            return;
        }
        CloudSystem s = system.get();
        SeedActor.run(customer.get(), () -> {
            LocalDate today = service.today();
            service.generate(s.id(), today.plusMonths(2).toString());
            // the defacement drill (信息破坏事件: 信息篡改) fourteen months ago: due again at 24 months (政府网站指南 8.5 b)
            // "每两年至少开展各典型类别安全事件的应急演练一次"), not overdue
            complete(s, ObligationKind.DRILL_INFORMATION_DESTRUCTION, today.minusMonths(14));
            // the DDoS drill (网络攻击事件) last held before the platform, 26 months ago: overdue by two months
            complete(s, ObligationKind.DRILL_NETWORK_ATTACK, today.minusMonths(26));
        });
        Optional<AssessmentDirectory.Summary> completed = lastCompleted(customer.get(), s);
        Optional<CurrentUser> approver = SeedActor.account(users, DemoData.ASSESSMENT_APPROVER);
        if (completed.isPresent() && approver.isPresent()) {
            AssessmentDirectory.Summary a = completed.get();
            SeedActor.run(approver.get(), () -> completions.on(a.completion()));
        } else {
            SeedActor.run(
                    customer.get(),
                    () -> complete(
                            s, ObligationKind.MLPS_ASSESSMENT, service.today().minusMonths(10)));
        }
        SeedActor.run(
                provider.get(),
                () -> complete(
                        s, ObligationKind.PROVIDER_REPORT, service.today().minusWeeks(3)));
        log.info("Demo obligations seeded for {}", s.name());
    }

    /** The portal's assessment completed last, as the customer sees it. */
    private Optional<AssessmentDirectory.Summary> lastCompleted(CurrentUser customer, CloudSystem s) {
        List<AssessmentDirectory.Summary> visible = new ArrayList<>();
        SeedActor.run(customer, () -> visible.addAll(assessments.visible(s.id())));
        return visible.stream()
                .filter(a -> a.completedAt() != null)
                .max(Comparator.comparing(AssessmentDirectory.Summary::completedAt));
    }

    /** Records a completion over the obligation's version as stored now. */
    private void complete(CloudSystem s, ObligationKind kind, LocalDate on) {
        service.complete(
                s.id(),
                kind.name(),
                on.toString(),
                org.yunjian.shared.version.ExpectedVersion.exactly(
                        service.one(s.id(), kind.name()).obligation().version()));
    }
}
