package org.yunjian.exitproject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.demo.DemoData;
import org.yunjian.exitproject.internal.ExitProjectService;
import org.yunjian.support.Browser;
import org.yunjian.support.PdfInspection;
import org.yunjian.support.TestDatabases;

/**
 * The exit of the demo portal in headless Chromium, each party doing its own duties: the customer starts the project
 * and keeps the GB/T 31167 9.1 checklist; the provider registers its key and hands over a signed manifest; the
 * customer approves the inventory, records a clean verification run and authorises the deletion; the provider plans
 * and records the deletion and the media sanitisation (its attempt to release a sensitive medium for public data is
 * refused); the customer issues the certificate and downloads it as JSON and PDF (the links' targets fetched in the
 * browser's session). The offline
 * {@code yunjian exit verify-certificate} accepts the JSON and rejects it after one changed byte. The provider also
 * records the {@code exit check-deleted --json} report of the emptied object-storage bucket (S3Proxy).
 */
@org.yunjian.support.OnePass
@Tag("database")
@org.yunjian.support.JourneyBesideTheSuite
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@org.junit.jupiter.api.Order(2)
class ExitProjectBrowserJourneyTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // the demo seed goes into a database of its own, not the one the other tests share
        TestDatabases.freshDemo("exitproject_journey", registry);
    }

    /** The portal's object storage, emptied by the provider: S3Proxy's transient store. */
    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient")
            .withCredentials("access", "secret")
            .build();

    @LocalServerPort
    int port;

    @TempDir
    Path tmp;

    ChromeDriver driver;
    WebDriverWait wait;
    Path downloads;

    @BeforeEach
    void startBrowser() throws IOException {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        downloads = Files.createDirectories(tmp.resolve("downloads"));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void customerAndProviderWalkThePortalsExitToAVerifiableDeletionCertificate() throws Exception {
        HandOver handOver = new HandOver(tmp.resolve("provider"));

        // the customer starts the exit project and keeps the 9.1 checklist
        logIn(DemoData.CUSTOMER_USER);
        open("/exit-projects");
        driver.findElement(By.id("new-exit-project")).click();
        new Select(driver.findElement(By.id("systemId"))).selectByVisibleText(DemoData.PORTAL_SYSTEM);
        driver.findElement(By.id("name")).sendKeys("门户网站退出政务云");
        driver.findElement(By.id("create")).click();
        wait.until(ExpectedConditions.urlMatches("/exit-projects/[0-9a-f-]{36}$"));
        String projectUrl = driver.getCurrentUrl();
        assertThat(status()).isEqualTo("PLANNING");
        assertThat(driver.findElement(By.id("checklist-table")).getText())
                .contains("退出条件", "9.1 7.")
                .doesNotContain("GBT31167-9.1-g");
        for (String key : ExitProjectService.CHECKLIST_KEYS) {
            new Select(driver.findElement(By.id("status-" + key))).selectByValue("DONE");
            driver.findElement(By.id("note-" + key)).sendKeys("已落实 " + key);
            driver.findElement(By.id("save-" + key)).click();
            wait.until(d -> "DONE".equals(Browser.attributeWhileLoading(d, By.id("checklist-" + key), "data-status")));
        }
        driver.findElement(By.id("to-HANDOVER")).click();
        wait.until(d -> status().equals("HANDOVER"));

        // the provider registers its key and hands over a signed manifest and a non-file item
        switchTo(DemoData.PROVIDER_USER, projectUrl);
        assertThat(driver.findElements(By.id("approve-inventory"))).isEmpty();
        driver.findElement(By.id("key-file")).sendKeys(handOver.publicKey.toString());
        driver.findElement(By.id("save-key")).click();
        wait.until(ExpectedConditions.textMatches(
                By.id("provider-key-fingerprint"), java.util.regex.Pattern.compile("^sm3:")));
        driver.findElement(By.id("manifest-file")).sendKeys(handOver.manifest.toString());
        driver.findElement(By.id("upload-manifest")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#manifests td.manifest-signature"), "签名有效"));
        assertThat(driver.findElement(By.id("items")).getText()).contains("数据库加密密钥");
        new Select(driver.findElement(By.id("item-category"))).selectByValue("conversion-tool");
        driver.findElement(By.id("item-name")).sendKeys("专有格式转换工具");
        driver.findElement(By.id("add-item")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("items"), "专有格式转换工具"));

        // the customer reviews and approves, verifies and authorises the deletion
        switchTo(DemoData.CUSTOMER_USER, projectUrl);
        driver.findElement(By.id("confirm-approve")).click();
        driver.findElement(By.id("approve-inventory")).click();
        wait.until(d -> "true".equals(Browser.attributeWhileLoading(d, By.id("inventory-approval"), "data-approved")));
        driver.findElement(By.id("to-VERIFICATION")).click();
        wait.until(d -> status().equals("VERIFICATION"));
        driver.findElement(By.id("verifier-key-file")).sendKeys(handOver.verifierPublicKey.toString());
        driver.findElement(By.id("save-verifier-key")).click();
        wait.until(ExpectedConditions.textMatches(
                By.id("verifier-key-fingerprint"), java.util.regex.Pattern.compile("^sm3:")));
        driver.findElement(By.id("report-file"))
                .sendKeys(handOver.report("verify-report.json").toString());
        driver.findElement(By.id("upload-report")).click();
        wait.until(d -> "true"
                .equals(Browser.attributeWhileLoading(
                        d, By.cssSelector("#verification-runs td.verification-result"), "data-clean")));
        driver.findElement(By.id("confirm-DELETION")).click();
        driver.findElement(By.id("to-DELETION")).click();
        wait.until(d -> status().equals("DELETION"));
        driver.findElement(By.id("signatory")).sendKeys("办公厅主任 李某");
        driver.findElement(By.id("reference")).sendKeys("示办函〔2026〕12号");
        driver.findElement(By.id("auth-scope")).sendKeys("门户网站全部业务数据、日志及其备份");
        driver.findElement(By.id("save-authorisation")).click();
        wait.until(ExpectedConditions.textToBe(By.id("authorisation-signatory"), "办公厅主任 李某"));

        // the provider plans and records the deletion, the sanitisation of the media and the emptied bucket
        switchTo(DemoData.PROVIDER_USER, projectUrl);
        driver.findElement(By.id("plan-scope")).sendKeys("门户网站全部数据及备份");
        driver.findElement(By.id("plan-method")).sendKeys("逻辑删除后覆写，密钥销毁");
        driver.findElement(By.id("plan-backups")).sendKeys("同城与异地备份一并删除");
        driver.findElement(By.id("save-plan")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-method-shown")));
        driver.findElement(By.id("del-scope")).sendKeys("门户网站全部数据及备份");
        driver.findElement(By.id("del-method")).sendKeys("覆写三次并销毁加密密钥");
        driver.findElement(By.id("del-backups")).sendKeys("两份备份已删除");
        driver.findElement(By.id("del-operator")).sendKeys("运维 王五");
        driver.findElement(By.id("del-witness")).sendKeys("客户 张工");
        driver.findElement(By.id("del-result")).sendKeys("抽查无残留");
        driver.findElement(By.id("save-deletion")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deletion-date")));
        fillMedium("DISK-0042", "PUBLIC_DATA");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("errors")));
        assertThat(driver.findElement(By.id("errors")).getText())
                .contains("GB/T 31167 9.4 3. 6.", "存放敏感信息的介质清理后不能用于存放公开信息");
        assertThat(driver.findElements(By.cssSelector("#sanitisations td.medium-id")))
                .isEmpty();
        fillMedium("DISK-0042", "SENSITIVE_DATA");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#sanitisations td.medium-id"), "DISK-0042"));
        try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(S3_PROXY.getUri())
                .forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(
                        () -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("access", "secret"))
                .build()) {
            s3.createBucket(b -> b.bucket("portal-attachments"));
        }
        Path check = handOver.checkDeleted(
                "check-deleted.json", S3_PROXY.getUri().toString(), "s3://portal-attachments", "access", "secret");
        // a file that is not the command's report is refused, saying what is wrong with it
        Path notACheck = Files.writeString(handOver.dir.resolve("check-deleted.txt"), "RESULT: EMPTY");
        driver.findElement(By.id("storage-file")).sendKeys(notACheck.toString());
        driver.findElement(By.id("upload-storage-check")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#errors li[data-field=file]")));
        assertThat(driver.findElement(By.cssSelector("#errors li[data-field=file]"))
                        .getText())
                .contains("不是 yunjian exit check-deleted --json 生成的删除检查报告：JSON 格式错误（第 1 个字符）：意外的字符“R”");
        driver.findElement(By.id("storage-file")).sendKeys(check.toString());
        driver.findElement(By.id("upload-storage-check")).click();
        wait.until(d -> "true"
                .equals(Browser.attributeWhileLoading(
                        d, By.cssSelector("#storage-checks tr.storage-check"), "data-empty")));
        assertThat(driver.findElements(By.id("issue-certificate"))).isEmpty();

        // the provider registers its countersigning key, countersigns the deletion record offline, uploads it
        driver.findElement(By.id("countersign-key-file")).sendKeys(handOver.publicKey.toString());
        driver.findElement(By.id("save-countersign-key")).click();
        wait.until(ExpectedConditions.textMatches(
                By.id("countersign-key-fingerprint"), java.util.regex.Pattern.compile("^sm3:")));
        Path record = download("download-deletion-record", ".json");
        String[] signed =
                HandOver.cli("exit", "countersign", record.toString(), "--key", handOver.privateKey.toString());
        assertThat(signed[0]).as(signed[2]).isEqualTo("0");
        driver.findElement(By.id("countersign-signature")).sendKeys(signed[1].strip());
        driver.findElement(By.id("submit-countersignature")).click();
        wait.until(d -> "VALID".equals(Browser.attributeWhileLoading(d, By.id("countersign-state"), "data-state")));

        // the customer issues the certificate and downloads it
        switchTo(DemoData.CUSTOMER_USER, projectUrl);
        driver.findElement(By.id("confirm-issue")).click();
        driver.findElement(By.id("issue-certificate")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("certificate-sm3")));
        String sm3 = driver.findElement(By.id("certificate-sm3")).getText();
        Path json = download("download-json", ".json");
        Path pdf = download("download-pdf", ".pdf");
        Path key = download("download-key", ".pem");
        driver.findElement(By.id("confirm-CLOSED")).click();
        driver.findElement(By.id("to-CLOSED")).click();
        wait.until(d -> status().equals("CLOSED"));

        assertThat(org.yunjian.crypto.Sm3.hex(Files.readAllBytes(json))).isEqualTo(sm3);
        String[] ok = HandOver.cli("exit", "verify-certificate", json.toString(), "--pubkey", key.toString());
        assertThat(ok[0]).as(ok[2]).isEqualTo("0");
        assertThat(ok[1])
                .startsWith("certificate valid: ")
                .contains(
                        DemoData.PORTAL_SYSTEM,
                        DemoData.PROVIDER.name(),
                        "provider countersignature valid: " + DemoData.PROVIDER.name());
        byte[] changed = Files.readAllBytes(json);
        int at = new String(changed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("DISK-0042") + 5;
        changed[at] = '1';
        Path tampered = tmp.resolve("tampered.json");
        Files.write(tampered, changed);
        String[] bad = HandOver.cli("exit", "verify-certificate", tampered.toString(), "--pubkey", key.toString());
        assertThat(bad[0]).isNotEqualTo("0");
        assertThat(bad[2].strip()).doesNotContain("\n").contains("bad signature");

        PdfInspection inspection = new PdfInspection(Files.readAllBytes(pdf));
        String text = inspection.text(1, inspection.pages()).replaceAll("\\s+", "");
        assertThat(text)
                .contains(
                        "数据删除证明",
                        DemoData.PORTAL_SYSTEM,
                        DemoData.CUSTOMER.name(),
                        "退出检查清单",
                        "介质清理记录",
                        "净化",
                        "办公厅主任李某",
                        "对象存储删除核查",
                        "s3://portal-attachments/",
                        sm3);
        assertThat(inspection.missingGlyphs(1, inspection.pages())).isEmpty();
    }

    private void fillMedium(String id, String nextUse) {
        driver.findElement(By.id("mediumId")).sendKeys(id);
        driver.findElement(By.id("mediumType")).sendKeys("SSD");
        WebElement held = driver.findElement(By.id("heldSensitive"));
        if (!held.isSelected()) {
            held.click();
        }
        new Select(driver.findElement(By.id("method"))).selectByValue("PURGE");
        new Select(driver.findElement(By.id("nextUse"))).selectByValue(nextUse);
        driver.findElement(By.id("san-operator")).sendKeys("运维 王五");
        driver.findElement(By.id("san-witness")).sendKeys("客户 张工");
        driver.findElement(By.id("san-result")).sendKeys("加密擦除后抽检无残留");
        driver.findElement(By.id("add-sanitisation")).click();
    }

    /** Fetches what a download link on the page points to, in the browser's session (its cookies). */
    private Path download(String linkId, String suffix) throws IOException, InterruptedException {
        String href = driver.findElement(By.id(linkId)).getAttribute("href");
        String cookies = driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                                .header("Cookie", cookies)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(href).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        Path file = downloads.resolve(linkId + suffix);
        Files.write(file, r.body());
        return file;
    }

    private String status() {
        try {
            return driver.findElement(By.id("project-status")).getAttribute("data-status");
        } catch (org.openqa.selenium.WebDriverException reloading) {
            // the page was replaced between finding the element and reading it (a POST's redirect landing):
            // no status yet, and the caller's wait asks again
            return "";
        }
    }

    private void switchTo(String username, String url) {
        driver.manage().deleteAllCookies();
        logIn(username);
        driver.get(url);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("project-status")));
    }

    private void logIn(String username) {
        Browser.logIn(driver, wait, "http://localhost:" + port, username, null);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
