package org.yunjian.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;

/**
 * The plans' sections of the cross-system overview ({@code /lifecycle/overview}) on the real services and database:
 * overdue duties under the organisation they are assigned to (gone once done), systems stuck at a gate with the
 * gate's obstacles, each organisation seeing what the plan page shows it, strangers nothing, English without Han
 * characters outside verbatim elements.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class PlanOverviewPagesTests {

    static final Pattern VERBATIM = Pattern.compile("<(\\w+)[^>]*\\sdata-verbatim(?:=\"[^\"]*\")?[^>]*>[^<]*</\\1>");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    Fixtures.World w;
    CurrentUser customer;
    CurrentUser customer2;
    CurrentUser provider;
    CurrentUser agent;
    CurrentUser stranger;
    String base;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        customer2 = user(w.customer().id());
        provider = user(w.provider().id());
        agent = user(w.agent().id());
        stranger = user(w.stranger().id());
        base = "/api/systems/" + w.system().id() + "/lifecycle";
    }

    String send(MockHttpServletRequestBuilder b, CurrentUser u, String json) throws Exception {
        return mvc.perform(b.with(as(u)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is2xxSuccessful())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    String overview(CurrentUser u) throws Exception {
        return mvc.perform(get("/lifecycle/overview").with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The planning phase's duties of a new plan as (id, organisation). */
    List<Map<String, Object>> planningDuties() throws Exception {
        String json = send(post(base), customer, "");
        return JsonPath.read(json, "$.duties[?(@.phase.code == 'PLANNING')]");
    }

    Map<String, Object> dutyOf(List<Map<String, Object>> duties, UUID org) {
        return duties.stream()
                .filter(d -> org.toString().equals(d.get("organisation")))
                .findFirst()
                .orElseThrow();
    }

    void due(Map<String, Object> duty, LocalDate date) throws Exception {
        send(
                put(base + "/duties/" + duty.get("id") + "/assignment").with(read(duty, customer)),
                customer,
                "{\"organisation\":\"" + duty.get("organisation") + "\",\"dueDate\":\"" + date + "\"}");
    }

    /** {@code If-Match} with the duty's ETag as {@code u} reads it now. */
    RequestPostProcessor read(Map<String, Object> duty, CurrentUser u) throws Exception {
        return IfMatch.read(mvc, base + "/duties/" + duty.get("id"), as(u));
    }

    CurrentUser worker(Map<String, Object> duty) {
        UUID org = UUID.fromString((String) duty.get("organisation"));
        return org.equals(w.customer().id())
                ? customer
                : org.equals(w.provider().id())
                        ? provider
                        : org.equals(w.agent().id()) ? agent : user(org);
    }

    void done(Map<String, Object> duty) throws Exception {
        send(
                put(base + "/duties/" + duty.get("id") + "/status").with(read(duty, worker(duty))),
                worker(duty),
                "{\"status\":\"DONE\"}");
    }

    /** The HTML of one section of the page. */
    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isPositive();
        int end = html.indexOf("</section>", start);
        return html.substring(start, end);
    }

    @Test
    void anOverdueDutyIsListedUnderItsOrganisationUntilItIsDone() throws Exception {
        List<Map<String, Object>> duties = planningDuties();
        Map<String, Object> mine = dutyOf(duties, w.customer().id());
        LocalDate today = LocalDate.now(org.yunjian.shared.Formats.zone());
        due(mine, today.minusDays(5));

        String duties0 = section(overview(customer), "overview-overdue-duties");
        assertThat(duties0)
                .contains("id=\"overdue-duty-" + mine.get("id") + "\"")
                .contains(w.customer().name())
                .contains(w.system().name())
                .contains("规划准备")
                .contains("/systems/" + w.system().id() + "/lifecycle/duties/" + mine.get("id"))
                .contains("逾期 5 天")
                .contains("未指定")
                .doesNotContain("id=\"overview-duties-empty\"");
        // grouped under the organisation's name: the group heading comes before the row
        assertThat(duties0).contains("逾期 1 项");
        assertThat(duties0.indexOf("<h3><span data-verbatim>" + w.customer().name() + "</span>"))
                .isPositive()
                .isLessThan(duties0.indexOf("overdue-duty-" + mine.get("id")));

        done(mine);
        assertThat(section(overview(customer), "overview-overdue-duties"))
                .doesNotContain("overdue-duty-" + mine.get("id"))
                .contains("id=\"overview-duties-empty\"");
    }

    @Test
    void otherOrganisationsSeeOnlyTheirOwnOverdueDutiesAndStrangersNothing() throws Exception {
        List<Map<String, Object>> duties = planningDuties();
        Map<String, Object> customers = dutyOf(duties, w.customer().id());
        Map<String, Object> agents = dutyOf(duties, w.agent().id());
        LocalDate today = LocalDate.now(org.yunjian.shared.Formats.zone());
        due(customers, today.minusDays(3));
        due(agents, today.minusDays(2));

        String asAgent = overview(agent);
        assertThat(section(asAgent, "overview-overdue-duties"))
                .contains("overdue-duty-" + agents.get("id"))
                .doesNotContain("overdue-duty-" + customers.get("id"));
        // the provider sees the whole plan, as on the plan page
        assertThat(section(overview(provider), "overview-overdue-duties"))
                .contains("overdue-duty-" + agents.get("id"))
                .contains("overdue-duty-" + customers.get("id"));
        // a system with an overdue duty is stuck; only those who see the whole plan are told
        assertThat(section(overview(customer), "overview-stuck"))
                .contains("stuck-" + w.system().id());
        assertThat(section(asAgent, "overview-stuck"))
                .doesNotContain("stuck-" + w.system().id());

        String asStranger = overview(stranger);
        assertThat(asStranger)
                .doesNotContain(w.system().id().toString())
                .doesNotContain(w.system().name())
                .contains("id=\"overview-duties-empty\"")
                .contains("id=\"overview-stuck-empty\"");
    }

    @Test
    void aSystemWaitingOnlyOnAcceptanceIsStuckWithTheGatesObstacles() throws Exception {
        List<Map<String, Object>> duties = planningDuties();
        String before = section(overview(customer), "overview-stuck");
        assertThat(before)
                .as("work under way, on time: not stuck")
                .doesNotContain("stuck-" + w.system().id());

        for (Map<String, Object> d : duties) {
            done(d);
        }
        String stuck = section(overview(customer), "overview-stuck");
        assertThat(stuck)
                .contains("id=\"stuck-" + w.system().id() + "\"")
                .contains("data-phase=\"PLANNING\"")
                .contains("data-overdue=\"false\"")
                .contains("规划准备")
                .contains("待验收或待满足关闭条件")
                .contains("已完成，待云服务客户验收")
                .contains(w.provider().name());
        // one obstacle line per duty awaiting acceptance, each linking to its duty, the first five listed
        int shown = Math.min(duties.size(), org.yunjian.lifecycle.internal.PlanOverview.OBSTACLES_SHOWN);
        assertThat(Pattern.compile("class=\"obstacle\"")
                        .matcher(stuck)
                        .results()
                        .count())
                .isEqualTo(shown);
        assertThat(duties.stream().filter(d -> stuck.contains("/lifecycle/duties/" + d.get("id"))))
                .hasSize(shown);
        if (duties.size() > shown) {
            assertThat(stuck).contains("另有 " + (duties.size() - shown) + " 项，见该系统的生命周期计划");
        }

        // accepted, the gate is clear: the customer only has to close it, so the system is no longer stuck
        for (Map<String, Object> d : duties) {
            send(post(base + "/duties/" + d.get("id") + "/acceptance").with(read(d, customer2)), customer2, "");
        }
        assertThat(section(overview(customer), "overview-stuck"))
                .doesNotContain("stuck-" + w.system().id());
    }

    @Test
    void theEnglishPageHasNoHanCharactersOutsideVerbatimElements() throws Exception {
        List<Map<String, Object>> duties = planningDuties();
        LocalDate today = LocalDate.now(org.yunjian.shared.Formats.zone());
        due(dutyOf(duties, w.customer().id()), today.minusDays(4));
        String html = mvc.perform(get("/lifecycle/overview").param("lang", "en").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("Overdue plan duties, by assigned organisation")
                .contains("4 days overdue")
                .contains("Systems stuck at a phase gate");
        // the standard's phase term stays as written, with the phase's English name beside it (as on the plan page)
        assertThat(section(html, "overview-overdue-duties"))
                .containsPattern("data-verbatim[^>]*>[^<]+</span>\\s*<span>\\(Planning[^)]*\\)</span>");
        for (String id : List.of("overview-overdue-duties", "overview-stuck")) {
            String rest = VERBATIM.matcher(section(html, id)).replaceAll("");
            Matcher han = HAN.matcher(rest);
            assertThat(han.find())
                    .as(
                            "Han text outside data-verbatim in %s: %s",
                            id, han.hitEnd() ? "" : rest.substring(Math.max(0, han.start() - 80), han.end()))
                    .isFalse();
        }
    }
}
