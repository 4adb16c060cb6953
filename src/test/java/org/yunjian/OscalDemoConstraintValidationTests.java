package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.demo.DemoData;
import org.yunjian.support.OscalConstraints;
import org.yunjian.support.WebSession;

/**
 * The demo portal's responsibility plan — the customer, the provider and its partners sharing duties, agreements and
 * delegations — passes the official schema and every OSCAL Metaschema constraint on both sides and in both formats
 * (issue 60: 39 errors and 4 warnings per format before). The same context as {@code DemoCatalogTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
class OscalDemoConstraintValidationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogExchange exchange;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"json, provider", "json, customer", "xml, provider", "xml, customer"})
    void theDemoPortalsResponsibilityPlanPassesTheSchemaAndEveryOscalConstraint(String format, String side)
            throws Exception {
        WebSession customer = new WebSession(p -> URI.create("http://localhost:" + port + p))
                .loginOnceSeeded(
                        DemoData.CUSTOMER_USER, DemoData.PASSWORD, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        UUID portal = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
        HttpResponse<String> r =
                customer.get("/api/systems/" + portal + "/responsibility/oscal-ssp?format=" + format + "&side=" + side);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        byte[] doc = r.body().getBytes(StandardCharsets.UTF_8);
        assertThat(OscalSchemas.validate(
                        OscalSchemas.Model.SSP, OscalFormat.valueOf(format.toUpperCase(Locale.ROOT)), doc))
                .isEmpty();
        // several parties on one duty, and agreements in the back matter: what the constraints were broken by
        assertThat(r.body()).contains("hop-1", "agreement-party");
        String catalogLink = "/api/catalog/standards/TCCIA004/oscal?format=json";
        byte[] tccia = exchange.exportOscal("TCCIA004", OscalFormat.JSON).getBytes(StandardCharsets.UTF_8);
        assertThat(OscalConstraints.findings("demo-ssp-" + side + "." + format, doc, Map.of(catalogLink, tccia)))
                .isEmpty();
    }

    /**
     * Every demo assessment's OSCAL documents — completed and in progress — pass the official schema and every NIST
     * Metaschema constraint, as {@code oscal-cli validate} checks them: the assessment results (the same document as
     * the sealed record's; no UUID twice), the assessment plan its {@code import-ap} names and the plan of action and
     * milestones of its risk register, each in JSON and XML where served. The constraints load what the documents
     * import — results → plan → system security plan (the responsibility plan, or the assessment's own system plan
     * without a matrix) → catalog — from the server that issued them (issue 60: the plan was not written before).
     */
    @org.junit.jupiter.api.Test
    void everyDemoAssessmentsResultsPlanAndPoamPassTheSchemaAndEveryOscalConstraint() throws Exception {
        WebSession assessor = new WebSession(p -> URI.create("http://localhost:" + port + p))
                .loginOnceSeeded(
                        DemoData.ASSESSOR_USER, DemoData.PASSWORD, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        java.util.List<UUID> assessments = jdbc.sql("SELECT id FROM assessment ORDER BY created_at")
                .query(UUID.class)
                .list();
        assertThat(assessments).hasSizeGreaterThan(1);
        java.util.Set<String> statuses = new java.util.TreeSet<>();
        int checked = 0;
        int risks = 0;
        for (UUID id : assessments) {
            HttpResponse<String> r = assessor.get("/api/assessments/" + id + "/oscal-results.json");
            if (r.statusCode() == 403 || r.statusCode() == 404) {
                continue; // an assessment of another assessor organisation
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            byte[] doc = r.body().getBytes(StandardCharsets.UTF_8);
            assertThat(OscalSchemas.validate(OscalSchemas.Model.ASSESSMENT_RESULTS, OscalFormat.JSON, doc))
                    .as("assessment %s", id)
                    .isEmpty();
            java.util.List<String> uuids = new java.util.ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(doc)
                    .findValues("uuid")
                    .forEach(u -> uuids.add(u.asText()));
            assertThat(uuids).as("assessment %s", id).hasSizeGreaterThan(2).doesNotHaveDuplicates();
            assertThat(r.body()).contains("/api/assessments/" + id + "/oscal-plan.json");
            Map<String, byte[]> served = new java.util.HashMap<>();
            for (String format : java.util.List.of("json", "xml")) {
                byte[] plan = served(assessor, "/api/assessments/" + id + "/oscal-plan." + format, served);
                byte[] poam = served(assessor, "/api/assessments/" + id + "/oscal-poam." + format, served);
                OscalFormat f = OscalFormat.valueOf(format.toUpperCase(Locale.ROOT));
                assertThat(OscalSchemas.validate(OscalSchemas.Model.ASSESSMENT_PLAN, f, plan))
                        .as("plan %s %s", id, format)
                        .isEmpty();
                assertThat(OscalSchemas.validate(OscalSchemas.Model.POAM, f, poam))
                        .as("poam %s %s", id, format)
                        .isEmpty();
                serveImports(assessor, new String(plan, StandardCharsets.UTF_8), served);
                assertThat(OscalConstraints.findings("plan-" + id + "." + format, plan, served))
                        .as("plan %s %s", id, format)
                        .isEmpty();
                assertThat(OscalConstraints.findings("poam-" + id + "." + format, poam, served))
                        .as("poam %s %s", id, format)
                        .isEmpty();
                if (new String(poam, StandardCharsets.UTF_8).contains("poam-item")) {
                    risks++;
                }
            }
            assertThat(OscalConstraints.findings("results-" + id + ".json", doc, served))
                    .as("results %s", id)
                    .isEmpty();
            statuses.add(jdbc.sql("SELECT status FROM assessment WHERE id = ?")
                    .param(id)
                    .query(String.class)
                    .single());
            checked++;
        }
        assertThat(checked).isGreaterThan(1);
        assertThat(risks).as("POA&Ms with items").isGreaterThan(0);
        assertThat(statuses)
                .as("completed and in-progress assessments")
                .contains("COMPLETED")
                .hasSizeGreaterThan(1);
    }

    /**
     * The assessment page offers the plan and the POA&amp;M beside the results, in JSON and XML, in the page's words
     * (zh-CN and en); the plan link answers the document a NIST tool reads.
     */
    @org.junit.jupiter.api.Test
    void theAssessmentPageOffersThePlanAndPoamBesideTheResults() throws Exception {
        WebSession assessor = new WebSession(p -> URI.create("http://localhost:" + port + p))
                .loginOnceSeeded(
                        DemoData.ASSESSOR_USER, DemoData.PASSWORD, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        UUID id = null;
        for (UUID a : jdbc.sql("SELECT id FROM assessment WHERE status = 'COMPLETED' ORDER BY created_at")
                .query(UUID.class)
                .list()) {
            if (id == null
                    && assessor.get("/api/assessments/" + a + "/oscal-plan.json")
                                    .statusCode()
                            == 200) {
                id = a; // the first completed assessment of the demo assessor's organisation
            }
        }
        assertThat(id).isNotNull();
        org.openqa.selenium.chrome.ChromeDriver driver = org.yunjian.support.Browser.start();
        try {
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15));
            org.yunjian.support.Browser.logIn(driver, wait, "http://localhost:" + port, DemoData.ASSESSOR_USER, null);
            driver.get("http://localhost:" + port + "/assessments/" + id);
            String reports = wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                            org.openqa.selenium.By.id("reports")))
                    .getText();
            assertThat(reports).contains("导出 OSCAL 评估计划（JSON）", "导出 OSCAL 行动计划与里程碑（XML）");
            assertThat(driver.findElement(org.openqa.selenium.By.id("download-oscal-plan"))
                            .getAttribute("href"))
                    .endsWith("/api/assessments/" + id + "/oscal-plan.json?lang=zh");
            java.nio.file.Path dir = java.nio.file.Path.of("target/screenshots");
            java.nio.file.Files.createDirectories(dir);
            driver.findElement(org.openqa.selenium.By.id("reports")).getLocation();
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("document.getElementById('reports').scrollIntoView()");
            java.nio.file.Files.write(
                    dir.resolve("oscal-links-zh.png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            driver.get("http://localhost:" + port + "/assessments/" + id + "?lang=en");
            assertThat(wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                                    org.openqa.selenium.By.id("reports")))
                            .getText())
                    .contains("Export OSCAL assessment plan (JSON)", "Export OSCAL POA&M (XML)");
        } finally {
            driver.quit();
        }
    }

    /** The document at {@code link} as the server answers the session (200 wanted), remembered in {@code served}. */
    private static byte[] served(WebSession session, String link, Map<String, byte[]> served) throws Exception {
        HttpResponse<String> r = session.get(link);
        assertThat(r.statusCode()).as(link + ": " + r.body()).isEqualTo(200);
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        served.put(link, body);
        return body;
    }

    /** The system security plan a plan imports and the catalogs that plan imports, as the server answers them. */
    private static void serveImports(WebSession session, String plan, Map<String, byte[]> served) throws Exception {
        java.util.regex.Matcher ssp = java.util.regex.Pattern.compile(
                        "(/api/(?:systems|assessments)/[0-9a-f-]+/(?:responsibility/oscal-ssp\\?[^\"<]+|oscal-ssp\\.(?:json|xml)))")
                .matcher(plan);
        assertThat(ssp.find()).as(plan).isTrue();
        String link = ssp.group(1).replace("&amp;", "&");
        String text = new String(served(session, link, served), StandardCharsets.UTF_8);
        java.util.regex.Matcher catalog = java.util.regex.Pattern.compile(
                        "(/api/catalog/standards/[A-Za-z0-9_.-]+/oscal\\?format=(?:json|xml))")
                .matcher(text);
        while (catalog.find()) {
            served(session, catalog.group(1), served);
        }
    }
}
