package org.yunjian.workbench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.assessment.ScoreResult.Conclusion;
import org.yunjian.demo.DemoData;
import org.yunjian.report.Reports;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.support.TestDatabases;

/**
 * The demo's completed assessment: last year's assessment of the portal, walked through review and approval by the
 * demo team, so the dashboard has a conclusion, a rate, high risks and control points at first login — and a
 * restart seeds no second one.
 */
@SpringBootTest(properties = "yunjian.demo=true")
@Tag("database")
class DemoCompletedAssessmentTests {

    /**
     * A demo database of its own: in the demo context other classes share, a journey may complete this year's
     * assessment too, and it would then be the portal's latest.
     */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("demo_completed", registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dashboards dashboards;

    @Autowired
    UserAdministration users;

    @Autowired
    DemoCompletedAssessment seeder;

    @Autowired
    Clock clock;

    @Test
    void thePortalHasLastYearsAssessmentCompletedByTheDemoTeamAndTheDashboardShowsIt() {
        List<UUID> seeded = completed();
        assertThat(seeded).hasSize(1);
        UUID id = seeded.get(0);
        assertThat(jdbc.sql("SELECT kind || ' ' || actor_name FROM assessment_review_step WHERE assessment_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        "SUBMITTED " + name(DemoData.ASSESSOR_USER),
                        "REVIEW_APPROVED " + name(DemoData.ASSESSMENT_REVIEWER),
                        "REPORT_APPROVED " + name(DemoData.ASSESSMENT_APPROVER));
        assertThat(jdbc.sql("SELECT DISTINCT recorded_by FROM assessment_verdict_history h JOIN assessment_item i "
                                + "ON i.id = h.item_id WHERE i.assessment_id = ?")
                        .param(id)
                        .query(String.class)
                        .set())
                .containsExactlyInAnyOrder(DemoData.ASSESSOR_USER, DemoData.ASSESSOR2_USER);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_item_sums WHERE assessment_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        LocalDate completedOn = jdbc.sql("SELECT completed_at FROM assessment WHERE id = ?")
                .param(id)
                .query(OffsetDateTime.class)
                .single()
                .atZoneSameInstant(Formats.zone())
                .toLocalDate();
        assertThat(completedOn)
                .isBefore(LocalDate.now(clock.withZone(Formats.zone())).minusMonths(9));

        SeedActor.run(SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow(), () -> {
            Dashboards.Overview o = dashboards.overview(Dashboards.Filter.none(), PageRequest.first());
            Dashboards.SystemRow portal = o.systems().items().stream()
                    .filter(r -> r.systemName().equals(DemoData.PORTAL_SYSTEM))
                    .findFirst()
                    .orElseThrow();
            assertThat(portal.latestAssessmentId()).isEqualTo(id);
            assertThat(portal.conclusion()).isEqualTo(Conclusion.DOES_NOT_CONFORM);
            assertThat(portal.complianceRate()).isEqualTo(93.97);
            assertThat(portal.highRisk()).isEqualTo(1);
            assertThat(portal.mediumRisk()).isEqualTo(3);
            assertThat(o.totals().assessed()).isEqualTo(1);
            assertThat(o.controlPoints())
                    .anySatisfy(c -> assertThat(c.systemsWithFindings()).isEqualTo(1));
        });

        seeder.run(new DefaultApplicationArguments());
        assertThat(completed()).containsExactly(id);
    }

    @Autowired
    Reports reports;

    /**
     * Issue 34: the completed assessment's report shows what its testers recorded — the findings and their
     * recommendations, the interviews, the no-evidence reasons and the observations of 符合 items — and the
     * correction made before the review is no re-test. {@code -Dyunjian.demoReportDir=DIR} also writes the
     * documents there, to look at.
     */
    @Test
    void theCompletedAssessmentsReportShowsWhatItsTestersRecorded() throws Exception {
        UUID id = completed().get(0);
        Reports.Document[] docs = new Reports.Document[2];
        java.util.Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        org.springframework.context.i18n.LocaleContextHolder.setLocale(org.yunjian.shared.Texts.CHINESE);
        try {
            SeedActor.run(SeedActor.account(users, DemoData.ASSESSOR_USER).orElseThrow(), () -> {
                docs[0] = reports.export(id, Reports.Format.PDF, "test");
                docs[1] = reports.export(id, Reports.Format.DOCX, "test");
            });
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
        }
        String dir = System.getProperty("yunjian.demoReportDir");
        if (dir != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(dir, "demo-completed.pdf"), docs[0].content());
            java.nio.file.Files.write(java.nio.file.Path.of(dir, "demo-completed.docx"), docs[1].content());
        }
        org.yunjian.support.PdfInspection pdf = new org.yunjian.support.PdfInspection(docs[0].content());
        String pdfText = pdf.text(1, pdf.pages()).replaceAll("\\s+", "");
        String docxText;
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                        new java.io.ByteArrayInputStream(docs[1].content()));
                var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            docxText = extractor.getText().replaceAll("\\s+", "");
        }
        for (String text : List.of(pdfText, docxText)) {
            assertThat(text)
                    .contains(
                            "访谈刘明（网络管理员）",
                            "访谈李娜（采购与合同管理专员）",
                            "无证据说明",
                            "现场核查并访谈运维人员",
                            "区域边界未配置访问控制规则",
                            "仅开放业务必需的端口",
                            "现场核查确认：")
                    .doesNotContain("按要求整改")
                    .doesNotContain("（复测）");
        }
    }

    @Autowired
    org.yunjian.evidence.EvidenceService evidence;

    /**
     * Issue 58: most items rest on a real file their tester took on site — uploaded to the vault (type from its bytes,
     * SM3, sealed), dated with the verdicts — and the rest on a 现场记录 (or, a finding, its 无证据说明); the report
     * sealed at the approval lists the files in 附录A, and no 符合 item in it prints "无证据".
     */
    @Test
    void mostItemsRestOnTheirTestersEvidenceFilesListedInTheSealedReport() throws Exception {
        UUID id = completed().get(0);
        int items = count("SELECT COUNT(*) FROM assessment_item WHERE assessment_id = ?", id);
        int withFile =
                count("SELECT COUNT(DISTINCT item_id) FROM assessment_evidence_link WHERE assessment_id = ?", id);
        assertThat(withFile)
                .isGreaterThanOrEqualTo((int) Math.ceil(items * 0.8))
                .isLessThan(items);
        assertThat(count(
                        "SELECT COUNT(*) FROM assessment_item i WHERE i.assessment_id = ? AND NOT EXISTS (SELECT 1 FROM "
                                + "assessment_evidence_link l WHERE l.item_id = i.id) AND i.observations IS NULL "
                                + "AND i.no_evidence_reason IS NULL",
                        id))
                .as("an item without a file rests on what was observed or says why there is none")
                .isZero();
        assertThat(jdbc.sql("SELECT DISTINCT content_type FROM assessment_evidence WHERE assessment_id = ?")
                        .param(id)
                        .query(String.class)
                        .set())
                .containsExactlyInAnyOrder("text/plain", "image/png", "application/pdf");
        assertThat(jdbc.sql("SELECT DISTINCT uploaded_by_name FROM assessment_evidence WHERE assessment_id = ?")
                        .param(id)
                        .query(String.class)
                        .set())
                .containsExactlyInAnyOrder(DemoData.ASSESSOR_USER, DemoData.ASSESSOR2_USER);
        OffsetDateTime completedAt = jdbc.sql("SELECT completed_at FROM assessment WHERE id = ?")
                .param(id)
                .query(OffsetDateTime.class)
                .single();
        assertThat(jdbc.sql("SELECT MAX(created_at) FROM assessment_evidence WHERE assessment_id = ?")
                        .param(id)
                        .query(OffsetDateTime.class)
                        .single())
                .as("taken before the completion, not on the day the demo was seeded")
                .isBefore(completedAt);
        // each kind opens again from the vault, its SM3 checked, and is what its type says
        List<UUID> oneOfEach = jdbc
                .sql("SELECT MIN(CAST(id AS VARCHAR(36))) FROM assessment_evidence WHERE assessment_id = ? "
                        + "GROUP BY content_type")
                .param(id)
                .query(String.class)
                .list()
                .stream()
                .map(UUID::fromString)
                .toList();
        List<org.yunjian.evidence.EvidenceService.Download> opened = new java.util.ArrayList<>();
        SeedActor.run(
                SeedActor.account(users, DemoData.ASSESSOR_USER).orElseThrow(),
                () -> oneOfEach.forEach(e -> opened.add(evidence.download(e))));
        assertThat(opened).hasSize(3);
        for (var d : opened) {
            assertThat(org.yunjian.crypto.Sm3.digest(d.content()).hex())
                    .isEqualTo(d.info().sm3());
            switch (d.info().contentType()) {
                case "image/png" ->
                    assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(d.content())))
                            .isNotNull();
                case "application/pdf" ->
                    assertThat(new org.yunjian.support.PdfInspection(d.content()).text(1, 1))
                            .contains("security policy excerpt");
                default ->
                    assertThat(new String(d.content(), java.nio.charset.StandardCharsets.UTF_8))
                            .contains(DemoData.PORTAL_SYSTEM)
                            .as("the catalog's names in Chinese, whatever the seed's locale")
                            .doesNotContainPattern(
                                    "\\b(Security|Communication|Network|Management|Computing|Physical|Area)\\b");
            }
        }
        // the sealed record: 附录A lists the files; an item without one prints its 现场记录 or 无证据说明
        List<byte[]> sealed = jdbc.sql(
                        "SELECT f.content FROM assessment_report_file f JOIN assessment_report_revision r "
                                + "ON r.id = f.revision_id WHERE r.assessment_id = ? AND f.format = 'PDF'")
                .param(id)
                .query(byte[].class)
                .list();
        String zh = null;
        for (byte[] pdf : sealed) {
            org.yunjian.support.PdfInspection p = new org.yunjian.support.PdfInspection(pdf);
            String text = p.text(1, p.pages()).replaceAll("\\s+", "");
            if (text.contains("附录A")) {
                zh = text;
            }
        }
        assertThat(zh).isNotNull();
        String appendix = zh.substring(zh.lastIndexOf("附录A测评证据清单"));
        assertThat(appendix)
                .contains("配置导出-MLPS-L3-", "核查清单-MLPS-L3-", "控制台截图-MLPS-L3-", "制度摘录-MLPS-L3-")
                .doesNotContain("没有可列出的测评证据");
        assertThat(zh.replace("无证据说明", "")).doesNotContain("无证据");
        assertThat(zh).contains("未附证据文件，结论依据上列现场记录");
    }

    private int count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }

    @Test
    void thePortalsAssessmentObligationIsCompletedOnceByTheAssessmentOnItsCompletionDay() {
        UUID id = completed().get(0);
        OffsetDateTime completedAt = jdbc.sql("SELECT completed_at FROM assessment WHERE id = ?")
                .param(id)
                .query(OffsetDateTime.class)
                .single();
        LocalDate completedOn = completedAt.atZoneSameInstant(Formats.zone()).toLocalDate();
        String obligation = "FROM lifecycle_obligation o JOIN cloud_system s ON s.id = o.system_id "
                + "WHERE s.name = ? AND o.kind = 'MLPS_ASSESSMENT'";
        assertThat(jdbc.sql("SELECT c.done_on || ' ' || c.source || ' ' || c.recorded_by FROM "
                                + "lifecycle_obligation_completion c WHERE c.obligation_id IN (SELECT o.id "
                                + obligation + ")")
                        .param(DemoData.PORTAL_SYSTEM)
                        .query(String.class)
                        .list())
                .containsExactly(completedOn + " ASSESSMENT " + DemoData.ASSESSMENT_APPROVER);
        assertThat(jdbc.sql("SELECT o.last_done " + obligation)
                        .param(DemoData.PORTAL_SYSTEM)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(completedOn);
    }

    @Test
    void theFindingsTasksWereOpenedWithTheirVerdictsAndPlannedAfterTheCompletion() {
        UUID id = completed().get(0);
        OffsetDateTime completedAt = jdbc.sql("SELECT completed_at FROM assessment WHERE id = ?")
                .param(id)
                .query(OffsetDateTime.class)
                .single();
        LocalDate completedOn = completedAt.atZoneSameInstant(Formats.zone()).toLocalDate();
        record Task(OffsetDateTime created, OffsetDateTime updated, LocalDate due, String status, String treatment) {}
        List<Task> tasks = jdbc.sql("SELECT r.created_at, r.updated_at, r.due_date, r.status, k.treatment "
                        + "FROM assessment_remediation r LEFT JOIN assessment_risk k ON k.remediation_id = r.id "
                        + "WHERE r.assessment_id = ?")
                .param(id)
                .query((rs, n) -> new Task(
                        rs.getObject(1, OffsetDateTime.class),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
        assertThat(tasks).hasSize(DemoCompletedAssessment.FINDINGS.size()).allSatisfy(t -> {
            assertThat(t.created()).isBefore(completedAt).isAfter(completedAt.minusDays(1));
            assertThat(t.updated()).isAfter(completedAt).isBefore(completedAt.plusDays(8));
            assertThat(t.due()).isAfter(completedOn);
            assertThat(t.treatment()).isEqualTo("REMEDIATE");
        });
        assertThat(tasks)
                .extracting(Task::status)
                .containsExactlyInAnyOrder("DONE", "DONE", "IN_PROGRESS", "IN_PROGRESS", "OPEN");
    }

    /** Issue 34: the approved report is a record at first login, sealed with the back-dated approval. */
    @Test
    void theApprovedReportIsSealedWithTheBackDatedApproval() {
        UUID id = completed().get(0);
        List<OffsetDateTime> approved = jdbc.sql(
                        "SELECT approved_at FROM assessment_report_revision WHERE assessment_id = ?")
                .param(id)
                .query(OffsetDateTime.class)
                .list();
        assertThat(approved).hasSize(1);
        OffsetDateTime step = jdbc.sql("SELECT happened_at FROM assessment_review_step WHERE assessment_id = ? "
                        + "AND kind = 'REPORT_APPROVED'")
                .param(id)
                .query(OffsetDateTime.class)
                .single();
        assertThat(approved.get(0).toInstant()).isEqualTo(step.toInstant());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_report_file f JOIN assessment_report_revision r "
                                + "ON r.id = f.revision_id WHERE r.assessment_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(6);
    }

    private List<UUID> completed() {
        return jdbc.sql("SELECT a.id FROM assessment a JOIN cloud_system s ON s.id = a.system_id "
                        + "WHERE s.name = ? AND a.status = 'COMPLETED' AND a.contract_date = ?")
                .params(DemoData.PORTAL_SYSTEM, DemoCompletedAssessment.CONTRACT)
                .query(UUID.class)
                .list();
    }

    private String name(String username) {
        return DemoData.ACCOUNTS.stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow()
                .displayName();
    }
}
