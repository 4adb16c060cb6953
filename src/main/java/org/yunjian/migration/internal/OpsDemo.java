package org.yunjian.migration.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.demo.DemoData;
import org.yunjian.migration.EmergencyPlan;
import org.yunjian.migration.SupervisionReport;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DemoSystems;
import org.yunjian.party.Parties;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * In demo mode, the migration and operation documents of the demo government portal: a completed migration plan
 * (three steps done, a rollback plan with its trigger, matching data checks, parallel running) with passed acceptance
 * tests recorded by the assessor; emergency plans for web page defacement and DDoS with one drill held 14 months ago
 * (so the yearly drill is overdue) and its findings; two provider reports, one reviewed; one change request from the
 * provider awaiting the customer's approval. Runs as the demo users, so every write is authorised and audited.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "yunjian.demo", havingValue = "true")
class OpsDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OpsDemo.class);

    private final MigrationService migration;
    private final MigrationRisks risks;
    private final DrillService drills;
    private final SupervisionService supervision;
    private final MigrationRepository migrationRepo;
    private final Parties parties;
    private final UserAdministration users;
    private final OpsFields fields;
    private final Clock clock;

    OpsDemo(
            MigrationService migration,
            MigrationRisks risks,
            DrillService drills,
            SupervisionService supervision,
            MigrationRepository migrationRepo,
            Parties parties,
            UserAdministration users,
            OpsFields fields,
            Clock clock) {
        this.migration = migration;
        this.risks = risks;
        this.drills = drills;
        this.supervision = supervision;
        this.migrationRepo = migrationRepo;
        this.parties = parties;
        this.users = users;
        this.fields = fields;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<CloudSystem> found = DemoSystems.find(
                parties,
                DemoData.PORTAL_SYSTEM,
                s -> s.providerId() != null && migrationRepo.steps(s.id()).isEmpty());
        Optional<CurrentUser> customer = SeedActor.account(users, DemoData.CUSTOMER_USER);
        Optional<CurrentUser> provider = SeedActor.account(users, DemoData.PROVIDER_USER);
        Optional<CurrentUser> assessor = SeedActor.account(users, DemoData.ASSESSOR_USER);
        if (found.isEmpty() || customer.isEmpty() || provider.isEmpty() || assessor.isEmpty()) {
            return;
        }
        CloudSystem s = found.get();
        UUID id = s.id();
        LocalDate today = LocalDate.now(clock.withZone(Formats.zone()));
        LocalDate migrated = today.minusMonths(16);
        SeedActor.run(customer.get(), () -> {
            Map<UUID, String> orgs = fields.organisations(s);
            UUID integrator = orgs.keySet().stream()
                    .filter(o -> orgs.get(o).equals(DemoData.INTEGRATOR.name()))
                    .findFirst()
                    .orElse(s.providerId());
            step(id, "lifecycle.ops.demo.step1", s.providerId(), migrated.minusDays(10), 20, 6);
            step(id, "lifecycle.ops.demo.step2", integrator, migrated.minusDays(3), 22, 6);
            step(id, "lifecycle.ops.demo.step3", s.customerId(), migrated, 21, 3);
            migration.savePlan(
                    id,
                    null,
                    new MigrationService.MigrationPlanInput(
                            demo("lifecycle.ops.demo.rollbackPlan"),
                            demo("lifecycle.ops.demo.rollbackTrigger"),
                            migrated.toString(),
                            migrated.plusDays(30).toString(),
                            demo("lifecycle.ops.demo.parallelNotes"),
                            null));
            migration.addCheck(
                    id,
                    new MigrationService.CheckInput(
                            demo("lifecycle.ops.demo.check1"),
                            "RECORD_COUNT",
                            "184326",
                            "184326",
                            migrated.minusDays(3).toString()));
            migration.addCheck(
                    id,
                    new MigrationService.CheckInput(
                            demo("lifecycle.ops.demo.check2"),
                            "HASH",
                            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                            "66C7F0F462EEEDD9D1F2D46BDC10E4E24167C4875CF2F7A2297DA02B8F4BA8E0",
                            migrated.minusDays(3).toString()));
            // two of the guide's 5.2.1 risks assessed before the migration; the other five stay for the newcomer
            risks.assess(
                    id,
                    "GOVWEB-5.2.1-b",
                    null,
                    new MigrationRisks.RiskInput(
                            "MEDIUM", "HIGH", demo("lifecycle.risk.demo.dataTreatment"), integrator.toString(), null));
            risks.assess(
                    id,
                    "GOVWEB-5.2.1-f",
                    null,
                    new MigrationRisks.RiskInput(
                            "LOW",
                            "HIGH",
                            demo("lifecycle.risk.demo.switchTreatment"),
                            s.customerId().toString(),
                            null));
        });
        SeedActor.run(assessor.get(), () -> {
            migration.recordAcceptance(
                    id,
                    new MigrationService.AcceptanceInput(
                            demo("lifecycle.ops.demo.test1"),
                            "PASSED",
                            migrated.plusDays(5).toString(),
                            demo("lifecycle.ops.demo.test1Notes")),
                    List.of(file("lifecycle.ops.demo.test1File", "lifecycle.ops.demo.test1FileText")));
            migration.recordAcceptance(
                    id,
                    new MigrationService.AcceptanceInput(
                            demo("lifecycle.ops.demo.test2"),
                            "PASSED",
                            migrated.plusDays(6).toString(),
                            null),
                    List.of());
        });
        SeedActor.run(customer.get(), () -> {
            EmergencyPlan defacement = drills.savePlan(
                    id,
                    null,
                    null,
                    new DrillService.EmergencyPlanInput(
                            demo("lifecycle.ops.demo.plan1"), demo("lifecycle.ops.demo.plan1Summary"),
                            s.customerId().toString(), demo("lifecycle.ops.demo.plan1Contacts"),
                            today.minusMonths(15).toString(), null));
            drills.savePlan(
                    id,
                    null,
                    null,
                    new DrillService.EmergencyPlanInput(
                            demo("lifecycle.ops.demo.plan2"),
                            demo("lifecycle.ops.demo.plan2Summary"),
                            s.providerId().toString(),
                            demo("lifecycle.ops.demo.plan2Contacts"),
                            today.minusMonths(15).toString(),
                            null));
            LocalDate held = today.minusMonths(14);
            drills.recordDrill(
                    id,
                    new DrillService.DrillInput(
                            held.toString(),
                            defacement.id().toString(),
                            null,
                            org.yunjian.obligations.DrillCategory.INFORMATION_DESTRUCTION.name(),
                            demo("lifecycle.ops.demo.participants"),
                            demo("lifecycle.ops.demo.findings"),
                            List.of(
                                    new DrillService.TaskInput(
                                            demo("lifecycle.ops.demo.task1"),
                                            s.providerId().toString(),
                                            held.plusMonths(1).toString()),
                                    new DrillService.TaskInput(
                                            demo("lifecycle.ops.demo.task2"),
                                            s.customerId().toString(),
                                            held.plusMonths(2).toString()))));
        });
        SeedActor.run(provider.get(), () -> {
            LocalDate month = today.withDayOfMonth(1);
            SupervisionReport older = supervision.submitReport(
                    id,
                    new SupervisionService.ReportInput(
                            "MONTHLY_OPERATION",
                            month.minusMonths(2).toString(),
                            month.minusMonths(1).minusDays(1).toString(),
                            month.minusMonths(1).plusDays(4).toString()),
                    file("lifecycle.ops.demo.report1File", "lifecycle.ops.demo.report1Text"));
            supervision.submitReport(
                    id,
                    new SupervisionService.ReportInput(
                            "SLA",
                            month.minusMonths(1).toString(),
                            month.minusDays(1).toString(),
                            today.toString()),
                    file("lifecycle.ops.demo.report2File", "lifecycle.ops.demo.report2Text"));
            SeedActor.run(
                    customer.get(),
                    () -> supervision.review(
                            id,
                            older.id(),
                            null,
                            new SupervisionService.ReviewInput(
                                    "ACCEPTED_WITH_ISSUES",
                                    demo("lifecycle.ops.demo.reviewIssues"),
                                    month.minusMonths(1).plusDays(9).toString(),
                                    null)));
            LocalDateTime window = today.plusDays(10).atTime(22, 0);
            supervision.requestChange(
                    id,
                    new SupervisionService.ChangeInput(
                            demo("lifecycle.ops.demo.changeTitle"),
                            demo("lifecycle.ops.demo.changeReason"),
                            window.toString(),
                            window.plusHours(4).toString(),
                            "MEDIUM",
                            demo("lifecycle.ops.demo.changeRisk")));
        });
        log.info("Demo migration, drill and supervision records seeded for {}", s.name());
    }

    private void step(UUID system, String key, UUID owner, LocalDate day, int hour, int hours) {
        LocalDateTime start = day.atTime(hour, 0);
        migration.addStep(
                system,
                new MigrationService.StepInput(
                        null,
                        demo(key),
                        owner.toString(),
                        start.toString(),
                        start.plusHours(hours).toString(),
                        "DONE",
                        null));
    }

    private static OpsFileRepository.Upload file(String nameKey, String textKey) {
        return new OpsFileRepository.Upload(demo(nameKey), demo(textKey).getBytes(StandardCharsets.UTF_8));
    }

    /** Demo content is stored once, in Chinese (the demo installation's language). */
    private static String demo(String key) {
        return Msg.of(key).text(Texts.CHINESE);
    }
}
