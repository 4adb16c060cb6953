package org.yunjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.shared.Formats;
import org.yunjian.support.AssessmentItems;

/**
 * Website monitoring offered as evidence (issue 38 point 3): a system with a monitor probed last month offers that
 * month's 安全运行报告 on its 网页篡改 duty (政府网站云计算服务安全指南 8.4.1.3 b), and not on the 等保 集中监测 item
 * (8.2.5.1 d), which no outside probe evidences (issue 59); attached, it is stored as the duty's evidence and downloads as
 * the PDF. Whoever may not
 * upload there is refused; a month not offered is refused naming the field; a duty monitoring does not perform
 * offers nothing.
 */
class MonitoringOfferTests extends MonitoringWorldTests {

    static final String TAMPER_DUTY = "GOVWEB-8.4.1.3-b";
    static final String MONITORING_ITEM = "MLPS-L3-8.2.5.1-d";

    final YearMonth last = YearMonth.now(Formats.zone()).minusMonths(1);

    @Override
    protected String page() {
        return HOME;
    }

    /**
     * A monitor whose page checks ran every five minutes all last month, tampering against an approved baseline
     * included (12 runs an hour), with three of its probes stored.
     */
    UUID monitorProbedLastMonth() throws Exception {
        UUID monitor = addMonitor();
        for (int day = 1; day <= 3; day++) {
            probe(monitor, last.atDay(day).atTime(9, 0).atZone(Formats.zone()).toInstant(), 80, "OK");
        }
        ran(monitor, start(last), start(last.plusMonths(1)), 12, 300, PAGE_CHECKS);
        return monitor;
    }

    static final CheckKind[] PAGE_CHECKS = {
        CheckKind.AVAILABILITY,
        CheckKind.TAMPERING,
        CheckKind.HIDDEN_LINK,
        CheckKind.MALICIOUS_SCRIPT,
        CheckKind.PRIVACY_LEAK
    };

