package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.yunjian.demo.DemoData;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 36, "Done when" 4 for JR/T 证券期货业云技术应用安全规范: the demo has a securities company's system on the demo
 * provider's 行业云 (community cloud), and its obligations calendar lists every periodic duty JR/T gives a 行业云, each
 * with its clause and the source line quoted verbatim (copied from jrt-securities-futures-cloud-security-spec.txt) —
 * on the page and in GET /api/systems/{id}/lifecycle/obligations, as the securities company's own demo user sees them.
 * Before this the demo had no securities/futures system, so none of these duties was in any demo calendar.
 */
@SpringBootTest(properties = "yunjian.demo=true")
@AutoConfigureMockMvc
@Tag("database")
@org.yunjian.support.OnePass
class DemoSecuritiesCalendarTests {

    /** Each JR/T periodic kind on a 行业云, one of its clauses and that clause's source line (spec .txt line). */
    static final Map<ObligationKind, List<String>> JRT_COMMUNITY = new LinkedHashMap<>();

    static {
        // line 536 (7.3)
        JRT_COMMUNITY.put(
                ObligationKind.PROVIDER_RISK_ASSESSMENT,
                List.of("JRT-SF-7.3-4", "7.3", "受托方应开展周期性的风险评估和监测，保证安全能力持续符合委托方的要求。"));
        // line 448 (6.3.4)
        JRT_COMMUNITY.put(ObligationKind.NDA_RENEWAL, List.of("JRT-SF-6.3.4-2", "6.3.4", "保密协议应有明确的有效周期。"));
        // line 406 (6.3.1)
        JRT_COMMUNITY.put(
                ObligationKind.PROVIDER_CERTIFICATION,
                List.of(
                        "JRT-SF-6.3.1-5",
                        "6.3.1",
                        "受托方应设立信息安全管理职能部门，在开展托管业务两年内宜通过信息管理体系认证（如GB/T 22080或ISO/IEC 27001的最新版本）"
                                + "和IT服务管理体系认证（如GB/T 24405.1或ISO/IEC 20000-1的最新版本）。"));
        // line 544 (7.3): the 行业云's own part, its operator's (issue 59)
        JRT_COMMUNITY.put(
                ObligationKind.OPERATOR_JOINT_DRILL, List.of("JRT-SF-7.3-8", "7.3", "行业云应参与证券期货业信息安全联合应急演练。"));
        // line 439 (6.3.3): the customer's part, its provider helping
        JRT_COMMUNITY.put(
                ObligationKind.INDUSTRY_JOINT_DRILL, List.of("JRT-SF-6.3.3-3-5", "6.3.3", "受托方应配合委托方参与证券期货业应急演练；"));
        // line 400 (6.3.1)
        JRT_COMMUNITY.put(
                ObligationKind.PROVIDER_EVALUATION,
                List.of(
                        "JRT-SF-6.3.1-2",
                        "6.3.1",
                        "委托方应根据云计算应用的信息安全目标，每年评估受托方提供的云服务，并督促受托方进行相应整改，当受托方提供的云服务严重违反云服务" + "安全要求时，应及时更换受托方。"));
        // line 534 (7.3)
        JRT_COMMUNITY.put(
                ObligationKind.PROVIDER_REPORT,
                List.of(
                        "JRT-SF-7.3-3",
                        "7.3",
                        "行业云的运行应符合JR/T 0099-2012要求。受托方应依照委托方要求，向委托方提供其符合JR/T 0060及JR/T 0099-2012的必要证据。"));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    final JsonMapper json = JsonMapper.builder().build();

    UUID system;
    CurrentUser securities;

    @BeforeEach
    void demo() {
        system = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.SECURITIES_SYSTEM)
                .query(UUID.class)
                .single();
        securities = SeedActor.account(users, DemoData.SECURITIES_USER).orElseThrow();
    }

