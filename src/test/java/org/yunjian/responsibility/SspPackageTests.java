package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import gov.nist.secauto.metaschema.databind.IBindingContext;
import gov.nist.secauto.metaschema.databind.io.Format;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import gov.nist.secauto.oscal.lib.model.SystemSecurityPlan;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.OscalConstraints;

/**
 * Inheritance packages in and out (issue 60), through REST with the real services and database: the provider's
 * leveraged-authorization package passes the official schema and NIST's constraints; NIST's SSP example (JSON and
 * XML) and its leveraged / leveraging pair (JSON, and the leveraged plan converted to XML by NIST's own library) import
 * for the customer, each control listed with the Chinese duties and items it lands on or as unmapped — never dropped;
 * nothing changes on the matrix; a bad file is a 400 naming the problem; tenants see only their own systems' imports.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class SspPackageTests {

    static final Path EXAMPLES = Path.of("/work/shared/oscal/examples");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogExchange exchange;

    @Autowired
    ForeignControls foreign;

    Fixtures.World w;
    CurrentUser customer;
    CurrentUser provider;
    String base;

    @BeforeEach
    void matrix() throws Exception {
        w = fixtures.world();
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        base = "/api/systems/" + w.system().id() + "/responsibility";
        mvc.perform(post(base).with(as(customer))).andExpect(status().isCreated());
    }

    ResultActions importFile(CurrentUser u, String name, byte[] content) throws Exception {
        return mvc.perform(multipart(base + "/oscal-ssp/packages")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .header("Accept-Language", "zh-CN")
                .with(as(u)));
    }

    static byte[] example(String name) throws Exception {
        return Files.readAllBytes(EXAMPLES.resolve(name));
    }

    /** NIST's leveraged plan in XML, converted by NIST's own library (liboscal-java), not by Yunjian. */
    static byte[] leveragedXml() throws Exception {
        IBindingContext context = OscalBindingContext.instance();
        // NIST's example writes "[Assignment: …]" unescaped, which the library's Markdown reader refuses: escaped here
        String json = Files.readString(EXAMPLES.resolve("oscal_leveraged-example_ssp.json"))
                .replace("[Assignment", "\\\\[Assignment");
        Path file = org.yunjian.support.Scratch.directory("leveraged").resolve("leveraged.json");
        Files.writeString(file, json);
        SystemSecurityPlan plan = context.newBoundLoader().load(SystemSecurityPlan.class, file);
        StringWriter out = new StringWriter();
        context.newSerializer(Format.XML, SystemSecurityPlan.class).serialize(plan, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ssp-example.json, PLAN",
        "ifa_ssp-example.xml, PLAN",
        "oscal_leveraged-example_ssp.json, LEVERAGED",
        "oscal_leveraging-example_ssp.json, LEVERAGING",
        "leveraged-as-xml, LEVERAGED"
    })
    void nistsPlansImportWithEveryControlMappedOrListedAsUnmapped(String file, String kind) throws Exception {
        byte[] content = file.equals("leveraged-as-xml") ? leveragedXml() : example(file);
        if (file.equals("leveraged-as-xml")) {
            assertThat(OscalFormat.sniff(content)).isEqualTo(OscalFormat.XML);
        }
        long versions = versions();
        String body = importFile(customer, file, content)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(body, "$.kind")).isEqualTo(kind);
        List<String> controls = JsonPath.read(body, "$.controls[*].controlId");
        assertThat(controls).isNotEmpty();
        List<String> unmapped = JsonPath.read(body, "$.unmapped");
        for (int i = 0; i < controls.size(); i++) {
            String c = controls.get(i);
            boolean mapped = JsonPath.read(body, "$.controls[" + i + "].mapped");
            List<String> items = JsonPath.read(body, "$.controls[" + i + "].targets[*].item");
            // the crosswalk decides, and the answer says so: mapped ones land on their items, the rest are listed
            assertThat(mapped).as(c).isEqualTo(foreign.isMapped(c));
            assertThat(items.isEmpty()).as(c).isEqualTo(!mapped);
            assertThat(unmapped.contains(c)).as(c).isEqualTo(!mapped);
            if (mapped) {
                List<String> relationships = JsonPath.read(body, "$.controls[" + i + "].targets[*].relationship");
                assertThat(relationships).as(c).doesNotContainNull();
                List<String> rationales = JsonPath.read(body, "$.controls[" + i + "].targets[*].rationale");
                assertThat(rationales).as(c).allSatisfy(r -> assertThat(r).isNotBlank());
            }
        }
        if (kind.equals("LEVERAGED") || kind.equals("LEVERAGING")) {
            // ac-2 is mapped: it lands on its Chinese duty, carried by the provider and the customer
            assertThat(controls).contains("ac-2");
            List<String> items = JsonPath.read(body, "$.controls[?(@.controlId == 'ac-2')].targets[*].item");
            assertThat(items).isNotEmpty();
            List<String> carrier = JsonPath.read(body, "$.controls[?(@.controlId == 'ac-2')].carrier");
            assertThat(carrier).containsExactly(kind.equals("LEVERAGED") ? "SHARED" : "SHARED");
            List<String> statements = JsonPath.read(body, "$.controls[?(@.controlId == 'ac-2')].statements[*].kind");
            assertThat(statements)
                    .contains(kind.equals("LEVERAGED") ? "PROVIDED" : "INHERITED")
                    .contains(kind.equals("LEVERAGED") ? "RESPONSIBILITY" : "SATISFIED");
        }
        // shown, never applied: the matrix has the versions it had
        assertThat(versions()).isEqualTo(versions);
        String id = JsonPath.read(body, "$.id");
        String again = mvc.perform(get(base + "/oscal-ssp/packages/" + id).with(as(provider)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((List<String>) JsonPath.read(again, "$.unmapped")).isEqualTo(unmapped);
    }

    long versions() {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM responsibility_matrix_version v JOIN responsibility_matrix m
                        ON m.id = v.matrix_id WHERE m.system_id = ?""").param(w.system().id()).query(Long.class).single();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"json", "xml"})
    void theProvidersPackagePassesTheSchemaAndNistsConstraintsAndImportsBack(String format) throws Exception {
        byte[] doc = mvc.perform(
                        get(base + "/oscal-ssp/package").param("format", format).with(as(provider)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        OscalFormat f = OscalFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        assertThat(OscalSchemas.validate(OscalSchemas.Model.SSP, f, doc)).isEmpty();
        String text = new String(doc, StandardCharsets.UTF_8);
        assertThat(text).contains("responsible-role", "tccia-customer", "provided", "responsibilit");
        String catalogLink = "/api/catalog/standards/TCCIA004/oscal?format=json";
        byte[] tccia = exchange.exportOscal("TCCIA004", OscalFormat.JSON).getBytes(StandardCharsets.UTF_8);
        assertThat(OscalConstraints.findings("package." + format, doc, Map.of(catalogLink, tccia)))
                .isEmpty();
        // Yunjian's own package lands on the duties themselves
        String body = importFile(customer, "package." + format, doc)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(body, "$.kind")).isEqualTo("LEVERAGED");
        assertThat((List<String>) JsonPath.read(body, "$.unmapped")).isEmpty();
        List<Boolean> duties = JsonPath.read(body, "$.controls[*].targets[0].duty");
        assertThat(duties).isNotEmpty().containsOnly(true);
    }

    @Test
    void aBadFileIsA400NamingTheProblemAndNothingIsStored() throws Exception {
        importFile(customer, "x.txt", "not a plan".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest());
        String body = importFile(
                        customer,
                        "x.json",
                        "{\"system-security-plan\":{\"uuid\":\"x\"}}".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("system-security-plan");
        // over what a stored plan holds: refused before it is read
        byte[] big = new byte[1_000_001];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        assertThat(importFile(customer, "big.json", big)
                        .andExpect(status().isBadRequest())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("1 MB");
        assertThat(stored()).isZero();
    }

    @Test
    void onlyTheCustomerImportsAndOnlyPartiesOfTheSystemSeeImports() throws Exception {
        byte[] nist = example("oscal_leveraged-example_ssp.json");
        importFile(provider, "p.json", nist).andExpect(status().isForbidden());
        CurrentUser stranger = user(w.stranger().id());
        importFile(stranger, "p.json", nist).andExpect(status().isNotFound());
        String id = JsonPath.read(
                importFile(customer, "p.json", nist)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.id");
        mvc.perform(get(base + "/oscal-ssp/packages").with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/oscal-ssp/packages/" + id).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/oscal-ssp/package").with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/systems/" + UUID.randomUUID() + "/responsibility/oscal-ssp/packages/" + id)
                        .with(as(customer)))
                .andExpect(status().isNotFound());
        assertThat(stored()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'responsibility.ssp.package.import'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void theCommandLineExportsThePackageAndImportsNistsLeveragedPlan() throws Exception {
        String username = "pkg-" + UUID.randomUUID().toString().substring(0, 8);
        org.yunjian.security.TestAccounts.create(
                users,
                new org.yunjian.security.UserAdministration.NewUser(
                        username,
                        "命令行客户",
                        org.yunjian.security.Role.USER,
                        w.customer().id(),
                        "Customer-Cli-Test-2026!"));
        Path xml = org.yunjian.support.Scratch.directory("package-cli").resolve("package.xml");
        java.io.StringWriter out = new java.io.StringWriter();
        assertThat(run(
                        out,
                        "responsibility",
                        "export-package",
                        "--as",
                        username,
                        "--system",
                        w.system().id().toString(),
                        "--format",
                        "xml",
                        "--out",
                        xml.toString()))
                .as(out.toString())
                .isZero();
        assertThat(OscalSchemas.validate(OscalSchemas.Model.SSP, OscalFormat.XML, Files.readAllBytes(xml)))
                .isEmpty();
        out.getBuffer().setLength(0);
        assertThat(run(
                        out,
                        "responsibility",
                        "import-package",
                        "--as",
                        username,
                        "--system",
                        w.system().id().toString(),
                        "--file",
                        EXAMPLES.resolve("oscal_leveraged-example_ssp.json").toString()))
                .as(out.toString())
                .isZero();
        assertThat(out.toString())
                .contains("Imported “oscal_leveraged-example_ssp.json”")
                .contains("ac-2 → ");
        assertThat(stored()).isEqualTo(1);
    }

    @Autowired
    org.yunjian.cli.CliRunner cli;

    @Autowired
    org.yunjian.security.UserAdministration users;

    int run(java.io.StringWriter sink, String... args) {
        var commandLine = cli.commandLine();
        commandLine.setOut(new java.io.PrintWriter(sink, true));
        commandLine.setErr(new java.io.PrintWriter(sink, true));
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            return commandLine.execute(args);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM responsibility_ssp_package WHERE system_id = ?")
                .param(w.system().id())
                .query(Long.class)
                .single();
    }
}
