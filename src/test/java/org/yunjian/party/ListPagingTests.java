package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.PartyRole;
import org.yunjian.security.CurrentUser;

/**
 * Paginated, filtered lists (issue 15): the system list in REST and as a page, and the across-systems dashboard,
 * whose answer stays the same size whatever the number of systems. Its own database: it adds thousands of systems.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@DirtiesContext
class ListPagingTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.fresh("list_paging_tests", registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    Fixtures.World w;

    @BeforeEach
    void world() {
        w = fixtures.world();
    }

    /** {@code n} bare systems of {@code customer} named {@code prefix 0000…}, levels 1-4 in turn (one batch). */
    void seed(Organization customer, String prefix, int n) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {
                UUID.randomUUID(), prefix + String.format("%04d", i), customer.id(), i % 4 + 1, now, now
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO cloud_system (id, name, customer_id, provider_id, protection_level, "
                        + "deployment_model, service_model, industry, data_classification, created_at, updated_at) "
                        + "VALUES (?, ?, ?, NULL, ?, 'PUBLIC', 'IAAS', 'GOVERNMENT_WEBSITE', 'IMPORTANT', ?, ?)",
                rows);
    }

    String json(String url, CurrentUser u) throws Exception {
        return mvc.perform(get(url).with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void pagesTheSystemListWithTheTotal() throws Exception {
        Organization many =
                fixtures.organization("批量客户 " + UUID.randomUUID().toString().substring(0, 6), PartyRole.CUSTOMER);
        seed(many, "批量系统-", 105);
        CurrentUser customer = user(many.id());
        String first = json("/api/systems?size=20", customer);
        assertThat(JsonPath.<Integer>read(first, "$.total")).isEqualTo(105);
        assertThat(JsonPath.<Integer>read(first, "$.pages")).isEqualTo(6);
        assertThat(JsonPath.<List<String>>read(first, "$.items[*].name"))
                .hasSize(20)
                .first()
                .isEqualTo("批量系统-0000");
        String last = json("/api/systems?size=20&page=6", customer);
        assertThat(JsonPath.<List<String>>read(last, "$.items[*].name"))
                .containsExactly("批量系统-0100", "批量系统-0101", "批量系统-0102", "批量系统-0103", "批量系统-0104");
        assertThat(JsonPath.<List<String>>read(json("/api/systems?size=20&page=7", customer), "$.items"))
                .isEmpty();
        String defaults = json("/api/systems", customer);
        assertThat(JsonPath.<Integer>read(defaults, "$.size")).isEqualTo(50);
        assertThat(JsonPath.<List<String>>read(defaults, "$.items")).hasSize(50);
        // another organisation's user sees none of them: the total counts only what the caller may see
        assertThat(JsonPath.<Integer>read(json("/api/systems", user(w.stranger().id())), "$.total"))
                .isEqualTo(1);
    }

    @Test
    void filtersTheSystemListOnTheServer() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Organization c = fixtures.organization("筛选客户 " + tag, PartyRole.CUSTOMER);
        seed(c, "Filter_" + tag + "-", 12);
        CurrentUser u = user(c.id());
        assertThat(JsonPath.<Integer>read(json("/api/systems?q=filter_" + tag + "-000", u), "$.total"))
                .isEqualTo(10);
        assertThat(JsonPath.<Integer>read(json("/api/systems?level=2", u), "$.total"))
                .isEqualTo(3);
        // LIKE wildcards in the query are literal characters
        assertThat(JsonPath.<Integer>read(json("/api/systems?q=%25", u), "$.total"))
                .isZero();
        assertThat(JsonPath.<Integer>read(json("/api/systems?q=_" + tag, u), "$.total"))
                .isEqualTo(12);
        String byParty = json("/api/systems?organization=" + w.agent().id(), admin());
        assertThat(JsonPath.<List<String>>read(byParty, "$.items[*].id"))
                .containsExactly(w.system().id().toString());
        String byPhase =
                json("/api/systems?phase=PLANNING&q=" + w.system().name().substring(5), admin());
        assertThat(JsonPath.<List<String>>read(byPhase, "$.items[*].id"))
                .containsExactly(w.system().id().toString());
        assertThat(JsonPath.<Integer>read(
                        json(
                                "/api/systems?phase=EXIT&organization="
                                        + w.customer().id(),
                                admin()),
                        "$.total"))
                .isZero();
    }

    @Test
    void refusesBadPageParametersNamingThem() throws Exception {
        mvc.perform(get("/api/systems?size=201").with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasKey("size")));
        mvc.perform(get("/api/systems?page=0").with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasKey("page")));
        mvc.perform(get("/api/systems?page=abc&lang=en").with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page").value(containsString("page number")));
        mvc.perform(get("/api/systems?level=5&phase=NOPE&organization=x").with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasKey("level")))
                .andExpect(jsonPath("$.errors", hasKey("phase")))
                .andExpect(jsonPath("$.errors", hasKey("organization")));
        mvc.perform(get("/api/dashboard?size=0").with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasKey("size")));
        // a page request gets the error page, not JSON
        mvc.perform(get("/systems?page=-2").with(as(admin())).accept("text/html"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("\"errors\""))));
    }

    @Test
    void systemListPageRendersItsPagerKeepingTheFilters() throws Exception {
        Organization c =
                fixtures.organization("翻页客户 " + UUID.randomUUID().toString().substring(0, 6), PartyRole.CUSTOMER);
        seed(c, "翻页系统-", 1005);
        String page = mvc.perform(get("/systems?page=2&size=20&q=翻页").with(as(user(c.id()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"systems-pager\"")
                .contains("共 1,005 条，第 2 / 51 页")
                .contains("翻页系统-0020")
                .doesNotContain("翻页系统-0040");
        assertThat(page).contains("/systems?q=%E7%BF%BB%E9%A1%B5&amp;page=3&amp;size=20");
        // the shared filter form, labelled for a list searched by name, keeps the text typed
        assertThat(page).contains("id=\"system-filter\"", "名称包含", "value=\"翻页\"");
        String en = mvc.perform(get("/systems?level=1&lang=en").with(as(user(c.id()))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("252 in all, page 1 of 6").contains("level=1&amp;page=2");
    }

    @Test
    void dashboardAnswerStaysTheSameSizeWhateverTheNumberOfSystems() throws Exception {
        Organization c =
                fixtures.organization("看板客户 " + UUID.randomUUID().toString().substring(0, 6), PartyRole.CUSTOMER);
        CurrentUser u = user(c.id());
        seed(c, "看板系统-", 50);
        String small = json("/api/dashboard", u);
        assertThat(JsonPath.<Integer>read(small, "$.totals.systems")).isEqualTo(50);
        seed(c, "看板系统-b-", 1950);
        String large = json("/api/dashboard", u);
        assertThat(JsonPath.<Integer>read(large, "$.totals.systems")).isEqualTo(2000);
        assertThat(JsonPath.<Integer>read(large, "$.systems.total")).isEqualTo(2000);
        assertThat(JsonPath.<List<Object>>read(large, "$.systems.items")).hasSize(50);
        assertThat(JsonPath.<List<Object>>read(large, "$.controlPoints").size())
                .isLessThanOrEqualTo(org.yunjian.workbench.internal.Dashboards.CONTROL_POINTS_SHOWN);
        // the same 50 rows on page 1 either way: only the totals' digits may differ
        assertThat(Math.abs(large.length() - small.length())).isLessThan(64);
        assertThat(large.length()).isLessThan(32 * 1024);
        String pageHtml = mvc.perform(get("/dashboard?page=40").with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(pageHtml).contains("id=\"dashboard-systems-pager\"").contains("共 2,000 条，第 40 / 40 页");
    }

    @Test
    void theHomePageAndTheSearchReadOnePageOfSystemsWithTheirTotal() throws Exception {
        Organization c =
                fixtures.organization("搜索客户 " + UUID.randomUUID().toString().substring(0, 6), PartyRole.CUSTOMER);
        CurrentUser u = user(c.id());
        seed(c, "搜索分页系统-", 45);
        String found = json("/api/search?q=搜索分页&page=3", u);
        assertThat(JsonPath.<Integer>read(found, "$.systemsTotal")).isEqualTo(45);
        assertThat(JsonPath.<Integer>read(found, "$.page")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(found, "$.pages")).isEqualTo(3);
        assertThat(JsonPath.<List<String>>read(found, "$.systems[*].title"))
                .containsExactly("搜索分页系统-0040", "搜索分页系统-0041", "搜索分页系统-0042", "搜索分页系统-0043", "搜索分页系统-0044");
        mvc.perform(get("/api/search?q=x&page=0").with(as(u)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasKey("page")));
        mvc.perform(get("/search?q=搜索分页&page=2").with(as(u)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("搜索分页系统-0020")))
                .andExpect(content().string(not(containsString("搜索分页系统-0019"))))
                .andExpect(content().string(containsString("共 45 条")))
                .andExpect(content().string(containsString("第 2 / 3 页")))
                .andExpect(content().string(containsString("page=3")));
        String home = mvc.perform(get("/").with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(home)
                .contains("显示其中 10 个，共 45 个。")
                .contains("搜索分页系统-0009")
                .doesNotContain("搜索分页系统-0010")
                .contains("id=\"home-all-systems\"");
    }

    @Test
    void pagesAndFiltersOrganisationsAndEngagements() throws Exception {
        CurrentUser customer = user(w.customer().id());
        String orgs = json("/api/organizations?size=2", customer);
        // the customer sees itself, its provider, its agent and the assessor taking part in its engagement
        assertThat(JsonPath.<Integer>read(orgs, "$.total")).isEqualTo(4);
        assertThat(JsonPath.<List<Object>>read(orgs, "$.items")).hasSize(2);
        assertThat(JsonPath.<List<String>>read(
                        json("/api/organizations?role=THIRD_PARTY_ASSESSOR", customer), "$.items[*].id"))
                .containsExactly(w.assessor().id().toString());
        assertThat(JsonPath.<Integer>read(
                        json("/api/organizations?q=" + w.stranger().name(), customer), "$.total"))
                .isZero();
        mvc.perform(get("/api/organizations?role=KING").with(as(customer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasKey("role")));
        String engagements = json("/api/engagements?systemId=" + w.system().id(), customer);
        assertThat(JsonPath.<List<String>>read(engagements, "$.items[*].id"))
                .containsExactly(w.engagement().id().toString());
        assertThat(JsonPath.<Integer>read(
                        json(
                                "/api/engagements?phase=EXIT&systemId="
                                        + w.system().id(),
                                customer),
                        "$.total"))
                .isZero();
        assertThat(JsonPath.<Integer>read(
                        json("/api/engagements", user(w.stranger().id())), "$.total"))
                .isZero();
        mvc.perform(get("/api/engagements?systemId=nope&size=x").with(as(customer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasKey("systemId")));
        String page = mvc.perform(get("/engagements?phase=PLANNING").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"engagements-pager\"")
                .contains("共 1 条，第 1 / 1 页")
                .contains(w.engagement().name());
    }
}
