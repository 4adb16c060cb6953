package org.yunjian.exitproject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.yunjian.exitproject.internal.ExitProjectService;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.version.ExpectedVersion;
import org.yunjian.shared.version.StaleVersionException;
import org.yunjian.support.IfMatch;
import org.yunjian.support.StaleForms;

/** Optimistic locking of exit projects and their checklist items: a stale update never overwrites. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class ExitProjectLockingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExitProjectService service;

    Fixtures.World w;
    CurrentUser customer;
    String id;

    @BeforeEach
    void project() throws Exception {
        w = fixtures.world();
        customer = user(w.customer().id());
        String body = mvc.perform(json(
                        post("/api/exit-projects"), """
                        {"name":"锁定测试退出","systemId":"%s"}""".formatted(w.system().id())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        id = JsonPath.read(body, "$.id");
    }

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.with(as(customer)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String note(String item) {
        return jdbc.sql("SELECT note FROM exit_checklist_item WHERE project_id = ? AND item_key = ?")
                .params(UUID.fromString(id), item)
                .query(String.class)
                .single();
    }

    String storedStatus() {
        return jdbc.sql("SELECT status FROM exit_project WHERE id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    @Test
    void readingAProjectGivesItsVersionAsETagAndEachChecklistItemItsOwn() throws Exception {
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.project.version").value(0))
                .andExpect(jsonPath("$.checklist[0].version").value(0));
    }

    @Test
    void staleTransitionGets412InBothLanguagesAndMovesNothing() throws Exception {
        String pem = org.yunjian.crypto.Pem.writePublicKey(
                org.yunjian.exit.Keys.generate().getPublic());
        mvc.perform(json(
                                put("/api/exit-projects/{id}/verifier-key", id),
                                "{\"pem\":\"" + pem.replace("\n", "\\n") + "\"}")
                        .with(IfMatch.version(0)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(post("/api/exit-projects/{id}/transitions", id).param("lang", "en"), "{\"to\":\"HANDOVER\"}")
                        .with(IfMatch.version(0)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-failed"))
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record at 20")))
                .andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(json(post("/api/exit-projects/{id}/transitions", id), "{\"to\":\"HANDOVER\"}")
                        .with(IfMatch.version(0)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.title").value("记录已被他人修改"))
                .andExpect(jsonPath("$.detail").value(containsString("他人已于 20")));
        assertThat(storedStatus()).isEqualTo("PLANNING");
        mvc.perform(json(post("/api/exit-projects/{id}/transitions", id), "{\"to\":\"HANDOVER\",\"version\":1}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        assertThat(storedStatus()).isEqualTo("HANDOVER");
    }

    @Test
    void transitionNamingNoVersionGets428() throws Exception {
        mvc.perform(json(post("/api/exit-projects/{id}/transitions", id).param("lang", "en"), "{\"to\":\"HANDOVER\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-required"));
        mvc.perform(json(post("/api/exit-projects/{id}/inventory-approval", id), ""))
                .andExpect(status().isConflict()); // nothing to approve yet: the state is checked before the version
        assertThat(storedStatus()).isEqualTo("PLANNING");
    }

    @Test
    void checklistItemUpdateNamesTheItemsVersion() throws Exception {
        String url = "/api/exit-projects/{id}/checklist";
        mvc.perform(json(put(url, id), "{\"item\":\"a\",\"status\":\"DONE\",\"note\":\"先到者\"}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(json(put(url, id), "{\"item\":\"a\",\"status\":\"DONE\",\"note\":\"先到者\",\"version\":0}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(put(url, id).param("lang", "en"), "{\"item\":\"a\",\"status\":\"OPEN\",\"note\":\"后到者\"}")
                        .with(IfMatch.version(0)))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record at 20")))
                .andExpect(jsonPath("$.currentVersion").value(1));
        mvc.perform(json(put(url, id), "{\"item\":\"a\",\"status\":\"OPEN\",\"note\":\"后到者\",\"version\":0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("他人已于 20")));
        // another item is versioned on its own: version 0 is still current there
        mvc.perform(json(put(url, id), "{\"item\":\"b\",\"status\":\"DONE\",\"note\":\"另一项\"}")
                        .with(IfMatch.version(0)))
                .andExpect(status().isOk());
        assertThat(note("a")).isEqualTo("先到者");
    }

    @Test
    void staleChecklistFormComesBackWithTheMessageAndTheTypedInput() throws Exception {
        runAs(
                customer,
                () -> service.updateChecklist(
                        UUID.fromString(id), "c", ChecklistStatus.DONE, "他人先写", ExpectedVersion.exactly(0)));
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post("/exit-projects/{id}/checklist", id)
                                .param("lang", "en")
                                .param("item", "c")
                                .param("status", "NOT_APPLICABLE")
                                .param("note", "我刚输入的说明")
                                .param("version", "0"),
                        page(),
                        as(customer)))
                .contains(
                        "Someone else changed this record at 20",
                        "value=\"我刚输入的说明\"",
                        "value=\"NOT_APPLICABLE\" selected");
        assertThat(note("c")).isEqualTo("他人先写");
        // the form now carries the current version: saving again is deliberate and wins
        mvc.perform(post("/exit-projects/{id}/checklist", id)
                        .with(as(customer))
                        .param("item", "c")
                        .param("status", "NOT_APPLICABLE")
                        .param("note", "我刚输入的说明")
                        .param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(note("c")).isEqualTo("我刚输入的说明");
    }

    @Test
    void checklistFormWithoutVersionComesBackWithTheAlertAndTheTypedInput() throws Exception {
        assertThat(StaleForms.pageAfter(
                        mvc,
                        post("/exit-projects/{id}/checklist", id)
                                .param("lang", "en")
                                .param("item", "d")
                                .param("status", "NOT_APPLICABLE")
                                .param("note", "无版本的说明"),
                        page(),
                        as(customer)))
                .contains("did not say which version", "value=\"无版本的说明\"", "value=\"NOT_APPLICABLE\" selected");
        assertThat(jdbc.sql("SELECT version FROM exit_checklist_item WHERE project_id = ? AND item_key = 'd'")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** The project's page. */
    String page() {
        return "/exit-projects/" + id;
    }

    /**
     * A form on the project page refused for its version answers Post/Redirect/Get: a redirect to the project page,
     * landing on the alert at its head, which the page shows from the flash — in the language of the request —
     * with the typed input kept; reloading that page reads the project again and sends nothing.
     */
    @Test
    void refusedFormRedirectsToTheProjectPageSoReloadingDoesNotPostAgain() throws Exception {
        runAs(
                customer,
                () -> service.updateChecklist(
                        UUID.fromString(id), "c", ChecklistStatus.DONE, "他人先写", ExpectedVersion.exactly(0)));
        for (String lang : new String[] {"zh-CN", "en"}) {
            var refused = mvc.perform(post("/exit-projects/{id}/checklist", id)
                            .with(as(customer))
                            .param("lang", lang)
                            .param("item", "c")
                            .param("status", "NOT_APPLICABLE")
                            .param("note", "重发的说明")
                            .param("version", "0"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl(page() + "#stale-version"))
                    .andReturn();
            String shown = mvc.perform(get(page()).with(as(customer)).flashAttrs(refused.getFlashMap()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(shown)
                    .contains(
                            "id=\"stale-version\"",
                            "value=\"重发的说明\"",
                            lang.equals("en") ? "Someone else changed this record at 20" : "他人已于 20",
                            lang.equals("en") ? "Your input is kept below" : "下方保留了您填写的内容");
            // the reload: the project as stored, no alert (the flash is spent), nothing sent again
            assertThat(mvc.perform(get(page()).with(as(customer)))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .doesNotContain("id=\"stale-version\"", "重发的说明");
        }
        assertThat(note("c")).isEqualTo("他人先写");
        assertThat(jdbc.sql("SELECT version FROM exit_checklist_item WHERE project_id = ? AND item_key = 'c'")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /**
     * Invalid input and a step refused for the project's state answer Post/Redirect/Get too, landing on their alert
     * at the head of the page: the field errors, the refusal.
     */
    @Test
    void invalidOrRefusedFormRedirectsToItsAlertOnTheProjectPage() throws Exception {
        var invalid = mvc.perform(post("/exit-projects/{id}/items", id)
                        .with(as(user(w.provider().id())))
                        .param("category", "conversion-tool")
                        .param("sensitivity", "公开"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page() + "#errors"))
                .andReturn();
        assertThat(mvc.perform(get(page()).with(as(customer)).flashAttrs(invalid.getFlashMap()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                // the list heads the page, far from the form: each error names the section and the field
                .contains(
                        "id=\"errors\"",
                        "data-field=\"name\"",
                        "移交数据清单（GB/T 31167 9.2，JR/T 证券期货业云技术应用安全规范 8.1.3） · 名称：必填");
        assertThat(mvc.perform(get(page())
                                .with(as(customer))
                                .flashAttrs(invalid.getFlashMap())
                                .param("lang", "en"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(
                        "Hand-over inventory (GB/T 31167 9.2, JR/T securities and futures cloud specification 8.1.3) · Name: ");
        assertThat(mvc.perform(get(page()).with(as(customer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("id=\"errors\"");
        var refused = mvc.perform(post("/exit-projects/{id}/approve", id).with(as(customer)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page() + "#conflict"))
                .andReturn();
        assertThat(mvc.perform(get(page()).with(as(customer)).flashAttrs(refused.getFlashMap()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"conflict\"", "请勾选确认后再提交");
    }

    long projectVersion() {
        return jdbc.sql("SELECT version FROM exit_project WHERE id = ?")
                .param(UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    /**
     * Every form on the project that names the project's version — moving it, the provider's and the verifier's
     * keys, approving the inventory — answers one stale (version 0 after another change) and one naming no version
     * alike: the page with the alert, the pasted key kept, nothing stored.
     */
    @Test
    void projectFormsStaleOrWithoutVersionComeBackWithTheAlertAndStoreNothing() throws Exception {
        CurrentUser provider = user(w.provider().id());
        mvc.perform(post("/api/exit-projects/{id}/items", id)
                        .with(as(provider))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"category":"conversion-tool","name":"转换工具","description":"导出为 CSV","sensitivity":"公开"}"""))
                .andExpect(status().isCreated());
        String verifierPem = org.yunjian.crypto.Pem.writePublicKey(
                org.yunjian.exit.Keys.generate().getPublic());
        mvc.perform(json(
                                put("/api/exit-projects/{id}/verifier-key", id),
                                "{\"pem\":\"" + verifierPem.replace("\n", "\\n") + "\"}")
                        .with(IfMatch.version(projectVersion())))
                .andExpect(status().isOk());
        long stored = projectVersion();
        assertThat(stored).isPositive();
        String pem = org.yunjian.crypto.Pem.writePublicKey(
                org.yunjian.exit.Keys.generate().getPublic());
        for (String version : new String[] {"0", null}) {
            List<Object[]> forms = List.of(
                    new Object[] {post("/exit-projects/{id}/transition", id).param("to", "HANDOVER"), customer, false},
                    new Object[] {post("/exit-projects/{id}/approve", id).param("confirm", "true"), customer, false},
                    new Object[] {post("/exit-projects/{id}/verifier-key", id).param("pem", pem), customer, true},
                    new Object[] {post("/exit-projects/{id}/provider-key", id).param("pem", pem), provider, true});
            for (Object[] f : forms) {
                MockHttpServletRequestBuilder form = (MockHttpServletRequestBuilder) f[0];
                String page = StaleForms.pageAfter(
                        mvc, version == null ? form : form.param("version", version), page(), as((CurrentUser) f[1]));
                assertThat(page).contains("id=\"stale-version\"", version == null ? "此表单没有说明" : "他人已于 20");
                if ((Boolean) f[2]) { // the pasted key is kept
                    assertThat(page)
                            .contains("rows=\"4\">" + pem.lines().findFirst().orElseThrow());
                }
            }
        }
        assertThat(projectVersion()).isEqualTo(stored);
        assertThat(storedStatus()).isEqualTo("PLANNING");
        assertThat(jdbc.sql("SELECT inventory_approved_at IS NULL AND provider_key_pem IS NULL FROM exit_project "
                                + "WHERE id = ?")
                        .param(UUID.fromString(id))
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    /**
     * Moving the project and approving the inventory are one click and type nothing: refused as stale or naming no
     * version, the alert says the step was not taken and to take it again over the current record — not that typed
     * input is kept below — in Chinese and in English.
     */
    @Test
    void refusedMoveOrApprovalSaysTheStepWasNotTakenInBothLanguages() throws Exception {
        mvc.perform(post("/api/exit-projects/{id}/items", id)
                        .with(as(user(w.provider().id())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"category":"conversion-tool","name":"转换工具","description":"导出为 CSV","sensitivity":"公开"}"""))
                .andExpect(status().isCreated());
        String pem = org.yunjian.crypto.Pem.writePublicKey(
                org.yunjian.exit.Keys.generate().getPublic());
        mvc.perform(json(
                                put("/api/exit-projects/{id}/verifier-key", id),
                                "{\"pem\":\"" + pem.replace("\n", "\\n") + "\"}")
                        .with(IfMatch.version(projectVersion())))
                .andExpect(status().isOk());
        long stored = projectVersion();
        record Step(MockHttpServletRequestBuilder form, String chinese, String english) {}
        for (String version : new String[] {"0", null}) {
            for (String lang : new String[] {"zh-CN", "en"}) {
                List<Step> steps = List.of(
                        new Step(
                                post("/exit-projects/{id}/transition", id).param("to", "HANDOVER"),
                                "，项目未转入所选阶段。请查看当前记录；如仍需转入，请再次操作。",
                                "; the project did not move. Review the current record; if it should still move, "
                                        + "move it again."),
                        new Step(
                                post("/exit-projects/{id}/approve", id).param("confirm", "true"),
                                "，未批准任何内容。请查看当前记录；如仍同意，请再次批准。",
                                "; nothing was approved. Review the current record; if you still agree, approve "
                                        + "it again."));
                for (Step step : steps) {
                    MockHttpServletRequestBuilder form = step.form().param("lang", lang);
                    String page = StaleForms.pageAfter(
                            mvc, version == null ? form : form.param("version", version), page(), as(customer));
                    assertThat(page).contains("id=\"stale-version\"", "name=\"version\" value=\"" + stored + "\"");
                    if (lang.equals("en")) {
                        assertThat(page)
                                .contains((version == null
                                                ? "(perhaps a page opened before an upgrade)"
                                                : "after you opened this page")
                                        + step.english())
                                .doesNotContain("Your input is kept below", "your change was not saved");
                    } else {
                        assertThat(page)
                                .contains(
                                        version == null
                                                ? "（可能是系统升级前打开的页面）" + step.chinese()
                                                : "修改了这条记录" + step.chinese())
                                .doesNotContain("下方保留了您填写的内容", "您的修改未保存");
                    }
                }
            }
        }
        assertThat(storedStatus()).isEqualTo("PLANNING");
        assertThat(projectVersion()).isEqualTo(stored);
    }

    @Test
    void twoConcurrentWritersOfOneChecklistItemExactlyOneWins() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (String text : List.of("线程甲", "线程乙")) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        runAs(
                                customer,
                                () -> service.updateChecklist(
                                        UUID.fromString(id),
                                        "e",
                                        ChecklistStatus.DONE,
                                        text,
                                        ExpectedVersion.exactly(0)));
                        return "won:" + text;
                    } catch (StaleVersionException e) {
                        return "stale";
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).containsOnlyOnce("stale");
            String winner = outcomes.stream()
                    .filter(o -> o.startsWith("won:"))
                    .findFirst()
                    .orElseThrow();
            assertThat(note("e")).isEqualTo(winner.substring(4));
            assertThat(jdbc.sql("SELECT version FROM exit_checklist_item WHERE project_id = ? AND item_key = 'e'")
                            .param(UUID.fromString(id))
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pageFormsCarryTheVersions() throws Exception {
        mvc.perform(get("/exit-projects/{id}", id).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
    }
}
