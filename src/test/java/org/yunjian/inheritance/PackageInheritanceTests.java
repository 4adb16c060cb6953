package org.yunjian.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.assessment.PlatformWorld;
import org.yunjian.assessment.SignOffFixture;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;
import org.yunjian.support.OscalConstraints;

/**
 * Issue 60 across the platform and its tenant: the provider's package of its own platform carries the verdicts of the
 * platform's completed assessment on what it provides (and still passes the schema and NIST's constraints); a plan
 * imported for the tenant system shows on the tenant's assessment page, on the items its controls land on, with who
 * carries them under the plan.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class PackageInheritanceTests {

    /** A duty the catalog relates to an MLPS item (cross-references: MLPS-L3-8.2.4.7-a ↔ TCCIA004-8.3-b-2). */
    static final String DUTY = "TCCIA004-8.3-b-2";

    static final String ITEM = "MLPS-L3-8.2.4.7-a";

    @Autowired
    MockMvc mvc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CatalogExchange exchange;

    Organization customer;
    Organization provider;
    Organization assessorOrg;
    CloudSystem system;
    CloudSystem platform;
    CurrentUser assessor;
    CurrentUser providerUser;

    @BeforeEach
    void world() {
        PlatformWorld world = PlatformWorld.create(fixtures);
        customer = world.customer();
        provider = world.provider();
        assessorOrg = world.assessorOrg();
        system = world.system();
        platform = world.platform();
        assessor = user(assessorOrg.id());
        providerUser = user(provider.id());
    }

    String create(CurrentUser who, CloudSystem s, Organization org, String kind) throws Exception {
        String body = mvc.perform(post("/api/assessments")
                        .with(as(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"继承包测评 %s","systemId":"%s","assessorOrgId":"%s","assessorKind":"%s",
                                 "scope":["MLPS-L3"]}""".formatted(s.name(), s.id(), org.id(), kind)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    void move(CurrentUser who, String id, String to) throws Exception {
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"" + to + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void thePlatformsPackageCarriesItsVerdictsAndATenantsImportShowsOnItsAssessment() throws Exception {
        // the provider's own platform: assessed and completed, every platform item and the duty's item compliant
        String source = create(providerUser, platform, provider, "CUSTOMER_SELF");
        move(providerUser, source, "IN_PROGRESS");
        String all = AssessmentItems.json(mvc, source, as(providerUser));
        List<String> platformItems =
                JsonPath.read(AssessmentItems.json(mvc, source, as(providerUser), "side", "CLOUD_PLATFORM"), "$[*].id");
        List<String> dutyItem = JsonPath.read(all, "$[?(@.requirementId == '" + ITEM + "')].id");
        assertThat(dutyItem).hasSize(1);
        for (String item :
                new java.util.LinkedHashSet<>(java.util.stream.Stream.concat(platformItems.stream(), dutyItem.stream())
                        .toList())) {
            mvc.perform(put("/api/assessment-items/{id}/verdict", item)
                            .with(IfMatch.item(jdbc, item))
                            .with(as(providerUser))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"verdict\":\"COMPLIANT\"}"))
                    .andExpect(status().isOk());
        }
        SignOffFixture.complete(mvc, users, jdbc, source, providerUser);

        // its package: the duty's provided statement names the verdict of the item the catalog relates it to
        String platformBase = "/api/systems/" + platform.id() + "/responsibility";
        mvc.perform(post(platformBase).with(as(providerUser))).andExpect(status().isCreated());
        byte[] pkg = mvc.perform(get(platformBase + "/oscal-ssp/package").with(as(providerUser)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(OscalSchemas.validate(OscalSchemas.Model.SSP, OscalFormat.JSON, pkg))
                .isEmpty();
        List<String> verdicts = JsonPath.read(
                new String(pkg, StandardCharsets.UTF_8),
                "$['system-security-plan']['control-implementation']['implemented-requirements'][?(@['control-id'] == '"
                        + DUTY
                        + "')]['by-components'][*].export.provided[*].props[?(@.name == 'platform-verdict')].value");
        assertThat(verdicts).contains("compliant");
        String catalogLink = "/api/catalog/standards/TCCIA004/oscal?format=json";
        byte[] tccia = exchange.exportOscal("TCCIA004", OscalFormat.JSON).getBytes(StandardCharsets.UTF_8);
        assertThat(OscalConstraints.findings("platform-package.json", pkg, Map.of(catalogLink, tccia)))
                .isEmpty();

        // the tenant's customer imports a leveraged plan (NIST's, its control on that duty); the tenant's assessment
        // shows it on the item, as shared between provider and customer
        String plan = Files.readString(Path.of("/work/shared/oscal/examples/oscal_leveraged-example_ssp.json"))
                .replace("\"control-id\": \"ac-2\"", "\"control-id\": \"" + DUTY + "\"");
        assertThat(plan).contains(DUTY);
        mvc.perform(multipart("/api/systems/" + system.id() + "/responsibility/oscal-ssp/packages")
                        .file(new MockMultipartFile(
                                "file", "leveraged.json", "application/json", plan.getBytes(StandardCharsets.UTF_8)))
                        .with(as(user(customer.id()))))
                .andExpect(status().isCreated());
        String id = create(assessor, system, assessorOrg, "THIRD_PARTY");
        move(assessor, id, "IN_PROGRESS");
        String page = mvc.perform(get("/assessments/{id}", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"package-items\"", "data-item=\"" + ITEM + "\"", "共担", "继承包中的 T/CCIA 004 职责");
    }
}
