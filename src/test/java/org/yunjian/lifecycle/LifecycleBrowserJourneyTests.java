package org.yunjian.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.demo.DemoData;
import org.yunjian.support.Browser;
import org.yunjian.support.TestDatabases;

/**
 * Issue 13's acceptance journey in headless Chromium, on the demo's second government website (the online service
 * hall: the demo portal already has its plan, seeded in the operation phase). The customer creates the plan and sees
 * the guide's four phases; completes the planning duties (one on its own page, the rest ticked in the phase's batch
 * form) and cannot accept its own work; the second customer person accepts them. The customer compares two candidate
 * providers — the registered demo provider meeting every criterion, an unregistered one failing a mandatory one, which
 * cannot be selected — and selects the demo provider; reviews the contract with every clause agreed but one mandatory
 * clause missing; the acquisition duties are done and accepted; closing the phase is refused with that clause and the
 * guide's text quoted; the clause is recorded with its contract reference, the phase closes, and the contract-review
 * DOCX downloads with the system's name and the clauses in Chinese.
 */
@Tag("database")
// single use: its database is its own, so its context (and the connections it holds) closes after it
@org.yunjian.support.OnePass
@DirtiesContext
@org.yunjian.support.JourneyBesideTheSuite
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@org.junit.jupiter.api.Order(2)
class LifecycleBrowserJourneyTests {

    /** The clause the contract lacks: the guide's 6.6.1 e), exit conditions and each side's exit duties. */
    static final String MISSING = "GOVWEB-6.6.1-e";

