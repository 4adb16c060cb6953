package org.yunjian.assessment.internal;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.Verdict;
import org.yunjian.assessment.internal.Records.TestItem;
import org.yunjian.demo.DemoData;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Engagement;
import org.yunjian.party.Parties;
import org.yunjian.party.PartyRole;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;

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

    private final AssessmentService assessments;
    private final AssessmentRepository repo;
    private final Parties parties;

    DemoAssessment(AssessmentService assessments, AssessmentRepository repo, Parties parties) {
        this.assessments = assessments;
        this.repo = repo;
        this.parties = parties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var saved = SecurityContextHolder.getContext();
        try {
            runAs(new CurrentUser(new UUID(0, 0), "system:demo-seed", null, Role.SYSTEM_ADMIN));
            CloudSystem portal = parties.visibleSystems().stream()
                    .filter(s -> s.name().equals(DemoData.PORTAL_SYSTEM)).findFirst().orElse(null);
            if (portal == null || !repo.findBySystems(List.of(portal.id())).isEmpty()) {
                return;
            }
            UUID assessor = parties.visibleEngagements(portal.id()).stream()
                    .flatMap(e -> e.participants().stream())
                    .filter(p -> p.role() == PartyRole.THIRD_PARTY_ASSESSOR)
                    .map(Engagement.Participant::organizationId).findFirst().orElse(null);
            if (assessor == null) {
                return;
            }
            runAs(new CurrentUser(new UUID(0, 1), "system:demo-seed", assessor, Role.USER));
            var a = assessments.create(new AssessmentService.CreateInput(demo("demo.assessment.name", DemoData.PORTAL_SYSTEM),
                    portal.id(), assessor, AssessorKind.THIRD_PARTY, List.of(), List.of(ItemGenerator.MLPS)));
            assessments.transition(a.id(), AssessmentStatus.IN_PROGRESS);
            List<TestItem> items = repo.items(a.id());
            assessments.recordVerdict(items.get(0).id(), new AssessmentService.VerdictInput(Verdict.COMPLIANT,
                    demo("demo.assessment.reason1"), null, null));
            assessments.recordVerdict(items.get(1).id(), new AssessmentService.VerdictInput(Verdict.COMPLIANT,
                    null, null, null));
            assessments.recordVerdict(items.get(2).id(), new AssessmentService.VerdictInput(Verdict.NON_COMPLIANT,
                    demo("demo.assessment.reason3"), RiskLevel.MEDIUM, demo("demo.assessment.risk3")));
            log.info("Demo assessment seeded: {} ({} items)", a.name(), items.size());
        } finally {
            SecurityContextHolder.setContext(saved);
        }
    }

    /** Demo content is stored once, in Chinese (the demo installation's language). */
    private static String demo(String key, Object... args) {
        return org.yunjian.shared.Msg.of(key, args).text(org.yunjian.shared.Texts.CHINESE);
    }

    private static void runAs(CurrentUser user) {
        AccountPrincipal principal = new AccountPrincipal(user, "", true, false, true);
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(ctx);
    }
}
