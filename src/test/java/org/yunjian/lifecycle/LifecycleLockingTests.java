package org.yunjian.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.FlashMap;
import org.yunjian.lifecycle.internal.PlanService;
import org.yunjian.party.Fixtures;
import org.yunjian.procurement.NeedsApiTests;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.support.ConcurrentWriters;
import org.yunjian.support.IfMatch;
import org.yunjian.support.StaleForms;

/**
 * Optimistic locking of lifecycle records — plan duties (status, acceptance, assignment) and the needs analysis: a
 * stale update is refused with 409 naming when the record changed, one naming no version with 428, and a stale page
 * form comes back with the typed input.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class LifecycleLockingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanService plans;

    Fixtures.World w;
    CurrentUser customer;
    String base;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        base = "/api/systems/" + w.system().id() + "/lifecycle";
    }

    /** A new plan's first planning duty of the customer's own organisation. */
    String customerDuty() throws Exception {
        String plan = mvc.perform(post(base).with(as(customer)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.<List<String>>read(
                        plan,
                        "$.duties[?(@.phase.code == 'PLANNING' && @.organisation == '"
                                + w.customer().id() + "')].id")
                .get(0);
    }

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.with(as(customer)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String storedStatus(String duty) {
        return jdbc.sql("SELECT status FROM lifecycle_duty WHERE id = ?")
                .param(UUID.fromString(duty))
                .query(String.class)
                .single();
    }

    @Test
    void aDutyGivesItsVersionAsETagAndAStaleStatusChangeGets412InEnglishAndChinese() throws Exception {
        String duty = customerDuty();
        String url = base + "/duties/" + duty;
        mvc.perform(get(url).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.duty.version").value(0));
        mvc.perform(json(put(url + "/status"), "{\"status\":\"IN_PROGRESS\"}").with(IfMatch.version(0)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.duty.version").value(1));
        mvc.perform(json(put(url + "/status").param("lang", "en"), "{\"status\":\"DONE\"}")
                        .with(IfMatch.version(0)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-failed"))
                .andExpect(jsonPath("$.title").value("Record changed by someone else"))
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record at 20")))
                .andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(json(put(url + "/status"), "{\"status\":\"DONE\",\"version\":0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("记录已被他人修改"))
                .andExpect(jsonPath("$.detail").value(containsString("他人已于 20")));
        assertThat(storedStatus(duty)).isEqualTo("IN_PROGRESS");
        assertThat(IfMatch.stored(jdbc, "lifecycle_duty", "id", UUID.fromString(duty)))
                .isEqualTo(1);
    }

    @Test
    void aStaleAssignmentOrAcceptanceGets412AndChangesNothing() throws Exception {
        String duty = customerDuty();
        String url = base + "/duties/" + duty;
        String assignment = "{\"organisation\":\"%s\",\"dueDate\":\"%s\"}";
        mvc.perform(json(
                                put(url + "/assignment"),
                                assignment.formatted(w.customer().id(), "2027-01-31"))
                        .with(IfMatch.read(mvc, url, as(customer))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(json(
                                put(url + "/assignment"),
                                assignment.formatted(w.customer().id(), "2027-06-30"))
                        .with(IfMatch.version(0)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(json(put(url + "/status"), "{\"status\":\"DONE\"}").with(IfMatch.version(1)))
                .andExpect(status().isOk());
        CurrentUser customer2 = user(w.customer().id());
        mvc.perform(post(url + "/acceptance").with(as(customer2)).with(IfMatch.version(1)))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(get(url).with(as(customer)))
                .andExpect(jsonPath("$.duty.dueDate").value("2027-01-31"))
                .andExpect(jsonPath("$.duty.settled").value(false));
        mvc.perform(post(url + "/acceptance").with(as(customer2)).with(IfMatch.read(mvc, url, as(customer2))))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.duty.settled").value(true));
    }

    @Test
    void aDutyChangeNamingNoVersionGets428ButAStrangerStillGetsNotFound() throws Exception {
        String duty = customerDuty();
        String url = base + "/duties/" + duty;
        mvc.perform(json(put(url + "/status").param("lang", "en"), "{\"status\":\"DONE\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-required"))
                .andExpect(jsonPath("$.detail").value(containsString("If-Match")));
        mvc.perform(json(
                                put(url + "/assignment"),
                                "{\"organisation\":\"%s\"}"
                                        .formatted(w.customer().id()))
                        .header("If-Match", "*"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(post(url + "/acceptance").with(as(customer))).andExpect(status().isPreconditionRequired());
        mvc.perform(put(url + "/status")
                        .with(as(user(w.stranger().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DONE\"}"))
                .andExpect(status().isNotFound());
        assertThat(storedStatus(duty)).isEqualTo("NOT_STARTED");
    }

    @Test
    void aStaleDutyFormComesBackWithTheTypedInputAndTheWarning() throws Exception {
        String duty = customerDuty();
        runAs(
                customer,
                () -> plans.setStatus(
                        w.system().id(),
                        UUID.fromString(duty),
                        ExpectedVersion.exactly(0),
                        DutyStatus.IN_PROGRESS,
                        null));
        String page = "/systems/" + w.system().id() + "/lifecycle/duties/" + duty;
        FlashMap flash = mvc.perform(post(page + "/status")
                        .with(as(customer))
                        .param("version", "0")
                        .param("status", "NOT_APPLICABLE")
                        .param("reason", "我刚输入的原因"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap();
        mvc.perform(get(page).with(as(customer)).flashAttrs(flash))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("他人已于 20")))
                .andExpect(content().string(containsString("我刚输入的原因")))
                .andExpect(content().string(containsString("value=\"NOT_APPLICABLE\" selected")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        assertThat(storedStatus(duty)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void theNeedsAnalysisIsCreatedWithoutAVersionAndThenReplacedOnlyOverTheVersionRead() throws Exception {
        String url = base + "/needs";
        mvc.perform(get(url).with(as(customer))).andExpect(header().string("ETag", "\"0\""));
        mvc.perform(json(put(url), NeedsApiTests.GOOD))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.analysis.version").value(1));
        mvc.perform(json(put(url).param("lang", "en"), NeedsApiTests.GOOD.replace("8 vCPU", "16 vCPU")))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(json(put(url), NeedsApiTests.GOOD.replace("8 vCPU", "16 vCPU"))
                        .with(IfMatch.version(1)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        mvc.perform(json(put(url).param("lang", "en"), NeedsApiTests.GOOD.replace("8 vCPU", "32 vCPU"))
                        .with(IfMatch.version(1)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.title").value("Record changed by someone else"))
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record at 20")))
                .andExpect(jsonPath("$.currentVersion").value(2));
        mvc.perform(json(put(url), NeedsApiTests.GOOD.replace("8 vCPU", "32 vCPU"))
                        .with(IfMatch.version(1)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(containsString("他人已于 20")));
        mvc.perform(get(url).with(as(customer)))
                .andExpect(jsonPath("$.analysis.compute").value("16 vCPU"))
                .andExpect(header().string("ETag", "\"2\""));
    }

    @Test
    void aFirstNeedsAnalysisSavedMeanwhileMakesTheOtherFirstSaveStale() throws Exception {
        String url = base + "/needs";
        mvc.perform(json(put(url), NeedsApiTests.GOOD).with(IfMatch.version(0))).andExpect(status().isOk());
        mvc.perform(json(put(url), NeedsApiTests.GOOD.replace("8 vCPU", "64 vCPU"))
                        .with(IfMatch.version(0)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(get(url).with(as(customer)))
                .andExpect(jsonPath("$.analysis.compute").value("8 vCPU"));
    }

    @Test
    void aStaleNeedsFormComesBackWithTheTypedInputAndTheWarning() throws Exception {
        mvc.perform(json(put(base + "/needs"), NeedsApiTests.GOOD)).andExpect(status().isOk());
        String page = "/systems/" + w.system().id() + "/lifecycle/needs";
        mvc.perform(get(page).with(as(customer)))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        mvc.perform(json(put(base + "/needs"), NeedsApiTests.GOOD.replace("8 vCPU", "16 vCPU"))
                        .with(IfMatch.version(1)))
                .andExpect(status().isOk());
        mvc.perform(post(page)
                        .with(as(customer))
                        .param("version", "1")
                        .param("itemName", "我刚输入的网站")
                        .param("itemClassification", "GENERAL")
                        .param("itemSensitivity", "PUBLIC_ONLY")
                        .param("decision", "PARTLY")
                        .param("reasons", "我刚输入的理由"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("他人已于 20")))
                .andExpect(content().string(containsString("我刚输入的网站")))
                .andExpect(content().string(containsString("我刚输入的理由")))
                .andExpect(content().string(containsString("name=\"version\" value=\"2\"")));
        mvc.perform(get(base + "/needs").with(as(customer)))
                .andExpect(jsonPath("$.analysis.compute").value("16 vCPU"));
    }

    @Test
    void aNeedsFormNamingNoVersionComesBackWithTheTypedInputAndTheWarning() throws Exception {
        mvc.perform(json(put(base + "/needs"), NeedsApiTests.GOOD)).andExpect(status().isOk());
        String page = "/systems/" + w.system().id() + "/lifecycle/needs";
        mvc.perform(post(page)
                        .with(as(customer))
                        .param("itemName", "没有版本时输入的网站")
                        .param("itemClassification", "GENERAL")
                        .param("itemSensitivity", "PUBLIC_ONLY")
                        .param("decision", "PARTLY")
                        .param("reasons", "没有版本时输入的理由"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("没有版本时输入的网站")))
                .andExpect(content().string(containsString("没有版本时输入的理由")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        mvc.perform(get(base + "/needs").with(as(customer)))
                .andExpect(jsonPath("$.analysis.compute").value("8 vCPU"));
    }

    @Test
    void twoConcurrentStatusChangesOfTheSameVersionLetExactlyOneWin() throws Exception {
        UUID duty = UUID.fromString(customerDuty());
        List<DutyStatus> tried = List.of(DutyStatus.IN_PROGRESS, DutyStatus.DONE);
        int winner = ConcurrentWriters.exactlyOneWins(tried.stream()
                .map(s -> (Callable<Object>) () -> {
                    runAs(customer, () -> plans.setStatus(w.system().id(), duty, ExpectedVersion.exactly(0), s, null));
                    return s;
                })
                .toList());
        assertThat(storedStatus(duty.toString())).isEqualTo(tried.get(winner).name());
        assertThat(IfMatch.stored(jdbc, "lifecycle_duty", "id", duty)).isEqualTo(1);
    }

    @Test
    void aDutyFormNamingNoVersionComesBackAsTheSameClearRefusalWithTheTypedInput() throws Exception {
        String duty = customerDuty();
        String page = "/systems/" + w.system().id() + "/lifecycle/duties/" + duty;
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post(page + "/status").param("status", "NOT_APPLICABLE").param("reason", "没有版本的表单里输入的原因"),
                        page,
                        as(customer)))
                .contains(
                        "id=\"stale-version\" role=\"alert\"",
                        "此表单没有说明打开时记录的版本",
                        "没有版本的表单里输入的原因",
                        "value=\"NOT_APPLICABLE\" selected",
                        "name=\"version\" value=\"0\"");
        assertThat(storedStatus(duty)).isEqualTo("NOT_STARTED");
    }
}
