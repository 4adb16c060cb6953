package org.yunjian.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.Formats;
import org.yunjian.support.IfMatch;
import org.yunjian.support.TestDatabases;

/**
 * The obligations module started on its own with the modules it uses (lifecycle, procurement, party, …) and none of
 * those that use it (migration, notification, the web shell): a customer generates the calendar of a system over its
 * REST API from a start 14 months back, the start page's count ({@link OverdueCount}, the module's API) counts
 * its overdue obligations, and the provider's report recorded today takes exactly that
 * obligation off the count. A database of its own: the context is not the suite's shared one.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@AutoConfigureMockMvc
@Import({Fixtures.class, org.yunjian.assessment.AssessmentNeighbours.class})
// H2 only: a module test starts its module and those it uses, not audit, whose start grants the application role
// its privileges on PostgreSQL (the full-context tests of these modules run in the PostgreSQL pass)
@org.yunjian.support.JourneyBesideTheSuite
class ObligationsModuleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OverdueCount overdue;

    @Autowired
    ApplicationContext context;

    Fixtures.World w;
    CurrentUser customer;
    CurrentUser provider;
    String base;
    LocalDate today;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        base = "/api/systems/" + w.system().id() + "/lifecycle/obligations";
        today = LocalDate.now(Formats.zone());
    }

    @DynamicPropertySource
    static void databaseOfItsOwn(DynamicPropertyRegistry registry) {
        TestDatabases.fresh("obligations_module", registry);
    }

    ResultActions call(MockHttpServletRequestBuilder b, CurrentUser u) throws Exception {
        return mvc.perform(b.with(as(u)).contentType(MediaType.APPLICATION_JSON));
    }

    @Test
    void startsWithoutTheModulesThatUseIt() {
        assertThat(context.getBeanNamesForType(OverdueCount.class)).hasSize(1);
        assertThat(context.getBeanDefinitionNames())
                .noneMatch(n -> n.toLowerCase().contains("migrationservice"))
                .noneMatch(n -> n.toLowerCase().contains("notificationsettings"));
    }

    @Test
    void theOverdueCountFollowsTheCalendarAndACompletionTakesOneObligationOff() throws Exception {
        assertThat(runAs(customer, overdue::overdueForCurrentUser)).isZero();
        call(post(base + "/generate").content("{\"startDate\":\"" + today.minusMonths(14) + "\"}"), customer)
                .andExpect(status().isCreated());
        int generated = jdbc.sql("SELECT COUNT(*) FROM lifecycle_obligation WHERE system_id = ?")
                .param(w.system().id())
                .query(Integer.class)
                .single();
        int overdueNow = runAs(customer, overdue::overdueForCurrentUser);
        assertThat(overdueNow).isPositive().isLessThanOrEqualTo(generated);

        call(
                        post(base + "/PROVIDER_REPORT/completions")
                                .content("{\"doneOn\":\"" + today + "\"}")
                                .with(IfMatch.current(
                                        jdbc,
                                        "lifecycle_obligation",
                                        Map.of("system_id", w.system().id(), "kind", "PROVIDER_REPORT"))),
                        provider)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextDue").value(today.plusMonths(1).toString()));
        assertThat(runAs(customer, overdue::overdueForCurrentUser)).isEqualTo(overdueNow - 1);
    }
}
