package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.UserAdministration;

/**
 * Issue 59: who a website alert reaches, and the guide's emergency steps.
 *
 * <ul>
 *   <li>政府网站云计算服务安全指南 8.4.1 makes website monitoring the customer's duty, which it may do "采用专业安全服务"
 *       (8.4.1.3 b), 8.4.1.4 a)): the customer and the system's security service agent are tasked, and the agent may set
 *       up monitors; T/CCIA 004-2024 9.2 a) 1) gives the application's security protection to the customer, so without
 *       an approved matrix saying otherwise the provider is not tasked;
 *   <li>7.3.7 b) 1) has the customer report tampering to the provider at once: the provider gets a notice of a 篡改
 *       alert, nothing in 我的待办; of a hidden link it hears nothing;
 *   <li>7.3.7 b) 1), 8.5 d): the emergency steps of a tampering alert are recorded once each, with when and to whom,
 *       the plan started named from the system's plans, audited, never changed.
 * </ul>
 */
class AlertRoutingTests extends MonitoringWorldTests {

    @Autowired
    UserAdministration users;

    /** A real account of {@code org}'s that is told of its systems' work: its id. */
    UUID account(UUID organisation) {
        UUID id = org.yunjian.security.TestAccounts.create(
                        users,
                        new UserAdministration.NewUser(
                                "duty-" + UUID.randomUUID().toString().substring(0, 8),
                                "值班员",
                                org.yunjian.security.Role.USER,
                                organisation,
                                "Monitor-Tests-2026!"))
                .id();
        org.yunjian.support.WholeOrganizationGrants.grant(id, organisation);
        return id;
    }

