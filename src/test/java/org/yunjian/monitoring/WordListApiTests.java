package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.OrganizationAdministration;
import org.yunjian.security.Role;

/**
 * An organisation's harmful-content word list (政府网站指南 8.4.1.3 a)) through the REST API: its 组织管理员 imports
 * versions (each kept, the latest in force), a colleague reads but may not import, other organisations learn nothing;
 * a file that is not a UTF-8 word list is refused naming the problem and its line, with nothing stored; and the
 * monitors of the organisation's systems match its latest list, not the sample, in the pages they probe.
 */
class WordListApiTests extends MonitoringWorldTests {

    @Autowired
    OrganizationAdministration orgAdmins;

    CurrentUser orgAdmin;
    CurrentUser colleague;
    CurrentUser providerAdmin;
    String base;

    @BeforeEach
    void accounts() {
        orgAdmin = account(w.customer().id(), true);
        colleague = account(w.customer().id(), false);
        providerAdmin = account(w.provider().id(), true);
        base = "/api/organizations/" + w.customer().id() + "/word-lists";
        body.set("<html><body><p>本站公告</p></body></html>");
    }

    CurrentUser account(UUID org, boolean isAdmin) {
        String name = "wl" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = orgAdmins.createInvited(name, "人员 " + name, "Org-Admin-Pass-2026!", org, isAdmin, "test");
        return new CurrentUser(id, name, org, Role.USER);
    }

    ResultActions upload(CurrentUser u, byte[] file, String note) throws Exception {
        var b = multipart(base).file(new MockMultipartFile("file", "词表.xlsx", "application/vnd.ms-excel", file));
        if (note != null) {
            b.param("note", note);
        }
        return mvc.perform(b.with(as(u)));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theOrganisationAdministratorImportsVersionsAndTheLatestIsInForce() throws Exception {
        mvc.perform(get(base).with(as(colleague)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usingSample").value(true))
                .andExpect(jsonPath("$.mayImport").value(false));
        // the declared name and type say spreadsheet: the content is text, so it is read as text
        upload(orgAdmin, utf8("# 本单位词表\n违规词甲\n违规词乙\n违规词甲\n"), "首次导入")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.wordCount").value(2));
        upload(orgAdmin, utf8("违规词丙\n"), null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(get(base).with(as(colleague)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usingSample").value(false))
                .andExpect(jsonPath("$.versions[*].version").value(org.hamcrest.Matchers.contains(2, 1)))
                .andExpect(jsonPath("$.versions[1].note").value("首次导入"));
        mvc.perform(get(base + "/1").with(as(colleague)))
                .andExpect(status().isOk())
                .andExpect(content().string("违规词甲\n违规词乙"));
        mvc.perform(get(base + "/9").with(as(colleague))).andExpect(status().isNotFound());
        // a colleague reads but does not import; another organisation learns nothing; a system administrator may
        upload(colleague, utf8("词\n"), null).andExpect(status().isForbidden());
        upload(providerAdmin, utf8("词\n"), null).andExpect(status().isNotFound());
        mvc.perform(get(base).with(as(providerAdmin))).andExpect(status().isNotFound());
        upload(admin(), utf8("违规词丁\n"), "代为导入").andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'monitor.wordlist.import'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFileThatIsNotAWordListIsRefusedNamingTheProblemAndNothingIsStored() throws Exception {
        upload(orgAdmin, "第一行\n第二行".getBytes(Charset.forName("GBK")), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file", containsString("1")));
        upload(orgAdmin, new byte[] {'P', 'K', 3, 4, 0, 0, 1}, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").isString());
        upload(orgAdmin, utf8("好词\n" + "长".repeat(51) + "\n"), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file", containsString("2")));
        upload(orgAdmin, utf8("# 只有注释\n\n"), null).andExpect(status().isBadRequest());
        upload(orgAdmin, utf8("词\n"), "长".repeat(501))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.note").isString());
        mvc.perform(multipart(base).with(as(orgAdmin)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").isString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitor_word_list WHERE organization_id = ?")
                        .param(w.customer().id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theMonitorsOfTheOrganisationsSystemsMatchItsLatestList() throws Exception {
        body.set("<html><body><p>本站公告：违规词戊出现在正文中。</p></body></html>");
        String created = mvc.perform(post("/api/systems/" + w.system().id() + "/monitors")
                        .with(as(orgAdmin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"公告页\",\"url\":\"http://127.0.0.1:" + site.port() + "/\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String monitor = JsonPath.read(created, "$.id");
        // with the sample list the word is nothing
        assertThat(kinds(run(monitor))).doesNotContain("HARMFUL_CONTENT");
        upload(orgAdmin, utf8("违规词戊\n"), null).andExpect(status().isCreated());
        assertThat(kinds(run(monitor))).contains("HARMFUL_CONTENT");
    }

    String run(String monitor) throws Exception {
        return mvc.perform(post("/api/monitors/" + monitor + "/run").with(as(orgAdmin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static List<String> kinds(String run) {
        return JsonPath.read(run, "$.alertsOpened[*].kind");
    }
}
