package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Standard;
import org.yunjian.party.Engagement;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;
import org.yunjian.support.OscalConstraints;

/**
 * Every OSCAL export passes NIST's own checks (issue 60): the official schema, then every Metaschema constraint of the
 * OSCAL model as liboscal-java evaluates them ({@code oscal-cli validate}) — no error and no warning. The catalogs are
 * every built-in standard in both formats; the system security plans are both sides of a fresh system's matrix with
 * two agreements and a delegation, in both formats.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@org.yunjian.support.OnePass
class OscalConstraintValidationTests {

    @Autowired
    CatalogExchange exchange;

    @Autowired
    Catalog catalog;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyBuiltInCatalogPassesTheSchemaAndEveryOscalConstraintInBothFormats() {
        List<Standard> builtIn = catalog.standards().stream()
                .filter(s -> catalog.isBuiltIn(s.code()))
                .toList();
        assertThat(builtIn).hasSizeGreaterThanOrEqualTo(5);
        Map<String, List<String>> findings = new TreeMap<>();
        for (Standard s : builtIn) {
            for (OscalFormat format : OscalFormat.values()) {
                byte[] doc = exchange.exportOscal(s.code(), format).getBytes(StandardCharsets.UTF_8);
                String name = s.code() + "." + format.name().toLowerCase(Locale.ROOT);
                assertThat(OscalSchemas.validate(OscalSchemas.Model.CATALOG, format, doc))
                        .as(name)
                        .isEmpty();
                List<String> found = OscalConstraints.findings(name, doc);
                if (!found.isEmpty()) {
                    findings.put(name + " (" + found.size() + ")", found);
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"json, provider", "json, customer", "xml, provider", "xml, customer"})
    void aFreshSystemsResponsibilityPlanPassesTheSchemaAndEveryOscalConstraint(String format, String side)
            throws Exception {
        Fixtures.World w = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Organization security = fixtures.organization("安全服务商 " + tag, PartyRole.PARTNER_SECURITY_SERVICE);
        fixtures.engagement(
                "云平台运营 " + tag,
                w.system(),
                new Engagement.Participant(security.id(), PartyRole.PARTNER_SECURITY_SERVICE));
        CurrentUser customer = user(w.customer().id());
        CurrentUser provider = user(w.provider().id());
        String base = "/api/systems/" + w.system().id() + "/responsibility";
        mvc.perform(post(base).with(as(customer))).andExpect(status().isCreated());
        send(post(base + "/agreements"), customer, w, """
                {"name":"云服务合同","partyA":"%s","partyB":"%s","clauses":["3.1","7.3"]}""".formatted(
                        w.customer().id(), w.provider().id()));
        send(post(base + "/agreements"), provider, w, """
                {"name":"安全服务协议","partyA":"%s","partyB":"%s","clauses":["7.3"]}""".formatted(w.provider().id(), security.id()));
        mvc.perform(put(base + "/rows/{duty}", "TCCIA004-6.2-b")
                        .with(as(provider))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"assignments":[{"organisation":"%s","role":"PROVIDER","chain":[{"to":"%s",
                                "agreement":"安全服务协议","clause":"7.3"}]}]}""".formatted(w.provider().id(), security.id())))
                .andExpect(status().isOk());

        byte[] doc = mvc.perform(get(base + "/oscal-ssp")
                        .param("format", format)
                        .param("side", side)
                        .header("Accept-Language", "zh-CN")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        OscalFormat f = OscalFormat.valueOf(format.toUpperCase(Locale.ROOT));
        assertThat(OscalSchemas.validate(OscalSchemas.Model.SSP, f, doc)).isEmpty();
        assertThat(new String(doc, StandardCharsets.UTF_8)).contains("安全服务协议", "TCCIA004-6.2-b");
        // the plan imports its catalog from the server that issued it (a back-matter rlink relative to the server)
        String catalogLink = "/api/catalog/standards/TCCIA004/oscal?format=json";
        assertThat(new String(doc, StandardCharsets.UTF_8)).contains(catalogLink);
        byte[] tccia = exchange.exportOscal("TCCIA004", OscalFormat.JSON).getBytes(StandardCharsets.UTF_8);
        assertThat(OscalConstraints.findings("ssp-" + side + "." + format, doc, Map.of(catalogLink, tccia)))
                .isEmpty();
    }

    private void send(MockHttpServletRequestBuilder b, CurrentUser u, Fixtures.World w, String body) throws Exception {
        mvc.perform(b.with(as(u))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
    }
}
