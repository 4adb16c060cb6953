package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.OrganizationApiTests.json;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.yunjian.party.internal.Inputs;
import org.yunjian.party.internal.SystemService;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.StaleVersionException;
import org.yunjian.support.IfMatch;

/** Optimistic locking of organisations, systems, engagements and private notes: a stale update never overwrites. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class PartyLockingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemService systems;

    Fixtures.World w;

    @BeforeEach
    void world() {
        w = fixtures.world();
    }

    String systemBody(String name, String version) {
        return """
                {"name":"%s","customerId":"%s","protectionLevel":3,"deploymentModel":"PUBLIC","serviceModel":"IAAS",
                 "industry":"GOVERNMENT_WEBSITE","dataClassification":"IMPORTANT","regions":["北京"],"agents":[]%s}""".formatted(name, w.customer().id(), version == null ? "" : ",\"version\":" + version);
    }

    String storedName(String table, Object id) {
        return jdbc.sql("SELECT name FROM " + table + " WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    @Test
    void readingASystemGivesItsVersionAsETagAndField() throws Exception {
        mvc.perform(get("/api/systems/" + w.system().id()).with(as(admin())))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void staleSystemUpdateGets412AndLeavesTheStoredSystemAsTheWinnerWroteIt() throws Exception {
        String url = "/api/systems/" + w.system().id();
        var customer = user(w.customer().id());
        mvc.perform(json(put(url), systemBody("先到者", null)).with(as(customer)).with(IfMatch.version(0)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(put(url).param("lang", "en"), systemBody("后到者", null))
                        .with(as(customer))
                        .with(IfMatch.version(0)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-failed"))
                .andExpect(jsonPath("$.title").value("Record changed by someone else"))
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record at 20")))
                .andExpect(jsonPath("$.currentVersion").value(1));
        assertThat(storedName("cloud_system", w.system().id())).isEqualTo("先到者");
        assertThat(IfMatch.stored(jdbc, "cloud_system", "id", w.system().id())).isEqualTo(1);
    }

    @Test
    void staleUpdateIsNamedInChinese() throws Exception {
        String url = "/api/systems/" + w.system().id();
        var customer = user(w.customer().id());
        mvc.perform(json(put(url), systemBody("先到者", "0")).with(as(customer))).andExpect(status().isOk());
        mvc.perform(json(put(url), systemBody("后到者", "0")).with(as(customer)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("记录已被他人修改"))
                .andExpect(jsonPath("$.detail").value(containsString("他人已于 20")));
    }

    @Test
    void updateNamingNoVersionGets428AndChangesNothing() throws Exception {
        String url = "/api/systems/" + w.system().id();
        mvc.perform(json(put(url).param("lang", "en"), systemBody("无版本", null))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-required"))
                .andExpect(jsonPath("$.detail").value(containsString("If-Match")));
        mvc.perform(json(put(url), systemBody("通配", null))
                        .with(as(user(w.customer().id())))
                        .header("If-Match", "*"))
                .andExpect(status().isPreconditionRequired());
        assertThat(storedName("cloud_system", w.system().id()))
                .isEqualTo(w.system().name());
    }

    @Test
    void strangerWithoutVersionStillGetsNotFound() throws Exception {
        mvc.perform(json(put("/api/systems/" + w.system().id()), systemBody("x", null))
                        .with(as(user(w.stranger().id()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void ifMatchWinsOverTheBodyVersion() throws Exception {
        String url = "/api/systems/" + w.system().id();
        mvc.perform(json(put(url), systemBody("头部为准", "7"))
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.version(0)))
                .andExpect(status().isOk());
    }

    @Test
    void staleOrganizationUpdateGets412AndLeavesItUnchanged() throws Exception {
        Organization o = w.provider();
        String body = """
                {"name":"%s","creditCode":"%s","region":"上海","roles":["PROVIDER"]}""";
        String url = "/api/organizations/" + o.id();
        mvc.perform(json(put(url), body.formatted("新名一", o.creditCode().value()))
                        .with(as(admin()))
                        .with(IfMatch.version(0)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(json(put(url), body.formatted("新名二", o.creditCode().value()))
                        .with(as(admin()))
                        .with(IfMatch.version(0)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-failed"));
        assertThat(storedName("organization", o.id())).isEqualTo("新名一");
    }

    @Test
    void staleEngagementUpdateGets412AndLeavesItUnchanged() throws Exception {
        String body = """
                {"name":"%s","systemId":"%s","phase":"PLANNING","participants":[]}""";
        String url = "/api/engagements/" + w.engagement().id();
        var customer = user(w.customer().id());
        mvc.perform(get(url).with(as(customer))).andExpect(header().string("ETag", "\"0\""));
        mvc.perform(json(put(url), body.formatted("第一次", w.system().id()))
                        .with(as(customer))
                        .with(IfMatch.version(0)))
                .andExpect(status().isOk());
        mvc.perform(json(put(url), body.formatted("第二次", w.system().id()))
                        .with(as(customer))
                        .with(IfMatch.version(0)))
                .andExpect(status().isPreconditionFailed());
        assertThat(storedName("engagement", w.engagement().id())).isEqualTo("第一次");
    }

    @Test
    void stalePrivateNotesGet409AndKeepTheFirstWriterText() throws Exception {
        String url = "/api/systems/" + w.system().id() + "/private-notes";
        var customer = user(w.customer().id());
        mvc.perform(get(url).with(as(customer))).andExpect(jsonPath("$.version").value(0));
        mvc.perform(json(put(url), "{\"notes\":\"第一份\",\"version\":0}").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(put(url), "{\"notes\":\"第二份\",\"version\":0}").with(as(customer)))
                .andExpect(status().isConflict());
        mvc.perform(get(url).with(as(customer)))
                .andExpect(jsonPath("$.notes").value("第一份"))
                .andExpect(header().string("ETag", "\"1\""));
    }

    @Test
    void staleSystemFormReRendersWithTheMessageAndTheTypedInput() throws Exception {
        var customer = user(w.customer().id());
        mvc.perform(json(put("/api/systems/" + w.system().id()), systemBody("他人先改", "0"))
                        .with(as(customer)))
                .andExpect(status().isOk());
        mvc.perform(post("/systems/" + w.system().id())
                        .with(as(customer))
                        .param("lang", "en")
                        .param("version", "0")
                        .param("name", "我刚输入的名称")
                        .param("customerId", w.customer().id().toString())
                        .param("protectionLevel", "2")
                        .param("deploymentModel", "PUBLIC")
                        .param("serviceModel", "IAAS")
                        .param("industry", "OTHER")
                        .param("dataClassification", "GENERAL")
                        .param("regions", "上海"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("Someone else changed this record at 20")))
                .andExpect(content().string(containsString("value=\"我刚输入的名称\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        assertThat(storedName("cloud_system", w.system().id())).isEqualTo("他人先改");
    }

    @Test
    void editFormCarriesTheVersionItWasOpenedOn() throws Exception {
        mvc.perform(get("/systems/" + w.system().id() + "/edit")
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")))
                .andExpect(content().string(not(containsString("stale-version"))));
    }

    @Test
    void staleOrganizationAndNotesFormsReRenderWithTheMessage() throws Exception {
        Organization o = w.provider();
        runAs(
                admin(),
                () -> fixtures.organizations.update(
                        o.id(),
                        ExpectedVersion.exactly(0),
                        new Inputs.OrganizationInput("管理员先改", o.creditCode().value(), "北京", List.of("PROVIDER"))));
        mvc.perform(post("/organizations/" + o.id())
                        .with(as(admin()))
                        .param("version", "0")
                        .param("name", "我的输入")
                        .param("creditCode", o.creditCode().value())
                        .param("region", "杭州")
                        .param("roles", "PROVIDER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("value=\"我的输入\"")));
        assertThat(storedName("organization", o.id())).isEqualTo("管理员先改");

        var customer = user(w.customer().id());
        mvc.perform(post("/systems/" + w.system().id() + "/private-notes")
                        .with(as(customer))
                        .param("version", "0")
                        .param("notes", "先写"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/systems/" + w.system().id() + "/private-notes")
                        .with(as(customer))
                        .param("version", "0")
                        .param("notes", "后写的备注"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("后写的备注")));
    }

    /** The system form as typed, naming {@code version} (none when null). */
    MockHttpServletRequestBuilder systemForm(String version, String name) {
        MockHttpServletRequestBuilder form = post("/systems/" + w.system().id())
                .param("name", name)
                .param("customerId", w.customer().id().toString())
                .param("protectionLevel", "2")
                .param("deploymentModel", "PUBLIC")
                .param("serviceModel", "IAAS")
                .param("industry", "OTHER")
                .param("dataClassification", "GENERAL")
                .param("regions", "上海");
        return version == null ? form : form.param("version", version);
    }

    @Test
    void pageFormsNamingNoVersionComeBackWithTheAlertAndTheTypedInputAndStoreNothing() throws Exception {
        var customer = user(w.customer().id());
        mvc.perform(systemForm(null, "无版本的名称").with(as(customer)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("did not say which version")))
                .andExpect(content().string(containsString("value=\"无版本的名称\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
        assertThat(storedName("cloud_system", w.system().id()))
                .isEqualTo(w.system().name());

        Organization o = w.provider();
        mvc.perform(post("/organizations/" + o.id())
                        .with(as(admin()))
                        .param("name", "无版本组织")
                        .param("creditCode", o.creditCode().value())
                        .param("region", "杭州")
                        .param("roles", "PROVIDER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("value=\"无版本组织\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
        assertThat(storedName("organization", o.id())).isEqualTo(o.name());

        mvc.perform(post("/engagements/" + w.engagement().id())
                        .with(as(customer))
                        .param("name", "无版本项目")
                        .param("systemId", w.system().id().toString())
                        .param("phase", "PLANNING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("value=\"无版本项目\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
        assertThat(storedName("engagement", w.engagement().id()))
                .isEqualTo(w.engagement().name());

        mvc.perform(post("/systems/" + w.system().id() + "/private-notes")
                        .with(as(customer))
                        .param("notes", "无版本的备注"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("无版本的备注")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
        mvc.perform(get("/api/systems/" + w.system().id() + "/private-notes").with(as(customer)))
                .andExpect(jsonPath("$.notes").value(not(containsString("无版本"))));
    }

    @Test
    void staleEngagementFormComesBackWithTheAlertAndTheTypedInput() throws Exception {
        var customer = user(w.customer().id());
        mvc.perform(json(put("/api/engagements/" + w.engagement().id()), """
                        {"name":"他人先改","systemId":"%s","phase":"PLANNING","participants":[]}""".formatted(
                                        w.system().id()))
                        .with(as(customer))
                        .with(IfMatch.version(0)))
                .andExpect(status().isOk());
        mvc.perform(post("/engagements/" + w.engagement().id())
                        .with(as(customer))
                        .param("version", "0")
                        .param("name", "我输入的项目")
                        .param("systemId", w.system().id().toString())
                        .param("phase", "PLANNING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("value=\"我输入的项目\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        assertThat(storedName("engagement", w.engagement().id())).isEqualTo("他人先改");
    }

    @Test
    void twoConcurrentUpdatesOfTheSameVersionLetExactlyOneWin() throws Exception {
        var customer = user(w.customer().id());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String name : List.of("线程甲", "线程乙")) {
                Callable<String> update = () -> {
                    start.await();
                    try {
                        runAs(
                                customer,
                                () -> systems.update(
                                        w.system().id(),
                                        ExpectedVersion.exactly(0),
                                        new Inputs.SystemInput(
                                                name,
                                                w.customer().id().toString(),
                                                "3",
                                                "PUBLIC",
                                                "IAAS",
                                                "GOVERNMENT_WEBSITE",
                                                "IMPORTANT",
                                                List.of("北京"),
                                                null,
                                                List.of())));
                        return "won:" + name;
                    } catch (StaleVersionException e) {
                        return "stale";
                    }
                };
                results.add(pool.submit(update));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(o -> o.startsWith("won:")).hasSize(1);
            assertThat(outcomes).filteredOn("stale"::equals).hasSize(1);
            String winner = outcomes.stream()
                    .filter(o -> o.startsWith("won:"))
                    .findFirst()
                    .orElseThrow()
                    .substring(4);
            assertThat(storedName("cloud_system", w.system().id())).isEqualTo(winner);
            assertThat(IfMatch.stored(jdbc, "cloud_system", "id", w.system().id()))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
