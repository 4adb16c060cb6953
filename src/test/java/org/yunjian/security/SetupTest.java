package org.yunjian.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.cli.CliRunner;
import org.yunjian.security.internal.admin.FirstAdministratorSetup;
import org.yunjian.shared.AuditableEvent;
import picocli.CommandLine;

/** On a database of its own: set-up only works while no security administrator exists. */
@SpringBootTest(properties = {"yunjian.security.setup-token=operator-chosen-token-42"})
@AutoConfigureMockMvc
@RecordApplicationEvents
@Tag("database")
class SetupTest {

    @org.springframework.test.context.DynamicPropertySource
    static void databaseOfItsOwn(org.springframework.test.context.DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.fresh("setup_tests", registry);
    }

    private static final String PASSWORD = "First-Admin-Passw0rd";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FirstAdministratorSetup setup;

    @Autowired
    CliRunner cli;

    @Autowired
    ApplicationEvents events;

    private ResultActions submit(String token, String username, String password) throws Exception {
        return mvc.perform(post("/setup")
                .with(csrf())
                .param("token", token)
                .param("username", username)
                .param("displayName", "首任安全管理员")
                .param("password", password));
    }

    @Test
    void firstSecurityAdministratorIsCreatedOnceWithAOneTimeToken() throws Exception {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT token_hash FROM setup_token WHERE used_at IS NULL")
                        .query(String.class)
                        .list())
                .containsExactly(FirstAdministratorSetup.hash("operator-chosen-token-42"))
                .doesNotContain("operator-chosen-token-42");
        mvc.perform(get("/setup"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"token\"")));

        submit("guessed-token", "secadmin", PASSWORD)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));
        submit("operator-chosen-token-42", "secadmin", "weak")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));
        assertThat(setup.isOpen()).isTrue();

        StringWriter out = new StringWriter();
        CommandLine cmd = cli.commandLine();
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute("users", "setup-token")).isZero();
        String fresh = out.toString().strip();
        submit("operator-chosen-token-42", "secadmin", PASSWORD)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));

        submit(fresh, "secadmin", PASSWORD).andExpect(redirectedUrl("/login?setup"));
        assertThat(setup.isOpen()).isFalse();
        assertThat(jdbc.sql("SELECT role FROM user_account WHERE username = 'secadmin'")
                        .query(String.class)
                        .single())
                .isEqualTo("SECURITY_ADMIN");
        assertThat(events.stream(AuditableEvent.class)
                        .filter(e -> e.action().equals("system.setup"))
                        .map(AuditableEvent::outcome))
                .contains(AuditableEvent.Outcome.SUCCESS);

        submit(fresh, "secadmin2", PASSWORD)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"setup-closed\"")))
                .andExpect(content().string(not(containsString("id=\"token\""))));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(cmd.execute("users", "setup-token")).isEqualTo(1);

        mvc.perform(post("/login").with(csrf()).param("username", "secadmin").param("password", PASSWORD))
                .andExpect(redirectedUrl("/login/totp"));
    }
}