    @Test
    @DisplayName("the demo's securities system is a level-3 SECURITIES_FUTURES system on the demo provider's 行业云 "
            + "(COMMUNITY), its customer the securities company whose demo user is listed")
    void theDemoHasASecuritiesCompanysSystemOnTheProvidersIndustryCloud() {
        Map<String, Object> row = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER); // H2 upper, PostgreSQL lower
        row.putAll(jdbc.sql("""
                SELECT s.industry, s.deployment_model, s.protection_level, c.credit_code AS customer,
                       p.credit_code AS provider
                FROM cloud_system s JOIN organization c ON c.id = s.customer_id JOIN organization p ON p.id = s.provider_id
                WHERE s.id = ?""").param(system).query().singleRow());
        assertThat(row)
                .containsEntry("INDUSTRY", "SECURITIES_FUTURES")
                .containsEntry("DEPLOYMENT_MODEL", "COMMUNITY")
                .containsEntry("CUSTOMER", DemoData.SECURITIES.creditCode())
                .containsEntry("PROVIDER", DemoData.PROVIDER.creditCode());
        assertThat(((Number) row.get("PROTECTION_LEVEL")).intValue()).isEqualTo(3);
        assertThat(securities.organizationId())
                .isEqualTo(jdbc.sql("SELECT customer_id FROM cloud_system WHERE id = ?")
                        .param(system)
                        .query(UUID.class)
                        .single());
        assertThat(DemoData.ACCOUNTS).anySatisfy(a -> assertThat(a.username()).isEqualTo(DemoData.SECURITIES_USER));
    }

    @Test
    @DisplayName("JR/T 7.3 \"受托方应开展周期性的风险评估和监测…\", 6.3.4 \"保密协议应有明确的有效周期。\", 6.3.1 two-year "
            + "certification and yearly evaluation, 7.3 \"行业云应参与证券期货业信息安全联合应急演练。\", 7.3 provider evidence: "
            + "each in the securities system's calendar (GET REST) with its clause and source line")
    void everyJrtPeriodicDutyOfAnIndustryCloudIsInTheRestCalendarWithItsClause() throws Exception {
        String body = mvc.perform(get("/api/systems/" + system + "/lifecycle/obligations")
                        .with(as(securities))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode items = json.readTree(body).path("items");
        assertThat(items.isArray()).as(body).isTrue();
        JRT_COMMUNITY.forEach((kind, quote) -> {
            JsonNode o = null;
            for (JsonNode i : items) {
                if (i.path("kind").asString().equals(kind.name())) {
                    o = i;
                }
            }
            assertThat(o).as("%s in the calendar: %s", kind, body).isNotNull();
            boolean quoted = false;
            for (JsonNode src : o.path("sources")) {
                if (src.path("requirementId").asString().equals(quote.get(0))) {
                    assertThat(src.path("clause").asString()).as(kind.name()).contains(quote.get(1));
                    assertThat(src.path("text").asString()).as(kind.name()).isEqualTo(quote.get(2));
                    quoted = true;
                }
            }
            assertThat(quoted).as("%s quotes %s: %s", kind, quote.get(0), o).isTrue();
        });
    }

    @Test
    @DisplayName(
            "JR/T 7.3 / 6.3.4 / 6.3.1: the obligations page of the securities system shows each JR/T periodic duty "
                    + "with its clause quoted, to the securities company's user")
    void everyJrtPeriodicDutyOfAnIndustryCloudIsOnTheCalendarPage() throws Exception {
        String page = mvc.perform(
                        get("/systems/" + system + "/lifecycle/obligations").with(as(securities)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String text = HtmlUtils.htmlUnescape(page);
        JRT_COMMUNITY.forEach((kind, quote) -> {
            assertThat(page).as(kind.name()).contains("id=\"obligation-" + kind.name() + "\"");
            assertThat(text).as(kind.name()).contains(quote.get(2));
        });
    }

    @Test
    @DisplayName("JR/T 6.3.4 \"保密协议应有明确的有效周期。\": the demo NDA is recorded with its validity and its renewal "
            + "falls due 90 days (the configurable default lead) before the NDA's last day, taken from the recorded "
            + "validUntil; the plan of the securities system exists")
    void theDemoNdaCarriesItsValidityAndThePlanExists() {
        String where = " FROM lifecycle_contract_clause WHERE system_id = ? AND clause = 'JRT-SF-6.3.4-2'";
        LocalDate from = jdbc.sql("SELECT valid_from" + where)
                .param(system)
                .query(LocalDate.class)
                .single();
        LocalDate until = jdbc.sql("SELECT valid_until" + where)
                .param(system)
                .query(LocalDate.class)
                .single();
        assertThat(until).isAfter(from);
        LocalDate due = jdbc.sql(
                        "SELECT due_date FROM lifecycle_obligation WHERE system_id = ? AND kind = 'NDA_RENEWAL'")
                .param(system)
                .query(LocalDate.class)
                .single();
        assertThat(due).isEqualTo(until.minusDays(ObligationPolicy.DEFAULT_NDA_LEAD_DAYS));
        assertThat(jdbc.sql("SELECT valid_until FROM lifecycle_obligation WHERE system_id = ? AND kind = 'NDA_RENEWAL'")
                        .param(system)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(until);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_plan WHERE system_id = ?")
                        .param(system)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