    static final String UNREGISTERED = "华东示例云服务有限公司";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("lifecycle_journey", registry);
    }

    @LocalServerPort
    int port;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theCustomerPlansSelectsAProviderAndClosesAcquisitionOnceTheContractIsComplete() throws Exception {
        logIn(DemoData.CUSTOMER_USER);

        // 1. the plan, created from the system page, in the guide's own phases
        open("/systems");
        driver.findElement(By.linkText(DemoData.SERVICE_SYSTEM)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("system-name")));
        driver.findElement(By.partialLinkText("建立生命周期计划")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("empty-plan")));
        assertThat(driver.findElement(By.id("template-stages")).getText())
                .containsSubsequence("规划准备", "部署迁移", "运行管理", "退出服务");
        shot("empty");
        submit("create-plan");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
        String planPath = path(driver.getCurrentUrl());
        assertThat(driver.findElement(By.id("guide")).getText()).contains("政府网站云计算服务安全指南");
        assertThat(driver.findElements(By.cssSelector("#timeline li strong")).stream()
                        .map(WebElement::getText))
                .containsExactly("规划准备", "部署迁移", "运行管理", "退出服务");
        List<WebElement> planning = rows("PLANNING");
        assertThat(planning).hasSizeGreaterThan(10);
        assertThat(rowsWith("PLANNING", "data-status", "NOT_STARTED")).isEqualTo(planning.size());
        shot("plan");

        // 2. the planning duties: the first one on its own page, the others ticked in the phase's batch form
        String firstDuty = planning.get(0).getAttribute("id").substring("duty-".length());
        planning.get(0).findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status-form")));
        assertThat(driver.findElement(By.id("duty-phase")).getText()).isEqualTo("规划准备");
        new Select(driver.findElement(By.id("status"))).selectByVisibleText("已完成");
        submit("save-status");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(driver.findElement(By.id("duty-status")).getText()).isEqualTo("已完成");
        assertThat(driver.findElement(By.id("duty-completed")).getText()).contains("张工");
        shot("duty");
        open(planPath);
        batch("PLANNING", "batch-apply-PLANNING");
        assertThat(driver.findElement(By.id("saved")).getText()).startsWith("已保存");
        assertThat(rowsWith("PLANNING", "data-status", "DONE")).isEqualTo(planning.size());
        // nobody accepts their own work: the batch is refused naming the duty, and nothing of it is stored
        batch("PLANNING", "batch-accept-PLANNING");
        assertThat(driver.findElement(By.id("conflict")).getText()).contains("本批次未作任何更改");
        assertThat(rowsWith("PLANNING", "data-settled", "false")).isEqualTo(planning.size());
        shot("own-acceptance-refused");

        // 3. provider selection: the registered demo provider and an unregistered candidate, judged and compared
        open(planPath);
        driver.findElement(By.id("doc-selection")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("selection-title")));
        assertThat(driver.findElement(By.id("candidates-empty")).getText()).isNotBlank();
        new Select(driver.findElement(By.id("organisation"))).selectByVisibleText(DemoData.PROVIDER.name());
        submit("add-candidate");
        driver.findElement(By.id("name")).sendKeys(UNREGISTERED);
        submit("add-candidate");
        assertThat(driver.findElement(By.id("candidate-list")).getText())
                .contains(DemoData.PROVIDER.name(), UNREGISTERED);
        List<String> criteria = driver.findElements(By.cssSelector("#comparison-table tbody tr")).stream()
                .map(r -> r.getAttribute("id"))
                .toList();
        assertThat(criteria).hasSizeGreaterThanOrEqualTo(4);
        String failed = null;
        for (String criterion : criteria) {
            judge(criterion, 0, "MEETS", "见等保备案证明及测评报告");
            boolean mandatory = driver.findElement(By.id(criterion)).getText().contains("应（强制）");
            if (failed == null && mandatory) {
                failed = criterion;
                judge(criterion, 1, "DOES_NOT_MEET", "未提供相关证明");
            }
        }
        assertThat(failed).as("a mandatory selection criterion").isNotNull();
        judge(criteria.get(criteria.indexOf(failed) == 0 ? 1 : 0), 1, "PARTLY", "仅提供部分材料");
        String comparison = driver.findElement(By.id("comparison-table")).getText();
        assertThat(comparison).contains(DemoData.PROVIDER.name(), UNREGISTERED, "满足", "不满足", "部分满足", "未知");
        // the unregistered candidate fails a mandatory criterion: it cannot be selected, and the page says why
        decide(UNREGISTERED, "报价较低");
        assertThat(driver.findElement(By.id("candidate-error")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("decision-none")).getText()).isNotBlank();
        shot("selection-refused");
        decide(DemoData.PROVIDER.name(), "满足全部选择准则，平台已通过等级保护测评，数据和运维均在境内。");
        assertThat(driver.findElement(By.id("decision-made")).getText()).contains(DemoData.PROVIDER.name(), "满足全部选择准则");
        shot("selection");

        // 4. the contract review: every clause agreed with its reference, but one mandatory clause missing
        open(planPath + "/contract-review");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contract-title")));
        List<String> clauses = driver.findElements(By.cssSelector("section[id^='document-'] tbody tr")).stream()
                .map(r -> r.getAttribute("id"))
                .toList();
        assertThat(clauses).contains("clause-" + MISSING);
        int n = 0;
        for (String clause : clauses) {
            n++;
            if (clause.equals("clause-" + MISSING)) {
                mark(clause, "缺失", "");
            } else {
                mark(clause, "已约定", "第" + n + "条");
            }
        }
        assertThat(driver.findElement(By.id("gate-blocked")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("gate-unmet")).getText()).contains("6.6.1 e)");
        shot("contract-missing");

        // the acquisition duties done by the customer in one batch
        open(planPath);
        batch("ACQUISITION_MIGRATION", "batch-apply-ACQUISITION_MIGRATION");
        assertThat(driver.findElement(By.id("saved")).getText()).startsWith("已保存");
        int acquisition = rows("ACQUISITION_MIGRATION").size();
        assertThat(acquisition).isGreaterThan(10);
        assertThat(rowsWith("ACQUISITION_MIGRATION", "data-status", "DONE")).isEqualTo(acquisition);

        // the second customer person accepts both phases' duties
        driver.manage().deleteAllCookies();
        logIn(DemoData.CUSTOMER_REVIEWER);
        open(planPath + "/duties/" + firstDuty);
        submit("accept");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(driver.findElement(By.id("duty-accepted")).getText()).contains("刘主任");
        open(planPath);
        batch("PLANNING", "batch-accept-PLANNING");
        assertThat(driver.findElement(By.id("saved")).getText()).startsWith("已保存");
        batch("ACQUISITION_MIGRATION", "batch-accept-ACQUISITION_MIGRATION");
        assertThat(driver.findElement(By.id("saved")).getText()).startsWith("已保存");
        assertThat(rowsWith("PLANNING", "data-settled", "true")).isEqualTo(planning.size());
        assertThat(rowsWith("ACQUISITION_MIGRATION", "data-settled", "true")).isEqualTo(acquisition);
        driver.manage().deleteAllCookies();

        // the customer closes planning; acquisition is refused, naming the missing clause with the guide's text
        logIn(DemoData.CUSTOMER_USER);
        open(planPath);
        close("PLANNING");
        assertThat(driver.findElement(By.id("saved")).getText()).isEqualTo("阶段已关闭。");
        assertThat(driver.findElement(By.id("stage-status-PLANNING")).getAttribute("data-closed"))
                .isEqualTo("true");
        close("ACQUISITION_MIGRATION");
        assertThat(driver.findElement(By.id("conflict")).getText()).contains("部署迁移", "1");
        assertThat(driver.findElement(By.id("stage-status-ACQUISITION_MIGRATION"))
                        .getAttribute("data-closed"))
                .isEqualTo("false");
        List<WebElement> obstacles =
                driver.findElements(By.cssSelector("#obstacles-ACQUISITION_MIGRATION li.obstacle"));
        assertThat(obstacles).hasSize(1);
        assertThat(obstacles.get(0).getText()).contains("6.6.1 e)");
        assertThat(obstacles
                        .get(0)
                        .findElement(By.cssSelector("blockquote.source"))
                        .getText())
                .contains("退出服务条件");
        shot("gate-refused");

        // 5. the clause recorded with its reference; the phase closes
        open(planPath + "/contract-review");
        mark("clause-" + MISSING, "已约定", "第12条");
        assertThat(driver.findElement(By.id("gate-clear")).getText()).isNotBlank();
        open(planPath);
        close("ACQUISITION_MIGRATION");
        assertThat(driver.findElement(By.id("saved")).getText()).isEqualTo("阶段已关闭。");
        assertThat(driver.findElement(By.id("stage-status-ACQUISITION_MIGRATION"))
                        .getAttribute("data-closed"))
                .isEqualTo("true");
        assertThat(driver.findElement(By.id("timeline-ACQUISITION_MIGRATION")).getAttribute("data-closed"))
                .isEqualTo("true");
        shot("closed");

        // 6. the contract-review DOCX from the page's link
        open(planPath + "/contract-review");
        String xml = documentXml(
                download("contract-docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertThat(xml).contains(DemoData.SERVICE_SYSTEM, "合同", "退出服务条件", "第12条", "已约定");
    }

    // --- helpers

    /** The duty rows of a phase on the plan page. */
    private List<WebElement> rows(String phase) {
        return driver.findElements(By.cssSelector("#stage-" + phase + " table.duties tbody tr"));
    }

    /** Opens the phase's duties, ticks every duty of the phase with the phase's "select all" box and presses {@code button} of its batch form. */
    private void batch(String phase, String button) {
        // only the phase being worked on opens by itself; another is opened by its summary, as a person would
        WebElement duties = driver.findElement(By.id("phase-duties-" + phase));
        if (duties.getAttribute("open") == null) {
            duties.findElement(By.tagName("summary")).click();
        }
        driver.findElement(By.id("select-all-" + phase)).click();
        int boxes = driver.findElements(By.cssSelector("#stage-" + phase + " input[name='duty']"))
                .size();
        assertThat(boxes).isPositive();
        wait.until(d -> d.findElements(By.cssSelector("#stage-" + phase + " input[name='duty']:checked"))
                        .size()
                == boxes);
        submit(button);
        outcome();
    }

    /** Waits for the page's "saved" or refusal line (one lookup: the implicit wait is for elements that come). */
    private WebElement outcome() {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#saved, #conflict, #errors")));
    }

    /** How many duty rows of the phase have {@code attribute} set to {@code value}. */
    private int rowsWith(String phase, String attribute, String value) {
        return driver.findElements(
                        By.cssSelector("#stage-" + phase + " table.duties tbody tr[" + attribute + "='" + value + "']"))
                .size();
    }

    private void close(String phase) {
        driver.findElement(By.id("confirm-close-" + phase)).click();
        submit("close-" + phase);
        outcome();
    }

    private void judge(String criterionRow, int candidate, String judgement, String note) {
        WebElement form = driver.findElements(By.cssSelector("#" + cssId(criterionRow) + " td form")).stream()
                .filter(f -> f.getAttribute("action").contains("/judgements/")
                        && !f.getAttribute("action").endsWith("/evidence"))
                .toList()
                .get(candidate);
        new Select(form.findElement(By.name("judgement"))).selectByValue(judgement);
        WebElement noteField = form.findElement(By.name("note"));
        noteField.clear();
        noteField.sendKeys(note);
        press(form.findElement(By.cssSelector("button[type='submit']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("selection-saved")));
    }

    private void decide(String candidate, String reasons) {
        new Select(driver.findElement(By.id("candidate"))).selectByVisibleText(candidate);
        driver.findElement(By.id("reasons")).sendKeys(reasons);
        submit("decide");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision")));
    }

    private void mark(String clauseRow, String status, String reference) {
        WebElement form = driver.findElement(By.cssSelector("#" + cssId(clauseRow) + " form"));
        new Select(form.findElement(By.name("status"))).selectByVisibleText(status);
        WebElement ref = form.findElement(By.name("reference"));
        ref.clear();
        ref.sendKeys(reference);
        press(form.findElement(By.cssSelector("button[type='submit']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contract-saved")));
    }

    private static String cssId(String id) {
        return id.replace(".", "\\.");
    }

    /** Clicks a submit button and waits for the next page (the old page's elements go stale). */
    private void submit(String id) {
        press(driver.findElement(By.id(id)));
    }

    private void press(WebElement button) {
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        Browser.waitUntilGone(wait, page);
    }

    /** Fetches the link {@code id} of the page with the browser's own session and returns the body. */
    private byte[] download(String id, String contentType) {
        String href = driver.findElement(By.id(id)).getAttribute("href");
        Object got = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  let bin = ''; for (const b of bytes) bin += String.fromCharCode(b);
                  done([r.status, r.headers.get('content-type'), btoa(bin)]);
                }).catch(e => done([0, String(e), '']));""", href);
        List<?> r = (List<?>) got;
        assertThat(((Number) r.get(0)).intValue()).as("status of %s", href).isEqualTo(200);
        assertThat((String) r.get(1)).startsWith(contentType);
        return Base64.getDecoder().decode((String) r.get(2));
    }

    /** The DOCX is a zip with the Word body at word/document.xml; its text, tags removed. */
    private static String documentXml(byte[] docx) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", "");
                }
            }
        }
        throw new AssertionError("no word/document.xml in the download");
    }

    private void shot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/journey"));
        Files.write(dir.resolve("lifecycle-" + name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    private void logIn(String username) {
        Browser.logIn(driver, wait, "http://localhost:" + port, username, null);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
