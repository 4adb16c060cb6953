package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yunjian.demo.DemoData;
import org.yunjian.support.Browser;

/**
 * Issue 11's acceptance test for the whole product: every demo role logs in through the login page, and every page
 * reachable from the menu and from links on those pages (same-origin GET links; no downloads, no logout, bounded)
 * is opened in Chinese and in English and at 390 px and 1366 px. On each page:
 * <ul>
 *   <li>{@code zh-english}: in Chinese, no run of two or more English words outside the allow-list (proper names,
 *       standard identifiers, codes);</li>
 *   <li>{@code en-han}: in English, no Han character outside elements marked {@code data-verbatim} (proper names,
 *       standard text) and the demo installation's own names;</li>
 *   <li>{@code enum-code}: no raw enum code such as {@code CUSTOMER_SYSTEM};</li>
 *   <li>{@code json}: the page is HTML, not a JSON body;</li>
 *   <li>{@code error-page}: a link the product offers does not lead to an error page;</li>
 *   <li>{@code width-390}, {@code width-1366}: the page is not wider than the window.</li>
 * </ul>
 * Pages still failing while other modules are converted are listed, with the check, in
 * {@code src/test/resources/i18n/browser-known-failures.txt}. The test fails on a failure not listed there and on
 * a listed pair that now passes, so the list can only shrink.
 */
@org.yunjian.support.OnePass
@Tag("database")
@Tag("browser")
@org.yunjian.support.JourneyBesideTheSuite
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
// the longest journeys start right after the authorization matrix, the short ones fill the lane's end
@org.junit.jupiter.api.Order(2)
class WholeProductBrowserTests {

    static final String KNOWN_FAILURES = "/i18n/browser-known-failures.txt";
    /** Pages per role at most (distinct page patterns); the whole crawl stays well under two minutes. */
    static final int PAGES_PER_ROLE = 45;

    /** Words an English run may consist of in Chinese mode: names, standards' identifiers, formats, protocols. */
    static final Set<String> ALLOWED_WORDS = Set.of(
            "yunjian",
            "oscal",
            "json",
            "csv",
            "pdf",
            "docx",
            "xlsx",
            "rest",
            "api",
            "sm2",
            "sm3",
            "sm4",
            "hmac",
            "totp",
            "iaas",
            "paas",
            "saas",
            "gb",
            "jr",
            "mlps",
            "nist",
            "sp",
            "rev",
            "ccia",
            "utc",
            "pem",
            "id",
            "url",
            "https",
            "http",
            "sha",
            "uuid",
            "ip",
            "s3",
            "gcm",
            "openapi",
            "swagger",
            "ui",
            "html",
            "docs",
            "v3",
            // directory sign-in (issue 57): the protocols' and the product's proper names
            "openid",
            "connect",
            "ldap",
            "active",
            "directory");

    static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    static final Pattern ENUM_CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b");
    /** Two or more words with lower-case letters, separated by blanks only (one text node). */
    static final Pattern ENGLISH_RUN =
            Pattern.compile("[A-Za-z][A-Za-z'’-]*[a-z][A-Za-z'’-]*" + "(?:[ \\t,]+[A-Za-z][A-Za-z0-9'’-]*)+");

    static final Pattern UUID_OR_NUMBER =
            Pattern.compile("/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9]+)(?=/|$)");
    static final Pattern REQUIREMENT = Pattern.compile("/catalog/requirements/[^/?]+");
    /** Links never followed: leaving the session, files and machine formats, the OpenAPI pages. */
    static final Pattern SKIP = Pattern.compile("^/(logout|login|api/|v3/|swagger|webjars/|css/|js/)"
            + "|/(export|download|workbook|report|certificate|evidence)(/|\\.|$|\\?)|\\.(pdf|docx|xlsx|csv|json|zip)$"
            + "|[?&]lang=");

    /** Visible text outside [data-verbatim], script and style, one line per text node; the sizes; the page kind. */
    static final String SCAN = """
            const out = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            let n;
            while ((n = walker.nextNode())) {
              const p = n.parentElement;
              if (!p || p.closest('[data-verbatim],script,style,noscript,template')) continue;
              if (p.getClientRects().length === 0) continue;
              const t = n.nodeValue.trim();
              if (t) out.push(t);
            }
            document.querySelectorAll('input[placeholder],input[type=submit],input[type=button]').forEach(i => {
              if (!i.closest('[data-verbatim]') && i.getClientRects().length) out.push(i.placeholder || i.value || '');
            });
            return {text: out.join('\\n'), type: document.contentType,
                    error: !!document.getElementById('error-page'),
                    scroll: document.documentElement.scrollWidth, inner: window.innerWidth};
            """;

    record Role(String username, String totp) {}

    static final List<Role> ROLES = List.of(
            new Role(DemoData.SYSTEM_ADMIN, DemoData.SYSTEM_ADMIN_TOTP),
            new Role(DemoData.SECURITY_ADMIN, DemoData.SECURITY_ADMIN_TOTP),
            new Role(DemoData.AUDIT_ADMIN, DemoData.AUDIT_ADMIN_TOTP),
            new Role(DemoData.CUSTOMER_USER, null),
            new Role(DemoData.PROVIDER_USER, null),
            new Role(DemoData.INTEGRATOR_USER, null),
            new Role(DemoData.SECURITY_SERVICE_USER, null),
            new Role(DemoData.ASSESSOR_USER, null));

