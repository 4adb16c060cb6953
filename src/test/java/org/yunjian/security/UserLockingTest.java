package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yunjian.support.IfMatch;

/** Two security administrators editing one account: the second, stale edit is refused, never silently applied. */
class UserLockingTest extends SecurityIntegrationTest {

    private UserView securityAdmin() {
        return administrator(Role.SECURITY_ADMIN, Totp.newSecret());
    }

    @Test
    void staleAccountUpdateGets412AndLeavesTheAccountAsTheFirstEditorLeftIt() throws Exception {
        UserView admin = securityAdmin();
        UserView u = administrator(Role.AUDIT_ADMIN, null); // business accounts are their organisations' (issue 57)
        long read = IfMatch.stored(jdbc, "user_account", "id", u.id());
        mvc.perform(get("/api/users/{id}", u.id()).with(as(admin)))
                .andExpect(header().string("ETag", "\"" + read + "\""))
                .andExpect(jsonPath("$.version").value(read));
        mvc.perform(put("/api/users/{id}", u.id())
                        .with(as(admin))
                        .with(csrf())
                        .with(IfMatch.version(read))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"先改的名字\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + (read + 1) + "\""));
        mvc.perform(put("/api/users/{id}", u.id())
                        .param("lang", "en")
                        .with(as(admin))
                        .with(csrf())
                        .with(IfMatch.version(read))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"后改的名字\",\"enabled\":false}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-failed"))
                .andExpect(jsonPath("$.title").value("Record changed by someone else"));
        UserView now = users.get(u.id());
        assertThat(now.displayName()).isEqualTo("先改的名字");
        assertThat(now.enabled()).isTrue();
    }

    @Test
    void accountUpdateWithoutVersionGets428() throws Exception {
        UserView admin = securityAdmin();
        UserView u = administrator(Role.AUDIT_ADMIN, null); // business accounts are their organisations' (issue 57)
        mvc.perform(put("/api/users/{id}", u.id())
                        .with(as(admin))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"无版本\"}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:precondition-required"));
        assertThat(users.get(u.id()).displayName()).isNotEqualTo("无版本");
    }

    @Test
    void staleAccountFormReRendersWithTheMessageAndTheTypedInput() throws Exception {
        UserView admin = securityAdmin();
        UserView u = administrator(Role.AUDIT_ADMIN, null); // business accounts are their organisations' (issue 57)
        long read = IfMatch.stored(jdbc, "user_account", "id", u.id());
        mvc.perform(put("/api/users/{id}", u.id())
                        .with(as(admin))
                        .with(csrf())
                        .with(IfMatch.version(read))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"别人先改\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/admin/users/{id}", u.id())
                        .with(as(admin))
                        .with(csrf())
                        .param("lang", "en")
                        .param("displayName", "我输入的名字")
                        .param("role", "AUDIT_ADMIN")
                        .param("enabled", "true")
                        .param("version", String.valueOf(read)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("Someone else changed this record")))
                .andExpect(content().string(containsString("我输入的名字")))
                .andExpect(content().string(containsString("name=\"version\" value=\"" + (read + 1) + "\"")));
        assertThat(users.get(u.id()).displayName()).isEqualTo("别人先改");
    }

    @Test
    void accountFormNamingNoVersionComesBackWithTheAlertAndTheTypedInput() throws Exception {
        UserView admin = securityAdmin();
        UserView u = administrator(Role.AUDIT_ADMIN, null); // business accounts are their organisations' (issue 57)
        long read = IfMatch.stored(jdbc, "user_account", "id", u.id());
        mvc.perform(post("/admin/users/{id}", u.id())
                        .with(as(admin))
                        .with(csrf())
                        .param("lang", "en")
                        .param("displayName", "无版本的名字")
                        .param("role", "AUDIT_ADMIN")
                        .param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("did not say which version")))
                .andExpect(content().string(containsString("无版本的名字")))
                .andExpect(content().string(containsString("name=\"version\" value=\"" + read + "\"")));
        assertThat(users.get(u.id()).displayName()).isNotEqualTo("无版本的名字");
        assertThat(IfMatch.stored(jdbc, "user_account", "id", u.id())).isEqualTo(read);
    }
}