    long notifications(UUID user, String scope) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ? AND scope = ?")
                .params(user, scope)
                .query(Long.class)
                .single();
    }

    List<UUID> tasked(UUID monitor) {
        return jdbc.sql("SELECT to_organization FROM work_task WHERE scope = ?")
                .param("monitor-alerts:" + monitor)
                .query(UUID.class)
                .list();
    }

    @Test
    void aTamperAlertTasksTheCustomerAndItsSecurityAgentAndTellsTheProvider_gov_8_4_1_7_3_7_b_1() throws Exception {
        Organization security = fixtures.organization("安全服务商 路由", PartyRole.AGENT_SECURITY_SERVICE);
        CloudSystem system = fixtures.system(
                "路由门户",
                w.customer(),
                w.provider(),
                new CloudSystem.Agent(security.id(), PartyRole.AGENT_SECURITY_SERVICE));
        CurrentUser agentOfSecurity = user(security.id());
        UUID providerOnDuty = account(w.provider().id());
        UUID customerOnDuty = account(w.customer().id());

        // 8.4.1.3 b): the security service agent sets the monitor up; the baseline stays the customer's own content
        String created = json(call(
                        post("/api/systems/" + system.id() + "/monitors")
                                .content("{\"name\":\"门户首页\",\"url\":\"" + site.url() + "\"}"),
                        agentOfSecurity)
                .andExpect(status().isCreated()));
        UUID m = UUID.fromString(JsonPath.read(created, "$.id"));
        call(post("/api/monitors/" + m + "/run"), agentOfSecurity).andExpect(status().isOk());
        call(post("/api/monitors/" + m + "/baseline"), agentOfSecurity).andExpect(status().isForbidden());
        call(post("/api/monitors/" + m + "/baseline"), customer).andExpect(status().isCreated());

        body.set(PAGE.formatted("1", "").replace("欢迎访问", "欢迎投资"));
        String r = run(m, agentOfSecurity);
        String alert = JsonPath.read(r, "$.alertsOpened[0].id");
        assertThat((String) JsonPath.read(r, "$.alertsOpened[0].kind")).isEqualTo("TAMPERING");

        assertThat(tasked(m))
                .containsExactlyInAnyOrder(w.customer().id(), security.id())
                .doesNotContain(w.provider().id(), w.agent().id());
        assertThat(notifications(customerOnDuty, "monitor-alerts:" + m)).isEqualTo(1);
        assertThat(notifications(providerOnDuty, "monitor-alerts:" + m)).isZero();
        // 7.3.7 b) 1): "应立即向云服务商…报告" — a notice, once, linking the alert
        assertThat(notifications(providerOnDuty, "monitor-told:" + alert)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT href FROM notification WHERE user_id = ? AND scope = ?")
                        .params(providerOnDuty, "monitor-told:" + alert)
                        .query(String.class)
                        .single())
                .isEqualTo("/monitoring/alerts/" + alert);
        // found again: nobody is told twice
        run(m, agentOfSecurity);
        assertThat(notifications(providerOnDuty, "monitor-told:" + alert)).isEqualTo(1);

        // a hidden link is content (8.4.1.4 a)): the provider is not told
        body.set(PAGE.formatted("1", "<div style=\"display:none\"><a href=\"http://casino.example/\">娱乐</a></div>")
                .replace("欢迎访问", "欢迎投资"));
        List<String> hiddenLinks =
                JsonPath.read(run(m, agentOfSecurity), "$.alertsOpened[?(@.kind == 'HIDDEN_LINK')].id");
        assertThat(hiddenLinks).hasSize(1);
        String hidden = hiddenLinks.get(0);
        assertThat(notifications(providerOnDuty, "monitor-told:" + hidden)).isZero();
    }

    /**
     * 7.3.7 b) 1): the provider is not told of harmful content by the platform — the customer reports what it must;
     * when it records having reported the alert to the provider, the provider gets one notice saying what was reported.
     * Of a tamper alert it was told already: recording the report tells it nothing more.
     */
    @Test
    void reportingAHarmfulContentAlertToTheProviderTellsItOnce_gov_7_3_7_b_1() throws Exception {
        UUID providerOnDuty = account(w.provider().id());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/api/organizations/" + w.customer().id() + "/word-lists")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file",
                                "words.txt",
                                "text/plain",
                                "违规词甲\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(as(org.yunjian.party.PartyTestSupport.admin())))
                .andExpect(status().isCreated());
        UUID m = addMonitor();
        body.set(PAGE.formatted("1", "<p>违规词甲</p>"));
        List<String> harmful = JsonPath.read(run(m), "$.alertsOpened[?(@.kind == 'HARMFUL_CONTENT')].id");
        assertThat(harmful).hasSize(1);
        String alert = harmful.get(0);
        assertThat(notifications(providerOnDuty, "monitor-told:" + alert)).isZero();

        call(post("/api/monitoring/alerts/" + alert + "/emergency")
                        .content("{\"step\":\"REPORTED_TO_PROVIDER\",\"note\":\"邮件报告云服务商安全负责人\"}"))
                .andExpect(status().isCreated());
        assertThat(notifications(providerOnDuty, "monitor-reported:" + alert)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT args FROM notification WHERE user_id = ? AND scope = ?")
                        .params(providerOnDuty, "monitor-reported:" + alert)
                        .query(String.class)
                        .single())
                .contains("邮件报告云服务商安全负责人");

        body.set(PAGE.formatted("1", ""));
        String tamper = tamperAlert();
        assertThat(notifications(providerOnDuty, "monitor-told:" + tamper)).isEqualTo(1);
        call(post("/api/monitoring/alerts/" + tamper + "/emergency")
                        .content("{\"step\":\"REPORTED_TO_PROVIDER\",\"note\":\"电话报告\"}"))
                .andExpect(status().isCreated());
        assertThat(notifications(providerOnDuty, "monitor-reported:" + tamper)).isZero();
    }

    /** A monitor on the loopback page, its baseline approved, then a changed word: the tamper alert's id. */
    String tamperAlert() throws Exception {
        UUID m = addMonitor();
        call(post("/api/monitors/" + m + "/run"), customer).andExpect(status().isOk());
        call(post("/api/monitors/" + m + "/baseline"), customer).andExpect(status().isCreated());
        body.set(PAGE.formatted("1", "").replace("欢迎访问", "欢迎投资"));
        String r = run(m);
        assertThat((String) JsonPath.read(r, "$.alertsOpened[0].kind")).isEqualTo("TAMPERING");
        return JsonPath.read(r, "$.alertsOpened[0].id");
    }

    @Test
    void theEmergencyStepsOfATamperAlertAreRecordedOnceEachAndNeverChanged_gov_7_3_7_b_1_8_5_d() throws Exception {
        String alert = tamperAlert();
        String path = "/api/monitoring/alerts/" + alert + "/emergency";
        call(get(path), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applies").value(true))
                .andExpect(jsonPath("$.done.length()").value(0))
                .andExpect(jsonPath("$.open[0].step").value("PLAN_STARTED"))
                .andExpect(jsonPath("$.open[1].label").value("向云服务商报告"))
                .andExpect(jsonPath("$.open[5].seriousOnly").value(true))
                .andExpect(jsonPath("$.open.length()").value(EmergencyStep.values().length))
                .andExpect(jsonPath("$.plans.length()").value(0))
                .andExpect(jsonPath("$.mayRecord").value(true));
        call(get(path), stranger).andExpect(status().isNotFound());

        String toProvider = "{\"step\":\"REPORTED_TO_PROVIDER\",\"note\":\"电话报告云服务商值班员\"}";
        call(post(path).content(toProvider), stranger).andExpect(status().isNotFound());
        // the integrator sees the system but does not handle its website's alerts
        call(post(path).content(toProvider), agent).andExpect(status().isForbidden());
        call(post(path).content("{}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.step").value("请选择一个应急处置步骤。"));
        call(post(path).content("{\"step\":\"REPORTED_TO_PROVIDER\"}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.note").value("请写明向谁报告或如何处置。"));
        call(post(path).content("{\"step\":\"PLAN_STARTED\"}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.plan", containsString("应急预案")));
        call(post(path).content("{\"step\":\"SITE_STOPPED\",\"note\":\"停站\",\"doneAt\":\"yesterday\"}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.doneAt", containsString("2026-12-01T09:30")));
        call(
                        post(path)
                                .content("{\"step\":\"SITE_STOPPED\",\"note\":\"停站\",\"doneAt\":\"2099-01-01T00:00\"}"),
                        customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.doneAt").value("完成时间不能晚于现在。"));
        call(
                        post(path)
                                .content("{\"step\":\"SITE_STOPPED\",\"note\":\"停站\",\"doneAt\":\"2000-01-01T00:00\"}"),
                        customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.doneAt").value("完成时间不能早于告警时间。"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitor_alert_emergency WHERE alert_id = ?")
                        .param(UUID.fromString(alert))
                        .query(Long.class)
                        .single())
                .as("nothing stored by a refused request")
                .isZero();

        call(post(path).content(toProvider), customer)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.step").value("REPORTED_TO_PROVIDER"))
                .andExpect(jsonPath("$.note").value("电话报告云服务商值班员"));
        // once, never changed
        call(post(path).content("{\"step\":\"REPORTED_TO_PROVIDER\",\"note\":\"改写\"}"), customer)
                .andExpect(status().isConflict());
        call(get(path), provider)
                .andExpect(jsonPath("$.done[0].step").value("REPORTED_TO_PROVIDER"))
                .andExpect(jsonPath("$.done[0].note").value("电话报告云服务商值班员"))
                .andExpect(
                        jsonPath("$.open[?(@.step == 'REPORTED_TO_PROVIDER')]").isEmpty());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND action = ?")
                        .params(alert, "monitor.alert.emergency")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // 8.5 d): the plan started is one of the system's plans, named as it was then
        String plan = JsonPath.read(
                json(call(
                                post("/api/systems/" + w.system().id() + "/lifecycle/drills/plans")
                                        .content("{\"scenario\":\"网页篡改\",\"summary\":\"断开访问，启用备份页面\","
                                                + "\"contacts\":\"值班电话 010-12345678\",\"responsibleOrg\":\""
                                                + w.customer().id() + "\"}"),
                                customer)
                        .andExpect(status().isCreated())),
                "$.id");
        call(post(path).content("{\"step\":\"PLAN_STARTED\",\"plan\":\"" + UUID.randomUUID() + "\"}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.plan").isString());
        call(post(path).content("{\"step\":\"PLAN_STARTED\",\"plan\":\"" + plan + "\"}"), customer)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.planScenario").value("网页篡改"));

        // the page shows what was done and offers the steps still open, the serious-case ones marked
        mvc.perform(get("/monitoring/alerts/" + alert).with(as(customer)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"emergency-done-REPORTED_TO_PROVIDER\"")))
                .andExpect(content().string(containsString("启动的预案：")))
                .andExpect(content().string(containsString("class=\"plan-scenario\">网页篡改</span>")))
                .andExpect(content().string(containsString("尚未记录（仅情况严重时需要）")))
                .andExpect(content().string(containsString("id=\"emergency-form\"")));
        // a refused form names the problem in place
        mvc.perform(
                        post("/monitoring/alerts/" + alert + "/emergency")
                                .with(as(customer))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("step", "SITE_STOPPED")
                                .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"error-stepNote\"")));
    }

    @Test
    void aHiddenLinkAlertHasNoEmergencySteps() throws Exception {
        UUID m = addMonitor();
        body.set(PAGE.formatted("1", "<div style=\"display:none\"><a href=\"http://casino.example/\">娱乐</a></div>"));
        String alert = JsonPath.read(run(m), "$.alertsOpened[0].id");
        call(get("/api/monitoring/alerts/" + alert + "/emergency"), customer)
                .andExpect(jsonPath("$.applies").value(false));
        call(
                        post("/api/monitoring/alerts/" + alert + "/emergency")
                                .content("{\"step\":\"SITE_STOPPED\",\"note\":\"停站\"}"),
                        customer)
                .andExpect(status().isConflict());
    }
}
