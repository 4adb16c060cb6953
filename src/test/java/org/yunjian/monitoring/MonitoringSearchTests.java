package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 58 point 6: the global search finds a system's monitors and their alerts for whoever sees the system — the
 * customer and the provider — and never for another organisation's user; an alert reads as its sentence, not a key.
 */
class MonitoringSearchTests extends MonitoringWorldTests {

    @Test
    void aMonitorAndItsAlertAreFoundByTheSystemsPartiesAndNeverByAStranger() throws Exception {
        String name = "搜索监测 " + UUID.randomUUID().toString().substring(0, 8);
        String created = json(call(post("/api/systems/" + w.system().id() + "/monitors")
                        .content("{\"name\":\"" + name + "\",\"url\":\"" + site.url() + "\"}"))
                .andExpect(status().isCreated()));
        String monitor = JsonPath.read(created, "$.id");
        body.set(PAGE.formatted("1", "<div style=\"display:none\"><a href=\"http://casino.example/\">娱乐</a></div>"));
        String alert = JsonPath.read(run(UUID.fromString(monitor), provider), "$.alertsOpened[0].id");

        for (var party : List.of(customer, provider)) {
            String found = json(call(get("/api/search").param("q", name), party).andExpect(status().isOk()));
            assertThat(JsonPath.<List<String>>read(found, "$.monitors[*].title"))
                    .containsExactly(name);
            assertThat(JsonPath.<String>read(found, "$.monitors[0].href")).isEqualTo("/monitoring/monitors/" + monitor);
            assertThat(JsonPath.<List<String>>read(found, "$.alerts[*].href")).contains("/monitoring/alerts/" + alert);
            assertThat(JsonPath.<List<String>>read(found, "$.alerts[*].title")).allSatisfy(t -> assertThat(t)
                    .isNotBlank()
                    .doesNotContain("monitoring.")
                    .doesNotContain("{\"msg\""));
            assertThat(JsonPath.<List<String>>read(found, "$.alerts[*].note"))
                    .allSatisfy(n -> assertThat(n).startsWith(name + " · 未处理 · "));
        }
        String stranger =
                json(call(get("/api/search").param("q", name), this.stranger).andExpect(status().isOk()));
        assertThat(JsonPath.<List<String>>read(stranger, "$.monitors")).isEmpty();
        assertThat(JsonPath.<List<String>>read(stranger, "$.alerts")).isEmpty();
        assertThat(JsonPath.<Integer>read(stranger, "$.alertsTotal")).isZero();
    }
}