    @LocalServerPort
    int port;

    /** Its own database and keys: the demo installation alone, whatever other test classes stored in theirs. */
    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        // a database of its own too (on PostgreSQL the shared test database's audit log is not empty, so a fresh
        // key directory would rightly be refused); fresh() also gives it its own data directory
        org.yunjian.support.TestDatabases.freshDemo("whole_product_crawl", registry);
    }

    /** pattern + " " + check → the first page and role that failed it, with what was found. */
    final Map<String, String> failures = new LinkedHashMap<>();

    final Set<String> visitedPatterns = new TreeSet<>();

    @Test
    void everyPageOfEveryRoleIsInOneLanguageWithoutCodesAndFitsPhoneAndLaptop() throws IOException {
        ChromeDriver driver = Browser.start();
        try {
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            for (Role role : ROLES) {
                driver.manage().deleteAllCookies();
                Browser.logIn(driver, wait, base(), role.username(), role.totp());
                List<String> pages = crawl(driver, role);
                driver.get(base() + "/?lang=en");
                for (String page : pages) {
                    driver.get(base() + page);
                    check(driver, role, page, "en");
                }
                driver.get(base() + "/?lang=zh-CN");
            }
        } finally {
            driver.quit();
        }
        Map<String, String> known = readKnownFailures();
        List<String> unexpected = failures.keySet().stream()
                .filter(k -> !known.containsKey(k))
                .map(k -> k + "    # " + failures.get(k))
                .toList();
        List<String> fixed =
                known.keySet().stream().filter(k -> !failures.containsKey(k)).toList();
        assertThat(unexpected)
                .as("pages failing a check and not in %s (fix the page, or add a reviewed line)", KNOWN_FAILURES)
                .isEmpty();
        assertThat(fixed)
                .as("pairs in %s that now pass (or whose page is no longer reached): remove them", KNOWN_FAILURES)
                .isEmpty();
    }

    /**
     * Breadth first from the home page and the menu, in Chinese; checks each page on the way. The home page and the
     * menu's pages are visited for every role (what they show depends on the role); a page pattern deeper down is
     * visited by the first role that reaches it, which keeps the crawl well under two minutes.
     */
    private List<String> crawl(ChromeDriver driver, Role role) {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> forced = new LinkedHashSet<>(List.of("/"));
        Set<String> seenThisRole = new LinkedHashSet<>();
        List<String> pages = new ArrayList<>();
        while (!queue.isEmpty() && pages.size() < PAGES_PER_ROLE) {
            String page = queue.poll();
            String pattern = pattern(page);
            if (seenThisRole.contains(pattern) || (!forced.contains(page) && visitedPatterns.contains(pattern))) {
                continue;
            }
            seenThisRole.add(pattern);
            driver.get(base() + page);
            pages.add(page);
            check(driver, role, page, "zh");
            if (page.equals("/")) {
                @SuppressWarnings("unchecked")
                List<String> menu = (List<String>) driver.executeScript(
                        "return Array.from(document.querySelectorAll('nav a[href]')).map(a => a.href);");
                menu.stream()
                        .map(this::local)
                        .filter(l -> l != null && !SKIP.matcher(l).find())
                        .forEach(l -> {
                            forced.add(l);
                            queue.add(l);
                        });
            }
            @SuppressWarnings("unchecked")
            List<String> hrefs = (List<String>) driver.executeScript(
                    "return Array.from(document.querySelectorAll('a[href]')).filter(a => !a.hasAttribute('download'))"
                            + ".map(a => a.href);");
            for (String href : hrefs) {
                String local = local(href);
                if (local != null
                        && !SKIP.matcher(local).find()
                        && !seenThisRole.contains(pattern(local))
                        && !visitedPatterns.contains(pattern(local))) {
                    queue.add(local);
                }
            }
        }
        return pages;
    }

    private void check(ChromeDriver driver, Role role, String page, String language) {
        String where = role.username() + " " + page;
        String pattern = pattern(page);
        visitedPatterns.add(pattern);
        // the page is scanned at the window's current width, then resized once to the other one (fewer resizes)
        int first = driver.manage().window().getSize().getWidth() <= 400 ? 390 : 1366;
        int second = first == 390 ? 1366 : 390;
        @SuppressWarnings("unchecked")
        Map<String, Object> scan = (Map<String, Object>) driver.executeScript(SCAN);
        String text = (String) scan.get("text");
        if (!"text/html".equals(scan.get("type")) || text.stripLeading().startsWith("{")) {
            fail(pattern, "json", where, String.valueOf(scan.get("type")));
            return;
        }
        if (Boolean.TRUE.equals(scan.get("error"))) {
            fail(pattern, "error-page", where, firstLines(text));
        }
        width(pattern, "width-" + first, where, settled(driver, scan));
        driver.manage().window().setSize(second == 390 ? new Dimension(390, 844) : new Dimension(1366, 900));
        width(pattern, "width-" + second, where, settled(driver, sizes(driver)));
        Matcher code = ENUM_CODE.matcher(text);
        if (code.find()) {
            fail(pattern, "enum-code", where, code.group());
        }
        if (language.equals("zh")) {
            String english = englishRun(text);
            if (english != null) {
                fail(pattern, "zh-english", where, english);
            }
        } else {
            String rest = withoutDemoNames(text);
            Matcher han = HAN.matcher(rest);
            if (han.find()) {
                fail(pattern, "en-han", where, around(rest, han.start()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sizes(ChromeDriver driver) {
        return (Map<String, Object>) driver.executeScript(
                "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
    }

    /**
     * The sizes once the layout has settled: Chromium 150's headless shell reports the new window width before it has
     * laid the page out again after a resize or a load, so a page measured too wide is measured again after two
     * animation frames (at most five times) before it counts as too wide.
     */
    private static Map<String, Object> settled(ChromeDriver driver, Map<String, Object> sizes) {
        Map<String, Object> now = sizes;
        for (int i = 0; i < 5 && tooWide(now); i++) {
            driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));");
            now = sizes(driver);
        }
        return now;
    }

    private static boolean tooWide(Map<String, Object> sizes) {
        return ((Number) sizes.get("scroll")).longValue() > ((Number) sizes.get("inner")).longValue();
    }

    private void width(String pattern, String check, String where, Map<String, Object> sizes) {
        long scroll = ((Number) sizes.get("scroll")).longValue();
        long inner = ((Number) sizes.get("inner")).longValue();
        if (scroll > inner) {
            fail(pattern, check, where, scroll + " px wide in a " + inner + " px window");
        }
    }

    private void fail(String pattern, String check, String where, String found) {
        failures.putIfAbsent(pattern + " " + check, where + ": " + found.replace('\n', ' '));
    }

    static String englishRun(String text) {
        Matcher m = ENGLISH_RUN.matcher(text);
        while (m.find()) {
            String[] words = m.group().split("[ \\t,]+");
            long english = 0;
            for (String w : words) {
                String lw = w.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
                boolean acronym = w.equals(w.toUpperCase(java.util.Locale.ROOT));
                if (!acronym && !ALLOWED_WORDS.contains(lw) && !isDemoUser(lw)) {
                    english++;
                }
            }
            if (english >= 2) {
                return m.group();
            }
        }
        return null;
    }

    private static boolean isDemoUser(String word) {
        return DemoData.ACCOUNTS.stream().anyMatch(a -> a.username().equals(word));
    }

    /** The demo installation's proper names (organisations, systems, people) read as they are in both languages. */
    static String withoutDemoNames(String text) {
        String out = text;
        // issue 36: the securities company's 行业云 system is a demo proper name too (seed data, like the portal's)
        List<String> names = new ArrayList<>(List.of(
                DemoData.PORTAL_SYSTEM,
                DemoData.SERVICE_SYSTEM,
                DemoData.MIGRATION_ENGAGEMENT,
                DemoData.SECURITIES_SYSTEM,
                "云鉴"));
        DemoData.ORGANIZATIONS.forEach(o -> {
            names.add(o.name());
            names.add(o.region());
        });
        DemoData.ACCOUNTS.forEach(a -> names.add(a.displayName()));
        names.sort((a, b) -> b.length() - a.length());
        for (String name : names) {
            out = out.replace(name, "");
        }
        return out;
    }

    /** A page's pattern: IDs replaced by {id}, requirement pages by one pattern, the query string kept by name. */
    static String pattern(String page) {
        String path = page;
        String query = "";
        int q = page.indexOf('?');
        if (q >= 0) {
            path = page.substring(0, q);
            query = "?"
                    + String.join(
                            "&",
                            java.util.Arrays.stream(page.substring(q + 1).split("&"))
                                    .map(p -> p.contains("=") ? p.substring(0, p.indexOf('=')) : p)
                                    .sorted()
                                    .toList());
        }
        path = REQUIREMENT.matcher(path).replaceAll("/catalog/requirements/{id}");
        path = UUID_OR_NUMBER.matcher(path).replaceAll("/{id}");
        return path + query;
    }

    private String local(String href) {
        try {
            URI u = URI.create(href);
            if (!"localhost".equals(u.getHost()) || u.getPort() != port) {
                return null;
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String around(String text, int at) {
        int from = Math.max(0, at - 20);
        int to = Math.min(text.length(), at + 20);
        return text.substring(from, to);
    }

    private static String firstLines(String text) {
        return text.length() > 120 ? text.substring(0, 120) : text;
    }

    /** "pattern check" → the reason kept in the file (a comment after #). */
    static Map<String, String> readKnownFailures() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        try (InputStream in = WholeProductBrowserTests.class.getResourceAsStream(KNOWN_FAILURES)) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                entry = entry.strip().replaceAll("\\s+", " ");
                if (!entry.isEmpty()) {
                    known.put(entry, line);
                }
            }
        }
        return known;
    }
}
