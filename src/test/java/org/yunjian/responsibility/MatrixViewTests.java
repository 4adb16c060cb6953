package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.PartyRole;
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;

/**
 * The switchable views of the matrix (issue 12 item 2) through REST, the page and the command line, on the real
 * services and database: the 等保 view naming the provider and customer for their sides and the mapped T/CCIA duty's
 * parties, the government-website guide view with the agent under its role, the JR/T view of a securities system
 * restricted to its 行业云 subsection, views not offered refused naming why, agents seeing only the rows naming them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class MatrixViewTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    UserAdministration users;

    @Autowired
    CliRunner cli;

    Fixtures.World w;
    CurrentUser customer;
    CurrentUser agent;
    String api;
    String page;

    @BeforeEach
    void world() throws Exception {
        w = fixtures.world();
        customer = user(w.customer().id());
        agent = user(w.agent().id());
        api = "/api/systems/" + w.system().id() + "/responsibility/views";
        page = "/systems/" + w.system().id() + "/responsibility";
        mvc.perform(post("/api/systems/{id}/responsibility", w.system().id()).with(as(customer)))
                .andExpect(status().isCreated());
    }

    @Test
    void restOffersTheViewsOfTheIndustryAndDerivesThem() throws Exception {
        mvc.perform(get(api).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].view").value(org.hamcrest.Matchers.contains("mlps", "gov")))
                .andExpect(jsonPath("$[0].label").value("等保 2.0 云计算扩展要求（第三级）"));
        mvc.perform(get(api + "/mlps").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.table.rowCount").value(46))
                .andExpect(jsonPath("$.table.groups.length()").value(7))
                .andExpect(jsonPath("$.table.groups[0].title").value("8.2.1 安全物理环境"))
                .andExpect(jsonPath("$.table.groups[0].rows[0].ref").value("8.2.1.1"))
                .andExpect(jsonPath("$.table.groups[0].rows[0].sideLabel").value("云计算平台"))
                .andExpect(jsonPath("$.table.groups[0].rows[0].roles[0].organisations[0].name")
                        .value(w.provider().name()))
                // 8.2.6.1 a) is mapped onto T/CCIA 6.6 a) 1), which the customer answers for and implements
                .andExpect(jsonPath("$.table.groups[5].rows[0].item").value("MLPS-L3-8.2.6.1-a"))
                .andExpect(jsonPath("$.table.groups[5].rows[0].mapped[0].ref").value("6.6 a) 1)"))
                .andExpect(jsonPath("$.table.groups[5].rows[0].mapped[0].parts[0].accountableName")
                        .value(w.customer().name()))
                .andExpect(jsonPath("$.table.groups[5].rows[0].mapped[0].parts[0].implementerName")
                        .value(w.customer().name()));
        // the government-website guide: by phase, the system integrator (an agent) under its role
        mvc.perform(get(api + "/gov").with(as(customer)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.table.label").value("Government website cloud security guide"))
                .andExpect(jsonPath("$.table.groups[*].title")
                        .value(org.hamcrest.Matchers.contains(
                                "General (all phases)",
                                "Planning and preparation",
                                "Provider selection and deployment",
                                "Operation and supervision",
                                "Exit")))
                .andExpect(jsonPath(
                                "$.table.groups[*].rows[*].roles[?(@.role == 'AGENT_SYSTEM_INTEGRATOR')].organisations[*].name")
                        .value(hasItem(w.agent().name())))
                .andExpect(jsonPath("$.table.groups[*].rows[*].roles[?(@.role == 'THIRD_PARTY_ASSESSOR')].roleLabel")
                        .value(hasItem("Third-party assessment organization")));
    }

    @Test
    void aViewNotOfferedOrUnknownIsRefusedNamingWhyAndStrangersSeeNothing() throws Exception {
        mvc.perform(get(api + "/jrt").with(as(customer)))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors.view").value("“证券期货业云技术应用安全规范（JR/T）”视图只适用于行业为“证券期货业”的云系统，本系统的行业是“政府网站”。"));
        mvc.perform(get(api + "/tccia").with(as(customer)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.view")
                        .value("There is no view named \"tccia\"; the views are: mlps, gov, jrt."));
        mvc.perform(get(api).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
        mvc.perform(get(api + "/mlps").with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
        mvc.perform(get(page + "/views/jrt").with(as(customer)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anAgentSeesOnlyTheRowsNamingItsOrganisation() throws Exception {
        mvc.perform(get(api + "/gov").with(as(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.table.rowCount").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(
                        jsonPath("$.table.groups[*].rows[*].roles[*].role").value(hasItem("AGENT_SYSTEM_INTEGRATOR")))
                .andExpect(jsonPath(
                                "$.table.groups[*].rows[?(@.roles[?(@.role == 'AGENT_SYSTEM_INTEGRATOR')] empty true)].item")
                        .isEmpty());
        // no 等保 side and no mapped duty names the integrator
        mvc.perform(get(api + "/mlps").with(as(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.table.rowCount").value(0));
        mvc.perform(get(page + "/views/mlps").with(as(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本视图中没有写明本单位的条目。")))
                .andExpect(content().string(containsString("只列出写明本单位的条目。")));
    }

    @Test
    void jrtViewOfASecuritiesSystemKeepsItsIndustryCloudSubsection() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Organization broker = fixtures.organization("证券公司 " + tag, PartyRole.CUSTOMER);
        Organization cloud = fixtures.organization("行业云 " + tag, PartyRole.PROVIDER);
        String json = """
                {"name":"交易系统 %s","customerId":"%s","protectionLevel":"3","deploymentModel":"COMMUNITY",
                 "serviceModel":"IAAS","industry":"SECURITIES_FUTURES","dataClassification":"IMPORTANT",
                 "regions":["上海"],"providerId":"%s","agents":[]}""".formatted(tag, broker.id(), cloud.id());
        String body = mvc.perform(post("/api/systems")
                        .with(as(admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
        assertThat(m.find()).isTrue();
        UUID system = UUID.fromString(m.group(1));
        CurrentUser brokerUser = user(broker.id());
        mvc.perform(post("/api/systems/{id}/responsibility", system).with(as(brokerUser)))
                .andExpect(status().isCreated());
        String views = "/api/systems/" + system + "/responsibility/views";
        mvc.perform(get(views).with(as(brokerUser)))
                .andExpect(jsonPath("$[*].view").value(org.hamcrest.Matchers.contains("mlps", "jrt")));
        mvc.perform(get(views + "/jrt").with(as(brokerUser)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.table.scope").value("通用条款及适用于社区云（JR/T：行业云）的条款"))
                .andExpect(jsonPath("$.table.otherModels").value(87))
                .andExpect(jsonPath("$.table.groups[*].rows[*].item").value(hasItem("JRT-SF-6.3-1")))
                .andExpect(jsonPath("$.table.groups[*].rows[*].item").value(not(hasItem("JRT-SF-6.4-1"))))
                .andExpect(jsonPath("$.table.groups[*].rows[*].models[*]")
                        .value(everyItem(org.hamcrest.Matchers.is("社区云（JR/T：行业云）"))))
                .andExpect(
                        jsonPath("$.table.groups[*].rows[?(@.item == 'JRT-SF-4.1.1-1')].roles[0].organisations[0].name")
                                .value(hasItem(broker.name())));
        mvc.perform(get(views + "/gov").with(as(brokerUser))).andExpect(status().isBadRequest());
    }

    @Test
    void pageShowsTheSwitchAndTheViewsWithTheirFiltersInBothLanguages() throws Exception {
        mvc.perform(get(page).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"view-switch\"")))
                .andExpect(content().string(containsString("href=\"" + page + "/views/mlps\"")))
                .andExpect(content().string(containsString("href=\"" + page + "/views/gov\"")))
                .andExpect(content().string(not(containsString("/views/jrt"))));
        mvc.perform(get(page + "/views/mlps").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("等保 2.0 云计算扩展要求（第三级）")))
                .andExpect(content().string(containsString("应保证云计算基础设施位于中国境内")))
                .andExpect(content().string(containsString("云计算平台和云服务客户系统")))
                .andExpect(content().string(containsString(w.provider().name())))
                .andExpect(content().string(containsString("T/CCIA 004-2024 8.3 b) 2)")))
                .andExpect(content().string(containsString("目录未给出对应职责")))
                .andExpect(content().string(containsString("显示 46 条，共 46 条")))
                .andExpect(content().string(not(containsString("CLOUD_PLATFORM<"))))
                .andExpect(content().string(not(containsString(w.provider().id().toString()))));
        // filters: mapped items only; one area
        String mapped = mvc.perform(
                        get(page + "/views/mlps").param("show", "mapped").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Pattern.compile("id=\"row-MLPS-L3-")
                        .matcher(mapped)
                        .results()
                        .count())
                .isEqualTo(3);
        String area = mvc.perform(get(page + "/views/mlps").param("group", "0").with(as(customer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(area).contains("row-MLPS-L3-8.2.1.1").doesNotContain("row-MLPS-L3-8.2.2.1-a");
        mvc.perform(get(page + "/views/gov").param("lang", "en").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Government website cloud security guide")))
                .andExpect(content().string(containsString("Planning and preparation")))
                .andExpect(content().string(containsString("Roles named and the organisations holding them")))
                .andExpect(content().string(containsString("Nobody on this system holds this role")))
                .andExpect(content().string(containsString(w.agent().name())))
                .andExpect(content().string(not(containsString("贯穿各阶段"))));
    }

    // --- command line

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(Locale language, String... args) {
        var commandLine = cli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        org.springframework.context.i18n.LocaleContextHolder.setLocale(language);
        try {
            return commandLine.execute(args);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void commandLinePrintsAViewInTheUsersLanguage() {
        String username = "view-" + UUID.randomUUID().toString().substring(0, 6);
        org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        username, "视图查看人", Role.USER, w.customer().id(), "Matrix-View-Reader-2026!"));
        assertThat(run(
                        Locale.SIMPLIFIED_CHINESE,
                        "responsibility",
                        "view",
                        "--system",
                        w.system().id().toString(),
                        "--view",
                        "mlps",
                        "--as",
                        username))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains(
                        "等保 2.0 云计算扩展要求（第三级）",
                        "== 8.2.1 安全物理环境（1 条）==",
                        "8.2.1.1  应保证云计算基础设施位于中国境内",
                        "测评对象：云计算平台",
                        "云服务商：" + w.provider().name(),
                        "对应 T/CCIA 004-2024 6.6 a) 1)（相交）",
                        "共 46 条。")
                .doesNotContain("CLOUD_PLATFORM");
        assertThat(run(
                        Locale.ENGLISH,
                        "responsibility",
                        "view",
                        "--system",
                        w.system().id().toString(),
                        "--view",
                        "gov",
                        "--as",
                        username))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains(
                        "Government website cloud security guide",
                        "== General (all phases)",
                        "System integrator: " + w.agent().name());
        assertThat(run(
                        Locale.SIMPLIFIED_CHINESE,
                        "responsibility",
                        "view",
                        "--system",
                        w.system().id().toString(),
                        "--view",
                        "jrt",
                        "--as",
                        username))
                .isEqualTo(2);
        assertThat(err.toString()).contains("只适用于行业为“证券期货业”的云系统");
    }
}
