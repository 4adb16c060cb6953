package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yunjian.cli.CliRunner;
import org.yunjian.demo.DemoData;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.support.CliCapture;
import org.yunjian.support.TestDatabases;

/**
 * Issue 57, need to know, walked on the demo as its people meet it: the provider's engineer 钱工 is assigned to the
 * customer's portal alone, and finds nothing of the customer's other system nor of the securities company's — not a
 * name, not an id, not a count — through any page or REST read the application routes (each tried plain and with a
 * search term), 我的待办, notifications, the system pickers, the dashboards, his calendar feed and the command line;
 * what the portal holds he does find (so the walk can fail). The same for a 测评机构 member on no assessment's team:
 * no system and no assessment at all. Routes taking an id are walked with the unseen systems' ids: none answers
 * anything of them.
 */
@SpringBootTest(properties = "yunjian.demo=true")
@AutoConfigureMockMvc
@Tag("database")
@org.yunjian.support.RunsBesideTheSuite
class NeedToKnowWalkTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshDemo("need_to_know_walk", registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    CliRunner cli;

    @Autowired
    org.yunjian.security.OrganizationAdministration orgAdmins;

    CurrentUser engineer;
    UUID portal;
    List<UUID> unseen;

    @BeforeEach
    void people() {
        engineer = person(DemoData.PROVIDER_ENGINEER);
        portal = systemId(DemoData.PORTAL_SYSTEM);
        unseen = List.of(systemId(DemoData.SERVICE_SYSTEM), systemId(DemoData.SECURITIES_SYSTEM));
    }

    @Test
    void theEngineerOfThePortalFindsNothingOfTheProvidersOtherSystems() throws Exception {
        Map<String, String> markers = markersOf(unseen, List.of(portal));
        assertThat(markers).containsKeys(DemoData.SERVICE_SYSTEM, DemoData.SECURITIES_SYSTEM);

        // what he works on he finds: the walk below can fail
        String systems = body(mvc.perform(get("/api/systems").with(as(engineer)).accept(MediaType.APPLICATION_JSON))
                .andReturn());
        assertThat(systems).contains(DemoData.PORTAL_SYSTEM);
        assertThat((Integer) JsonPath.read(systems, "$.total")).isEqualTo(1);

        List<String> leaks = walk(engineer, markers);
        assertThat(leaks)
                .as("what the engineer read of systems he is not assigned to")
                .isEmpty();
        // the same walk finds them for his administrator, who holds the whole-organisation grant: it can fail
        List<String> admin = walk(person(DemoData.PROVIDER_USER), markers);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "need-to-know-administrator.txt"), admin);
        assertThat(admin.stream()
                        .map(l -> l.substring(0, l.indexOf(':')))
                        .distinct()
                        .count())
                .as("routes on which the provider's administrator reads of the other systems: " + admin)
                .isGreaterThan(10);
        // among them 我的待办, the notifications, search, the pickers, the dashboards and the calendar
        assertThat(admin.stream().map(l -> l.substring(0, l.indexOf(':'))).toList())
                .contains(
                        "/my-work",
                        "/api/notifications",
                        "/search?q=示例&size=200",
                        "/assessments/new",
                        "/dashboard",
                        "/lifecycle/calendar",
                        "/api/systems");

        // ids of the unseen systems, in every route that takes one: nothing of them is answered
        List<String> byId = new ArrayList<>();
        for (String pattern : idRoutes()) {
            for (UUID id : unseen) {
                MvcResult r = mvc.perform(get(pattern.replaceFirst("\\{[^}]+}", id.toString()))
                                .with(as(engineer)))
                        .andReturn();
                String text = body(r);
                if (r.getResponse().getStatus() / 100 == 2
                        && markers.keySet().stream().anyMatch(text::contains)) {
                    byId.add(pattern + " " + r.getResponse().getStatus());
                }
            }
        }
        assertThat(byId).as("routes answering about an unseen system by its id").isEmpty();

        // his calendar feed: the portal's duties, none of the others'
        String feed = JsonPath.read(
                body(mvc.perform(post("/api/lifecycle/calendar/feed").with(as(engineer)))
                        .andReturn()),
                "$.url");
        String ics = body(
                mvc.perform(get(feed.substring(feed.indexOf("/lifecycle/")))).andReturn());
        assertThat(ics).startsWith("BEGIN:VCALENDAR");
        markers.keySet().forEach(m -> assertThat(ics).as("calendar feed").doesNotContain(m));

        // the command line
        CliCapture capture = new CliCapture();
        capture.run(cli, java.util.Locale.ENGLISH, "assessment", "list", "--as", DemoData.PROVIDER_ENGINEER);
        markers.keySet()
                .forEach(m -> assertThat(capture.out.toString()).as("CLI").doesNotContain(m));
    }

    @Test
    void aMemberOfTheAssessmentBodyOnNoTeamSeesNoSystemAndNoAssessment() throws Exception {
        UUID assessorOrg = person(DemoData.ASSESSOR_USER).organizationId();
        String username = "ntk" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = orgAdmins.createInvited(username, "测评师 新人", "Need-To-Know-2026!", assessorOrg, false, "test");
        CurrentUser newcomer = new CurrentUser(id, username, assessorOrg, Role.USER);

        List<UUID> all =
                jdbc.sql("SELECT id FROM cloud_system").query(UUID.class).list();
        Map<String, String> markers = markersOf(all, List.of());
        assertThat(markers).containsKey(DemoData.PORTAL_SYSTEM);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment").query(Long.class).single())
                .isPositive();

        assertThat(walk(newcomer, markers)).as("what a member on no team read").isEmpty();
        // the same person, once their administrator assigns them to the portal, finds it
        jdbc.sql(
                        "INSERT INTO system_assignment (system_id, user_id, organization_id, assigned_at) VALUES (?,?,?,CURRENT_TIMESTAMP)")
                .params(portal, id, assessorOrg)
                .update();
        assertThat(body(mvc.perform(get("/api/systems").with(as(newcomer)).accept(MediaType.APPLICATION_JSON))
                        .andReturn()))
                .contains(DemoData.PORTAL_SYSTEM);
    }

    /**
     * Every GET route without a path variable, as {@code who}, plain and with a search term: the markers (names and
     * ids of what they must not learn of) found in a successful answer, "route: marker" each.
     */
    private List<String> walk(CurrentUser who, Map<String, String> markers) throws Exception {
        List<String> leaks = new ArrayList<>();
        int read = 0;
        for (String route : plainRoutes()) {
            for (String query : List.of("", "?q=示例&size=200")) {
                MvcResult r = mvc.perform(get(route + query).with(as(who))).andReturn();
                if (r.getResponse().getStatus() / 100 != 2) {
                    continue;
                }
                read++;
                String text = body(r);
                markers.forEach((marker, what) -> {
                    if (text.contains(marker)) {
                        leaks.add(route + query + ": " + what);
                    }
                });
            }
        }
        assertThat(read).as("answers read").isGreaterThan(100);
        return leaks;
    }

    private Set<String> plainRoutes() {
        Set<String> out = new java.util.TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!info.getMethodsCondition().getMethods().isEmpty()
                    && !info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                return;
            }
            for (String p : info.getPatternValues()) {
                if (!p.contains("{") && !p.contains("*") && !p.startsWith("/error") && !p.equals("/logout")) {
                    out.add(p);
                }
            }
        });
        return out;
    }

    /** GET routes under a system whose only path variable is the system's id. */
    private Set<String> idRoutes() {
        Set<String> out = new java.util.TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                return;
            }
            for (String p : info.getPatternValues()) {
                if ((p.startsWith("/systems/{") || p.startsWith("/api/systems/{"))
                        && p.indexOf('{') == p.lastIndexOf('{')) {
                    out.add(p);
                }
            }
        });
        return out;
    }

    /**
     * What must not be read of {@code systems}: their names and ids, and the names of their engagements, assessments,
     * exit projects and monitors — but any name also borne by something of {@code seen} (shared words are no leak).
     */
    private Map<String, String> markersOf(List<UUID> systems, List<UUID> seen) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> seenNames = new LinkedHashSet<>();
        for (UUID s : seen) {
            seenNames.addAll(names(s));
        }
        for (UUID s : systems) {
            out.put(s.toString(), "id of system " + s);
            for (String n : names(s)) {
                if (!seenNames.contains(n) && n.length() >= 4) {
                    out.put(n, n);
                }
            }
        }
        return out;
    }

    private List<String> names(UUID system) {
        List<String> out = new ArrayList<>();
        out.addAll(jdbc.sql("SELECT name FROM cloud_system WHERE id = ?")
                .param(system)
                .query(String.class)
                .list());
        for (String table : List.of("engagement", "assessment", "exit_project", "monitor")) {
            out.addAll(jdbc.sql("SELECT name FROM " + table + " WHERE system_id = ?")
                    .param(system)
                    .query(String.class)
                    .list());
        }
        return out;
    }

    private CurrentUser person(String username) {
        return jdbc.sql("SELECT id, organization_id FROM user_account WHERE username = ?")
                .param(username)
                .query((rs, n) ->
                        new CurrentUser(rs.getObject(1, UUID.class), username, rs.getObject(2, UUID.class), Role.USER))
                .single();
    }

    private UUID systemId(String name) {
        return jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(name)
                .query(UUID.class)
                .single();
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
