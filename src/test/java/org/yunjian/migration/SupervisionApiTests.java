package org.yunjian.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.yunjian.lifecycle.LifecycleWorldTest;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;

/**
 * Operation supervision through the REST API with the real services and database: provider reports with sealed files
 * reviewed once by the customer, changes approved or refused by the customer and never by the requesting organisation,
 * incidents of the responsibility module listed, bad input refused field by field, strangers 404.
 */
class SupervisionApiTests extends LifecycleWorldTest {

    @Override
    protected String part() {
        return "/supervision";
    }

    String change(CurrentUser u) throws Exception {
        String body = send(post(base + "/changes"), u, """
                {"title":"云主机操作系统升级","reason":"旧版本停止安全更新","windowStart":"2026-12-05T22:00",
                 "windowEnd":"2026-12-06T02:00","risk":"MEDIUM","riskNotes":"中断约 30 分钟，失败时回滚到快照"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.statusLabel").value("待审批"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void providerReportIsReviewedOnceByTheCustomer() throws Exception {
        byte[] file = "月度运行报告：可用性 99.98%".getBytes(StandardCharsets.UTF_8);
        String body = mvc.perform(multipart(base + "/reports")
                        .file(new MockMultipartFile("file", "月报.txt", "text/plain", file))
                        .param("kind", "MONTHLY_OPERATION")
                        .param("periodStart", "2026-10-01")
                        .param("periodEnd", "2026-10-31")
                        .param("receivedOn", "2026-11-05")
                        .with(as(provider)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kindLabel").value("月度运行报告"))
                .andExpect(jsonPath("$.reviewed").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        assertThat(mvc.perform(get((String) JsonPath.read(body, "$.file.href")).with(as(customer)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .isEqualTo(file);

        send(post(base + "/reports/" + id + "/review"), provider, "{\"conclusion\":\"ACCEPTED\"}")
                .andExpect(status().isForbidden());
        send(post(base + "/reports/" + id + "/review"), customer, "{\"conclusion\":\"ACCEPTED_WITH_ISSUES\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.issues").exists());
        send(post(base + "/reports/" + id + "/review").with(IfMatch.version(0)), customer, """
                {"conclusion":"ACCEPTED_WITH_ISSUES","issues":"未列出安全组变更的审批记录","reviewedOn":"2026-11-10"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conclusionLabel").value("通过，提出问题"));
        send(post(base + "/reports/" + id + "/review"), customer, "{\"conclusion\":\"ACCEPTED\"}")
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.supervision.review' "
                                + "AND object_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // without a file, with an impossible period: refused field by field, nothing stored
        mvc.perform(multipart(base + "/reports")
                        .param("kind", "WEEKLY")
                        .param("periodStart", "2026-10-31")
                        .param("periodEnd", "2026-10-01")
                        .param("receivedOn", LocalDate.now().plusDays(3).toString())
                        .with(as(provider)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.kind").exists())
                .andExpect(jsonPath("$.errors.periodEnd").exists())
                .andExpect(jsonPath("$.errors.receivedOn").exists())
                .andExpect(jsonPath("$.errors.file").exists());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_supervision_report WHERE system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get(base).with(as(integrator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reports.length()").value(0));
        mvc.perform(get(base).with(as(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void theCustomerDecidesChangesButNeverItsOwnOrganisationsRequest() throws Exception {
        String fromProvider = change(provider);
        send(post(base + "/changes/" + fromProvider + "/decision"), provider, "{\"decision\":\"APPROVE\"}")
                .andExpect(status().isForbidden());
        send(post(base + "/changes/" + fromProvider + "/decision"), customer, "{\"decision\":\"REFUSE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").exists());
        send(
                        post(base + "/changes/" + fromProvider + "/decision").with(IfMatch.version(0)),
                        customer,
                        "{\"decision\":\"APPROVE\",\"reason\":\"同意\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        send(
                        post(base + "/changes/" + fromProvider + "/decision"),
                        customer,
                        "{\"decision\":\"REFUSE\",\"reason\":\"x\"}")
                .andExpect(status().isConflict());

        String fromCustomer = change(customer);
        send(post(base + "/changes/" + fromCustomer + "/decision"), customer, "{\"decision\":\"APPROVE\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("不能由本单位审批")));
        assertThat(jdbc.sql("SELECT status FROM lifecycle_supervision_change WHERE id = ?")
                        .param(java.util.UUID.fromString(fromCustomer))
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.supervision.change.approve' "
                                + "AND object_id = ?")
                        .param(fromProvider)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        send(post(base + "/changes"), provider, """
                {"title":"升级","reason":"r","windowStart":"2026-12-06T02:00","windowEnd":"2026-12-05T22:00",
                 "risk":"EXTREME","riskNotes":""}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.windowEnd").exists())
                .andExpect(jsonPath("$.errors.risk").exists())
                .andExpect(jsonPath("$.errors.riskNotes").exists());
        send(post(base + "/changes"), integrator, "{}").andExpect(status().isForbidden());
        send(post(base + "/changes"), stranger, "{}").andExpect(status().isNotFound());
    }

    @Test
    void incidentsRecordedAgainstTheSystemAreListedWithTheirAnalysis() throws Exception {
        mvc.perform(get(base).with(as(customer)))
                .andExpect(jsonPath("$.incidents.length()").value(0));
        send(post("/api/systems/" + w.system().id() + "/incidents"), customer, """
                {"incident":"TCCIA004-B-9","occurredAt":"2026-11-20T16:30","title":"服务器固件被植入恶意程序",
                 "description":"机房巡检发现。","reference":"GD-2026-117"}""")
                .andExpect(status().isCreated());
        mvc.perform(get(base).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incidents.length()").value(1))
                .andExpect(jsonPath("$.incidents[0].title").value("服务器固件被植入恶意程序"))
                .andExpect(jsonPath("$.incidents[0].number").value("9"))
                .andExpect(jsonPath("$.incidents[0].href").value(containsString("/incidents/")));
    }
}
