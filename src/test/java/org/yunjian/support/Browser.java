package org.yunjian.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yunjian.demo.DemoData;
import org.yunjian.security.Totp;

/**
 * Headless Debian Chromium driven by the Debian chromedriver. Without them the browser tests are
 * skipped with a notice — or, under {@code CI=true}, fail.
 *
 * <p>Chromium's headless shell (Debian package {@code chromium-headless-shell}: the same Blink and V8 without the
 * browser's window layers, as Playwright and Puppeteer's "shell" mode drive it) is used when installed: the same
 * journeys cost a quarter to two fifths less CPU (docs/performance.md); else, or with
 * {@code -Dyunjian.test.noshell=true}, the browser itself in its headless mode.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path HEADLESS_SHELL = Path.of("/usr/lib/chromium/chromium-headless-shell");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The binary chosen: the shell's launcher, or the browser once chromedriver refused the shell. */
    private static Path chosen;

    private Browser() {}

    /**
     * Logs a demo account in through the login page ({@code totpSecret} for administrators, else null) and
     * waits for the signed-in page.
     */
    public static void logIn(WebDriver driver, WebDriverWait wait, String baseUrl, String username, String totpSecret) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        if (totpSecret != null) {
            wait.until(ExpectedConditions.urlContains("/login/totp"));
            driver.findElement(By.id("code")).sendKeys(Totp.code(totpSecret, Instant.now()));
            driver.findElement(By.id("totp-submit")).click();
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    /**
     * Waits until {@code old} (an element of the page before a navigation) is gone. Chromium reports a node of a
     * page being replaced either as stale or, for a moment, as "does not belong to the document"; both mean gone.
     */
    public static void waitUntilGone(WebDriverWait wait, org.openqa.selenium.WebElement old) {
        wait.until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException replacing) {
                if (String.valueOf(replacing.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw replacing;
            }
        });
    }

    /**
     * The attribute {@code name} of the element {@code by} finds, or {@code null} while the page is being replaced
     * (the element found a moment ago is stale or "does not belong to the document"): for use inside a wait.
     */
    public static String attributeWhileLoading(org.openqa.selenium.WebDriver driver, By by, String name) {
        try {
            return driver.findElement(by).getAttribute(name);
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException gone) {
            return null;
        } catch (org.openqa.selenium.WebDriverException replacing) {
            if (String.valueOf(replacing.getMessage()).contains("does not belong to the document")) {
                return null;
            }
            throw replacing;
        }
    }

    /** What {@link #fetch} got: the status, the content type and the body. */
    public record Fetched(int status, String contentType, byte[] body) {}

    /** Fetches {@code href} with the page's own session (cookies), as a link the user clicks would. */
    public static Fetched fetch(org.openqa.selenium.JavascriptExecutor driver, String href) {
        Object got = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  let bin = ''; for (const b of bytes) bin += String.fromCharCode(b);
                  done([r.status, r.headers.get('content-type'), btoa(bin)]);
                }).catch(e => done([0, String(e), '']));""", href);
        java.util.List<?> r = (java.util.List<?>) got;
        return new Fetched(
                ((Number) r.get(0)).intValue(),
                (String) r.get(1),
                java.util.Base64.getDecoder().decode((String) r.get(2)));
    }

    /** Waits until Chromium has finished writing a file with this extension into the download directory. */
    public static Path awaitDownload(WebDriver driver, Path dir, String extension) {
        return new WebDriverWait(driver, java.time.Duration.ofSeconds(60)).until(d -> {
            try (var files = Files.list(dir)) {
                java.util.List<Path> all = files.toList();
                if (all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"))) {
                    return null;
                }
                return all.stream()
                        .filter(f -> f.getFileName().toString().endsWith(extension))
                        .findFirst()
                        .orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /**
     * The page as Chromium prints it to PDF (the DevTools protocol's {@code Page.printToPDF}, as "Save as PDF" does):
     * the print stylesheet applies, and the page size and orientation are the page's own ({@code @page}).
     */
    public static byte[] printToPdf(ChromeDriver driver) {
        java.util.Map<String, Object> printed = driver.executeCdpCommand(
                "Page.printToPDF", java.util.Map.of("preferCSSPageSize", true, "printBackground", true));
        return java.util.Base64.getDecoder().decode((String) printed.get("data"));
    }

    /**
     * The text of a PDF as poppler's {@code pdftotext} reads it (in the order it is drawn: a table cell's lines stay
     * together), or an aborted test where poppler-utils is not installed (a failure under {@code CI=true}).
     */
    public static String pdfText(Path pdf) {
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        if (!Files.isExecutable(pdftotext)) {
            String msg = "pdftotext not installed (Debian package poppler-utils)";
            if (PostgresForTests.mandatory()) {
                throw new IllegalStateException(msg + "; CI=true makes browser tests mandatory");
            }
            Assumptions.abort(msg + ": skipped");
        }
        try {
            Process p = new ProcessBuilder(pdftotext.toString(), "-raw", "-enc", "UTF-8", pdf.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pdftotext failed on " + pdf + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The headless shell through a launcher that hands it a first page (the shell opens none by itself, and
     * chromedriver waits for one; it passes no page address on), or the browser.
     */
    private static synchronized Path binary() {
        if (!Files.isExecutable(HEADLESS_SHELL) || Boolean.getBoolean("yunjian.test.noshell")) {
            return CHROMIUM;
        }
        if (chosen == null) {
            try {
                Path dir = Files.createTempDirectory("yunjian-headless-shell-");
                Path launcher = dir.resolve("chromium-headless-shell");
                Files.writeString(launcher, "#!/bin/sh\nexec " + HEADLESS_SHELL + " \"$@\" about:blank\n");
                if (!launcher.toFile().setExecutable(true)) {
                    return CHROMIUM;
                }
                dir.toFile().deleteOnExit(); // deleted after the launcher: the reverse order of registration
                launcher.toFile().deleteOnExit();
                chosen = launcher;
            } catch (IOException e) {
                return CHROMIUM;
            }
        }
        return chosen;
    }

    private static ChromeDriverService service() {
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
    }

    public static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String msg = "Chromium or chromedriver not installed (Debian packages chromium, chromium-driver)";
            if (PostgresForTests.mandatory()) {
                throw new IllegalStateException(msg + "; CI=true makes browser tests mandatory");
            }
            System.err.println("*** NOTICE: " + msg + ": browser test SKIPPED ***");
            Assumptions.abort(msg + ": skipped");
        }
        Path profile = Scratch.directory("yunjian-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary().toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--window-size=1280,900",
                "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service(), options);
        } catch (org.openqa.selenium.SessionNotCreatedException refused) {
            if (CHROMIUM.equals(binary())) {
                throw refused;
            }
            // a headless shell chromedriver does not take (another version than the driver's): the browser then
            System.err.println("*** NOTICE: Chromium's headless shell refused (" + refused.getRawMessage()
                    + "); the browser tests drive the browser ***");
            synchronized (Browser.class) {
                chosen = CHROMIUM;
            }
            options.setBinary(CHROMIUM.toFile());
            driver = new ChromeDriver(service(), options);
        }
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }
}
