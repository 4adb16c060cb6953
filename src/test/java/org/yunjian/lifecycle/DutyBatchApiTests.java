package org.yunjian.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
import org.yunjian.security.CurrentUser;

/**
 * Several duties of a plan at once (REST and the plan page's batch form), through the real services and database:
 * each duty under the same rules as alone and audited alone, all or nothing — a refusal names the duty and leaves
 * every duty of the batch as it was; unknown duties and a missing reason are field errors; strangers get 404.
 */
class DutyBatchApiTests extends LifecycleWorldTest {

    @Override
    protected String part() {
        return "";
    }

    CurrentUser customer2;

    @BeforeEach
    void secondCustomerUser() {
        customer2 = user(w.customer().id());
    }

    List<Map<String, Object>> planning(String json) {
        return JsonPath.read(json, "$.duties[?(@.phase.code == 'PLANNING')]");
    }

    /** The batch rows of {@code duties}: each id with the version read. */
    static String ids(List<Map<String, Object>> duties) {
        return String.join(
                ",",
                duties.stream()
                        .map(d -> "{\"id\":\"" + d.get("id") + "\",\"version\":" + d.get("version") + "}")
                        .toList());
    }

    long audited(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ?")
                .param(action)
                .query(Long.class)
                .single();
    }

    @Test
    void theCustomerCompletesAndASecondPersonAcceptsAPhaseInTwoSteps() throws Exception {
        String json = mvc.perform(post(base).with(as(customer)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> duties = planning(json);
        assertThat(duties).hasSizeGreaterThan(1);
        long before = audited("lifecycle.duty.status");

        String done = send(
                        post(base + "/batch/status"),
                        customer,
                        "{\"duties\":[" + ids(duties) + "],\"status\":\"DONE\"}")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(audited("lifecycle.duty.status") - before).isEqualTo(duties.size());
        duties = planning(done);

        // the person who completed them cannot accept them: refused naming a duty, none accepted
        send(post(base + "/batch/acceptance"), customer, "{\"duties\":[" + ids(duties) + "]}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("本批次未作任何更改")));
        String after = send(post(base + "/batch/acceptance"), customer2, "{\"duties\":[" + ids(duties) + "]}")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(planning(after)).allSatisfy(d -> assertThat(d.get("settled")).isEqualTo(true));
    }

    @Test
    void aRefusalInTheMiddleLeavesEveryDutyOfTheBatchAsItWas() throws Exception {
        String json = mvc.perform(post(base).with(as(customer)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> duties = planning(json);
        Map<String, Object> providers = duties.stream()
                .filter(d -> d.get("organisation").equals(w.provider().id().toString()))
                .findFirst()
                .orElseThrow();
        Map<String, Object> customers = duties.stream()
                .filter(d -> d.get("organisation").equals(w.customer().id().toString()))
                .findFirst()
                .orElseThrow();
        // the provider may set its own duty but not the customer's: the whole batch is refused, the first too
        send(
                        post(base + "/batch/status"),
                        provider,
                        "{\"duties\":[" + ids(List.of(providers, customers)) + "],\"status\":\"IN_PROGRESS\"}")
                .andExpect(status().isForbidden());
        String now = mvc.perform(get(base).with(as(customer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(now, "$.duties[?(@.id == '" + providers.get("id") + "')].status.code"))
                .containsExactly("NOT_STARTED");
    }

    @Test
    void badInputIsAFieldErrorAndStrangersSeeNothing() throws Exception {
        String json = mvc.perform(post(base).with(as(customer)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> duties = planning(json);
        long before = audited("lifecycle.duty.status");
        send(post(base + "/batch/status"), customer, "{\"duties\":[],\"status\":\"DONE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.duties").exists());
        UUID unknown = UUID.randomUUID();
        send(
                        post(base + "/batch/status"),
                        customer,
                        "{\"duties\":[" + ids(duties) + ",{\"id\":\"" + unknown
                                + "\",\"version\":0}],\"status\":\"DONE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.duties", containsString(unknown.toString())));
        send(post(base + "/batch/status"), customer, "{\"duties\":[" + ids(duties) + "],\"status\":\"NOT_APPLICABLE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").exists());
        send(post(base + "/batch/status"), customer, "{\"duties\":[" + ids(duties) + "],\"status\":\"FINISHED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.status").exists());
        assertThat(audited("lifecycle.duty.status")).isEqualTo(before);
        send(post(base + "/batch/status"), stranger, "{\"duties\":[" + ids(duties) + "],\"status\":\"DONE\"}")
                .andExpect(status().isNotFound());
        send(post(base + "/batch/acceptance"), stranger, "{\"duties\":[" + ids(duties) + "]}")
                .andExpect(status().isNotFound());
    }

    @Test
    void thePlanPageBatchFormSavesAndReportsAtThePhase() throws Exception {
        String json = mvc.perform(post(base).with(as(customer)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> duties = planning(json);
        String page = "/systems/" + w.system().id() + "/lifecycle";
        var form = post(page + "/batch/status")
                .with(as(customer))
                .param("status", "DONE")
                .param("phase", "PLANNING");
        duties.forEach(d -> form.param("duty", (String) d.get("id"))
                .param("version-" + d.get("id"), String.valueOf(d.get("version"))));
        mvc.perform(form)
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("batchPhase", "PLANNING"))
                .andExpect(flash().attribute("saved", containsString(String.valueOf(duties.size()))));
        mvc.perform(post(page + "/batch/acceptance").with(as(stranger)).param("duty", (String)
                        duties.get(0).get("id")))
                .andExpect(status().isNotFound());
    }
}
