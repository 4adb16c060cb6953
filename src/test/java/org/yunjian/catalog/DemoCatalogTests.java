package org.yunjian.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunjian.demo.DemoData;
import org.yunjian.support.WebSession;

/**
 * The demo's imported catalog (the customer's supplementary requirements, two editions): listed on the catalog page,
 * its versions page names who imported and replaced it, and only an administrator is offered a replacement.
 * The same context as {@code ErrorPagesTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
class DemoCatalogTests {

    @LocalServerPort
    int port;

    @Test
    void theDemoShowsAnImportedCatalogWithOneReplacedVersion() throws Exception {
        WebSession customer = new WebSession(p -> URI.create("http://localhost:" + port + p));
        customer.login(DemoData.CUSTOMER_USER, DemoData.PASSWORD);
        String list = customer.get("/catalog").body();
        assertThat(list)
                .contains("id=\"versions-SZF-ZWY-BC\"")
                .contains("示例市政务云安全补充要求")
                .contains("第 2 版");

        // in English the catalog's own (Chinese) title is shown as it is, marked so
        assertThat(customer.get("/catalog?lang=en").body())
                .contains("data-verbatim=\"true\">示例市政务云安全补充要求</td>")
                .contains("<td data-verbatim>示例市政务云安全补充要求</td>");
        HttpResponse<String> versions = customer.get("/catalog/imports/SZF-ZWY-BC");
        assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
        assertThat(versions.body())
                .contains("id=\"version-2\"")
                .contains("id=\"version-1\"")
                .contains("supplementary-catalog-2025.json")
                .contains("演示系统管理员")
                .contains("<p class=\"muted\" data-verbatim>示例市政务云安全补充要求</p>")
                .doesNotContain("th:text")
                .doesNotContain("catalog-replace-form");

        HttpResponse<String> api = customer.send(
                "GET", "/api/catalog/standards/SZF-ZWY-BC/versions", null, Map.of("Accept", "application/json"));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(api.body()).contains("\"requirements\":6").contains("\"requirements\":5");
    }
}
