package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.assessment.AssessmentCompleted;
import org.yunjian.monitoring.DomainIpChecked;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.Formats;
import org.yunjian.support.IfMatch;

/**
 * The obligations of a system through the REST API with the real services and database: generated from the
 * protection level and industry by the customer only, completed by the responsible organisation or the customer
 * (the next due date counting from it), intervals refused beyond the standard's maximum naming the clause, drills and
 * completed assessments completing their obligations, strangers kept out, bad input refused naming the field, every
 * change audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class ObligationApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    Fixtures.World w;
    CurrentUser customer;
    CurrentUser provider;
    CurrentUser stranger;
    String base;
    LocalDate today;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        stranger = user(w.stranger().id());
        base = "/api/systems/" + w.system().id() + "/lifecycle/obligations";
        today = LocalDate.now(Formats.zone());
    }

    ResultActions call(MockHttpServletRequestBuilder b, CurrentUser u) throws Exception {
        return mvc.perform(b.with(as(u)).contentType(MediaType.APPLICATION_JSON));
    }

    ResultActions generate(CurrentUser u, LocalDate start) throws Exception {
        return call(post(base + "/generate").content("{\"startDate\":\"" + start + "\"}"), u);
    }

    ResultActions complete(CurrentUser u, String kind, String doneOn) throws Exception {
        return call(
                post(base + "/" + kind + "/completions")
                        .content("{\"doneOn\":\"" + doneOn + "\"}")
                        .with(IfMatch.current(
                                jdbc,
                                "lifecycle_obligation",
                                Map.of("system_id", w.system().id(), "kind", kind))),
                u);
    }

    @Test
    void customerGeneratesTheObligationsOfALevelThreeGovernmentWebsite() throws Exception {
        generate(provider, today).andExpect(status().isForbidden());
        generate(stranger, today).andExpect(status().isNotFound());
        String body = generate(customer, today.plusDays(60))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> kinds = JsonPath.read(body, "$[*].kind");
        // issue 36: a drill per typical category (8.5 b)) and the guide's periodic duties, the agent's report too
        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        "MLPS_ASSESSMENT",
                        "DRILL_MALWARE",
                        "DRILL_NETWORK_ATTACK",
                        "DRILL_INFORMATION_DESTRUCTION",
                        "DRILL_INFORMATION_CONTENT",
                        "DRILL_EQUIPMENT_FAILURE",
                        "DRILL_DISASTER",
                        "PROVIDER_REPORT",
                        "SECURITY_REVIEW",
                        "DOMAIN_IP_CHECK",
                        "VULNERABILITY_SCAN",
                        "ENVIRONMENT_TEST",
                        "CONFIDENTIALITY_REVIEW",
                        "BACKUP_RESTORE_DRILL",
                        "ON_CALL_DUTY",
                        "INFORMATION_REPORTING",
                        "AGENT_SERVICE_REPORT",
                        "PROVIDER_RISK_ASSESSMENT");
        call(get(base), customer)
                .andExpect(jsonPath("$.items[?(@.kind == 'MLPS_ASSESSMENT')].intervalMonths")
                        .value(hasItem(12)))
                .andExpect(jsonPath("$.items[?(@.kind == 'PROVIDER_REPORT')].intervalMonths")
                        .value(hasItem(1)))
                .andExpect(jsonPath("$.items[?(@.kind == 'PROVIDER_REPORT')].responsibleOrganization")
                        .value(hasItem(w.provider().name())))
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].responsibleOrganization")
                        .value(hasItem(w.customer().name())))
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].nextDue")
                        .value(hasItem(today.plusDays(60).toString())))
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].statusLabel")
                        .value(hasItem("未到期")));
        // nothing more to generate; the provider reads, a stranger does not learn the system exists
        generate(customer, today)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.length()").value(0));
        call(get(base), provider)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(18))
                .andExpect(jsonPath("$.total").value(18))
                .andExpect(jsonPath("$.pages").value(1));
        call(get(base), stranger).andExpect(status().isNotFound());
        assertThat(audits("lifecycle.obligation.create")).isEqualTo(18);
    }

    @Test
    void completionByTheResponsibleOrganisationMovesTheNextDueDate() throws Exception {
        generate(customer, today.minusMonths(14)).andExpect(status().isCreated());
        call(get(base), customer)
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].status")
                        .value(hasItem("OVERDUE")));
        // the drill is the customer's: the provider may not record it, but records its own report
        complete(provider, "DRILL_NETWORK_ATTACK", today.toString())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("负责单位")));
        complete(provider, "PROVIDER_REPORT", today.minusDays(3).toString())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextDue")
                        .value(today.minusDays(3).plusMonths(1).toString()));
        complete(customer, "DRILL_NETWORK_ATTACK", today.minusDays(10).toString())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastDone").value(today.minusDays(10).toString()))
                .andExpect(jsonPath("$.lastDoneBy").value(customer.username()))
                .andExpect(jsonPath("$.nextDue")
                        .value(today.minusDays(10).plusMonths(24).toString())) // gov 8.5 b): every two years
                .andExpect(jsonPath("$.status").value("UPCOMING"));
        assertThat(audits("lifecycle.obligation.complete")).isEqualTo(2);
        complete(stranger, "DRILL_NETWORK_ATTACK", today.toString()).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        generate(customer, today).andExpect(status().isCreated());
        complete(customer, "DRILL_NETWORK_ATTACK", "2026-02-30")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.doneOn").value(containsString("2026-02-30")));
        complete(customer, "DRILL_NETWORK_ATTACK", today.plusDays(1).toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.doneOn").exists());
        complete(customer, "FIRE_DRILL", today.toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.kind").value(containsString("FIRE_DRILL")));
        call(post(base + "/generate").content("{\"startDate\":\"23/11/2026\"}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.startDate").exists());
        call(get("/api/lifecycle/obligations").param("from", "yesterday"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.from").exists());
        assertThat(audits("lifecycle.obligation.complete")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_obligation WHERE system_id = ? AND last_done IS NOT NULL")
                        .param(w.system().id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anIntervalLongerThanTheGuideAllowsIsRefusedWithTheClause() throws Exception {
        generate(customer, today).andExpect(status().isCreated());
        call(put("/api/lifecycle/intervals").content("{\"kind\":\"DRILL_NETWORK_ATTACK\",\"months\":\"36\"}"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.months").value(containsString("GOVWEB-8.5-b")))
                .andExpect(jsonPath("$.errors.months")
                        .value(containsString(w.system().name())));
        call(
                        put("/api/lifecycle/intervals")
                                .content("{\"kind\":\"DRILL_NETWORK_ATTACK\",\"months\":\"zwei\"}"),
                        customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.months").exists());
        call(
                        put("/api/lifecycle/intervals")
                                .content("{\"kind\":\"DRILL_NETWORK_ATTACK\",\"months\":\"18\"}")
                                .with(IfMatch.read(mvc, "/api/lifecycle/intervals/DRILL_NETWORK_ATTACK", as(customer))),
                        customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.months").value(18));
        call(get(base), customer)
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].intervalMonths")
                        .value(hasItem(18)));
        call(get("/api/lifecycle/intervals"), customer)
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].months")
                        .value(hasItem(18)));
        // back to the default: the guide's own 24 months (gov 8.5 b) "每两年至少…一次"), not a platform default
        call(
                        put("/api/lifecycle/intervals")
                                .content("{\"kind\":\"DRILL_NETWORK_ATTACK\",\"months\":null,\"version\":1}"),
                        customer)
                .andExpect(status().isOk());
        call(get(base), customer)
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].intervalMonths")
                        .value(hasItem(24)));
        assertThat(audits("lifecycle.obligation.interval")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDrillHeldAndACompletedAssessmentCompleteTheirObligations() throws Exception {
        generate(customer, today.minusMonths(3)).andExpect(status().isCreated());
        LocalDate drillDay = today.minusDays(5);
        Instant assessed =
                today.minusDays(2).atTime(10, 0).atZone(Formats.zone()).toInstant();
        runAs(
                customer,
                () -> tx.executeWithoutResult(s -> {
                    events.publishEvent(new DrillHeld(w.system().id(), drillDay, DrillCategory.NETWORK_ATTACK));
                    events.publishEvent(new AssessmentCompleted(
                            UUID.randomUUID(),
                            w.system().id(),
                            assessed,
                            org.yunjian.assessment.AssessorKind.THIRD_PARTY,
                            List.of("MLPS-L3")));
                }));
        call(get(base), customer)
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].lastDone")
                        .value(hasItem(drillDay.toString())))
                .andExpect(jsonPath("$.items[?(@.kind == 'MLPS_ASSESSMENT')].lastDone")
                        .value(hasItem(today.minusDays(2).toString())))
                .andExpect(jsonPath("$.items[?(@.kind == 'MLPS_ASSESSMENT')].nextDue")
                        .value(hasItem(today.minusDays(2).plusMonths(12).toString())));
        assertThat(jdbc.sql("SELECT source FROM lifecycle_obligation_completion c JOIN lifecycle_obligation o "
                                + "ON o.id = c.obligation_id WHERE o.system_id = ?")
                        .param(w.system().id())
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("DRILL", "ASSESSMENT");
    }

    /**
     * 政府网站指南 8.4.1.2 b) "应定期进行网站的域名及IP合规性检测": a website monitor's check of the domain against the
     * approved addresses completes the duty that day, once however often the monitors check, and the next due date
     * counts from it (3 months, the configured default).
     */
    @Test
    void govWebsite8_4_1_2bAMonitorsDomainCheckCompletesTheDutyOnceADay() throws Exception {
        generate(customer, today.minusMonths(4)).andExpect(status().isCreated());
        Instant morning = today.atTime(9, 0).atZone(Formats.zone()).toInstant();
        tx.executeWithoutResult(s -> {
            events.publishEvent(new DomainIpChecked(w.system().id(), UUID.randomUUID(), morning));
            events.publishEvent(new DomainIpChecked(w.system().id(), UUID.randomUUID(), morning.plusSeconds(3600)));
        });
        events.publishEvent(new DomainIpChecked(w.system().id(), UUID.randomUUID(), morning.plusSeconds(7200)));
        call(get(base), customer)
                .andExpect(jsonPath("$.items[?(@.kind == 'DOMAIN_IP_CHECK')].lastDone")
                        .value(hasItem(today.toString())))
                .andExpect(jsonPath("$.items[?(@.kind == 'DOMAIN_IP_CHECK')].nextDue")
                        .value(hasItem(today.plusMonths(3).toString())));
        assertThat(jdbc.sql("SELECT source FROM lifecycle_obligation_completion c JOIN lifecycle_obligation o "
                                + "ON o.id = c.obligation_id WHERE o.system_id = ? AND o.kind = 'DOMAIN_IP_CHECK'")
                        .param(w.system().id())
                        .query(String.class)
                        .list())
                .containsExactly("MONITORING");
    }

    /**
     * 政府网站指南 8.5 b) "每两年至少开展各典型类别安全事件的应急演练一次": a drill recorded as a network-attack drill
     * completes that category's obligation and no other (on the old code one drill of anything satisfied the one
     * drill obligation).
     */
    @Test
    void govWebsite8_5bADrillOfOneCategoryDoesNotSatisfyAnother() throws Exception {
        generate(customer, today.minusMonths(1)).andExpect(status().isCreated());
        LocalDate held = today.minusDays(4);
        call(post("/api/systems/" + w.system().id() + "/lifecycle/drills").content("""
                {"heldOn":"%s","scenario":"DDoS 攻击","category":"NETWORK_ATTACK","participants":"客户；云服务商",
                 "findings":"清洗切换 6 分钟。"}""".formatted(held)), customer)
                .andExpect(status().isCreated());
        call(get(base), customer)
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].lastDone")
                        .value(hasItem(held.toString())))
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].status")
                        .value(hasItem("UPCOMING")))
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_MALWARE')].lastDone")
                        .value(hasItem(nullValue())))
                .andExpect(
                        jsonPath("$.items[?(@.kind == 'DRILL_MALWARE')].status").value(hasItem("OVERDUE")))
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].sources[0].clause")
                        .value(hasItem(containsString("8.5 b)"))))
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].sources[0].text")
                        .value(hasItem(containsString("每两年至少开展各典型类别安全事件的应急演练一次"))))
                .andExpect(jsonPath("$.items[?(@.kind == 'DRILL_NETWORK_ATTACK')].intervalDefault")
                        .value(hasItem(false)))
                .andExpect(jsonPath("$.items[?(@.kind == 'VULNERABILITY_SCAN')].intervalDefault")
                        .value(hasItem(true)))
                .andExpect(jsonPath("$.items[?(@.kind == 'VULNERABILITY_SCAN')].sources[0].text")
                        .value(hasItem("定期对网站应用程序、操作系统及数据库进行脆弱性扫描；")));
        // an unknown category is the client's mistake, named
        call(post("/api/systems/" + w.system().id() + "/lifecycle/drills").content("""
                {"heldOn":"%s","scenario":"x","category":"FIRE","participants":"客户","findings":"—"}""".formatted(held)), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.category").exists());
    }

    @Test
    void aSystemsObligationsComeAPageAtATimeFilteredByNameAndStatus() throws Exception {
        generate(customer, today.plusDays(60)).andExpect(status().isCreated());
        complete(customer, "DRILL_NETWORK_ATTACK", today.minusMonths(26).toString())
                .andExpect(status().isOk());
        // eighteen obligations, two a page: the overdue drill first (earliest due)
        call(get(base).param("size", "2"), customer)
                .andExpect(jsonPath("$.total").value(18))
                .andExpect(jsonPath("$.pages").value(9))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].kind").value("DRILL_NETWORK_ATTACK"));
        call(get(base).param("size", "2").param("page", "2"), customer)
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[*].kind").value(not(hasItem("DRILL_NETWORK_ATTACK"))));
        call(get(base).param("status", "overdue"), customer)
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].kind").value("DRILL_NETWORK_ATTACK"));
        call(get(base).param("status", "UPCOMING"), customer)
                .andExpect(jsonPath("$.total").value(17));
        call(get(base).param("status", "DUE_SOON"), customer)
                .andExpect(jsonPath("$.total").value(0));
        call(get(base).param("status", "LATE"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.status").exists());
        // q: the obligation's name as the caller reads it
        // the six category drills and the backup restore drill
        call(get(base).param("q", "演练"), customer)
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.items[0].kind").value("DRILL_NETWORK_ATTACK"));
        call(get(base).param("q", "DRILL").param("lang", "en"), customer)
                .andExpect(jsonPath("$.total").value(7));
        call(get(base).param("q", "演练").param("status", "UPCOMING"), customer)
                .andExpect(jsonPath("$.total").value(6));
        call(get(base).param("q", "100%_"), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        // across systems: q also matches the system's name; another customer's system is never found
        call(get("/api/lifecycle/obligations").param("q", w.system().name()), customer)
                .andExpect(jsonPath("$.total").value(18))
                .andExpect(jsonPath("$.items[*].systemName")
                        .value(not(hasItem(w.strangersSystem().name()))));
        call(get("/api/lifecycle/obligations").param("q", w.strangersSystem().name()), customer)
                .andExpect(jsonPath("$.total").value(0));
        call(
                        get("/api/lifecycle/obligations")
                                .param("q", "演练")
                                .param("status", "OVERDUE")
                                .param("size", "1"),
                        customer)
                .andExpect(jsonPath("$.items[0].kind").value("DRILL_NETWORK_ATTACK"))
                .andExpect(jsonPath("$.items[*].status").value(not(hasItem("UPCOMING"))));
    }

    @Test
    void acrossSystemsOnlyWhatTheCallerSees() throws Exception {
        generate(customer, today.minusMonths(1)).andExpect(status().isCreated());
        CurrentUser strangerCustomer = user(w.stranger().id());
        mvc.perform(post("/api/systems/" + w.strangersSystem().id() + "/lifecycle/obligations/generate")
                        .with(as(strangerCustomer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"startDate\":\"" + today.minusMonths(1) + "\"}"))
                .andExpect(status().isCreated());
        call(get("/api/lifecycle/obligations").param("overdue", "true").param("size", "200"), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].systemName")
                        .value(hasItem(w.system().name())))
                .andExpect(jsonPath("$.items[*].systemName")
                        .value(not(hasItem(w.strangersSystem().name()))))
                .andExpect(jsonPath("$.items[*].status").value(not(hasItem("UPCOMING"))))
                .andExpect(jsonPath("$.total").isNumber());
        call(get("/api/lifecycle/obligations").param("size", "200"), stranger)
                .andExpect(jsonPath("$.items[*].systemName")
                        .value(not(hasItem(w.system().name()))));
        call(get("/api/lifecycle/obligations").param("size", "500"), customer).andExpect(status().isBadRequest());
        // the agent sees only the one it performs: its service report (政府网站指南 8.2.3 c))
        call(get(base), user(w.agent().id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].kind").value("AGENT_SERVICE_REPORT"))
                .andExpect(jsonPath("$.total").value(1));
        // and across systems, due up to a date: still only what it performs
        call(
                        get("/api/lifecycle/obligations")
                                .param("to", today.plusYears(2).toString()),
                        user(w.agent().id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].kind").value("AGENT_SERVICE_REPORT"))
                .andExpect(jsonPath("$.total").value(1));
    }

    int audits(String action) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM audit_event WHERE action = ? AND object_id IN (SELECT CAST(id AS VARCHAR(64)) "
                                + "FROM lifecycle_obligation WHERE system_id = ?) OR (action = ? AND object_id = ?)")
                .params(action, w.system().id(), action, w.customer().id().toString())
                .query(Integer.class)
                .single();
    }
}
