package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.party.Engagement;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.party.PartyRole;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;
import org.yunjian.support.StaleForms;

/** Optimistic locking of the responsibility matrix: an edit of an older version never overwrites a newer one. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class ResponsibilityLockingTests {

    static final String PROVIDER_ROW = "TCCIA004-6.2-b";

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Fixtures.World w;
    Organization security;
    CurrentUser customer;
    CurrentUser provider;
    String base;

    @BeforeEach
    void matrix() throws Exception {
        w = fixtures.world();
        security = fixtures.organization("安全服务商 " + UUID.randomUUID().toString().substring(0, 6),
                PartyRole.PARTNER_SECURITY_SERVICE);
        fixtures.engagement("云平台运营", w.system(),
                new Engagement.Participant(security.id(), PartyRole.PARTNER_SECURITY_SERVICE));
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        base = "/api/systems/" + w.system().id() + "/responsibility";
        mvc.perform(post(base).with(as(customer))).andExpect(status().isCreated());
        mvc.perform(json(post(base + "/agreements"), provider, """
                        {"name":"安全服务协议","partyA":"%s","partyB":"%s","clauses":["7.3"]}"""
                        .formatted(w.provider().id(), security.id())).with(IfMatch.version(1)))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"2\""));
    }

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, CurrentUser u, String body) {
        return b.with(as(u)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String row(String chain) {
        return """
                {"assignments":[{"organisation":"%s","role":"PROVIDER","chain":[%s]}]}""".formatted(w.provider().id(),
                chain);
    }

    int current() {
        return jdbc.sql("SELECT current_version FROM responsibility_matrix WHERE system_id = ?")
                .param(w.system().id()).query(Integer.class).single();
    }

    @Test
    void readingTheMatrixGivesItsCurrentVersionAsETag() throws Exception {
        mvc.perform(get(base).with(as(customer))).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.currentVersion").value(2));
    }

    @Test
    void staleRowEditGets409InBothLanguagesAndWritesNoVersion() throws Exception {
        String handedOn = row("{\"to\":\"%s\",\"agreement\":\"安全服务协议\",\"clause\":\"7.3\"}".formatted(security.id()));
        mvc.perform(json(put(base + "/rows/{duty}", PROVIDER_ROW), provider, handedOn).with(IfMatch.version(2)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.currentVersion").value(3));
        mvc.perform(json(put(base + "/rows/{duty}", PROVIDER_ROW).param("lang", "en"), customer, row(""))
                        .with(IfMatch.version(2)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:conflict"))
                .andExpect(jsonPath("$.detail").value(containsString("Someone else changed this record at 20")))
                .andExpect(jsonPath("$.currentVersion").value(3));
        mvc.perform(json(put(base + "/rows/{duty}", PROVIDER_ROW), customer,
                        "{\"baseVersion\":2," + row("").substring(1)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("记录已被他人修改"))
                .andExpect(jsonPath("$.detail").value(containsString("他人已于 20")));
        assertThat(current()).isEqualTo(3);
    }

    @Test
    void changeNamingNoVersionGets428ButAStrangerStill404() throws Exception {
        mvc.perform(json(put(base + "/rows/{duty}", PROVIDER_ROW).param("lang", "en"), customer, row("")))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-required"));
        mvc.perform(json(post(base + "/sign-offs"), customer, "{\"side\":\"CUSTOMER\"}"))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(json(put(base + "/rows/{duty}", PROVIDER_ROW), user(w.stranger().id()), row("")))
                .andExpect(status().isNotFound());
        assertThat(current()).isEqualTo(2);
    }

    @Test
    void staleRowFormComesBackWithTheMessageAndTheTypedInput() throws Exception {
        // someone else hands the work on meanwhile
        mvc.perform(json(put(base + "/rows/{duty}", PROVIDER_ROW), provider,
                        row("{\"to\":\"%s\",\"agreement\":\"安全服务协议\",\"clause\":\"7.3\"}".formatted(security.id())))
                        .with(IfMatch.version(2)))
                .andExpect(status().isOk());
        mvc.perform(post("/systems/{id}/responsibility/rows/{duty}/hops", w.system().id(), PROVIDER_ROW)
                        .with(as(provider)).param("lang", "en").param("version", "2")
                        .param("organisation", w.provider().id().toString()).param("role", "PROVIDER")
                        .param("to", security.id().toString()).param("agreement", "安全服务协议")
                        .param("clause", "我输入的条款"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("Someone else changed this record at 20")))
                .andExpect(content().string(containsString("value=\"我输入的条款\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"3\"")));
        assertThat(current()).isEqualTo(3);
    }

    /** The agreement form as typed on the matrix page, naming {@code version} (none when null). */
    MockHttpServletRequestBuilder agreementForm(String version) {
        MockHttpServletRequestBuilder form = post("/systems/{id}/responsibility/agreements", w.system().id())
                .param("name", "我输入的协议").param("partyA", w.provider().id().toString())
                .param("partyB", security.id().toString()).param("clauses", "9.1, 9.2");
        return version == null ? form : form.param("version", version);
    }

    @Test
    void staleOrVersionlessAgreementFormComesBackOnTheMatrixWithTheAlertAndTheTypedInput() throws Exception {
        String matrix = "/systems/" + w.system().id() + "/responsibility";
        for (String version : new String[] {"1", null}) {
            String page = StaleForms.pageAfter(mvc, agreementForm(version), matrix, as(provider));
            assertThat(page).contains(version == null ? "此表单没有说明" : "他人已于 20", "value=\"我输入的协议\"",
                    "value=\"9.1, 9.2\"", "<details id=\"add-agreement\" open", "name=\"version\" value=\"2\"");
            assertThat(current()).isEqualTo(2);
        }
    }

    @Test
    void versionlessRowFormComesBackWithTheAlertAndTheTypedInput() throws Exception {
        mvc.perform(post("/systems/{id}/responsibility/rows/{duty}/hops", w.system().id(), PROVIDER_ROW)
                        .with(as(provider)).param("organisation", w.provider().id().toString()).param("role", "PROVIDER")
                        .param("to", security.id().toString()).param("agreement", "安全服务协议")
                        .param("clause", "无版本的条款"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("此表单没有说明")))
                .andExpect(content().string(containsString("value=\"无版本的条款\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"2\"")));
        assertThat(current()).isEqualTo(2);
    }

    @Test
    void staleOrVersionlessRoleDecisionComesBackWithTheAlertAndTheTickedBehaviours() throws Exception {
        for (String version : new String[] {"1", null}) {
            var form = post("/systems/{id}/responsibility/participants/{org}", w.system().id(), security.id())
                    .with(as(customer)).param("behaviours", "MANAGE_PLATFORM_OM").param("action", "confirm");
            mvc.perform(version == null ? form : form.param("version", version))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"stale-version\"")))
                    .andExpect(content().string(containsString(version == null ? "此表单没有说明" : "他人已于 20")))
                    .andExpect(content().string(containsString("id=\"b-MANAGE_PLATFORM_OM\" checked")))
                    .andExpect(content().string(containsString("name=\"version\" value=\"2\"")));
            assertThat(current()).isEqualTo(2);
        }
    }

    @Test
    void staleOrVersionlessSspUploadComesBackToTheWorkbookPageWithTheAlert() throws Exception {
        byte[] ssp = mvc.perform(get(base + "/oscal-ssp").param("format", "json").param("side", "customer")
                .with(as(customer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        for (String version : new String[] {"1", null}) {
            var form = multipart("/systems/{id}/responsibility/oscal-ssp", w.system().id())
                    .file(new MockMultipartFile("file", "ssp.json", "application/json", ssp));
            if (version != null) {
                form.param("version", version);
            }
            String page = StaleForms.pageAfter(mvc, form,
                    "/systems/" + w.system().id() + "/responsibility/workbook", as(customer));
            assertThat(page).contains(version == null ? "此表单没有说明" : "他人已于 20", "name=\"version\" value=\"2\"",
                            "id=\"ssp-stale-file\"", "请先核对当前分工，再重新选择文件")
                    .doesNotContain("id=\"ssp-imported\"", "id=\"ssp-unchanged\"");
            assertThat(current()).isEqualTo(2);
        }
    }
}