    static java.time.Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(Formats.zone()).toInstant();
    }

    /** Runs of tampering in the month: every hour of it, twelve an hour. */
    long tamperingRuns() {
        return 12L * (start(last.plusMonths(1)).getEpochSecond() - start(last).getEpochSecond()) / 3600;
    }

    String dutyOf(String requirement) throws Exception {
        String plan = json(call(post("/api/systems/" + w.system().id() + "/lifecycle"), customer)
                .andExpect(status().isCreated()));
        return JsonPath.<List<String>>read(plan, "$.duties[?(@.requirement == '" + requirement + "')].id")
                .get(0);
    }

    /** The duty of {@code requirement} in the plan {@link #dutyOf} created. */
    String dutyInPlan(String requirement) throws Exception {
        String plan = json(call(get("/api/systems/" + w.system().id() + "/lifecycle"), customer)
                .andExpect(status().isOk()));
        return JsonPath.<List<String>>read(plan, "$.duties[?(@.requirement == '" + requirement + "')].id")
                .get(0);
    }

    static String pdfText(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void lastMonthsReportIsOfferedOnTheTamperingDutyAndAttachedAsItsEvidence() throws Exception {
        monitorProbedLastMonth();
        String duty = dutyOf(TAMPER_DUTY);
        String offers = "/api/systems/" + w.system().id() + "/lifecycle/duties/" + duty + "/evidence/monitoring";
        String month = last.toString();
        call(get(offers), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.control").value(TAMPER_DUTY))
                .andExpect(jsonPath("$.kinds[0].code").value("TAMPERING"))
                .andExpect(jsonPath("$.kinds[0].label").value("网页篡改"))
                .andExpect(jsonPath("$.months.length()").value(1))
                .andExpect(jsonPath("$.months[0].month").value(month))
                .andExpect(jsonPath("$.months[0].fileName").value("网站安全监测月报-" + month + ".pdf"))
                .andExpect(jsonPath("$.months[0].checks").value(tamperingRuns()))
                .andExpect(jsonPath("$.mayAttach").value(true));
        // the duty page shows the panel with the action
        mvc.perform(get("/systems/" + w.system().id() + "/lifecycle/duties/" + duty)
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("网站安全监测可提供的证据")))
                .andExpect(content().string(containsString("monitoring-offer-attach-" + month)));

        // the provider does not work on the customer's duty: it may not upload there, nor attach
        call(post(offers).content("{\"month\":\"" + month + "\"}"), provider).andExpect(status().isForbidden());
        call(post(offers).content("{\"month\":\"" + month + "\"}"), stranger).andExpect(status().isNotFound());
        // a month without probes, a malformed one: refused naming the field
        call(post(offers).content("{\"month\":\"" + last.minusMonths(1) + "\"}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.month").exists());
        call(post(offers).content("{\"month\":\"2026-13\"}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.month").exists());

        String created = call(post(offers).content("{\"month\":\"" + month + "\"}"), customer)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("网站安全监测月报-" + month + ".pdf"))
                .andExpect(jsonPath("$.uploadedBy").value(customer.userId().toString()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String evidence = JsonPath.read(created, "$.id");
        byte[] pdf = call(get("/api/systems/" + w.system().id() + "/lifecycle/evidence/" + evidence), customer)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(pdfText(pdf)).contains("网站安全监测月报").contains(w.system().name());

        // a second copy of the month is refused, naming it; nothing more is stored
        call(post(offers).content("{\"month\":\"" + month + "\"}"), customer)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString(month)));
        mvc.perform(post("/systems/" + w.system().id() + "/lifecycle/duties/" + duty + "/evidence/monitoring")
                        .with(as(customer))
                        .param("month", month))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("conflict", containsString(month)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_duty_evidence WHERE duty_id = ?")
                        .param(UUID.fromString(duty))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // from the page, on the content duty: one click, back to the duty's evidence, listed like any upload
        String content = dutyInPlan("GOVWEB-8.4.1.3-a");
        mvc.perform(post("/systems/" + w.system().id() + "/lifecycle/duties/" + content + "/evidence/monitoring")
                        .with(as(customer))
                        .param("month", month))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("saved"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_duty_evidence WHERE duty_id = ?")
                        .param(UUID.fromString(content))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the panel says the month is attached already, and offers no second click
        mvc.perform(get("/systems/" + w.system().id() + "/lifecycle/duties/" + duty)
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("monitoring-offer-attached-" + month)))
                .andExpect(content().string(not(containsString("monitoring-offer-attach-" + month))));
        // also for a reader in English, whose file would be named in English
        mvc.perform(get("/systems/" + w.system().id() + "/lifecycle/duties/" + duty)
                        .param("lang", "en")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Evidence website security monitoring can provide")))
                .andExpect(content().string(containsString("monitoring-offer-attached-" + month)));
    }

    @Test
    void aDutyMonitoringDoesNotPerformOffersNothing() throws Exception {
        monitorProbedLastMonth();
        String duty = dutyOf("GOVWEB-8.4.1.4-b"); // vulnerability scans: not what monitoring does
        String offers = "/api/systems/" + w.system().id() + "/lifecycle/duties/" + duty + "/evidence/monitoring";
        call(get(offers), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kinds.length()").value(0))
                .andExpect(jsonPath("$.months.length()").value(0))
                .andExpect(jsonPath("$.mayAttach").value(false));
        call(post(offers).content("{\"month\":\"" + last + "\"}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.month").exists());
        mvc.perform(get("/systems/" + w.system().id() + "/lifecycle/duties/" + duty)
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("monitoring-offers"))));
    }

    /**
     * Issue 59: 等保 8.2.5.1 d) 集中监测 is the centralised monitoring of virtual networks, virtual machines and virtual
     * security devices, which a probe of the website from outside does not see: the assessment item offers no
     * monitoring report, and attaching one is refused naming the month.
     */
    @Test
    void theCentralMonitoringItemOfAnAssessmentOffersNoWebsiteReport() throws Exception {
        monitorProbedLastMonth();
        String assessment = JsonPath.read(ApiAssessments.post(mvc, assessor, w, "年度测评"), "$.id");
        call(post("/api/assessments/" + assessment + "/transitions").content("{\"to\":\"IN_PROGRESS\"}"), assessor)
                .andExpect(status().isOk());
        String item = JsonPath.<List<String>>read(
                        AssessmentItems.json(mvc, assessment, as(assessor)),
                        "$[?(@.requirementId == '" + MONITORING_ITEM + "')].id")
                .get(0);
        String offers = "/api/assessment-items/" + item + "/evidence/monitoring";
        call(get(offers), assessor)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.control").value(MONITORING_ITEM))
                .andExpect(jsonPath("$.kinds.length()").value(0))
                .andExpect(jsonPath("$.months.length()").value(0))
                .andExpect(jsonPath("$.mayAttach").value(false));
        mvc.perform(get("/assessment-items/" + item).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("monitoring-offers"))));
        call(post(offers).content("{\"month\":\"" + last + "\"}"), assessor)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.month").exists());
    }

    /** The months offered on the duty of {@code requirement}, as the customer reads them. */
    List<String> offeredMonths(String requirement) throws Exception {
        String duty = dutyInPlan(requirement);
        return JsonPath.read(
                json(call(get("/api/systems/" + w.system().id() + "/lifecycle/duties/" + duty + "/evidence/monitoring"))
                        .andExpect(status().isOk())),
                "$.months[*].month");
    }

    /**
     * Issue 59 (政府网站云计算服务安全指南 8.4.1.2 b), 8.4.1.3 b), 8.2.1 c)): a month is offered on a control only when
     * the control's covering checks ran in it, against a criterion and at the cadence its wording asks. Last month the
     * page was probed once a day (tampering included), the month before every five minutes until its 20th: neither is
     * offered on the "实时" tampering duty, both on 8.2.1 c) (应对云上的政府网站进行安全监测); no DNS check ran against
     * approved addresses, so 8.4.1.2 b) is offered nothing — until its runs are recorded.
     */
    @Test
    void aMonthIsOfferedOnlyWhenTheControlsChecksRanAtItsCadence() throws Exception {
        UUID monitor = addMonitor();
        java.time.ZoneId zone = Formats.zone();
        for (int day = 1; day <= last.lengthOfMonth(); day++) {
            ran(
                    monitor,
                    last.atDay(day).atTime(9, 0).atZone(zone).toInstant(),
                    last.atDay(day).atTime(9, 30).atZone(zone).toInstant(),
                    1,
                    86_400,
                    PAGE_CHECKS);
        }
        YearMonth before = last.minusMonths(1);
        ran(monitor, start(before), before.atDay(20).atStartOfDay(zone).toInstant(), 12, 300, PAGE_CHECKS);
        dutyOf(TAMPER_DUTY);

        assertThat(offeredMonths(TAMPER_DUTY)).isEmpty();
        assertThat(offeredMonths("GOVWEB-8.2.1-c")).containsExactly(last.toString(), before.toString());
        assertThat(offeredMonths("GOVWEB-8.4.1.2-b")).isEmpty();

        // the DNS check judged the records against approved addresses once an hour all last month
        ran(monitor, start(last), start(last.plusMonths(1)), 1, 3600, CheckKind.DNS);
        assertThat(offeredMonths("GOVWEB-8.4.1.2-b")).containsExactly(last.toString());
        assertThat(offeredMonths(TAMPER_DUTY)).isEmpty();
    }

    /**
     * Issue 59: what a probe records as run is what ran against a criterion. A probe of a page with no approved
     * baseline and no imported word list runs availability, hidden links, scripts and personal data — not tampering,
     * harmful content or DNS compliance (the deep checks run on its links); once the baseline is approved, the next probe runs tampering too.
     */
    @Test
    void aProbeRecordsOnlyTheChecksItRanAgainstACriterion() throws Exception {
        UUID monitor = addMonitor();
        run(monitor);
        // the first probe also ran the deep checks (dead links, linked domains) on the page's links
        assertThat(kindsRun(monitor))
                .containsExactlyInAnyOrder(
                        "AVAILABILITY",
                        "HIDDEN_LINK",
                        "MALICIOUS_SCRIPT",
                        "PRIVACY_LEAK",
                        "DEAD_LINK",
                        "EXTERNAL_DOMAIN");
        call(post("/api/monitors/" + monitor + "/baseline")).andExpect(status().isCreated());
        run(monitor);
        assertThat(kindsRun(monitor)).contains("TAMPERING").doesNotContain("HARMFUL_CONTENT", "DNS", "TLS");
        assertThat(jdbc.sql("SELECT SUM(runs) FROM monitor_check_hour WHERE monitor_id = ? AND kind = 'AVAILABILITY'")
                        .param(monitor)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    List<String> kindsRun(UUID monitor) {
        return jdbc.sql("SELECT DISTINCT kind FROM monitor_check_hour WHERE monitor_id = ?")
                .param(monitor)
                .query(String.class)
                .list();
    }
}
