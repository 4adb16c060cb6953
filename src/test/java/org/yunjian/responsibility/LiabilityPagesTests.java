package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.PartyRole;
import org.yunjian.cli.CliRunner;
import org.yunjian.party.Engagement;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;

/**
 * The liability lookup and incident pages in Chinese and English (search without JavaScript and as an htmx fragment,
 * the analysis naming the system's organisations, the empty list, the form refusing bad input next to the field and
 * recording), and {@code yunjian responsibility liability|incidents} acting as a user.
 */
@org.yunjian.support.OnePass
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class LiabilityPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    @Autowired
    CliRunner cli;

    Fixtures.World w;
    Organization hardware;
    CurrentUser customer;
    String username;
    String lookup;
    String incidents;

    @BeforeEach
    void world() throws Exception {
        w = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        hardware = fixtures.organization("服务器厂商 " + tag, PartyRole.PARTNER_HARDWARE);
        fixtures.engagement(
                "云平台运营 " + tag, w.system(), new Engagement.Participant(hardware.id(), PartyRole.PARTNER_HARDWARE));
        username = "inc-" + tag;
        var account = org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        username, "事件登记员 " + tag, Role.USER, w.customer().id(), "Incident-Recorder-2026!"));
        customer = new CurrentUser(account.id(), username, w.customer().id(), Role.USER);
        lookup = "/systems/" + w.system().id() + "/responsibility/liability";
        incidents = "/systems/" + w.system().id() + "/incidents";
    }

    void generateMatrix() throws Exception {
        mvc.perform(post("/api/systems/{id}/responsibility", w.system().id()).with(as(customer)))
                .andExpect(status().isCreated());
    }

    @Test
    void lookupPageSearchesAndShowsTheAnalysisInBothLanguages() throws Exception {
        generateMatrix();
        mvc.perform(get(lookup)
                        .param("q", "恶意程序")
                        .param("incident", "TCCIA004-B-9")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("安全责任事件查询")))
                .andExpect(content().string(containsString("表 B.1 第 9 项的责任分析")))
                .andExpect(content().string(containsString("因物理设备存在恶意程序")))
                .andExpect(content().string(containsString(hardware.name())))
                .andExpect(content().string(containsString("硬件提供者")))
                .andExpect(content().string(containsString("7.1.2 c) 1)")))
                .andExpect(content().string(containsString("责任分工矩阵第 1 版")))
                .andExpect(content().string(containsString("id=\"record-incident\"")))
                .andExpect(content().string(not(containsString("PARTNER_HARDWARE<"))))
                .andExpect(content().string(not(containsString(hardware.id().toString()))));
        mvc.perform(get(lookup)
                        .param("lang", "en")
                        .param("q", "malicious programs")
                        .param("incident", "TCCIA004-B-9")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Security incident liability lookup")))
                .andExpect(content().string(containsString("Liability for item 9 of table B.1")))
                .andExpect(content().string(containsString("Hardware provider")))
                .andExpect(content().string(containsString("Infrastructure – physical equipment security")))
                .andExpect(content().string(containsString("Responsibility matrix version 1 (Draft)")))
                .andExpect(content().string(not(containsString("责任分析"))));
        // as you type: htmx asks for the results only
        String fragment = mvc.perform(get(lookup)
                        .param("q", "口令")
                        .header("HX-Request", "true")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment)
                .contains("id=\"liability-results\"", "TCCIA004-B-14")
                .doesNotContain("<html", "TCCIA004-B-9\"");
        // a category that is none: the refusal names the search form's field, in both languages
        mvc.perform(get(lookup).param("category", "NO_SUCH").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"category\">类别：不是表 B.1 的事件类别。")));
        mvc.perform(get(lookup).param("category", "NO_SUCH").param("lang", "en").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("data-field=\"category\">Category: Not a category of table B.1.")));
    }

    @Test
    void withoutAMatrixTheStandardsAnswerIsStillShown() throws Exception {
        mvc.perform(get(lookup).param("incident", "TCCIA004-B-3").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本系统尚未生成责任分工矩阵")))
                .andExpect(content().string(containsString("软件提供者")))
                .andExpect(content().string(containsString("运维服务提供者")));
        mvc.perform(get(lookup).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
    }

    @Test
    void incidentIsRecordedFromTheFormAndShownOnTheListAndDetailPages() throws Exception {
        generateMatrix();
        mvc.perform(get(incidents).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本系统尚未登记安全责任事件。")));
        mvc.perform(get(incidents + "/new").param("incident", "TCCIA004-B-9").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登记安全责任事件")));
        // bad input: the form again, the problem next to its field, nothing stored
        mvc.perform(post(incidents)
                        .with(as(customer))
                        .param("incident", "TCCIA004-B-9")
                        .param("occurredAt", "2026-11-20T16:30")
                        .param("title", "")
                        .param("description", "经过"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"title-error\"")))
                .andExpect(content().string(containsString("id=\"form-errors\"")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM responsibility_incident WHERE system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isZero();

        String location = mvc.perform(post(incidents)
                        .with(as(customer))
                        .param("incident", "TCCIA004-B-9")
                        .param("occurredAt", "2026-11-20T16:30")
                        .param("title", "服务器固件恶意程序")
                        .param("description", "机房巡检发现恶意程序。")
                        .param("reference", "GD-117"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern(incidents + "/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("服务器固件恶意程序")))
                .andExpect(content().string(containsString("2026-11-20 16:30")))
                .andExpect(content().string(containsString("事件登记员")))
                .andExpect(content().string(containsString(hardware.name())))
                .andExpect(content().string(containsString(".docx")));
        mvc.perform(get(location).param("lang", "en").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Recorded by")))
                .andExpect(content().string(containsString("as it stood when the incident was recorded")));
        mvc.perform(get(incidents).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("服务器固件恶意程序")))
                .andExpect(content().string(containsString("GD-117")))
                .andExpect(content().string(containsString("共 1 条，第 1 / 1 页")))
                .andExpect(content().string(containsString("标题、参考编号或典型事件编号包含")));
        // filtered on the server: a text no incident holds leaves the table empty, saying so
        mvc.perform(get(incidents).param("q", "没有这样的事件").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("服务器固件恶意程序"))))
                .andExpect(content().string(containsString("没有符合条件的记录。")));
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
    void commandLineLooksUpLiabilityAndListsIncidents() throws Exception {
        generateMatrix();
        assertThat(run(
                        Locale.ENGLISH,
                        "responsibility",
                        "liability",
                        "--query",
                        "malicious programs",
                        "--system",
                        w.system().id().toString(),
                        "--as",
                        username))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains(
                        "B.9",
                        "Hardware provider: " + hardware.name(),
                        "7.1.2 c) 1)",
                        "Responsibility matrix version 1");
        assertThat(run(
                        Locale.SIMPLIFIED_CHINESE,
                        "responsibility",
                        "incidents",
                        "--system",
                        w.system().id().toString(),
                        "--as",
                        username))
                .isZero();
        assertThat(out.toString()).contains("尚未登记安全责任事件");
        mvc.perform(post(incidents)
                        .with(as(customer))
                        .param("incident", "TCCIA004-B-14")
                        .param("occurredAt", "2026-11-21T09:05")
                        .param("title", "管理员口令泄露")
                        .param("description", "经过"))
                .andExpect(status().is3xxRedirection());
        assertThat(run(
                        Locale.SIMPLIFIED_CHINESE,
                        "responsibility",
                        "incidents",
                        "--system",
                        w.system().id().toString(),
                        "--as",
                        username))
                .isZero();
        assertThat(out.toString()).contains("2026-11-21 09:05", "B.14", "管理员口令泄露");
    }
}
