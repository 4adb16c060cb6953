package org.yunjian.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Requirement;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;

/**
 * A government website's lifecycle plan through the REST API, on the real services and database: created from the
 * guide for the system's parties, duties worked on by their organisations and accepted by the customer (never by
 * the person who did them), gates that list what is missing and refuse, a closed phase whose duties and evidence no
 * longer change, and per-field errors that store nothing.
 */
class PlanApiTests extends LifecycleWorldTest {

    @Override
    protected String part() {
        return "";
    }

    @Autowired
    Catalog catalog;

    CurrentUser customer2;
    CurrentUser agent;

    @BeforeEach
    void more() {
        customer2 = user(w.customer().id());
        agent = integrator;
    }

    ResultActions call(MockHttpServletRequestBuilder b, CurrentUser u) throws Exception {
        return mvc.perform(b.with(as(u)));
    }

    /** {@code If-Match} with the duty's ETag as {@code u} reads it now. */
    RequestPostProcessor read(String duty, CurrentUser u) throws Exception {
        return IfMatch.read(mvc, base + "/duties/" + duty, as(u));
    }

    String create() throws Exception {
        return call(post(base), customer)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The duties of a phase as (id, organisation) from the plan JSON. */
    List<Map<String, Object>> duties(String json, String phase) {
        return JsonPath.read(json, "$.duties[?(@.phase.code == '" + phase + "')]");
    }

    String plan(CurrentUser u) throws Exception {
        return call(get(base), u)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    CurrentUser worker(Map<String, Object> duty) {
        UUID org = UUID.fromString((String) duty.get("organisation"));
        return org.equals(w.customer().id())
                ? customer
                : org.equals(w.provider().id())
                        ? provider
                        : org.equals(w.agent().id()) ? agent : user(org);
    }

    void settle(Map<String, Object> duty) throws Exception {
        String id = (String) duty.get("id");
        send(
                        put(base + "/duties/" + id + "/status").with(read(id, worker(duty))),
                        worker(duty),
                        "{\"status\":\"DONE\"}")
                .andExpect(status().isOk());
        call(post(base + "/duties/" + id + "/acceptance").with(read(id, customer2)), customer2)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duty.settled").value(true));
    }

    @Test
    void theCustomerCreatesThePlanFromTheGuideWithEachDutyForTheOrganisationsHoldingItsRoles() throws Exception {
        call(post(base), provider).andExpect(status().isForbidden());
        String json = create();
        assertThat(JsonPath.<List<String>>read(json, "$.stages[*].term"))
                .containsExactly("规划准备", "部署迁移", "运行管理", "退出服务");
        List<Map<String, Object>> all = JsonPath.read(json, "$.duties[*]");
        assertThat(all).isNotEmpty();
        for (Map<String, Object> d : all) {
            Requirement r = catalog.requirement(new org.yunjian.catalog.RequirementId((String) d.get("requirement")))
                    .orElseThrow();
            UUID org = UUID.fromString((String) d.get("organisation"));
            // the organisation holds a role the duty names (the customer for a duty naming none)
            boolean holds = r.roles().isEmpty()
                    ? org.equals(w.customer().id())
                    : r.roles().stream().anyMatch(role -> switch (role) {
                        case CUSTOMER -> org.equals(w.customer().id());
                        case PROVIDER -> org.equals(w.provider().id());
                        case AGENT_SYSTEM_INTEGRATOR -> org.equals(w.agent().id());
                        case THIRD_PARTY_ASSESSOR -> org.equals(w.assessor().id());
                        default -> false;
                    });
            assertThat(holds).as("duty %s for %s", r.id(), org).isTrue();
        }
        // a duty only the website developer or the security service agent can take is listed as unassigned
        List<String> unassigned = JsonPath.read(json, "$.unassigned[*].requirement");
        assertThat(unassigned).isNotEmpty().allSatisfy(id -> assertThat(
                        catalog.requirement(new org.yunjian.catalog.RequirementId(id))
                                .orElseThrow()
                                .roles())
                .doesNotContain(
                        org.yunjian.catalog.PartyRole.CUSTOMER,
                        org.yunjian.catalog.PartyRole.PROVIDER,
                        org.yunjian.catalog.PartyRole.AGENT_SYSTEM_INTEGRATOR));
        call(post(base), customer).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.plan.create' AND object_id = ?")
                        .param(JsonPath.<String>read(json, "$.id"))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void strangersSeeNothingAndAnAgentSeesOnlyItsOwnDuties() throws Exception {
        create();
        call(get(base), stranger).andExpect(status().isNotFound());
        String seen = plan(agent);
        List<String> orgs = JsonPath.read(seen, "$.duties[*].organisation");
        assertThat(orgs).isNotEmpty().containsOnly(w.agent().id().toString());
        assertThat(JsonPath.<List<Object>>read(seen, "$.unassigned")).isEmpty();
        String providerDuty = JsonPath.<List<String>>read(
                        plan(customer),
                        "$.duties[?(@.organisation == '" + w.provider().id() + "')].id")
                .get(0);
        call(get(base + "/duties/" + providerDuty), agent).andExpect(status().isNotFound());
        send(put(base + "/duties/" + providerDuty + "/status"), stranger, "{\"status\":\"DONE\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void theOrganisationWorksOnItsDutyAndTheCustomerAcceptsButNeverItsOwnWork() throws Exception {
        String json = create();
        Map<String, Object> pd = duties(json, "PLANNING").stream()
                .filter(d -> d.get("organisation").equals(w.provider().id().toString()))
                .findFirst()
                .orElseGet(() -> JsonPath.<List<Map<String, Object>>>read(
                                json,
                                "$.duties[?(@.organisation == '" + w.provider().id() + "')]")
                        .get(0));
        String id = (String) pd.get("id");
        send(put(base + "/duties/" + id + "/status"), agent, "{\"status\":\"DONE\"}")
                .andExpect(status().isNotFound());
        call(post(base + "/duties/" + id + "/acceptance").with(read(id, customer)), customer)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("未开始")));
        send(put(base + "/duties/" + id + "/status").with(read(id, provider)), provider, "{\"status\":\"DONE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duty.status.label").value("已完成"));
        call(post(base + "/duties/" + id + "/acceptance"), provider).andExpect(status().isForbidden());
        call(post(base + "/duties/" + id + "/acceptance").with(read(id, customer)), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duty.settled").value(true));

        Map<String, Object> cd = duties(json, "PLANNING").stream()
                .filter(d -> d.get("organisation").equals(w.customer().id().toString()))
                .findFirst()
                .orElseThrow();
        String own = (String) cd.get("id");
        send(put(base + "/duties/" + own + "/status"), customer, "{\"status\":\"NOT_APPLICABLE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").exists());
        send(
                        put(base + "/duties/" + own + "/status").with(read(own, customer)),
                        customer,
                        "{\"status\":\"NOT_APPLICABLE\",\"reason\":\"本网站不含互动栏目\"}")
                .andExpect(status().isOk());
        call(post(base + "/duties/" + own + "/acceptance"), customer)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("不能验收自己")));
        call(post(base + "/duties/" + own + "/acceptance").with(read(own, customer2)), customer2)
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_id = ? ORDER BY seq")
                        .param(own)
                        .query(String.class)
                        .list())
                .contains("lifecycle.duty.status", "lifecycle.duty.accept");
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() throws Exception {
        String json = create();
        String id = (String) duties(json, "PLANNING").get(0).get("id");
        send(put(base + "/duties/" + id + "/status"), customer, "{\"status\":\"FINISHED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.status", containsString("FINISHED")));
        send(
                        put(base + "/duties/" + id + "/assignment"),
                        customer,
                        "{\"organisation\":\"%s\",\"dueDate\":\"2026-13-45\"}"
                                .formatted(w.provider().id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.dueDate", containsString("2026-13-45")));
        send(
                        put(base + "/duties/" + id + "/assignment"),
                        customer,
                        "{\"organisation\":\"%s\",\"dueDate\":\"2027-01-31\"}"
                                .formatted(w.stranger().id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.organisation").exists());
        send(put(base + "/duties/" + UUID.randomUUID() + "/status"), customer, "{\"status\":\"DONE\"}")
                .andExpect(status().isNotFound());
        call(get(base + "/duties/" + id), customer)
                .andExpect(jsonPath("$.duty.status.code").value("NOT_STARTED"))
                .andExpect(jsonPath("$.duty.dueDate").doesNotExist());
        send(
                        put(base + "/duties/" + id + "/assignment"),
                        provider,
                        "{\"organisation\":\"%s\",\"dueDate\":\"2027-01-31\"}"
                                .formatted(w.provider().id()))
                .andExpect(status().isForbidden());
        send(
                        put(base + "/duties/" + id + "/assignment").with(read(id, customer)),
                        customer,
                        "{\"organisation\":\"%s\",\"dueDate\":\"2027-01-31\"}"
                                .formatted(w.customer().id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duty.dueDate").value("2027-01-31"));
        MockMultipartFile program = new MockMultipartFile("file", "report.pdf", "application/pdf", new byte[] {
            0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0
        });
        mvc.perform(multipart(base + "/duties/" + id + "/evidence")
                        .file(program)
                        .with(as(customer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").exists());
        call(get(base + "/duties/" + id), customer)
                .andExpect(jsonPath("$.evidence").isEmpty());
    }

    @Test
    void deletingDutyEvidenceOnThePageAsksForATickedConfirmation() throws Exception {
        Map<String, Object> duty = duties(create(), "PLANNING").get(0);
        String id = (String) duty.get("id");
        CurrentUser owner = worker(duty);
        MockMultipartFile text = new MockMultipartFile(
                "file", "需求报告.txt", "text/plain", "门户网站需求报告".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String evidence = JsonPath.read(
                mvc.perform(multipart(base + "/duties/" + id + "/evidence")
                                .file(text)
                                .with(as(owner)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String page = "/systems/" + w.system().id() + "/lifecycle";
        assertThat(call(get(page + "/duties/" + id), owner)
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("name=\"confirm\" value=\"true\" required id=\"confirm-delete-evidence-" + evidence + "\"");
        var unconfirmed = call(post(page + "/evidence/" + evidence + "/delete").param("duty", id), owner)
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(unconfirmed.getFlashMap().get("conflict")).isEqualTo("删除证据文件不可恢复：请勾选确认后再删除。");
        call(get(base + "/evidence/" + evidence), owner).andExpect(status().isOk());
        call(post(page + "/evidence/" + evidence + "/delete").param("duty", id).param("confirm", "true"), owner)
                .andExpect(status().is3xxRedirection());
        call(get(base + "/evidence/" + evidence), owner).andExpect(status().isNotFound());
    }

    @Test
    void aPhaseClosesOnlyWhenEveryDutyIsSettledAndThenItsDutiesAndEvidenceAreFixed() throws Exception {
        String json = create();
        call(post(base + "/phases/ACQUISITION_MIGRATION/close"), customer)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.obstacles[0].text", containsString("规划准备")));
        List<Map<String, Object>> planning = duties(json, "PLANNING");
        call(post(base + "/phases/PLANNING/close"), customer)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.obstacles.length()").value(planning.size()));
        String first = (String) planning.get(0).get("id");
        MockMultipartFile text = new MockMultipartFile(
                "file", "需求报告.txt", "text/plain", "门户网站需求报告".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String evidence = JsonPath.read(
                mvc.perform(multipart(base + "/duties/" + first + "/evidence")
                                .file(text)
                                .with(as(worker(planning.get(0)))))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        for (Map<String, Object> d : planning) {
            settle(d);
        }
        call(post(base + "/phases/PLANNING/close"), provider).andExpect(status().isForbidden());
        call(post(base + "/phases/PLANNING/close"), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stages[0].closed").value(true));
        send(put(base + "/duties/" + first + "/status"), customer, "{\"status\":\"IN_PROGRESS\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("规划准备")));
        mvc.perform(multipart(base + "/duties/" + first + "/evidence")
                        .file(text)
                        .with(as(customer)))
                .andExpect(status().isConflict());
        call(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                base + "/evidence/" + evidence),
                        worker(planning.get(0)))
                .andExpect(status().isConflict());
        mvc.perform(get(base + "/evidence/" + evidence).with(as(provider)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .bytes("门户网站需求报告".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        call(post(base + "/phases/PLANNING/close"), customer).andExpect(status().isConflict());
        send(post(base + "/phases/PLANNING/reopen"), customer, "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").exists());
        send(post(base + "/phases/PLANNING/reopen"), customer, "{\"reason\":\"需求变更\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stages[0].closed").value(false));
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_id = ? ORDER BY seq")
                        .param(JsonPath.<String>read(json, "$.id"))
                        .query(String.class)
                        .list())
                .containsSubsequence("lifecycle.plan.create", "lifecycle.phase.close", "lifecycle.phase.reopen");
    }

    @Test
    void theExitPhaseWaitsForAFinishedExitProjectOfTheSystemQuotingGbT31167() throws Exception {
        create();
        String json = plan(customer);
        List<String> exit = JsonPath.read(json, "$.stages[?(@.phase.code == 'EXIT')].obstacles[*].source");
        assertThat(exit)
                .anySatisfy(source ->
                        assertThat(source).startsWith("GB/T 31167 9.1 6.").contains("彻底清除数据"));
        List<String> texts = JsonPath.read(json, "$.stages[?(@.phase.code == 'EXIT')].obstacles[*].text");
        assertThat(texts).contains("本系统尚无已完成的退出项目（移交清单核验、数据删除并出具删除证明）");
        List<String> operation = JsonPath.read(json, "$.stages[?(@.phase.code == 'OPERATION')].obstacles[*].text");
        assertThat(operation).doesNotContain("本系统尚无已完成的退出项目（移交清单核验、数据删除并出具删除证明）");
        mvc.perform(get("/systems/" + w.system().id() + "/lifecycle").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(
                                containsString("id=\"exit-projects-empty\""),
                                containsString(
                                        "/exit-projects?systemId=" + w.system().id()))));
    }
}
