package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A tamper alert on a page the test serves on loopback opens a supervision incident (T/CCIA 004-2024 Annex B): the
 * customer chooses B.14 and the rest is drafted from the alert (its kind, the monitor, the diff); the alert keeps
 * the incident, a second one is refused with 409, its tasks in 我的待办 say so and the act is audited; an agent who
 * may not handle the alert gets 403, a stranger 404; an alert of another kind opens none; the alert's page links to
 * the incident for those who may see it.
 */
class AlertIncidentApiTests extends MonitoringWorldTests {

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
    void theCustomerOpensOneIncidentFromATamperAlertDraftedFromIt() throws Exception {
        String alert = tamperAlert();
        String path = "/api/monitoring/alerts/" + alert + "/incident";
        String b14 = "{\"incident\":\"TCCIA004-B-14\"}";
        call(post(path).content(b14), stranger).andExpect(status().isNotFound());
        // the integrator sees the system but is not responsible for the website's security
        call(post(path).content(b14), agent).andExpect(status().isForbidden());
        call(post(path).content("{}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.incident").isString());
        call(post(path).content("{\"incident\":\"TCCIA004-B-14\",\"title\":\" \"}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.title").isString());

        String opened = json(call(post(path).content(b14), customer)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value("14"))
                .andExpect(jsonPath("$.alert.incidentId").isString()));
        String incident = JsonPath.read(opened, "$.incidentId");
        assertThat((String) JsonPath.read(opened, "$.alert.incidentId")).isEqualTo(incident);
        assertThat((String) JsonPath.read(opened, "$.link"))
                .isEqualTo("/systems/" + w.system().id() + "/incidents/" + incident);
        call(get("/api/systems/" + w.system().id() + "/incidents/" + incident), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("网页篡改告警：门户首页"))
                .andExpect(jsonPath("$.description", containsString("欢迎投资")))
                .andExpect(jsonPath("$.description", containsString("监测项：门户首页")))
                .andExpect(jsonPath("$.reference", containsString("网站监测网页篡改告警，门户首页")));
        call(get("/api/monitoring/alerts/" + alert), provider)
                .andExpect(jsonPath("$.incidentId").value(incident));

        // one incident per alert, whoever asks
        call(post(path).content("{\"incident\":\"TCCIA004-B-15\"}"), provider)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("只能登记一次")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM responsibility_incident WHERE system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT DISTINCT kind FROM work_task WHERE scope = ?")
                        .param("monitor-alerts:"
                                + jdbc.sql("SELECT monitor_id FROM monitor_alert WHERE id = ?")
                                        .param(UUID.fromString(alert))
                                        .query(UUID.class)
                                        .single())
                        .query(String.class)
                        .list())
                .containsExactly("work.monitoring.alertIncident");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND action = ?")
                        .params(alert, "monitor.alert.incident")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the alert's page links to the incident for the customer (who sees every incident of the system); B.14's
        // analysis names the customer alone, so the integrator reads that it may not see it
        mvc.perform(get("/monitoring/alerts/" + alert).with(as(customer)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("/systems/" + w.system().id() + "/incidents/" + incident)));
        mvc.perform(get("/monitoring/alerts/" + alert).with(as(agent)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("incident-hidden")));
    }

    @Test
    void aHiddenLinkAlertOpensNoIncidentAndTheFormOffersTheLikelyIncidentsFirst() throws Exception {
        body.set(PAGE.formatted("1", "<div style=\"display:none\"><a href=\"http://casino.example/\">娱乐</a></div>"));
        UUID m = addMonitor();
        String r = run(m, provider);
        String hidden = JsonPath.read(r, "$.alertsOpened[0].id");
        call(
                        post("/api/monitoring/alerts/" + hidden + "/incident")
                                .content("{\"incident\":\"TCCIA004-B-14\"}"),
                        customer)
                .andExpect(status().isConflict());
        // no form for it: back to the alert
        mvc.perform(get("/monitoring/alerts/" + hidden + "/incident").with(as(customer)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/monitoring/alerts/" + hidden));

        String tamper = tamperAlert();
        String form = mvc.perform(get("/monitoring/alerts/" + tamper + "/incident")
                        .with(as(provider))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int likely = form.indexOf("id=\"likely-incidents\"");
        assertThat(likely).isPositive();
        assertThat(form.indexOf("value=\"TCCIA004-B-14\"")).isGreaterThan(likely);
        assertThat(form.indexOf("value=\"TCCIA004-B-14\"")).isLessThan(form.indexOf("value=\"TCCIA004-B-1\""));
        assertThat(form).contains("网页篡改告警：门户首页").contains("欢迎投资");
        // the form refused names the field and keeps what was typed; in English, the draft is English
        String refused = mvc.perform(post("/monitoring/alerts/" + tamper + "/incident")
                        .with(as(provider))
                        .accept(MediaType.TEXT_HTML)
                        .param("incident", "")
                        .param("occurredAt", "2026-11-20T16:30")
                        .param("title", "改动后的标题")
                        .param("description", "经过"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"incident-error\"").contains("改动后的标题");
        String english = mvc.perform(get("/monitoring/alerts/" + tamper + "/incident?lang=en")
                        .with(as(provider))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Likeliest incidents").contains("Tampering alert: 门户首页");
    }
}
