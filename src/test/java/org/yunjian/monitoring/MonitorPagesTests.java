package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import org.yunjian.security.CurrentUser;

/**
 * The monitoring pages as a customer uses them: the system's page lists monitors and offers the form (the provider
 * sees the list without it); a refused form comes back with the input kept and each problem next to its field;
 * deleting asks to confirm first; a stranger gets 404.
 */
class MonitorPagesTests extends MonitoringWorldTests {

    String page(String path, CurrentUser u) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theCustomerAddsAMonitorAndARefusedFormKeepsTheInput() throws Exception {
        String base = "/systems/" + w.system().id() + "/monitoring";
        assertThat(page(base, customer)).contains("id=\"monitor-form\"", "尚无监测项");
        assertThat(page(base, provider)).doesNotContain("id=\"monitor-form\"");
        mvc.perform(get(base).with(as(stranger))).andExpect(status().isNotFound());

        String refused = HtmlUtils.htmlUnescape(mvc.perform(post(base)
                        .with(as(customer))
                        .with(csrf())
                        .param("name", "门户首页")
                        .param("url", "ftp://portal")
                        .param("intervalSeconds", "5"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused).contains("id=\"error-url\"", "value=\"门户首页\"", "60 到 86400");

        String location = mvc.perform(post(base)
                        .with(as(customer))
                        .with(csrf())
                        .param("name", "门户首页")
                        .param("url", "http://127.0.0.1:9/"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/monitoring/monitors/");
        UUID id = UUID.fromString(location.substring("/monitoring/monitors/".length()));
        assertThat(page(location, customer)).contains("门户首页", "尚未批准基线", "id=\"run-now\"", "id=\"delete\"");

        String unconfirmed = HtmlUtils.htmlUnescape(mvc.perform(post(location + "/delete")
                        .with(as(customer))
                        .with(csrf())
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(unconfirmed).contains("id=\"confirm-delete\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitor WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(post(location + "/delete")
                        .with(as(customer))
                        .with(csrf())
                        .param("version", "0")
                        .param("confirm", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM monitor WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
