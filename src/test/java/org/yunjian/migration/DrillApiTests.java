package org.yunjian.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.yunjian.lifecycle.LifecycleWorldTest;
import org.yunjian.obligations.DrillCategory;
import org.yunjian.obligations.DrillHeld;
import org.yunjian.support.IfMatch;

/**
 * Emergency plans and drills through the REST API with the real services and database: the customer keeps the plans,
 * the provider records a drill and {@link DrillHeld} is published with its date, follow-up tasks are closed by their
 * organisation, bad input is refused field by field with nothing stored, and 《应急预案与演练记录》 is in Chinese.
 */
@RecordApplicationEvents
@org.yunjian.support.OnePass
class DrillApiTests extends LifecycleWorldTest {

    @Override
    protected String part() {
        return "/drills";
    }

    @Autowired
    ApplicationEvents events;

    String plan(String scenario) throws Exception {
        String body = send(post(base + "/plans"), customer, """
                {"scenario":"%s","summary":"断开访问，启用备份页面，报告云服务商和上级领导。","responsibleOrg":"%s",
                 "contacts":"值班电话 010-12345678","lastReviewed":"2026-01-15"}""".formatted(
                                scenario, w.customer().id()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.responsibleName").value(w.customer().name()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    long drills() {
        return jdbc.sql("SELECT COUNT(*) FROM lifecycle_drill WHERE system_id = ?")
                .param(w.system().id())
                .query(Long.class)
                .single();
    }

    @Test
    void providerRecordsADrillAndTheCalendarHearsOfIt() throws Exception {
        String defacement = plan("网页篡改");
        send(post(base + "/plans"), provider, """
                {"scenario":"DDoS","summary":"清洗","responsibleOrg":"%s","contacts":"400"}""".formatted(w.provider().id())).andExpect(status().isForbidden());
        String heldOn = LocalDate.now().minusDays(3).toString();
        String body = send(post(base), provider, """
                {"heldOn":"%s","planId":"%s","category":"INFORMATION_DESTRUCTION","participants":"客户：李主任；云服务商：安全运营中心","findings":"备份页面启用用时 25 分钟。",
                 "tasks":[{"description":"备份页面切换脚本化","ownerOrg":"%s","dueOn":"%s"},
                          {"description":"更新应急联系人清单","ownerOrg":"%s","dueOn":"%s"}]}""".formatted(
                                heldOn,
                                defacement,
                                w.agent().id(),
                                LocalDate.now().plusMonths(1),
                                w.customer().id(),
                                LocalDate.now().minusDays(1)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scenario").value("网页篡改"))
                .andExpect(jsonPath("$.category").value("INFORMATION_DESTRUCTION"))
                .andExpect(jsonPath("$.categoryLabel").value("信息破坏事件"))
                .andExpect(jsonPath("$.tasks.length()").value(2))
                .andExpect(jsonPath("$.tasks[1].overdue").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(events.stream(DrillHeld.class))
                .containsExactly(
                        new DrillHeld(w.system().id(), LocalDate.parse(heldOn), DrillCategory.INFORMATION_DESTRUCTION));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.drill.record' AND object_id = ?")
                        .param((String) JsonPath.read(body, "$.id"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // the integrator sees the drill only for its task, marks it done, and cannot touch the customer's task
        String integratorTask = JsonPath.read(body, "$.tasks[0].id");
        String customerTask = JsonPath.read(body, "$.tasks[1].id");
        mvc.perform(get(base).with(as(integrator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plans.length()").value(0))
                .andExpect(jsonPath("$.drills[0].tasks.length()").value(1));
        send(put(base + "/tasks/" + integratorTask).with(IfMatch.version(0)), integrator, "{\"status\":\"DONE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statusLabel").value("已完成"));
        send(put(base + "/tasks/" + customerTask), integrator, "{\"status\":\"DONE\"}")
                .andExpect(status().isNotFound());
        send(put(base + "/tasks/" + customerTask), provider, "{\"status\":\"DONE\"}")
                .andExpect(status().isForbidden());
        send(put(base + "/tasks/" + customerTask), customer, "{\"status\":\"FINISHED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.status").exists());
        mvc.perform(get(base).with(as(stranger))).andExpect(status().isNotFound());
        send(post(base), stranger, "{}").andExpect(status().isNotFound());
    }

    @Test
    void aDrillWithBadInputIsRefusedFieldByFieldAndNotAnnounced() throws Exception {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        send(post(base), customer, """
                {"heldOn":"%s","planId":"%s","participants":"客户","findings":"无",
                 "tasks":[{"description":"整改","ownerOrg":"%s","dueOn":"2026-02-30"},
                          {"description":"整改","ownerOrg":"%s","dueOn":"2020-01-01"}]}""".formatted(
                                tomorrow,
                                java.util.UUID.randomUUID(),
                                w.stranger().id(),
                                w.customer().id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.heldOn").value(containsString("不能晚于今天")))
                .andExpect(jsonPath("$.errors.planId").exists())
                .andExpect(jsonPath("$.errors.scenario").exists())
                .andExpect(jsonPath("$.errors['tasks[0].ownerOrg']").exists())
                .andExpect(jsonPath("$.errors['tasks[0].dueOn']").value(containsString("2026-02-30")))
                .andExpect(jsonPath("$.errors['tasks[1].dueOn']").value(containsString("不能早于演练日期")));
        send(post(base), customer, "{\"heldOn\":\"yesterday\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.heldOn").exists())
                .andExpect(jsonPath("$.errors.participants").value("必填"));
        send(post(base), integrator, """
                {"heldOn":"2026-01-01","scenario":"DDoS","participants":"x","findings":"y"}""").andExpect(status().isForbidden());
        assertThat(drills()).isZero();
        assertThat(events.stream(DrillHeld.class)).isEmpty();
        send(post(base + "/plans"), customer, """
                {"scenario":"DDoS","summary":"清洗","responsibleOrg":"%s","contacts":"400","lastReviewed":"2099-01-01"}""".formatted(w.stranger().id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.responsibleOrg").exists())
                .andExpect(jsonPath("$.errors.lastReviewed").exists());
    }

    @Test
    void drillRecordDocumentIsInChineseWithPlansDrillsAndTasks() throws Exception {
        String plan = plan("网页篡改");
        send(post(base), customer, """
                {"heldOn":"2026-01-20","planId":"%s","participants":"客户：李主任","findings":"夜间值班未能及时联系云服务商。",
                 "tasks":[{"description":"更新应急联系人清单","ownerOrg":"%s","dueOn":"2026-02-20"}]}""".formatted(plan, w.customer().id())).andExpect(status().isCreated());
        byte[] docx = mvc.perform(
                        get(base + ".docx").header("Accept-Language", "en").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String xml = OpsTestSupport.docxParts(docx).get("word/document.xml");
        assertThat(OpsTestSupport.text(xml))
                .contains(
                        "应急预案与演练记录",
                        "一、应急预案",
                        "网页篡改",
                        "值班电话 010-12345678",
                        "2026-01-15",
                        "二、演练记录",
                        "2026-01-20 网页篡改",
                        "夜间值班未能及时联系云服务商。",
                        "更新应急联系人清单",
                        "未完成（已逾期）",
                        "标准依据",
                        "应急响应预案");
        assertThat(xml).contains("<w:tbl>", "w:w=\"11906\"");
        mvc.perform(get(base + ".docx").with(as(integrator))).andExpect(status().isForbidden());
    }
}
