package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.HtmlUtils;

/**
 * The third attack's finding 2 (issue 56): a database writer deletes the newest probes of a monitor and rewinds
 * {@code chain_seq}/{@code chain_head} on the monitor row. The signed checkpoint kept outside the database (in the key
 * directory) still names the newest probe, so the verification says the chain was truncated — over REST in both
 * languages and on the page — and goes on saying so after the server appends new probes over the cut; a checkpoint
 * rewritten without the key is tampering; a monitor whose chain has no checkpoint yet (stored before this version) is
 * intact with a note. Same context as {@link MonitorApiTests}.
 */
class ProbeChainTruncationTests extends MonitoringWorldTests {

    @Value("${yunjian.key-dir}")
    Path keyDir;

    @Autowired
    org.yunjian.shared.keys.PlatformSigningKey key;

    String verification(UUID monitor, String language) throws Exception {
        return json(call(
                        get("/api/monitors/" + monitor + "/probes/verification")
                                .header(HttpHeaders.ACCEPT_LANGUAGE, language),
                        customer)
                .andExpect(status().isOk()));
    }

    String fragment(UUID monitor) throws Exception {
        return HtmlUtils.htmlUnescape(json(call(get("/monitoring/monitors/" + monitor + "/verification"), customer)
                .andExpect(status().isOk())));
    }

    UUID sevenProbes() throws Exception {
        UUID m = addMonitor();
        for (int i = 0; i < 7; i++) {
            run(m);
        }
        return m;
    }

    /** The attack: the newest {@code n} probes deleted and the monitor's chain head rewound to the probe before them. */
    void cutNewest(UUID m, int n) {
        long last = jdbc.sql("SELECT chain_seq FROM monitor WHERE id = ?")
                .param(m)
                .query(Long.class)
                .single();
        jdbc.sql("DELETE FROM monitor_probe WHERE monitor_id = ? AND chain_seq > ?")
                .params(m, last - n)
                .update();
        String seal = jdbc.sql("SELECT seal FROM monitor_probe WHERE monitor_id = ? AND chain_seq = ?")
                .params(m, last - n)
                .query(String.class)
                .single();
        jdbc.sql("UPDATE monitor SET chain_seq = ?, chain_head = ? WHERE id = ?")
                .params(last - n, seal, m)
                .update();
    }

    @Test
    void newestProbesDeletedAndHeadRewoundIsReportedAsTruncation() throws Exception {
        UUID m = sevenProbes();
        assertThat((Boolean) JsonPath.read(verification(m, "zh-CN"), "$.intact"))
                .isTrue();

        cutNewest(m, 2);

        String zh = verification(m, "zh-CN");
        assertThat((Boolean) JsonPath.read(zh, "$.intact")).as(zh).isFalse();
        assertThat((String) JsonPath.read(zh, "$.broken.reason")).isEqualTo("TRUNCATED");
        assertThat((Integer) JsonPath.read(zh, "$.checked")).isEqualTo(5);
        assertThat((String) JsonPath.read(zh, "$.checkpoint.status")).isEqualTo("CONFIRMED");
        assertThat(((Number) JsonPath.read(zh, "$.checkpoint.seq")).longValue()).isEqualTo(7);
        assertThat((String) JsonPath.read(zh, "$.verdict")).startsWith("证据链被截短").contains("第 5 条", "第 7 条");
        String en = verification(m, "en");
        assertThat((String) JsonPath.read(en, "$.verdict"))
                .startsWith("Evidence chain truncated")
                .contains("no. 5", "no. 7");
        assertThat(fragment(m)).contains("证据链被截短").doesNotContain("证据链完整");

        // the server goes on probing over the cut: the truncation stays reported, the signed checkpoint carries it
        for (int i = 0; i < 3; i++) {
            run(m);
        }
        String later = verification(m, "zh-CN");
        assertThat((Boolean) JsonPath.read(later, "$.intact")).as(later).isFalse();
        assertThat((String) JsonPath.read(later, "$.broken.reason")).isEqualTo("TRUNCATED");
        assertThat((String) JsonPath.read(later, "$.verdict"))
                .startsWith("证据链曾被截短")
                .contains("第 7 条");

        // a broken chain found by the web's verification is in the audit log
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'monitor.evidence.verify' "
                                + "AND outcome = 'FAILURE' AND object_id = ?")
                        .param(m.toString())
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aCheckpointRewrittenWithoutTheKeyIsTampering() throws Exception {
        UUID m = sevenProbes();
        Path file = checkpoint(m);
        assertThat(file).exists();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(m.toString(), "head 7 ");

        // rewound by someone who can write the key directory but not sign: seq 5 and its seal, the old signature
        String seal5 = jdbc.sql("SELECT seal FROM monitor_probe WHERE monitor_id = ? AND chain_seq = 5")
                .params(m)
                .query(String.class)
                .single();
        String rewound = text.replaceFirst("head 7 [0-9a-f]{64}", "head 5 " + seal5);
        Files.writeString(file, rewound, StandardCharsets.UTF_8);
        cutNewest(m, 2);
        String v = verification(m, "en");
        assertThat((Boolean) JsonPath.read(v, "$.intact")).as(v).isFalse();
        assertThat((String) JsonPath.read(v, "$.broken.reason")).isEqualTo("CHECKPOINT_INVALID");
        assertThat((String) JsonPath.read(v, "$.checkpoint.status")).isEqualTo("INVALID");
        assertThat((String) JsonPath.read(v, "$.verdict")).contains("checkpoint", "does not verify");

        // the next probe does not build on it: the forgery stays reported
        run(m);
        String after = verification(m, "zh-CN");
        assertThat((String) JsonPath.read(after, "$.broken.reason")).isEqualTo("CHECKPOINT_INVALID");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("forged");
    }

    @Test
    void aChainWithoutCheckpointIsIntactWithANoteAndTheNextProbeWritesOne() throws Exception {
        UUID m = sevenProbes();
        Files.delete(checkpoint(m)); // as before this version, or on a node that never probed this monitor
        String v = verification(m, "zh-CN");
        assertThat((Boolean) JsonPath.read(v, "$.intact")).as(v).isTrue();
        assertThat((String) JsonPath.read(v, "$.checkpoint.status")).isEqualTo("NONE");
        assertThat((String) JsonPath.read(v, "$.verdict")).startsWith("证据链完整").contains("检查点");

        run(m);
        String after = verification(m, "zh-CN");
        assertThat((String) JsonPath.read(after, "$.checkpoint.status")).isEqualTo("CONFIRMED");
        assertThat(((Number) JsonPath.read(after, "$.checkpoint.seq")).longValue())
                .isEqualTo(8);
        cutNewest(m, 1);
        assertThat((String) JsonPath.read(verification(m, "zh-CN"), "$.broken.reason"))
                .isEqualTo("TRUNCATED");
    }

    Path checkpoint(UUID m) {
        return keyDir.resolve("monitor-chains").resolve(m + ".checkpoint");
    }
}
