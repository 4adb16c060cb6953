package org.yunjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.TestDatabases;

/**
 * An imported OSCAL catalog (NIST SP 800-53 rev5 HIGH baseline, from ../shared/oscal) as the scope of an assessment:
 * offered on the form, one item per control, verdicts recorded and scored like any other assessment.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@org.yunjian.support.RunsBesideTheSuite
class ImportedCatalogScopeTests {

    static final String FILE = "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json";
    static final String SCOPE = "CATALOG:NIST-SP-800-53-REV5-HIGH";

    @DynamicPropertySource
    static void databaseOfItsOwn(DynamicPropertyRegistry registry) {
        TestDatabases.fresh("imported_scope", registry); // the import must not reach other tests' catalogs
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CatalogExchange exchange;

    @Autowired
    Catalog catalog;

    Fixtures.World w;
    CurrentUser assessor;
    CurrentUser customer;

    @BeforeEach
    void world() throws Exception {
        if (catalog.standard("NIST-SP-800-53-REV5-HIGH").isEmpty()) {
            exchange.importOscal(FILE, Files.readAllBytes(Path.of("../shared/oscal", FILE)), null, null);
        }
        w = fixtures.world();
        assessor = user(w.assessor().id());
        customer = user(w.customer().id());
    }

    private ResultActions create(String scope) throws Exception {
        return mvc.perform(post("/api/assessments")
                .with(as(assessor))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en")
                .content("""
                        {"name":"NIST 800-53 HIGH","systemId":"%s","assessorOrgId":"%s","assessorKind":"THIRD_PARTY",
                         "scope":["%s"]}""".formatted(w.system().id(), w.assessor().id(), scope)));
    }

    private String item(String id, String requirement) throws Exception {
        String body = AssessmentItems.json(mvc, id, as(assessor));
        List<String> ids = JsonPath.read(body, "$[?(@.requirementId == '" + requirement + "')].id");
        assertThat(ids).as(requirement).hasSize(1);
        return ids.get(0);
    }

    private void verdict(String item, String json) throws Exception {
        mvc.perform(put("/api/assessment-items/{id}/verdict", item)
                        .with(IfMatch.item(jdbc, item))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    @Test
    void anAssessmentScopedToAnImportedNistCatalogHasOneItemPerControlAndIsScored() throws Exception {
        String body = create(SCOPE)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scope[0]").value(SCOPE))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");

        String items = AssessmentItems.json(mvc, id, as(assessor));
        List<String> requirements = JsonPath.read(items, "$[*].requirementId");
        assertThat(requirements)
                .hasSize(370) // the HIGH baseline's 370 controls, each assessed once
                .contains(
                        "NIST-SP-800-53-REV5-HIGH:ac-2",
                        "NIST-SP-800-53-REV5-HIGH:ac-7",
                        "NIST-SP-800-53-REV5-HIGH:ac-2.1")
                .doesNotHaveDuplicates();
        List<String> sides = JsonPath.read(items, "$[*].side");
        assertThat(sides).containsOnly("WHOLE_SYSTEM");
        List<String> controlPoints =
                JsonPath.read(items, "$[?(@.requirementId == 'NIST-SP-800-53-REV5-HIGH:ac-2.1')].controlPoint");
        // the catalog's own names, no catalog code or title before them
        assertThat(controlPoints).containsExactly("AC-2 Account Management");

        // the item shows the control's text with its parameters rendered
        mvc.perform(get("/api/assessment-items/{id}", item(id, "NIST-SP-800-53-REV5-HIGH:ac-7"))
                        .with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("[Assignment: organization-defined number]")));

        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        verdict(item(id, "NIST-SP-800-53-REV5-HIGH:ac-2"), "{\"verdict\":\"COMPLIANT\"}");
        verdict(
                item(id, "NIST-SP-800-53-REV5-HIGH:ac-7"),
                "{\"verdict\":\"PARTIALLY_COMPLIANT\",\"riskLevel\":\"LOW\",\"riskReason\":\"lockout after 10 attempts\"}");
        verdict(
                item(id, "NIST-SP-800-53-REV5-HIGH:ac-3"),
                "{\"verdict\":\"NON_COMPLIANT\",\"riskLevel\":\"LOW\",\"riskReason\":\"no access enforcement\"}");

        // 1 + 0.5 + 0 of 3 scored items: 50 %, 差; the other 367 are pending
        mvc.perform(get("/api/assessments/{id}/score", id).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complianceRate").value(50.0))
                .andExpect(jsonPath("$.conclusion").value("DOES_NOT_CONFORM"))
                .andExpect(jsonPath("$.pending").value(367))
                .andExpect(jsonPath("$.byLayer[0].name", containsString("Access Control")))
                .andExpect(jsonPath("$.byLayer[0].scored").value(3))
                .andExpect(jsonPath("$.byLayer.length()").value(18)); // one group per NIST family

        // the assessment's page names its scope
        mvc.perform(get("/assessments/{id}", id).with(as(assessor)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Imported catalog: NIST-SP-800-53-REV5-HIGH")));
    }

    @Test
    void theCreationFormOffersTheImportedCatalogAndAnUnknownOneIsRefused() throws Exception {
        mvc.perform(get("/assessments/new")
                        .param("systemId", w.system().id().toString())
                        .with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + SCOPE + "\"")))
                .andExpect(content().string(containsString("导入的目录：NIST-SP-800-53-REV5-HIGH")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "<span data-verbatim>NIST Special Publication 800-53 Revision 5.1.1 HIGH IMPACT BASELINE</span>")));
        create("CATALOG:NIST-SP-800-53-REV9")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.scope", containsString("CATALOG:NIST-SP-800-53-REV9")));
        create("CATALOG:MLPS-L3").andExpect(status().isBadRequest()); // a built-in standard is no imported catalog
    }
}
