package org.yunjian.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.cli.CliRunner;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.support.StaleForms;
import picocli.CommandLine;

/** Export and import through REST, pages and CLI on a database of its own; imports persist and load at startup. */
@SpringBootTest
@RecordApplicationEvents
@Tag("database")
// the exchange formats are not the database's risk; every statement it sends, others send on PostgreSQL too
// (issue 37, CI time: the PostgreSQL pass's record)
@org.yunjian.support.OnePass
@org.yunjian.support.RunsBesideTheSuite
class CatalogExchangeIntegrationTest {

    @DynamicPropertySource
    static void databaseOfItsOwn(DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.fresh("catalog_exchange_tests", registry);
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    Catalog catalog;

    @Autowired
    CatalogExchangeService exchange;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    ApplicationEvents events;

    @Autowired
    CliRunner cli;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    private static Authentication as(Role role) {
        AccountPrincipal p = new AccountPrincipal(
                new CurrentUser(
                        UUID.randomUUID(),
                        role.name().toLowerCase() + "-x",
                        role == Role.USER ? UUID.randomUUID() : null,
                        role),
                "x",
                true,
                false,
                true);
        return new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities());
    }

    private int stored() {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_import")
                .query(Integer.class)
                .single();
    }

    @Test
    void any_signed_in_user_exports_oscal_json_and_xml_that_validate() throws Exception {
        byte[] json = mvc.perform(get("/api/catalog/standards/MLPS-L3/oscal")
                        .param("format", "json")
                        .with(authentication(as(Role.USER))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("MLPS-L3-oscal-catalog.json")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(JsonSchemaCheck.oscalCatalog().validate(json)).isEmpty();
        byte[] xml = mvc.perform(get("/api/catalog/standards/GOVWEB/oscal")
                        .param("format", "xml")
                        .with(authentication(as(Role.AUDIT_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        OscalXml.validate("GOVWEB.xml", xml);
        mvc.perform(get("/api/catalog/standards/GBT31167/csv").with(authentication(as(Role.USER))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("GBT31167-9.2-b")));
        mvc.perform(get("/api/catalog/standards/NOPE/oscal").with(authentication(as(Role.USER))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/catalog/standards/MLPS-L3/oscal")
                        .param("format", "yaml")
                        .with(authentication(as(Role.USER))))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/catalog/standards/MLPS-L3/oscal")).andExpect(status().isUnauthorized());
        assertThat(events.stream(AuditableEvent.class)).anyMatch(e -> e.action().equals("catalog.export"));
    }

    @Test
    void system_admin_imports_an_oscal_catalog_which_is_stored_searchable_audited_and_loaded_at_startup()
            throws Exception {
        byte[] nist = OscalExchangeTest.resource("sample-catalog.json");
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile("file", "sample-catalog.json", "application/json", nist))
                        .param("code", "OSCAL-SAMPLE")
                        .with(authentication(as(Role.USER)))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile("file", "sample-catalog.json", "application/json", nist))
                        .param("code", "OSCAL-SAMPLE")
                        .with(authentication(as(Role.SYSTEM_ADMIN)))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code", is("OSCAL-SAMPLE")))
                .andExpect(jsonPath("$.requirements", is(4))); // its 4 controls, not its 4 groups
        assertThat(events.stream(AuditableEvent.class))
                .anyMatch(e -> e.action().equals("catalog.import")
                        && "OSCAL-SAMPLE".equals(e.objectId())
                        && e.outcome() == AuditableEvent.Outcome.SUCCESS);

        mvc.perform(get("/api/catalog/search")
                        .param("q", "segregation of duties")
                        .param("standard", "OSCAL-SAMPLE")
                        .with(authentication(as(Role.USER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].requirement.id", is("OSCAL-SAMPLE:s1.1.2")));
        mvc.perform(get("/api/catalog/requirements/OSCAL-SAMPLE:s1.1.2").with(authentication(as(Role.USER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title", is("Segregation of duties")));
        mvc.perform(get("/catalog/requirements/OSCAL-SAMPLE:s1.1.2").with(authentication(as(Role.USER))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("that conflict are segregated")));
        mvc.perform(get("/api/catalog/standards").with(authentication(as(Role.USER))))
                .andExpect(jsonPath("$.items[*].code", hasItem("OSCAL-SAMPLE")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM catalog_import WHERE code = 'OSCAL-SAMPLE'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // a restart: a new catalog from the shipped files plus what the database holds
        Catalog restarted = CatalogLoading.fromClasspath();
        assertThat(restarted.standard("OSCAL-SAMPLE")).isEmpty();
        new CatalogExchangeService(
                        restarted,
                        new ImportRepository(jdbc),
                        tx,
                        publisher,
                        java.util.Optional.empty(),
                        CatalogExchangeService.DEFAULT_MAX_DEPTH)
                .afterSingletonsInstantiated();
        assertThat(restarted.standard("OSCAL-SAMPLE")).isPresent();
        assertThat(restarted.search("segregation of duties", RequirementFilter.any()))
                .extracting(h -> h.requirement().id().value())
                .contains("OSCAL-SAMPLE:s1.1.2");
        // and the imported catalog exports again, valid
        assertThat(JsonSchemaCheck.oscalCatalog()
                        .validate(exchange.exportOscal("OSCAL-SAMPLE", OscalFormat.JSON)
                                .getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        OscalXml.validate(
                "again.xml",
                exchange.exportOscal("OSCAL-SAMPLE", OscalFormat.XML).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformed_import_names_file_line_and_path_and_stores_nothing() throws Exception {
        int before = stored();
        int standards = catalog.standards().size();
        String bad = new String(OscalExchangeTest.resource("sample-catalog.json"), StandardCharsets.UTF_8)
                .replace("\"title\": \"Segregation of duties\",", "");
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile(
                                "file", "broken.json", "application/json", bad.getBytes(StandardCharsets.UTF_8)))
                        .param("code", "BROKEN")
                        .with(authentication(as(Role.SYSTEM_ADMIN)))
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file", containsString("broken.json:106:")))
                .andExpect(jsonPath("$.errors.file", containsString("$.catalog.groups[0].groups[0].controls[1]")))
                .andExpect(jsonPath("$.errors.file", containsString("required property 'title' not found")));
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile(
                                "file",
                                "x.json",
                                "application/json",
                                OscalExchangeTest.resource("sample-catalog.json")))
                        .param("code", "MLPS-L3")
                        .with(authentication(as(Role.SYSTEM_ADMIN)))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code", containsString("内置标准")));
        // from the page: the list again, the refusal naming the form's field by its label, in both languages
        for (String lang : new String[] {"zh-CN", "en"}) {
            mvc.perform(multipart("/catalog/import")
                            .file(new MockMultipartFile(
                                    "file",
                                    "x.json",
                                    "application/json",
                                    OscalExchangeTest.resource("sample-catalog.json")))
                            .param("code", "MLPS-L3")
                            .param("lang", lang)
                            .with(authentication(as(Role.SYSTEM_ADMIN)))
                            .with(csrf()))
                    .andExpect(redirectedUrl("/catalog"))
                    .andExpect(flash().attribute("errorsIn", "import"))
                    .andExpect(flash().attribute(
                                    "errors",
                                    java.util.Map.of(
                                            "code",
                                            lang.equals("en")
                                                    ? "Standard code (optional, e.g. NIST-SP-800-53-REV5-HIGH): MLPS-L3 is a "
                                                            + "built-in standard and cannot be an import's code"
                                                    : "标准代码（可选，如 NIST-SP-800-53-REV5-HIGH）：MLPS-L3 是内置标准，不能用作导入代码")));
        }
        assertThat(stored()).isEqualTo(before);
        assertThat(catalog.standards()).hasSize(standards);
        assertThat(catalog.standard("BROKEN")).isEmpty();
        assertThat(events.stream(AuditableEvent.class))
                .anyMatch(e -> e.action().equals("catalog.import") && e.outcome() == AuditableEvent.Outcome.FAILURE);
    }

    @Test
    void export_import_export_through_the_service_is_byte_identical() {
        for (OscalFormat f : OscalFormat.values()) {
            String first = exchange.exportOscal("TCCIA004", f);
            exchange.importOscal(
                    "tccia." + f.extension(), first.getBytes(StandardCharsets.UTF_8), "TCCIA-COPY-" + f.name(), null);
            assertThat(exchange.exportOscal("TCCIA-COPY-" + f.name(), f)).isEqualTo(first);
            assertThat(catalog.search("责任", RequirementFilter.items().standard("TCCIA-COPY-" + f.name())))
                    .isNotEmpty();
        }
    }

    @Test
    void the_catalog_page_has_search_filters_export_links_and_the_import_form_for_the_system_admin() throws Exception {
        mvc.perform(get("/catalog").param("q", "剩余信息").with(authentication(as(Role.USER))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("MLPS-L3-8.2.4.7-a")))
                .andExpect(content().string(containsString("id=\"filter-q\"")))
                .andExpect(content().string(containsString("placeholder=\"中文或英文，如 剩余信息、8.2.4.7\"")))
                .andExpect(content().string(containsString("id=\"filter-layer\"")))
                .andExpect(content().string(containsString("id=\"filter-deploymentModel\"")))
                .andExpect(content().string(containsString("export-xml-MLPS-L3")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("catalog-import-form"))));
        mvc.perform(get("/catalog/results")
                        .param("q", "residual information")
                        .param("standard", "MLPS-L3")
                        .with(authentication(as(Role.USER))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("MLPS-L3-8.2.4.7-b")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
        mvc.perform(get("/catalog").with(authentication(as(Role.SYSTEM_ADMIN))))
                .andExpect(content().string(containsString("catalog-import-form")));
        String organizations = mvc.perform(get("/organizations").with(authentication(as(Role.SYSTEM_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String box = organizations.substring(organizations.indexOf("id=\"filter-q\""));
        assertThat(box.substring(0, box.indexOf('>'))).doesNotContain("placeholder"); // the shared box without one
        mvc.perform(multipart("/catalog/import")
                        .file(new MockMultipartFile(
                                "file",
                                "sample-catalog.xml",
                                "application/xml",
                                OscalExchangeTest.resource("sample-catalog.xml")))
                        .param("code", "NIST-PAGE")
                        .with(authentication(as(Role.SYSTEM_ADMIN)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/catalog"));
        assertThat(catalog.standard("NIST-PAGE")).isPresent();
        // the list's form imports new catalogs only; replacing is done on the versions page, whose form names the
        // version it replaces; an administrator who read version 1 after another replaced it gets that page back
        // with the message, its form now naming the version current
        mvc.perform(get("/catalog").with(authentication(as(Role.SYSTEM_ADMIN))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"version\""))));
        byte[] sample = OscalExchangeTest.resource("sample-catalog.xml");
        mvc.perform(multipart("/catalog/import")
                        .file(new MockMultipartFile("file", "sample-catalog.xml", "application/xml", sample))
                        .param("code", "NIST-PAGE")
                        .param("replace", "true")
                        .param("version", "1")
                        .with(authentication(as(Role.SYSTEM_ADMIN)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/catalog/imports/NIST-PAGE"))
                .andExpect(flash().attribute("importMessage", containsString("NIST-PAGE")));
        // a stale replacement and one naming no version: the versions page with the clear refusal, the form naming
        // the version current, nothing imported
        var admin = authentication(as(Role.SYSTEM_ADMIN));
        for (var form : List.<AbstractMockHttpServletRequestBuilder<?>>of(
                multipart("/catalog/import")
                        .file(new MockMultipartFile("file", "late.xml", "application/xml", sample))
                        .param("code", "NIST-PAGE")
                        .param("replace", "true")
                        .param("version", "1")
                        .with(csrf()),
                multipart("/catalog/import")
                        .file(new MockMultipartFile("file", "late.xml", "application/xml", sample))
                        .param("code", "NIST-PAGE")
                        .param("replace", "true")
                        .with(csrf()))) {
            String page = StaleForms.pageAfter(mvc, form, "/catalog/imports/NIST-PAGE", admin);
            assertThat(page)
                    .contains("id=\"catalog-stale-file\"", "重新选择文件", "name=\"version\" value=\"2\"")
                    .doesNotContain("catalog-import-errors");
            assertThat(exchange.versions("NIST-PAGE")).hasSize(2);
        }
        mvc.perform(multipart("/catalog/import")
                        .file(new MockMultipartFile(
                                "file",
                                "sample-catalog.xml",
                                "application/xml",
                                OscalExchangeTest.resource("sample-catalog.xml")))
                        .with(authentication(as(Role.USER)))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    private record Result(int code, String out) {}

    /**
     * Runs a command in English on this thread: the suite's in-process CLI runs of other classes set the JVM-wide
     * default language (CliArgs.use), so a run that relied on the default read Chinese when one ran beside it.
     */
    private Result run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = cli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        java.util.Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            return new Result(cl.execute(args), out.toString());
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
        }
    }

    @Test
    void an_import_the_schema_accepts_but_a_constraint_refuses_names_path_and_rule_and_stores_nothing(@TempDir Path dir)
            throws Exception {
        int before = stored();
        int standards = catalog.standards().size();
        // a group's part named "statement" (allowed in a control only) and a second control c-1: schema-valid
        byte[] bad = OscalConstraintCheckTest.catalog(
                ",\"parts\":[{\"id\":\"g1_smt\",\"name\":\"statement\",\"prose\":\"x\"}]", "c-1");
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile("file", "constraint.json", "application/json", bad))
                        .param("code", "CONSTRAINT-BROKEN")
                        .with(authentication(as(Role.SYSTEM_ADMIN)))
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file", containsString("constraint.json:")))
                .andExpect(jsonPath("$.errors.file", containsString("/catalog/group[1]/")))
                .andExpect(jsonPath("$.errors.file", containsString("breaks the OSCAL constraint ")))
                .andExpect(jsonPath("$.errors.file", containsString("more problem")));
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile("file", "constraint.json", "application/json", bad))
                        .param("code", "CONSTRAINT-BROKEN")
                        .with(authentication(as(Role.SYSTEM_ADMIN)))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file", containsString("不满足 OSCAL 约束 ")));
        Path file = dir.resolve("constraint.json");
        Files.write(file, bad);
        Result rejected = run("catalog", "import", "--file", file.toString(), "--code", "CONSTRAINT-BROKEN");
        assertThat(rejected.code()).isEqualTo(1);
        assertThat(rejected.out()).contains("/catalog/group[1]/").contains("nothing stored");
        assertThat(stored()).isEqualTo(before);
        assertThat(catalog.standards()).hasSize(standards);
        assertThat(catalog.standard("CONSTRAINT-BROKEN")).isEmpty();

        // a catalog whose related link points outside it: imported, the warning in the answer and on the page
        byte[] related = new String(OscalConstraintCheckTest.catalog("", "c-2"), StandardCharsets.UTF_8)
                .replace("\"title\":\"Two\"", "\"title\":\"Two\",\"links\":[{\"href\":\"#ac-99\",\"rel\":\"related\"}]")
                .getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile("file", "related.json", "application/json", related))
                        .param("code", "CONSTRAINT-WARNED")
                        .with(authentication(as(Role.SYSTEM_ADMIN)))
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requirements", is(2)))
                .andExpect(jsonPath("$.notices[0]", containsString("/catalog/group[1]/control[2]/link[1]: ")))
                .andExpect(jsonPath("$.notices[0]", containsString("related-control link #ac-99")));
        mvc.perform(multipart("/catalog/import")
                        .file(new MockMultipartFile("file", "related.json", "application/json", related))
                        .param("code", "CONSTRAINT-WARNED-PAGE")
                        .param("lang", "zh-CN")
                        .with(authentication(as(Role.SYSTEM_ADMIN)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/catalog"))
                .andExpect(flash().attribute(
                                "importNotices", org.hamcrest.Matchers.hasItem(containsString("相关控制项链接 #ac-99"))));
        // the list page shows them under the "imported" line, one item each
        mvc.perform(get("/catalog")
                        .flashAttr("importMessage", "已导入")
                        .flashAttr("importNotices", java.util.List.of("/catalog/group[1]/control[2]/link[1]：警告"))
                        .with(authentication(as(Role.SYSTEM_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"catalog-import-notices\"")))
                .andExpect(content().string(containsString("<li>/catalog/group[1]/control[2]/link[1]：警告</li>")));
    }

    @Test
    void cli_lists_shows_searches_exports_and_imports(@TempDir Path dir) throws Exception {
        assertThat(run("catalog", "list").out())
                .contains("MLPS-L3")
                .contains("GOVWEB")
                .contains("built-in");
        Result show = run("catalog", "show", "MLPS-L3-8.2.4.7-a");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("应保证虚拟机所使用的内存和存储空间回收时得到完全清除").contains("phases:");
        assertThat(run("catalog", "show", "MLPS-L3-9.9.9").code()).isEqualTo(1);
        Result search = run("catalog", "search", "剩余信息");
        assertThat(search.code()).isZero();
        assertThat(search.out()).contains("MLPS-L3-8.2.4.7-a").contains("MLPS-L3-8.2.4.7-b");
        assertThat(run("catalog", "search", "residual", "information").out()).contains("MLPS-L3-8.2.4.7-a");

        Path json = dir.resolve("mlps.json");
        assertThat(run("catalog", "export", "--format", "oscal-json", "--standard", "MLPS-L3", "--out", json.toString())
                        .code())
                .isZero();
        assertThat(JsonSchemaCheck.oscalCatalog().validate(Files.readAllBytes(json)))
                .isEmpty();
        Path xml = dir.resolve("mlps.xml");
        assertThat(run("catalog", "export", "--format", "oscal-xml", "--standard", "MLPS-L3", "--out", xml.toString())
                        .code())
                .isZero();
        OscalXml.validate("mlps.xml", Files.readAllBytes(xml));
        assertThat(run("catalog", "export", "--format", "csv", "--standard", "JRT-SF")
                        .out())
                .startsWith("id,standard,kind");
        assertThat(run("catalog", "export", "--format", "oscal-json").code()).isEqualTo(2);

        Path nist = dir.resolve("sample-catalog.xml");
        Files.write(nist, OscalExchangeTest.resource("sample-catalog.xml"));
        Result imported = run("catalog", "import", "--file", nist.toString(), "--code", "NIST-CLI");
        assertThat(imported.code()).as(imported.out()).isZero();
        assertThat(run("catalog", "search", "segregation").out()).contains("NIST-CLI:s1.1.2");
        Path broken = dir.resolve("broken.xml");
        Files.writeString(broken, Files.readString(nist).replace("<title>Access control</title>", ""));
        Result rejected = run("catalog", "import", "--file", broken.toString(), "--code", "NIST-BROKEN");
        assertThat(rejected.code()).isEqualTo(1);
        assertThat(rejected.out())
                .contains("broken.xml:")
                .contains("group[2](@id=s2)")
                .contains("nothing stored");
        assertThat(catalog.standard("NIST-BROKEN")).isEmpty();
    }

    @Test
    void deeplyNestedImportIsABadRequestNamingTheLimitInBothFormats() throws Exception {
        for (org.yunjian.catalog.OscalFormat format : org.yunjian.catalog.OscalFormat.values()) {
            byte[] deep = OscalExchangeTest.nestedGroups(format, 20_000);
            mvc.perform(multipart("/api/catalog/import")
                            .file(new MockMultipartFile(
                                    "file", "deep." + format.name().toLowerCase(), "application/octet-stream", deep))
                            .param("code", "DEEP-NEST")
                            .with(authentication(as(Role.SYSTEM_ADMIN)))
                            .with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.file", containsString("嵌套超过 100 层")));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM catalog_import WHERE code = 'DEEP-NEST'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
