package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunjian.demo.DemoData;
import org.yunjian.support.WebSession;

/**
 * Issue 11: a browser never gets JSON or the Whitelabel page, a REST client never gets HTML. Each status is asked
 * for twice — as a page (Chinese, then English with {@code ?lang=en}) and as {@code /api/**} — against a real server,
 * so the container's error dispatch (unknown URL, refused method, 403 from the filter chain, body limit) is the one
 * users meet.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@org.yunjian.support.OnePass
class ErrorPagesTests {

    @LocalServerPort
    int port;

    WebSession customer;

    @BeforeEach
    void logIn() throws Exception {
        customer = new WebSession(p -> URI.create("http://localhost:" + port + p));
        customer.login(DemoData.CUSTOMER_USER, DemoData.PASSWORD);
    }

    @ParameterizedTest(name = "{0} {1} → {2} page")
    @CsvSource({
        "GET, /no-such-page, 404, 您要找的页面或内容不存在, does not exist",
        "GET, /systems/00000000-0000-4000-8000-000000000000, 404, 不存在, does not exist",
        "GET, /systems/not-a-uuid, 400, 请求无效, Invalid request",
        "GET, /dashboard?level=9, 400, 请求无效, Invalid request",
        "GET, /audit, 403, 您无权执行此操作, not allowed",
        "PUT, /dashboard, 405, 不支持这种操作方式, does not accept",
    })
    void pageRequestsGetAnErrorPageInTheUsersLanguageWithAWayBack(
            String method, String path, int status, String chinese, String english) throws Exception {
        HttpResponse<String> zh = customer.send(method, path, null, Map.of("Accept", "text/html"));
        assertErrorPage(zh, status, chinese);
        HttpResponse<String> en = customer.send(
                method, path + (path.contains("?") ? "&" : "?") + "lang=en", null, Map.of("Accept", "text/html"));
        assertErrorPage(en, status, english);
    }

    @ParameterizedTest(name = "{0} {1} → {2} problem")
    @CsvSource({
        "GET, /api/no-such-endpoint, 404, 不存在, does not exist",
        "GET, /api/systems/00000000-0000-4000-8000-000000000000, 404, 不存在, does not exist",
        "GET, /api/systems/not-a-uuid, 400, 参数 id 的值无效, Parameter id has an invalid value",
        "GET, /api/audit/events, 403, 您无权执行此操作, not allowed",
        "DELETE, /api/csrf, 405, 不支持这种操作方式, does not accept",
    })
    void restRequestsGetAProblemInTheAcceptedLanguage(
            String method, String path, int status, String chinese, String english) throws Exception {
        for (String accept : new String[] {"application/json", "text/html"}) { // even a browser-like Accept
            HttpResponse<String> zh =
                    customer.send(method, path, null, Map.of("Accept", accept, "Accept-Language", "zh-CN"));
            assertProblem(zh, status, chinese);
            assertThat(tools.jackson.databind.json.JsonMapper.builder()
                            .build()
                            .readTree(zh.body())
                            .path("title")
                            .asString())
                    .as("the title in Chinese too, not the status's English reason phrase")
                    .matches("\\p{IsHan}+");
            HttpResponse<String> en =
                    customer.send(method, path, null, Map.of("Accept", accept, "Accept-Language", "en"));
            assertProblem(en, status, english);
        }
    }

    @org.junit.jupiter.api.Test
    void anOversizedFormPostIsAPageAndAnOversizedApiBodyAProblem() throws Exception {
        String big = "x".repeat(1_100_000);
        HttpResponse<String> page = customer.send(
                "POST",
                "/systems/" + UUID.randomUUID() + "/private-notes",
                big,
                Map.of("Accept", "text/html", "Content-Type", "text/plain"));
        assertErrorPage(page, 413, "过大");
        HttpResponse<String> rest = customer.send(
                "POST", "/api/systems", big, Map.of("Content-Type", "application/json", "Accept-Language", "en"));
        assertProblem(rest, 413, "too large");
    }

    /** The demo customer's display name, shown in the shell instead of the user name. */
    static final String CUSTOMER_NAME = "办公厅信息中心 张工";

    private static void assertErrorPage(HttpResponse<String> r, int status, String sentence) {
        assertThat(r.statusCode()).as(r.uri() + "\n" + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .as(r.uri() + "\n" + r.body())
                .startsWith("text/html");
        assertThat(r.body())
                .as(r.uri().toString())
                .contains("id=\"error-page\"")
                .contains(sentence)
                .contains("id=\"error-home\"")
                .contains("id=\"error-back\"")
                .doesNotContain("Whitelabel")
                .doesNotContain("\"status\":");
        // the shell stays, whichever path rendered the page (an exception handler runs no @ModelAttribute)
        assertThat(r.body())
                .as(r.uri() + ": navigation, account and demo banner")
                .contains("id=\"nav-systems\"")
                .contains("id=\"logout\"")
                .contains("id=\"demo-banner\"")
                .contains(">" + CUSTOMER_NAME + "</a>");
    }

    private static void assertProblem(HttpResponse<String> r, int status, String detail) {
        assertThat(r.statusCode()).as(r.uri() + "\n" + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse(""))
                .as(r.uri().toString())
                .startsWith("application/problem+json");
        assertThat(r.body())
                .as(r.uri().toString())
                .contains("\"status\":" + status)
                .contains(detail)
                .doesNotContain("<html");
    }
}
