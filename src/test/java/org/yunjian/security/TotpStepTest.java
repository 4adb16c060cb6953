package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/**
 * Issue 35: the TOTP step says when a right code was already used in its 30-second window and how long until the
 * authenticator shows a new one (page and REST), and outside demo mode it never shows a code (the demo's code is
 * shown in demo mode only: {@code DemoAdministratorLoginBrowserTest}).
 */
@org.yunjian.support.OnePass
class TotpStepTest extends SecurityIntegrationTest {

    @Test
    void aCodeAlreadyUsedInItsWindowIsRefusedSayingHowLongToWait() throws Exception {
        String secret = Totp.newSecret();
        UserView admin = administrator(Role.SECURITY_ADMIN, secret);
        // 12 s into a 30-second window: the next code shows in 18 s
        clock.set(Instant.ofEpochSecond((clock.instant().getEpochSecond() / 30 + 2) * 30 + 12));
        String code = Totp.code(secret, clock.instant());
        mvc.perform(post("/login/totp")
                        .session(login(admin.username(), PASSWORD))
                        .param("code", code)
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));

        clock.advance(Duration.ofSeconds(3));
        MockHttpSession again = login(admin.username(), PASSWORD);
        mvc.perform(post("/login/totp").session(again).param("code", code).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"totp-error\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("此动态口令已在本 30 秒时段内使用过，每个口令只能使用一次。请等待约 15 秒")));
        mvc.perform(post("/api/login/totp")
                        .session(again)
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors.code")
                                .value(
                                        org.hamcrest.Matchers.startsWith(
                                                "This code was already used in its 30-second window; each code is valid once. Wait about 15 seconds")));
        // a wrong code is still just wrong
        String wrong = Totp.code(secret, clock.instant().plus(Duration.ofMinutes(5)));
        mvc.perform(post("/login/totp").session(again).param("code", wrong).with(csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("动态口令不正确")))
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("使用过，每个口令"))));
        // the new window's code logs in
        clock.advance(Duration.ofSeconds(15));
        mvc.perform(post("/login/totp")
                        .session(again)
                        .param("code", Totp.code(secret, clock.instant()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theTotpStepShowsNoCodeOutsideDemoMode() throws Exception {
        String secret = Totp.newSecret();
        UserView admin = administrator(Role.SYSTEM_ADMIN, secret);
        String page = mvc.perform(get("/login/totp").session(login(admin.username(), PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("demo-totp").doesNotContain(Totp.code(secret, clock.instant()));
        // not even for a name of the demo's administrators
        UserView named = users.createDemoAccount(
                org.yunjian.demo.DemoData.SECURITY_ADMIN2 + "-" + unique("x"),
                "管理员",
                Role.SECURITY_ADMIN,
                null,
                PASSWORD,
                org.yunjian.demo.DemoData.SECURITY_ADMIN2_TOTP);
        assertThat(mvc.perform(get("/login/totp").session(login(named.username(), PASSWORD)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("demo-totp")
                .doesNotContain(Totp.code(org.yunjian.demo.DemoData.SECURITY_ADMIN2_TOTP, clock.instant()));
    }
}
