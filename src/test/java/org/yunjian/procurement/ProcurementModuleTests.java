package org.yunjian.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.obligations.OverdueCount;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Fixtures;
import org.yunjian.party.internal.Inputs;
import org.yunjian.party.internal.SystemService;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;
import org.yunjian.support.TestDatabases;

/**
 * The procurement module started with the modules it uses (lifecycle, party, …) and none of those that use it (the
 * obligations calendar, migration): the customer of a securities system records its NDA's validity in the contract
 * review over the REST API (JR/T 6.3.4 "保密协议应有明确的有效周期。"), and the module's API for the calendar
 * ({@link NdaValidities}) answers with those dates; the review's {@link NdaValidityRecorded} is published for whoever
 * follows it (no one here).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@AutoConfigureMockMvc
@Import({Fixtures.class, ProcurementModuleTests.Recorded.class})
// H2 only: a module test starts its module and those it uses, not audit, whose start grants the application role
// its privileges on PostgreSQL (the full-context tests of these modules run in the PostgreSQL pass)
@org.yunjian.support.JourneyBesideTheSuite
class ProcurementModuleTests {

    static final String CLAUSE = "JRT-SF-6.3.4-2";

    /** The web shell's start page (in a module procurement's dependencies use) asks the calendar, not started here. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class NoCalendar {
        @org.springframework.context.annotation.Bean
        OverdueCount overdueCount() {
            return () -> 0;
        }
    }

    /** The events the review publishes. */
    static class Recorded {
        final List<NdaValidityRecorded> events = new ArrayList<>();

        @org.springframework.context.event.EventListener
        void on(NdaValidityRecorded e) {
            events.add(e);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SystemService systems;

    @Autowired
    NdaValidities ndas;

    @Autowired
    Recorded recorded;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void databaseOfItsOwn(DynamicPropertyRegistry registry) {
        TestDatabases.fresh("procurement_module", registry);
    }

    @Test
    void startsWithoutTheModulesThatUseIt() {
        assertThat(context.getBeanNamesForType(NdaValidities.class)).hasSize(1);
        assertThat(context.getBeanDefinitionNames())
                .noneMatch(n -> n.toLowerCase().contains("ndarenewals"))
                .noneMatch(n -> n.toLowerCase().contains("migrationservice"));
    }

    @Test
    void theNdasValidityRecordedInTheReviewIsWhatTheCalendarIsOffered() throws Exception {
        Fixtures.World w = fixtures.world();
        CurrentUser customer = user(w.customer().id());
        CloudSystem system = runAs(
                admin(),
                () -> systems.create(new Inputs.SystemInput(
                        "行业云交易系统",
                        w.customer().id().toString(),
                        "3",
                        "COMMUNITY",
                        "IAAS",
                        "SECURITIES_FUTURES",
                        "IMPORTANT",
                        List.of("上海"),
                        w.provider().id().toString(),
                        List.of())));
        assertThat(ndas.ndaValidity(system)).isEmpty();

        LocalDate from = LocalDate.now().minusYears(1);
        LocalDate until = from.plusYears(3).minusDays(1);
        mvc.perform(put("/api/systems/" + system.id() + "/lifecycle/contract-review/clauses/" + CLAUSE)
                        .with(as(customer))
                        .with(IfMatch.version(0))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"status":"PRESENT","reference":"保密协议第 2 条","validFrom":"%s","validUntil":"%s"}""".formatted(from, until)))
                .andExpect(status().isOk());

        assertThat(ndas.ndaValidity(system)).get().satisfies(r -> {
            assertThat(r.validFrom()).isEqualTo(from);
            assertThat(r.validUntil()).isEqualTo(until);
        });
        assertThat(recorded.events).contains(new NdaValidityRecorded(system.id()));
    }
}
