package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.demo.DemoData;
import org.yunjian.support.Browser;
import org.yunjian.support.OscalConstraints;

/**
 * Issue 60 as the demo's people see it in headless Chromium: the demo provider downloads the portal's
 * leveraged-authorization package from the exchange page (valid against the schema and NIST's constraints); the demo
 * customer uploads NIST's leveraged plan and its SSP example and reads each control with its Chinese duties and items
 * or listed as unmapped, sees the package on the matrix rows it lands on, and finds the import on the exchange page.
 * Screenshots in {@code target/screenshots/package-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@Tag("database")
@org.yunjian.support.OnePass
class SspPackageBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    CatalogExchange exchange;

    @Autowired
    ForeignControls foreign;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theProviderExportsItsPackageAndTheCustomerImportsNistsPlans() throws Exception {
        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        String base = "http://localhost:" + port;
        String system;
        ChromeDriver driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            Browser.logIn(driver, wait, base, DemoData.PROVIDER_USER, null);
            driver.get(base + "/systems");
            driver.findElement(By.linkText(DemoData.PORTAL_SYSTEM)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("system-name")));
            system = driver.getCurrentUrl().replaceAll("^.*/systems/([^/?#]+).*$", "$1");
            driver.get(base + "/systems/" + system + "/responsibility/workbook");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("download-package-json")));
            assertThat(driver.findElements(By.id("import-package")))
                    .as("the provider imports no plan")
                    .isEmpty();
            for (String format : List.of("json", "xml")) {
                String href =
                        driver.findElement(By.id("download-package-" + format)).getAttribute("href");
                Browser.Fetched got = Browser.fetch(driver, href);
                assertThat(got.status()).isEqualTo(200);
                OscalFormat f = OscalFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
                assertThat(OscalSchemas.validate(OscalSchemas.Model.SSP, f, got.body()))
                        .isEmpty();
                assertThat(new String(got.body(), StandardCharsets.UTF_8))
                        .contains("responsible-role", "tccia-customer", "tccia-provider");
                String catalogLink = "/api/catalog/standards/TCCIA004/oscal?format=json";
                byte[] tccia =
                        exchange.exportOscal("TCCIA004", OscalFormat.JSON).getBytes(StandardCharsets.UTF_8);
                assertThat(OscalConstraints.findings("demo-package." + format, got.body(), Map.of(catalogLink, tccia)))
                        .isEmpty();
            }
            driver.executeScript(
                    "arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("packages")));
            Files.write(shots.resolve("package-provider-exchange.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }

        driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            Browser.logIn(driver, wait, base, DemoData.CUSTOMER_USER, null);
            // NIST's leveraged plan: ac-2 lands on its Chinese duty, shared between provider and customer
            upload(driver, wait, system, SspPackageTests.EXAMPLES.resolve("oscal_leveraged-example_ssp.json"));
            assertThat(driver.findElement(By.id("package-kind")).getText()).isEqualTo("云服务商的继承包（提供与客户责任）");
            WebElement ac2 = driver.findElement(By.id("control-ac-2"));
            assertThat(ac2.getText()).contains("共担", "提供", "客户责任");
            assertThat(ac2.findElements(By.cssSelector(".target"))).isNotEmpty();
            assertThat(driver.findElement(By.id("package-shown-only")).getText())
                    .contains("不改变");
            Files.write(shots.resolve("package-leveraged.png"), driver.getScreenshotAs(OutputType.BYTES));

            // NIST's SSP example: every control mapped or listed as unmapped, none dropped
            upload(driver, wait, system, SspPackageTests.EXAMPLES.resolve("ssp-example.json"));
            assertThat(driver.findElement(By.id("package-counts")).getText()).startsWith("共 1 项");
            By au1 = foreign.isMapped("au-1") ? By.id("control-au-1") : By.id("unmapped-au-1");
            assertThat(driver.findElements(au1)).hasSize(1);
            driver.executeScript(
                    "arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("unmapped")));
            Files.write(shots.resolve("package-ssp-example.png"), driver.getScreenshotAs(OutputType.BYTES));

            // the matrix: the duty ac-2 lands on carries the package's word, if it is a row of the portal's matrix
            driver.get(base + "/systems/" + system + "/responsibility");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("matrix-table")));
            List<WebElement> badges = driver.findElements(By.cssSelector("[data-package]"));
            assertThat(badges).isNotEmpty();
            assertThat(badges.get(0).getText()).contains("按云服务商计划", "ac-2");
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", badges.get(0));
            Files.write(shots.resolve("package-matrix.png"), driver.getScreenshotAs(OutputType.BYTES));

            driver.get(base + "/systems/" + system + "/responsibility/workbook");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("packages-list")));
            assertThat(driver.findElements(By.cssSelector("#packages-list li"))).hasSizeGreaterThanOrEqualTo(2);
            // a bad file comes back on the page, naming the problem
            driver.findElement(By.id("package-file"))
                    .sendKeys(Files.writeString(
                                    org.yunjian.support.Scratch.directory("package")
                                            .resolve("bad.json"),
                                    "{\"system-security-plan\":{\"uuid\":\"x\"}}")
                            .toAbsolutePath()
                            .toString());
            driver.findElement(By.id("import-package-button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("package-problems")));
            assertThat(driver.findElement(By.id("package-problems")).getText()).contains("系统安全计划未导入");
            driver.executeScript(
                    "arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("packages")));
            Files.write(shots.resolve("package-customer-exchange.png"), driver.getScreenshotAs(OutputType.BYTES));

            // Yunjian's own package of the portal, imported back: its duties land on the assessment's items
            Browser.Fetched own = Browser.fetch(
                    driver, driver.findElement(By.id("download-package-json")).getAttribute("href"));
            assertThat(own.status()).isEqualTo(200);
            Path file = org.yunjian.support.Scratch.directory("package").resolve("portal-package.json");
            Files.write(file, own.body());
            upload(driver, wait, system, file);
            assertThat(driver.findElement(By.id("package-kind")).getText()).isEqualTo("云服务商的继承包（提供与客户责任）");
            assertThat(driver.findElements(By.cssSelector("#unmapped-controls tbody tr")))
                    .isEmpty();
            Files.write(shots.resolve("package-own.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }

        // the portal's assessment, as its assessor reads it: the items the imported plans speak of
        UUID assessment = jdbc.sql("SELECT id FROM assessment WHERE system_id = ? ORDER BY created_at")
                .param(UUID.fromString(system))
                .query(UUID.class)
                .list()
                .get(0);
        driver = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            Browser.logIn(driver, wait, base, DemoData.ASSESSOR_USER, null);
            driver.get(base + "/assessments/" + assessment);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("inheritance")));
            List<WebElement> rows = driver.findElements(By.cssSelector("#package-items tbody tr"));
            assertThat(rows).isNotEmpty();
            driver.executeScript(
                    "arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.id("package-items")));
            Files.write(shots.resolve("package-assessment.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }

    private void upload(ChromeDriver driver, WebDriverWait wait, String system, Path file) {
        driver.get("http://localhost:" + port + "/systems/" + system + "/responsibility/workbook");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-package")));
        driver.findElement(By.id("package-file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("import-package-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("package-counts")));
    }
}
