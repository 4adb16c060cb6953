package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.cli.CliTexts;
import org.yunjian.demo.DemoData;
import org.yunjian.obligations.cli.ObligationsCommand;
import org.yunjian.party.CloudSystem;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;
import picocli.CommandLine;

/**
 * What a newcomer to the demo sees of the obligations calendar, through the real pages and the command line: the
 * portal's drill overdue (flagged on the start page, the system's page, the calendar and the overview), the 等保
 * assessment upcoming, the provider's report due soon; forms refusing bad input with the reason on the page; the
 * feed address shown once; strangers kept out.
 */
@SpringBootTest(properties = "yunjian.demo=true")
@AutoConfigureMockMvc
@Tag("database")
class ObligationPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAdministration users;

    @Autowired
    ApplicationContext context;

    @Autowired
    org.yunjian.party.Parties parties;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    CurrentUser customer;
    CurrentUser provider;
    CloudSystem portal;
    String page;

    @BeforeEach
    void demo() {
        customer = SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow();
        provider = SeedActor.account(users, DemoData.PROVIDER_USER).orElseThrow();
        CloudSystem[] s = new CloudSystem[1];
        SeedActor.run(
                customer,
                () -> s[0] = parties.visibleSystems().stream()
                        .filter(x -> x.name().equals(DemoData.PORTAL_SYSTEM))
                        .findFirst()
                        .orElseThrow());
        portal = s[0];
        page = "/systems/" + portal.id() + "/lifecycle/obligations";
    }

    String html(String path, CurrentUser u) throws Exception {
        return mvc.perform(get(path).with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theDemoPortalShowsItsOverdueDrillEverywhere() throws Exception {
        String system = html(page, customer);
        assertThat(system)
                .contains(
                        "周期性义务",
                        "应急演练",
                        "已逾期",
                        "逾期事项 1",
                        "等级保护测评",
                        "即将到期",
                        "云服务商安全运行报告及监督",
                        DemoData.PROVIDER.name(),
                        "本单位周期设置",
                        "GOVWEB-8.5-b");
        assertThat(html("/", customer)).contains("逾期事项 1", "/lifecycle/calendar");
        assertThat(html("/systems/" + portal.id(), customer)).contains("周期性义务（19 项）", "逾期事项 1");
        String calendar = html("/lifecycle/calendar", customer);
        assertThat(calendar)
                .contains("我的日程", "逾期事项（1）", DemoData.PORTAL_SYSTEM, "尚未创建订阅地址")
                .doesNotContain("本平台尚未配置邮件服务器"); // the demo sends to its demo mailbox
        String overview = html("/lifecycle/overview", customer);
        assertThat(overview).contains("逾期事项（按负责单位）", DemoData.CUSTOMER.name(), "90 天内到期", "各云系统");
        // the provider sees the plan's obligations too, but records only its own
        assertThat(html(page, provider)).contains("应急演练", "由负责单位或云服务客户登记");
        mvc.perform(post(page + "/DRILL_INFORMATION_DESTRUCTION/complete")
                        .param("doneOn", "2026-01-05")
                        .with(as(provider)))
                .andExpect(status().isForbidden());
        // another customer's user does not learn the system exists
        CurrentUser stranger = user(UUID.randomUUID());
        mvc.perform(get(page).with(as(stranger))).andExpect(status().isNotFound());
    }

    /**
     * Issue 36: every periodic duty of the government-website guide is in the demo portal's calendar, with its clause
     * and the source line quoted (copied from /work/shared/standards/gov-website-cloud-security-guide.txt), the
     * intervals the text does not state marked as configurable defaults.
     */
    @Test
    void everyPeriodicDutyOfTheGovWebsiteGuideIsInTheDemoPortalsCalendarWithItsClause() throws Exception {
        String system = html(page, customer, "size", "50");
        String[][] duties = {
            {"DOMAIN_IP_CHECK", "8.4.1.2 b)", "应定期进行网站的域名及IP合规性检测。"},
            {"VULNERABILITY_SCAN", "8.4.1.4 b)", "定期对网站应用程序、操作系统及数据库进行脆弱性扫描；"},
            {"ENVIRONMENT_TEST", "8.4.1.5 c)", "对网站环境安全防护措施进行定期测评和检查。"},
            {"CONFIDENTIALITY_REVIEW", "8.2.1 a)", "指定机构和人员定期负责对迁移到云计算平台上的数据、业务进行保密审查"},
            {"BACKUP_RESTORE_DRILL", "7.3.7 a) 3)", "定期进行网站文件和数据库备份恢复演练，确保备份数据的有效性。"},
            {"ON_CALL_DUTY", "8.5 c)", "遇到重大节日或敏感时期，应安排24小时值班"},
            {"INFORMATION_REPORTING", "8.5 c)", "并定期进行信息报送；"},
            {"AGENT_SERVICE_REPORT", "8.2.3 c)", "向云服务客户提供安全服务，并定期提供服务报告；"},
            {"PROVIDER_RISK_ASSESSMENT", "8.4.2.1 c)", "定期进行风险评估，针对评估结果进行安全整改；"},
            {"DRILL_MALWARE", "8.5 b)", "每两年至少开展各典型类别安全事件的应急演练一次"},
            {"DRILL_DISASTER", "8.5 b)", "每两年至少开展各典型类别安全事件的应急演练一次"}
        };
        for (String[] d : duties) {
            int at = system.indexOf("id=\"obligation-" + d[0]); // an agent's row: -<its organisation>
            assertThat(at).as(d[0]).isPositive();
            String row = system.substring(at, system.indexOf("</tr>", at));
            assertThat(row).as(d[0]).contains(d[1] + "：“").contains(d[2]);
        }
        assertThat(system.substring(system.indexOf("id=\"obligation-VULNERABILITY_SCAN\"")))
                .contains("平台默认周期（标准未规定具体周期；云服务客户可在“本单位周期设置”中修改）");
        // the one duty no standard states says so in its source column, rather than leaving it empty
        int mlps = system.indexOf("id=\"obligation-MLPS_ASSESSMENT\"");
        assertThat(system.substring(mlps, system.indexOf("</tr>", mlps)))
                .contains("五项标准均未规定此义务（来自网络安全等级保护制度）")
                .doesNotContain("class=\"obligation-source\"");
        assertThat(system.split("class=\"muted obligation-no-source\"", -1)).hasSize(2);
        // the calendar across systems names each one's clause, the source line on hover
        assertThat(html("/lifecycle/calendar", customer, "q", "脆弱性扫描"))
                .contains(
                        "data-kind=\"VULNERABILITY_SCAN\"",
                        "title=\"定期对网站应用程序、操作系统及数据库进行脆弱性扫描；\"",
                        ">8.4.1.4 b)</small>");
        // gov 8.2.3 c) is every 云服务代理商's: the portal's system integrator and its security service each report
        java.util.List<String> agents = new java.util.ArrayList<>();
        for (int at = system.indexOf("id=\"obligation-AGENT_SERVICE_REPORT-");
                at >= 0;
                at = system.indexOf("id=\"obligation-AGENT_SERVICE_REPORT-", at + 1)) {
            agents.add(system.substring(at, system.indexOf("</tr>", at)));
        }
        assertThat(agents).hasSize(2);
        assertThat(agents).anySatisfy(r -> assertThat(r).contains(DemoData.INTEGRATOR.name()));
        assertThat(agents).anySatisfy(r -> assertThat(r).contains(DemoData.SECURITY_SERVICE.name()));
    }

    String html(String path, CurrentUser u, String... params) throws Exception {
        var request = get(path).with(as(u));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theObligationListsComeAPageAtATimeWithFiltersAndTheirEmptyStates() throws Exception {
        // the portal's nineteen obligations (issue 36; issue 59: each of its two agents reports, gov 8.2.3 c)),
        // seventeen a page: the second page holds two, the forms keep their versions
        String second = html(page, customer, "size", "17", "page", "2");
        assertThat(second)
                .contains("共 19 条，第 2 / 2 页", "id=\"obligations-pager\"", "本单位周期设置")
                .doesNotContain("id=\"obligations-nomatch\"", "id=\"obligations-empty\"");
        assertThat(second.split("class=\"obligation\"", -1)).hasSize(3);
        assertThat(second.split("name=\"version\"", -1)).hasSize(3);
        String overdue = html(page, customer, "status", "OVERDUE");
        assertThat(overdue)
                .contains(
                        "id=\"obligation-DRILL_NETWORK_ATTACK\"",
                        "共 1 条",
                        "逾期事项 1",
                        "id=\"filter-status\"",
                        "value=\"OVERDUE\" selected=\"selected\"")
                .doesNotContain("id=\"obligation-MLPS_ASSESSMENT\"");
        assertThat(html(page, customer, "q", "演练"))
                .contains("id=\"obligation-DRILL_INFORMATION_DESTRUCTION\"")
                .doesNotContain("id=\"obligation-PROVIDER_REPORT\"");
        String none = html(page, customer, "q", "没有这种义务");
        assertThat(none)
                .contains("没有符合条件的记录。", "value=\"没有这种义务\"", "共 0 条")
                .doesNotContain("id=\"obligations-empty\"", "id=\"obligations\"");
        assertThat(html(page, customer, "q", "no such duty", "lang", "en")).contains("Nothing matches.");
        mvc.perform(get(page).param("status", "LATE").with(as(customer))).andExpect(status().isBadRequest());
        // the calendar: the overdue drill among what is due, filtered the same way
        String calendar = html("/lifecycle/calendar", customer, "q", DemoData.PORTAL_SYSTEM, "status", "OVERDUE");
        assertThat(calendar)
                .contains("id=\"calendar-due\"", "data-kind=\"DRILL_NETWORK_ATTACK\"", "共 1 条", "逾期事项（1）")
                .doesNotContain("data-status=\"DUE_SOON\"", "data-status=\"UPCOMING\"");
        assertThat(html("/lifecycle/calendar", customer, "size", "1")).contains("id=\"calendar-pager\"", "下一页");
        assertThat(html("/lifecycle/calendar", customer, "q", "没有这种义务"))
                .contains("没有符合条件的记录。")
                .doesNotContain("id=\"calendar-due\"", "id=\"calendar-empty\"");
    }

    @Test
    void formsShowTheReasonForRefusedInput() throws Exception {
        mvc.perform(post(page + "/DRILL_INFORMATION_DESTRUCTION/complete")
                        .param("doneOn", "2026-02-30")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("日期格式不正确")));
        mvc.perform(post(page + "/intervals")
                        .param("kind", "DRILL_INFORMATION_DESTRUCTION")
                        .param("months", "30")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("GOVWEB-8.5-b")))
                .andExpect(content().string(containsString("24 个月")));
        mvc.perform(post("/lifecycle/calendar/reminder")
                        .param("email", "not-an-address")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不是有效的电子邮件地址")));
        // issue 33: an address literal and a zero-width character are refused, the form shown again naming the field
        mvc.perform(post("/lifecycle/calendar/reminder")
                        .param("email", "a@[127.0.0.1]")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"email-error\">不是有效的电子邮件地址：不接受方括号中的 IP 地址")));
        mvc.perform(post("/lifecycle/calendar/reminder")
                        .param("email", "li\u200bsi@example.cn")
                        .param("lang", "en")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                ">Reminder address (empty to remove): Not a valid e-mail address: character 3 (U+200B)")));
    }

    /** The errors heading the page, far from their forms, name each form's field by its label, in both languages. */
    @Test
    void refusedFormsErrorsNameTheirFields() throws Exception {
        mvc.perform(post(page + "/DRILL_INFORMATION_DESTRUCTION/complete")
                        .param("doneOn", "2026-02-30")
                        .with(as(customer)))
                .andExpect(content().string(containsString("data-field=\"doneOn\">应急演练：信息破坏事件 · 完成日期：日期格式不正确")));
        mvc.perform(post(page + "/DRILL_INFORMATION_DESTRUCTION/complete")
                        .param("doneOn", "2026-02-30")
                        .param("lang", "en")
                        .with(as(customer)))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "data-field=\"doneOn\">Emergency drill: information destruction · Date done: Not a valid date")));
        mvc.perform(post(page + "/intervals")
                        .param("kind", "DRILL_INFORMATION_DESTRUCTION")
                        .param("months", "x")
                        .with(as(customer)))
                .andExpect(content().string(containsString(">应急演练：信息破坏事件 · 周期（月，留空恢复默认）：周期应为整数月数。</li>")))
                .andExpect(content().string(containsString("id=\"months-error\">周期应为整数月数。")));
        mvc.perform(post("/lifecycle/calendar/reminder")
                        .param("email", "not-an-address")
                        .with(as(customer)))
                .andExpect(content().string(containsString(">提醒邮箱（留空则删除）：不是有效的电子邮件地址")))
                .andExpect(content().string(containsString("id=\"email-error\">不是有效的电子邮件地址")));
        mvc.perform(post("/lifecycle/calendar/reminder")
                        .param("email", "not-an-address")
                        .param("lang", "en")
                        .with(as(customer)))
                .andExpect(content()
                        .string(containsString(">Reminder address (empty to remove): Not a valid e-mail address")));
        // the feed's confirmations differ per form: their refusal names the forms' section
        mvc.perform(post("/lifecycle/calendar/feed/revoke").with(as(customer)))
                .andExpect(content().string(containsString(">日历订阅（iCalendar） · 请勾选确认")));
        mvc.perform(post("/lifecycle/calendar/feed/revoke").param("lang", "en").with(as(customer)))
                .andExpect(content().string(containsString(">Calendar feed (iCalendar) · Tick the confirmation")));
    }

    @Test
    void aRefusedFormShowsTheListAsItWasAndAStoredOneGoesBackToIt() throws Exception {
        // a completion refused (no such date) from the overdue obligations named 演练: that list again, not the first
        String refused = mvc.perform(post(page + "/DRILL_NETWORK_ATTACK/complete")
                        .param("doneOn", "2026-02-30")
                        .param("q", "演练")
                        .param("status", "OVERDUE")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .contains(
                        "日期格式不正确",
                        "id=\"filter-q\" name=\"q\" maxlength=\"200\" value=\"演练\"",
                        "value=\"OVERDUE\" selected=\"selected\"",
                        "共 1 条",
                        "value=\"2026-02-30\"",
                        "<input type=\"hidden\" name=\"q\" value=\"演练\">",
                        "<input type=\"hidden\" name=\"status\" value=\"OVERDUE\">")
                .doesNotContain("id=\"obligation-MLPS_ASSESSMENT\"");
        // a completion over a version since replaced, and an interval out of range, from the second page of three
        String stale = mvc.perform(post(page + "/DRILL_INFORMATION_DESTRUCTION/complete")
                        .param("doneOn", "2026-01-05")
                        .param("version", "999")
                        .param("page", "2")
                        .param("size", "3")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(stale)
                .contains(
                        "共 19 条，第 2 / 7 页",
                        "<input type=\"hidden\" name=\"page\" value=\"2\">",
                        "<input type=\"hidden\" name=\"size\" value=\"3\">");
        assertThat(stale.split("class=\"obligation\"", -1)).hasSize(4);
        mvc.perform(post(page + "/intervals")
                        .param("kind", "DRILL_INFORMATION_DESTRUCTION")
                        .param("months", "30")
                        .param("page", "2")
                        .param("size", "3")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("24 个月")))
                .andExpect(content().string(containsString("共 19 条，第 2 / 7 页")));
        // a form stored (nothing left to generate) sends the browser back to the list it came from
        mvc.perform(post(page + "/generate")
                        .param("q", "演练")
                        .param("status", "OVERDUE")
                        .param("page", "2")
                        .param("size", "3")
                        .with(as(customer)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page + "?q=%E6%BC%94%E7%BB%83&status=OVERDUE&page=2&size=3"));
        // a list state that is no list's is refused, not silently dropped
        mvc.perform(post(page + "/generate").param("status", "LATE").with(as(customer)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theFeedAddressIsShownOnceAndWorks() throws Exception {
        String created = mvc.perform(post("/lifecycle/calendar/feed").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(/lifecycle/calendar/[A-Za-z0-9_-]+\\.ics)")
                .matcher(created);
        assertThat(m.find()).isTrue();
        String ics = mvc.perform(get(m.group(1)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replace("\r\n ", ""); // unfolded
        // issue 36: each event quotes its source, and says when its interval is a configurable default
        assertThat(ics)
                .contains(
                        "应急演练：信息破坏事件到期：" + DemoData.PORTAL_SYSTEM,
                        "依据：8.5 b)“云服务客户应综合分析各类安全事件可能造成的影响",
                        "每两年至少开展各典型类别安全事件的应急演练一次",
                        "脆弱性扫描到期：" + DemoData.PORTAL_SYSTEM,
                        "定期对网站应用程序、操作系统及数据库进行脆弱性扫描；",
                        "周期为平台默认值，标准未规定具体周期；云服务客户可修改");
        assertThat(html("/lifecycle/calendar", customer))
                .doesNotContain(m.group(1))
                .contains("订阅地址创建于");
        mvc.perform(post("/lifecycle/calendar/feed/revoke").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请勾选确认")));
        mvc.perform(get(m.group(1))).andExpect(status().isOk());
        mvc.perform(post("/lifecycle/calendar/feed/revoke")
                        .param("confirm", "true")
                        .with(as(customer)))
                .andExpect(redirectedUrl("/lifecycle/calendar"));
        mvc.perform(get(m.group(1))).andExpect(status().isNotFound());
    }

    @Test
    void theCommandListsOverdueObligationsAndRecordsACompletion() {
        StringWriter out = new StringWriter();
        assertThat(run(out, "--as", DemoData.CUSTOMER_USER, "--overdue"))
                .as(out.toString())
                .isEqualTo(3);
        assertThat(out.toString()).contains("Emergency drill", DemoData.PORTAL_SYSTEM);
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        "--as",
                        DemoData.PROVIDER_USER,
                        "--system",
                        portal.id().toString(),
                        "--complete",
                        "DRILL_INFORMATION_DESTRUCTION",
                        "--done-on",
                        "2026-01-05"))
                .isEqualTo(1);
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        "--as",
                        DemoData.CUSTOMER_USER,
                        "--system",
                        portal.id().toString(),
                        "--complete",
                        "DRILL_INFORMATION_DESTRUCTION",
                        "--done-on",
                        "2026-13-01"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("doneOn");
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        "--as",
                        DemoData.CUSTOMER_USER,
                        "--system",
                        portal.id().toString()))
                .isZero();
        assertThat(out.toString()).contains(DemoData.PORTAL_SYSTEM, "MLPS_ASSESSMENT", "Overdue");
    }

    /**
     * gov 8.2.3 c) "…向云服务客户提供安全服务，并定期提供服务报告" on the demo portal, whose system integrator and security
     * service each have their report: the command's {@code --responsible} names the organisation as the REST API's and
     * the page's {@code responsible} do — listing only its obligations; a completion of a kind several organisations
     * have refused without it (exit 2 naming {@code responsible}), nothing stored.
     */
    @Test
    void theCommandsResponsibleNamesTheOrganisationsObligationsAsTheApiDoes_gov8_2_3c() {
        UUID integrator = jdbc.sql("SELECT id FROM organization WHERE name = ?")
                .param(DemoData.INTEGRATOR.name())
                .query(UUID.class)
                .single();
        StringWriter out = new StringWriter();
        assertThat(run(
                        out,
                        "--as",
                        DemoData.CUSTOMER_USER,
                        "--system",
                        portal.id().toString(),
                        "--responsible",
                        integrator.toString()))
                .as(out.toString())
                .isZero();
        String listed = out.toString();
        assertThat(listed).contains("AGENT_SERVICE_REPORT", DemoData.INTEGRATOR.name());
        assertThat(listed.lines().skip(1).toList()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains(DemoData.INTEGRATOR.name()));
        assertThat(listed).doesNotContain(DemoData.SECURITY_SERVICE.name(), "MLPS_ASSESSMENT");

        String before = jdbc.sql("SELECT COUNT(*) FROM lifecycle_obligation_completion")
                .query(String.class)
                .single();
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        "--as",
                        DemoData.CUSTOMER_USER,
                        "--system",
                        portal.id().toString(),
                        "--complete",
                        "AGENT_SERVICE_REPORT",
                        "--done-on",
                        "2026-01-05"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("responsible");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_obligation_completion")
                        .query(String.class)
                        .single())
                .isEqualTo(before);
        out.getBuffer().setLength(0);
        assertThat(run(out, "--as", DemoData.CUSTOMER_USER, "--responsible", integrator.toString()))
                .isEqualTo(2);
        assertThat(out.toString()).contains("--responsible need --system");
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        "--as",
                        DemoData.CUSTOMER_USER,
                        "--system",
                        portal.id().toString(),
                        "--responsible",
                        "x"))
                .isEqualTo(2);
        assertThat(out.toString()).contains("responsible");
    }

    int run(StringWriter out, String... args) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return type.getPackageName().startsWith("org.yunjian")
                            ? context.getAutowireCapableBeanFactory().createBean(type)
                            : CommandLine.defaultFactory().create(type);
                }
            };
            CommandLine cl = CliTexts.apply(new CommandLine(ObligationsCommand.class, factory));
            PrintWriter w = new PrintWriter(out, true);
            cl.setOut(w);
            cl.setErr(w);
            return cl.execute(args);
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }
}
