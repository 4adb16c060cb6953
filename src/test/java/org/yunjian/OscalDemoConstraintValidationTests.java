package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.demo.DemoData;
import org.yunjian.support.OscalConstraints;
import org.yunjian.support.WebSession;

/**
 * The demo portal's responsibility plan — the customer, the provider and its partners sharing duties, agreements and
 * delegations — passes the official schema and every OSCAL Metaschema constraint on both sides and in both formats
 * (issue 60: 39 errors and 4 warnings per format before). The same context as {@code DemoCatalogTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
class OscalDemoConstraintValidationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogExchange exchange;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"json, provider", "json, customer", "xml, provider", "xml, customer"})
    void theDemoPortalsResponsibilityPlanPassesTheSchemaAndEveryOscalConstraint(String format, String side)
            throws Exception {
        WebSession customer = new WebSession(p -> URI.create("http://localhost:" + port + p))
                .loginOnceSeeded(
                        DemoData.CUSTOMER_USER, DemoData.PASSWORD, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        UUID portal = jdbc.sql("SELECT id FROM cloud_system WHERE name = ?")
                .param(DemoData.PORTAL_SYSTEM)
                .query(UUID.class)
                .single();
        HttpResponse<String> r =
                customer.get("/api/systems/" + portal + "/responsibility/oscal-ssp?format=" + format + "&side=" + side);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        byte[] doc = r.body().getBytes(StandardCharsets.UTF_8);
        assertThat(OscalSchemas.validate(
                        OscalSchemas.Model.SSP, OscalFormat.valueOf(format.toUpperCase(Locale.ROOT)), doc))
                .isEmpty();
        // several parties on one duty, and agreements in the back matter: what the constraints were broken by
        assertThat(r.body()).contains("hop-1", "agreement-party");
        String catalogLink = "/api/catalog/standards/TCCIA004/oscal?format=json";
        byte[] tccia = exchange.exportOscal("TCCIA004", OscalFormat.JSON).getBytes(StandardCharsets.UTF_8);
        assertThat(OscalConstraints.findings("demo-ssp-" + side + "." + format, doc, Map.of(catalogLink, tccia)))
                .isEmpty();
    }
}
