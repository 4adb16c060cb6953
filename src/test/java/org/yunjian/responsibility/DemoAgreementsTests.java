package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunjian.demo.DemoData;
import org.yunjian.support.WebSession;

/**
 * Issue 36 on the demo (T/CCIA 004-2024 5 a) 3) "并应明确云服务提供者对实施工作的监督权利和责任", 5 b) 2)
 * "实施工作转移至云服务合作者前需签署合同协议，合同协议中应有明确的实施工作划分条款并明确实施工作落实不到位时的问责机制。"):
 * the demo portal's approved matrix records each agreement with its signing date and the clauses stating supervision
 * and accountability, so its delegation passes the stricter check; the matrix page shows them and the exceptions.
 * The same context as {@code DemoCatalogTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
class DemoAgreementsTests {

    @LocalServerPort
    int port;

    @Test
    void theDemoPortalsApprovedMatrixCitesSignedAgreementsStatingSupervisionAndAccountability() throws Exception {
        WebSession customer = new WebSession(p -> URI.create("http://localhost:" + port + p));
        customer.login(DemoData.CUSTOMER_USER, DemoData.PASSWORD);
        Map<String, String> json = Map.of("Accept", "application/json");
        String systems =
                customer.send("GET", "/api/systems?size=100", null, json).body();
        List<String> ids = JsonPath.read(systems, "$..[?(@.name == '" + DemoData.PORTAL_SYSTEM + "')].id");
        assertThat(ids).as(systems).isNotEmpty();
        String base = "/api/systems/" + ids.get(0) + "/responsibility";

        String matrix = customer.send("GET", base, null, json).body();
        assertThat((String) JsonPath.read(matrix, "$.details.status")).isEqualTo("APPROVED");
        List<Object> agreements = JsonPath.read(matrix, "$.agreements");
        assertThat(agreements).isNotEmpty();
        assertThat((List<Object>) JsonPath.read(matrix, "$.agreements[?(@.signedOn == null)]"))
                .isEmpty();
        assertThat((List<Object>) JsonPath.read(matrix, "$.agreements[?(@.accountabilityClause == null)]"))
                .isEmpty();
        List<String> hopAgreements = JsonPath.read(matrix, "$.rows[*].assignments[*].chain[*].agreement");
        assertThat(hopAgreements).isNotEmpty();
        List<String> dated = JsonPath.read(matrix, "$.rows[*].assignments[*].chain[*].handedOverOn");
        assertThat(dated).hasSameSizeAs(hopAgreements).doesNotContainNull();

        HttpResponse<String> check = customer.send("GET", base + "/check", null, json);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat((Boolean) JsonPath.read(check.body(), "$.approvable"))
                .as(check.body())
                .isTrue();

        String page = customer.get("/systems/" + ids.get(0) + "/responsibility").body();
        assertThat(page)
                .contains("id=\"exceptions\"")
                .contains("id=\"add-exception\"")
                .contains("class=\"agreement-supervision\"")
                .doesNotContain("th:text");
    }

    /**
     * Issue 59, JR/T 7.3 "受托方未经委托方许可，不得将云服务再进行外包、转包、分包。": on the demo portal the provider (受托方)
     * cannot record the client's permission on its own agreement — 403 naming the clause, nothing stored (the customer
     * recording it is {@code SubcontractConsentTests}', on a fresh system: this context's demo stays as seeded).
     */
    @Test
    void onTheDemoOnlyTheCustomerRecordsTheClientsPermissionToSubcontract_Jrt73() throws Exception {
        WebSession provider = new WebSession(p -> URI.create("http://localhost:" + port + p));
        provider.login(DemoData.PROVIDER_USER, DemoData.PASSWORD);
        Map<String, String> json = Map.of("Accept", "application/json", "Content-Type", "application/json");
        String systems =
                provider.send("GET", "/api/systems?size=100", null, json).body();
        List<String> ids = JsonPath.read(systems, "$..[?(@.name == '" + DemoData.PORTAL_SYSTEM + "')].id");
        String base = "/api/systems/" + ids.get(0) + "/responsibility";
        String matrix = provider.send("GET", base, null, json).body();
        List<String> theirs = JsonPath.read(matrix, "$.agreements[*].name");
        String agreement = theirs.get(theirs.size() - 1);
        String body = "{\"agreement\":\"" + agreement + "\",\"customerConsentOn\":\"2026-01-04\"}";

        HttpResponse<String> refused = provider.send("POST", base + "/agreements/consent", body, json);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("JR/T 7.3");
        assertThat(provider.send("GET", base, null, json).body()).isEqualTo(matrix);
    }
}
