package org.yunjian.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/**
 * People are shown by the name they go by: the page header, the home page and the approvals page use display names.
 */
@org.yunjian.support.OnePass
class DisplayNamesTest extends SecurityIntegrationTest {

    @Test
    void headerNamesTheSignedInUserByDisplayName() throws Exception {
        UserView me = users.createDemoAccount(unique("zhang"), "张安全", Role.SECURITY_ADMIN, null, PASSWORD, null);
        mvc.perform(get("/admin/users").with(as(me)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "id=\"account-link\" data-verbatim title=\"" + me.username() + "\">张安全</a>")));
    }

    @Test
    void homePageWelcomesTheSignedInUserByDisplayName() throws Exception {
        UserView me = users.createDemoAccount(unique("wang"), "王审计", Role.AUDIT_ADMIN, null, PASSWORD, null);
        mvc.perform(get("/").with(as(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("欢迎，王审计")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("欢迎，" + me.username()))));
    }

    @Test
    void approvalsPageNamesTheRequesterByDisplayName() throws Exception {
        UserView alice = users.createDemoAccount(unique("alice"), "李申请", Role.SECURITY_ADMIN, null, PASSWORD, null);
        UserView bob = administrator(Role.SECURITY_ADMIN, null);
        String name = unique("aud");
        mvc.perform(post("/admin/users/new")
                        .with(as(alice))
                        .with(csrf())
                        .param("username", name)
                        .param("displayName", "审计员")
                        .param("role", "AUDIT_ADMIN")
                        .param("organizationId", "")
                        .param("password", TwoPersonRuleTest.NEW_PASSWORD))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/users/requests").with(as(bob)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">李申请</td>")));
    }
}
