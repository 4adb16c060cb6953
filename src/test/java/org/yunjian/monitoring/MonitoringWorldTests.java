package org.yunjian.monitoring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.Jdbc;
import org.yunjian.support.WorldMvcTests;

/**
 * The set-up the monitoring module's REST and page tests share, on top of {@link WorldMvcTests} (the whole application
 * with MockMvc and the database, and a fresh fixture world before each test): a user of each organisation of the
 * world, and a website on loopback ({@link #site}) answering {@link #page()} — by default {@link #body}, which starts
 * as {@link #PAGE} and which a test changes between probes. The site is closed after each test (a test that stops it
 * and starts it again assigns the new one to {@link #site}). Requests go as the customer unless a user is named. A
 * subclass's own {@code @BeforeEach} runs after this set-up.
 */
public abstract class MonitoringWorldTests extends WorldMvcTests {

    /** A government portal's home page: the first {@code %s} the day in its ticker, the second what follows its text. */
    public static final String PAGE = """
            <html><head><title>示例市人民政府</title></head><body>
            <div id="ticker">今日 %s</div>
            <h1>示例市人民政府门户网站</h1>
            <p>本网站发布政府信息公开目录。欢迎访问。</p>
            %s
            </body></html>""";

    /** A home page with a heading only. */
    public static final String HOME = "<html><body><h1>示例市人民政府</h1></body></html>";

    protected CurrentUser customer;
    protected CurrentUser provider;
    protected CurrentUser agent;
    protected CurrentUser assessor;
    protected CurrentUser stranger;

    /** What the loopback site answers, unless the test overrides {@link #page()}. */
    protected final AtomicReference<String> body = new AtomicReference<>(PAGE.formatted("1", ""));

    @AutoClose
    protected LoopbackPage site;

    @BeforeEach
    final void usersAndSite() throws IOException {
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        agent = user(w.agent().id());
        assessor = user(w.assessor().id());
        stranger = user(w.stranger().id());
        site = LoopbackPage.serving(this::page);
    }

    /** What the loopback site answers to a request now: {@link #body}. */
    protected String page() {
        return body.get();
    }

    /** {@code b} sent as {@code u} as JSON. */
    protected ResultActions call(MockHttpServletRequestBuilder b, CurrentUser u) throws Exception {
        return mvc.perform(b.with(as(u)).contentType(MediaType.APPLICATION_JSON));
    }

    /** {@code b} sent as the customer as JSON. */
    protected ResultActions call(MockHttpServletRequestBuilder b) throws Exception {
        return call(b, customer);
    }

    /** {@code b} sent as {@code u} as it is built (no content type added). */
    protected ResultActions request(MockHttpServletRequestBuilder b, CurrentUser u) throws Exception {
        return mvc.perform(b.with(as(u)));
    }

    /** The answer's body, read as UTF-8. */
    protected static String json(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * The customer's monitor "门户首页" of {@code url} on the world's system, {@code extra} JSON fields added (starting
     * with a comma): its id.
     */
    protected UUID addMonitor(String url, String extra) throws Exception {
        String json = json(call(post("/api/systems/" + w.system().id() + "/monitors")
                        .content("{\"name\":\"门户首页\",\"url\":\"" + url + "\"" + extra + "}"))
                .andExpect(status().isCreated()));
        return UUID.fromString(JsonPath.read(json, "$.id"));
    }

    /** The customer's monitor "门户首页" of the loopback site on the world's system: its id. */
    protected UUID addMonitor() throws Exception {
        return addMonitor(site.url(), "");
    }

    /** Probes {@code monitor} now as {@code u}: the report. */
    protected String run(UUID monitor, CurrentUser u) throws Exception {
        return json(call(post("/api/monitors/" + monitor + "/run"), u).andExpect(status().isOk()));
    }

    /** Probes {@code monitor} now as the customer: the report. */
    protected String run(UUID monitor) throws Exception {
        return run(monitor, customer);
    }

    /** The subjects of the monitor's alerts of {@code kind} not closed, as the customer sees them. */
    protected List<String> open(UUID monitor, String kind) throws Exception {
        return JsonPath.read(openJson(monitor), "$.items[?(@.kind == '" + kind + "')].subject");
    }

    /** The monitor's alerts not closed, as the customer sees them. */
    protected String openJson(UUID monitor) throws Exception {
        return json(call(get("/api/monitors/" + monitor + "/alerts?open=true")).andExpect(status().isOk()));
    }

    /**
     * A probe of {@code monitor} stored as made at {@code at}, taking {@code ms}, with {@code outcome} (HTTP 200 when
     * OK) and nothing kept of the answer.
     */
    protected void probe(UUID monitor, Instant at, long ms, String outcome) {
        jdbc.sql("""
                        INSERT INTO monitor_probe (id, monitor_id, started_at, duration_ms, outcome, http_status, body_sm3,
                        body_bytes, findings, node) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, 0, 'test')""")
                .params(UUID.randomUUID(), monitor, Jdbc.utc(at), ms, outcome, outcome.equals("OK") ? 200 : null)
                .update();
    }

    /**
     * Runs of {@code kinds} on {@code monitor} recorded for each hour of [{@code from}, {@code to}) (UTC hours): {@code
     * perHour} runs an hour, the last at the hour's end less the gap, each {@code gapSeconds} after the one before — as
     * the probes record them ({@code monitor_check_hour}).
     */
    protected void ran(UUID monitor, Instant from, Instant to, int perHour, long gapSeconds, CheckKind... kinds) {
        for (Instant h = from.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
                h.isBefore(to);
                h = h.plus(java.time.Duration.ofHours(1))) {
            for (CheckKind k : kinds) {
                jdbc.sql("""
                                INSERT INTO monitor_check_hour (monitor_id, kind, hour_start, runs, last_run_at,
                                longest_gap_seconds) VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(
                                monitor,
                                k.name(),
                                Jdbc.utc(h),
                                perHour,
                                Jdbc.utc(h.plusSeconds(3600 - Math.min(gapSeconds, 3600))),
                                gapSeconds)
                        .update();
            }
        }
    }
}
