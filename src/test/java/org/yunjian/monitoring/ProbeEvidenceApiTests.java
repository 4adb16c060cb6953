package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.HtmlUtils;
import org.yunjian.crypto.Sm3;

/**
 * Probe results as sealed evidence through the REST API and the monitor's page, against a page the test serves on
 * loopback: probes (the scheduler's and "run now" at the same time among them) form an intact signed chain; one
 * probe's stored response SM3 altered in the database is named by the verdict, on the page in words and by its place;
 * the response behind a tamper alert downloads byte for byte with its SM3 and never as a page; a probe whose response
 * is not kept is 404, and a stranger sees nothing. Same context as {@link MonitorApiTests}.
 */
class ProbeEvidenceApiTests extends MonitoringWorldTests {

    String verification(UUID monitor) throws Exception {
        return json(call(get("/api/monitors/" + monitor + "/probes/verification"), customer)
                .andExpect(status().isOk()));
    }

    @Test
    void probesFormAnIntactChainAndAnAlteredOneIsNamed() throws Exception {
        UUID m = addMonitor();
        // "run now" twice at once beside each other: appends to the chain are taken one at a time
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> run(m)));
            }
            for (Future<String> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long probes = jdbc.sql("SELECT COUNT(*) FROM monitor_probe WHERE monitor_id = ?")
                .param(m)
                .query(Long.class)
                .single();
        assertThat(probes).isGreaterThanOrEqualTo(4);
        String ok = verification(m);
        assertThat((Boolean) JsonPath.read(ok, "$.intact")).as(ok).isTrue();
        assertThat(((Number) JsonPath.read(ok, "$.checked")).longValue()).isEqualTo(probes);
        assertThat(((Number) JsonPath.read(ok, "$.sealed")).longValue()).isEqualTo(probes);
        assertThat((Integer) JsonPath.read(ok, "$.unsealed")).isZero();
        assertThat((String) JsonPath.read(ok, "$.verdict")).startsWith("证据链完整");
        assertThat(fragment(m)).contains("证据链完整");

        UUID second = jdbc.sql("SELECT id FROM monitor_probe WHERE monitor_id = ? AND chain_seq = 2")
                .param(m)
                .query(UUID.class)
                .single();
        jdbc.sql("UPDATE monitor_probe SET body_sm3 = ? WHERE id = ?")
                .params("0".repeat(64), second)
                .update();
        String broken = verification(m);
        assertThat((Boolean) JsonPath.read(broken, "$.intact")).isFalse();
        assertThat((String) JsonPath.read(broken, "$.broken.probeId")).isEqualTo(second.toString());
        assertThat((Integer) JsonPath.read(broken, "$.broken.position")).isEqualTo(2);
        assertThat((String) JsonPath.read(broken, "$.broken.reason")).isEqualTo("SEAL_MISMATCH");
        assertThat(fragment(m)).contains("证据链被破坏：第 2 条被改动");

        // a probe deleted from the chain's end shows against the head kept on the monitor
        jdbc.sql("UPDATE monitor_probe SET body_sm3 = (SELECT body_sm3 FROM monitor_probe WHERE monitor_id = ? "
                        + "AND chain_seq = 1) WHERE id = ?")
                .params(m, second)
                .update();
        assertThat((Boolean) JsonPath.read(verification(m), "$.intact")).isTrue();
        jdbc.sql("DELETE FROM monitor_probe WHERE monitor_id = ? AND chain_seq = ?")
                .params(m, probes)
                .update();
        String tail = verification(m);
        assertThat((String) JsonPath.read(tail, "$.broken.reason")).isEqualTo("CHAIN_GAP");
        assertThat((String) JsonPath.read(tail, "$.verdict")).contains("最近的检测记录缺失");

        call(get("/api/monitors/" + m + "/probes/verification"), stranger).andExpect(status().isNotFound());
    }

    String fragment(UUID monitor) throws Exception {
        return HtmlUtils.htmlUnescape(json(call(get("/monitoring/monitors/" + monitor + "/verification"), customer)
                .andExpect(status().isOk())));
    }

    @Test
    void theResponseBehindATamperAlertDownloadsWithItsSm3() throws Exception {
        UUID m = addMonitor();
        String plain = run(m);
        UUID notKept = UUID.fromString(JsonPath.read(plain, "$.id"));
        call(get("/api/monitors/" + m + "/probes/" + notKept + "/response"), customer)
                .andExpect(status().isNotFound());

        call(post("/api/monitors/" + m + "/baseline"), customer).andExpect(status().isCreated());
        String changed = PAGE.formatted("1", "").replace("欢迎访问", "欢迎投资");
        body.set(changed);
        String r = run(m);
        assertThat((List<String>) JsonPath.read(r, "$.alertsOpened[*].kind")).contains("TAMPERING");
        UUID probe = UUID.fromString(JsonPath.read(r, "$.id"));
        String sm3 = Sm3.hex(changed.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse download = call(get("/api/monitors/" + m + "/probes/" + probe + "/response"), customer)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Content-SM3", sm3))
                .andReturn()
                .getResponse();
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(Sm3.hex(download.getContentAsByteArray())).isEqualTo(sm3);
        // the baseline's content is kept too: the first probe's response, the same bytes, now downloads
        call(get("/api/monitors/" + m + "/probes/" + notKept + "/response"), customer)
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "X-Content-SM3", Sm3.hex(PAGE.formatted("1", "").getBytes(StandardCharsets.UTF_8))));
        // probing the unchanged page again keeps nothing new: one row per SM3
        run(m);
        long kept = jdbc.sql("SELECT COUNT(*) FROM monitor_response WHERE sm3 = ?")
                .param(sm3)
                .query(Long.class)
                .single();
        assertThat(kept).isEqualTo(1);

        String page = HtmlUtils.htmlUnescape(
                json(call(get("/monitoring/monitors/" + m), customer).andExpect(status().isOk())));
        assertThat(page).contains("/api/monitors/" + m + "/probes/" + probe + "/response", "probe-verdict");
        call(get("/api/monitors/" + m + "/probes/" + probe + "/response"), stranger)
                .andExpect(status().isNotFound());
        call(get("/api/monitors/" + m + "/probes/not-a-probe/response"), customer)
                .andExpect(status().isBadRequest());
        call(get("/api/monitors/" + m + "/probes/verification"), customer)
                .andExpect(jsonPath("$.intact").value(true));

        // a probe stored before sealing began (as the migration leaves them): counted as not sealed, never faked
        jdbc.sql("""
                        INSERT INTO monitor_probe (id, monitor_id, started_at, duration_ms, outcome, http_status,
                        body_sm3, body_bytes, findings, node) SELECT ?, monitor_id, started_at - INTERVAL '1' DAY,
                        duration_ms, outcome, http_status, body_sm3, body_bytes, findings, node FROM monitor_probe
                        WHERE id = ?""").params(UUID.randomUUID(), notKept).update();
        String older = verification(m);
        assertThat((Boolean) JsonPath.read(older, "$.intact")).as(older).isTrue();
        assertThat((Integer) JsonPath.read(older, "$.unsealed")).isEqualTo(1);
        assertThat((String) JsonPath.read(older, "$.verdict")).contains("1 条为启用封存前的记录（未封存）");
    }
}
