package org.yunjian.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.cli.CliTexts;
import org.yunjian.migration.cli.SupervisionCommand;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.TestAccounts;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.IfMatch;
import picocli.CommandLine;

/**
 * The government-website guide's 8.2.2 b), quoted from gov-website-cloud-security-guide.txt line 263:
 * "云服务商有重大调整变更时，应向云服务客户提前通知，并获得监管部门审核，同时评估可能对云服务客户造成的影响；". A change request
 * marked major on a government website is approved only with the regulator's review (day and reference) recorded;
 * without it the approval is a 400 quoting the clause and the request stays pending.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class RegulatorReviewRuleTests {

    static final String SOURCE = "云服务商有重大调整变更时，应向云服务客户提前通知，并获得监管部门审核";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAdministration users;

    Fixtures.World w;
    CurrentUser customer;
    CurrentUser provider;
    String api;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        api = "/api/systems/" + w.system().id() + "/lifecycle/supervision";
    }

    String request(boolean major) throws Exception {
        String body = mvc.perform(post(api + "/changes")
                        .with(as(provider))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"迁移至新可用区","reason":"机房扩容","windowStart":"2026-12-05T22:00",
                                 "windowEnd":"2026-12-06T02:00","risk":"HIGH","riskNotes":"中断约 2 小时","major":%s}""".formatted(major)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.major").value(major))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    String stored(String change) {
        return jdbc.sql("SELECT status FROM lifecycle_supervision_change WHERE id = ?")
                .param(UUID.fromString(change))
                .query(String.class)
                .single();
    }

    @Test
    @DisplayName(
            "GOVWEB 8.2.2 b) 云服务商有重大调整变更时…并获得监管部门审核: approving a major change without the regulator's review is a 400 quoting it")
    void rejectsApprovingAMajorChangeWithoutTheRegulatorsReview_GOVWEB_8_2_2_b() throws Exception {
        String change = request(true);
        String url = api + "/changes/" + change + "/decision";
        mvc.perform(post(url)
                        .with(as(customer))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.regulatorReviewedOn")
                        .value(allOf(containsString("8.2.2 b)"), containsString(SOURCE))));
        mvc.perform(post(url)
                        .with(as(customer))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"APPROVE\",\"regulatorReviewedOn\":\"%s\"}"
                                .formatted(LocalDate.now().minusDays(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.regulatorReference").value(containsString(SOURCE)));
        assertThat(stored(change)).isEqualTo("PENDING");
        mvc.perform(get("/systems/" + w.system().id() + "/lifecycle/supervision")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("name=\"regulatorReviewedOn\""),
                                containsString("name=\"regulatorReference\""),
                                containsString("regulator-needed"))));
    }

    @Test
    @DisplayName("GOVWEB 8.2.2 b): with the review's day and reference the approval passes and records them")
    void approvesAMajorChangeWithTheRegulatorsReviewRecorded_GOVWEB_8_2_2_b() throws Exception {
        String change = request(true);
        LocalDate on = LocalDate.now().minusDays(2);
        mvc.perform(post(api + "/changes/" + change + "/decision")
                        .with(as(customer))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"decision":"APPROVE","regulatorReviewedOn":"%s","regulatorReference":"网信审〔2026〕12号"}""".formatted(on)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.regulatorReviewedOn").value(on.toString()))
                .andExpect(jsonPath("$.regulatorReference").value("网信审〔2026〕12号"));
        mvc.perform(get("/systems/" + w.system().id() + "/lifecycle/supervision")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("网信审〔2026〕12号")));
    }

    @Test
    @DisplayName(
            "GOVWEB 8.2.2 b): a review dated in the future is refused; refusing a major change or approving a minor one needs no review")
    void onlyTheApprovalOfAMajorChangeNeedsTheReview_GOVWEB_8_2_2_b() throws Exception {
        String major = request(true);
        mvc.perform(post(api + "/changes/" + major + "/decision")
                        .with(as(customer))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"decision":"APPROVE","regulatorReviewedOn":"%s","regulatorReference":"x"}""".formatted(LocalDate.now().plusDays(3))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.regulatorReviewedOn").exists());
        mvc.perform(post(api + "/changes/" + major + "/decision")
                        .with(as(customer))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"REFUSE\",\"reason\":\"窗口过长\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUSED"));
        String minor = request(false);
        mvc.perform(post(api + "/changes/" + minor + "/decision")
                        .with(as(customer))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    @DisplayName(
            "GOVWEB 8.2.2 b): on the command line a major change is approved only with --regulator-reviewed-on and --regulator-reference")
    void commandLineApprovesAMajorChangeOnlyWithTheRegulatorsReview_GOVWEB_8_2_2_b() {
        String providerUser = account(w.provider().id());
        String customerUser = account(w.customer().id());
        String system = w.system().id().toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(cli(
                        out,
                        err,
                        "request-change",
                        "--as",
                        providerUser,
                        "--system",
                        system,
                        "--title",
                        "核心交换机更换",
                        "--reason",
                        "设备老化",
                        "--start",
                        "2026-12-05T22:00",
                        "--end",
                        "2026-12-06T01:00",
                        "--risk",
                        "HIGH",
                        "--risk-notes",
                        "中断约 1 小时",
                        "--major"))
                .as(err.toString())
                .isZero();
        String change = jdbc.sql("SELECT id FROM lifecycle_supervision_change WHERE system_id = ? AND major")
                .param(w.system().id())
                .query(UUID.class)
                .single()
                .toString();
        assertThat(cli(
                        out,
                        err,
                        "decide-change",
                        "--as",
                        customerUser,
                        "--system",
                        system,
                        "--change",
                        change,
                        "--approve",
                        "--confirm"))
                .isEqualTo(2); // bad input (ActingCommand)
        assertThat(err.toString()).contains("8.2.2 b)", SOURCE);
        assertThat(stored(change)).isEqualTo("PENDING");
        assertThat(cli(
                        out,
                        err,
                        "decide-change",
                        "--as",
                        customerUser,
                        "--system",
                        system,
                        "--change",
                        change,
                        "--approve",
                        "--confirm",
                        "--regulator-reviewed-on",
                        LocalDate.now().toString(),
                        "--regulator-reference",
                        "网信审〔2026〕13号"))
                .as(err.toString())
                .isZero();
        assertThat(stored(change)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT regulator_reference FROM lifecycle_supervision_change WHERE id = ?")
                        .param(UUID.fromString(change))
                        .query(String.class)
                        .single())
                .isEqualTo("网信审〔2026〕13号");
    }

    String account(UUID org) {
        String name = "rr-" + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.create(users, new UserAdministration.NewUser(name, "命令行用户", Role.USER, org, "Ops-Cli-Test-2026!"));
        return name;
    }

    int cli(StringWriter out, StringWriter err, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = new CommandLine(new SupervisionCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type.getPackageName().startsWith("org.yunjian")
                        ? context.getAutowireCapableBeanFactory().createBean(type)
                        : CommandLine.defaultFactory().create(type);
            }
        });
        CliTexts.apply(cl);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            return cl.execute(args);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
