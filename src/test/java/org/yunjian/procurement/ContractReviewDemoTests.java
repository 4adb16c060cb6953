package org.yunjian.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.runAs;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.Phase;
import org.yunjian.demo.DemoData;
import org.yunjian.lifecycle.PhaseGateCondition;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;

/**
 * The demo portal's acquisition documents as a newcomer sees them: a needs analysis, two candidates compared with the
 * demo provider selected, every clause present so the acquisition phase may close — and the three pages render for
 * the customer (with forms) and the provider (read-only).
 */
@SpringBootTest(properties = "yunjian.demo=true")
@AutoConfigureMockMvc
@Tag("database")
@org.yunjian.support.OnePass
class ContractReviewDemoTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    @Autowired
    List<PhaseGateCondition> gates;

    UUID portal;
    CurrentUser customer;
    CurrentUser provider;

    @BeforeEach
    void demo() {
        portal = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
        customer = SeedActor.account(users, DemoData.CUSTOMER_USER).orElseThrow();
        provider = SeedActor.account(users, DemoData.PROVIDER_USER).orElseThrow();
    }

    @Test
    void demoPortalHasItsAcquisitionDocumentsAndTheGateIsClear() {
        assertThat(jdbc.sql("SELECT decision FROM lifecycle_needs_analysis WHERE system_id = ?")
                        .param(portal)
                        .query(String.class)
                        .single())
                .isEqualTo("MIGRATE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_selection_candidate WHERE system_id = ?")
                        .param(portal)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        assertThat(jdbc.sql("SELECT c.organisation_id FROM lifecycle_selection_decision d JOIN "
                                + "lifecycle_selection_candidate c ON c.id = d.candidate_id WHERE d.system_id = ?")
                        .param(portal)
                        .query(UUID.class)
                        .single())
                .isEqualTo(jdbc.sql("SELECT provider_id FROM cloud_system WHERE id = ?")
                        .param(portal)
                        .query(UUID.class)
                        .single());
        assertThat(runAs(customer, () -> gates.stream()
                        .flatMap(g -> g.unmet(portal, Phase.ACQUISITION_MIGRATION).stream())
                        .toList()))
                .isEmpty();
    }

    @Test
    void pagesRenderForTheCustomerWithFormsAndForTheProviderReadOnly() throws Exception {
        String base = "/systems/" + portal + "/lifecycle/";
        mvc.perform(get(base + "contract-review").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"gate-clear\"")))
                .andExpect(content().string(containsString("id=\"clause-GOVWEB-6.6.1-d\"")))
                .andExpect(content().string(containsString("<form")));
        mvc.perform(get(base + "contract-review").with(as(provider)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/contract-review/clauses/"))));
        mvc.perform(get(base + "selection").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"comparison-table\"")))
                .andExpect(content().string(containsString(DemoData.PROVIDER.name())))
                .andExpect(content().string(containsString("id=\"decision-made\"")));
        mvc.perform(get(base + "selection").with(as(provider)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"decision-form\""))));
        mvc.perform(get(base + "needs").with(as(provider)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("https://www.example.gov.cn")));
        for (String doc : List.of("needs.docx", "selection.docx", "contract-review.docx")) {
            mvc.perform(get(base + doc).with(as(provider))).andExpect(status().isOk());
        }
        // a page form with a bad mark is shown again with the problem, nothing changed
        mvc.perform(post(base + "contract-review/clauses/GOVWEB-6.6.1-d")
                        .with(as(customer))
                        .param("status", "PRESENT")
                        .param("reference", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));
        mvc.perform(post(base + "contract-review/clauses/GOVWEB-6.6.1-d")
                        .with(as(provider))
                        .param("status", "MISSING"))
                .andExpect(status().isForbidden());
    }
}
