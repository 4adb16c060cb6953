package org.yunjian.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CatalogExchange;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.support.IfMatch;

/**
 * The catalogs NIST publishes (../shared/oscal: SP 800-53 rev5 HIGH and MODERATE baselines, JSON and XML, and rev4)
 * import under codes that keep their numbers, and a second import under a code already taken never replaces the
 * first unless asked to.
 */
@org.junit.jupiter.api.Tag("database")
@SpringBootTest
@org.yunjian.support.RunsBesideTheSuite
class PublishedCatalogsImportTest {

    static final Path SHARED = Path.of("../shared/oscal");

    @DynamicPropertySource
    static void databaseOfItsOwn(DynamicPropertyRegistry registry) {
        org.yunjian.support.TestDatabases.fresh("published_catalogs_tests", registry);
    }

    @Autowired
    CatalogExchange exchange;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @Test
    void everyPublishedCatalogImportsUnderItsOwnNumberedCodeAndNoneReplacesAnotherSilently() throws Exception {
        CatalogExchange.ImportedStandard high =
                importShared("NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json");
        CatalogExchange.ImportedStandard moderate =
                importShared("NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.xml");
        CatalogExchange.ImportedStandard rev4 = importShared("NIST_SP-800-53_rev4_catalog-min.json");

        assertThat(high.code()).isEqualTo("NIST-SP-800-53-REV5-HIGH");
        assertThat(moderate.code()).isEqualTo("NIST-SP-800-53-REV5-MODERATE");
        assertThat(rev4.code()).isEqualTo("NIST-SP-800-53-REV4");
        // the baselines hold 370 and 287 controls, rev4 922 (../shared/oscal/README.md): one item each, under the
        // 18 families (sections); the import counts the controls, not the families (issue 60)
        assertThat(items(high.code())).isEqualTo(370);
        assertThat(items(moderate.code())).isEqualTo(287);
        assertThat(items(rev4.code())).isEqualTo(922);
        assertThat(high.requirements()).isEqualTo(370);
        assertThat(moderate.requirements()).isEqualTo(287);
        assertThat(rev4.requirements()).isEqualTo(922);
        assertThat(List.of(high.version(), moderate.version(), rev4.version())).containsOnly(1);
        assertThat(catalog.standard(high.code())).isPresent();
        assertThat(catalog.standard(moderate.code())).isPresent();
        assertThat(catalog.standard(rev4.code())).isPresent();

        // the same catalog again (or another one deriving the same code): refused, the first one kept as it was
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        byte[] again = Files.readAllBytes(
                SHARED.resolve("NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json"));
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile("file", "again.json", "application/json", again))
                        .with(authentication(admin()))
                        .with(csrf())
                        .locale(Locale.ENGLISH)
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type", is("urn:yunjian:problem:catalog-exists")))
                .andExpect(jsonPath(
                        "$.detail",
                        containsString("already imported under the code NIST-SP-800-53-REV5-HIGH: "
                                + "NIST Special Publication 800-53 Revision 5.1.1 HIGH IMPACT BASELINE (version 1, from "
                                + "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json)")));
        assertThat(storedFileName(high.code()))
                .isEqualTo("NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json");

        // asked to replace without naming the version it replaces: 428, nothing replaced
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile("file", "again.json", "application/json", again))
                        .param("replace", "true")
                        .with(authentication(admin()))
                        .with(csrf()))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.type", is("urn:yunjian:problem:precondition-required")));
        // asked to replace version 1: it is replaced, and the first version stays listed and downloadable as uploaded
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile("file", "again.json", "application/json", again))
                        .param("replace", "true")
                        .with(IfMatch.version(1))
                        .with(authentication(admin()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code", is(high.code())))
                .andExpect(jsonPath("$.version", is(2)));
        assertThat(storedFileName(high.code())).isEqualTo("again.json");
        // a second administrator who read version 1 too: refused in either language, version 2 kept
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile("file", "late.json", "application/json", again))
                        .param("replace", "true")
                        .param("version", "1")
                        .with(authentication(admin()))
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type", is("urn:yunjian:problem:conflict")))
                .andExpect(jsonPath("$.detail", containsString("Someone else changed this record at 20")))
                .andExpect(jsonPath("$.currentVersion", is(2)));
        mvc.perform(multipart("/api/catalog/import")
                        .file(new MockMultipartFile("file", "late.json", "application/json", again))
                        .param("replace", "true")
                        .with(IfMatch.version(1))
                        .with(authentication(admin()))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail", containsString("他人已于 20")));
        assertThat(storedFileName(high.code())).isEqualTo("again.json");
        mvc.perform(get("/api/catalog/standards/{code}/versions", high.code()).with(authentication(admin())))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$[0].version", is(2)))
                .andExpect(jsonPath("$[0].current", is(true)))
                .andExpect(jsonPath("$[1].version", is(1)))
                .andExpect(jsonPath(
                        "$[1].fileName", is("NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json")))
                .andExpect(jsonPath("$[1].sha256", is(high.sha256())))
                .andExpect(jsonPath("$[1].replacedBy", is("sysadmin-x")));
        byte[] first = mvc.perform(get("/api/catalog/standards/{code}/original", high.code())
                        .param("version", "1")
                        .with(authentication(admin())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(first).isEqualTo(again);
        mvc.perform(get("/api/catalog/standards/{code}/original", high.code())
                        .param("version", "3")
                        .with(authentication(admin())))
                .andExpect(status().isNotFound());
        assertThat(exchange.versions(high.code())).hasSize(2);
        // the versions page offers the administrator a replacement of the version on screen, not a typed number
        mvc.perform(get("/catalog/imports/{code}", high.code()).with(authentication(admin())))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("id=\"catalog-replace-version\" name=\"version\" value=\"2\"")))
                .andExpect(content().string(containsString("以新文件替换第 2 版")));
    }

    @Test
    void parametersRenderAsNistPrintsThemTheSameFromJsonAndXml() throws Exception {
        // under codes of their own (the other test imports them under the derived ones)
        String high = importShared("NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json", "PRM-HIGH")
                .code();
        String moderate = importShared(
                        "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.xml", "PRM-MODERATE")
                .code();
        String rev4 =
                importShared("NIST_SP-800-53_rev4_catalog-min.json", "PRM-REV4").code();

        // AC-2 c.: an assignment (rev5 labels lack "organization-defined"; NIST prints it)
        assertThat(text(high, "ac-2"))
                .contains(
                        "c. Require [Assignment: organization-defined prerequisites and criteria] for group and role membership;");
        // AC-7: assignments and a one-or-more selection whose choices insert further parameters
        String ac7 =
                "a. Enforce a limit of [Assignment: organization-defined number] consecutive invalid logon attempts by "
                        + "a user during a [Assignment: organization-defined time period]; and\n"
                        + "b. Automatically [Selection (one or more): lock the account or node for [Assignment: organization-defined "
                        + "time period]; lock the account or node until released by an administrator; delay next logon prompt per "
                        + "[Assignment: organization-defined delay algorithm]; notify system administrator; take other "
                        + "[Assignment: organization-defined action]] when the maximum number of unsuccessful attempts is exceeded.";
        assertThat(text(high, "ac-7")).isEqualTo(ac7);
        assertThat(text(moderate, "ac-7")).isEqualTo(ac7);
        // rev4: labels carry "organization-defined" already; a selection of exactly one
        assertThat(text(rev4, "ac-7"))
                .isEqualTo("The information system:\n"
                        + "a. Enforces a limit of [Assignment: organization-defined number] consecutive invalid logon attempts by a "
                        + "user during a [Assignment: organization-defined time period]; and\n"
                        + "b. Automatically [Selection: locks the account/node for an [Assignment: organization-defined time period]; "
                        + "locks the account/node until released by an administrator; delays next logon prompt according to "
                        + "[Assignment: organization-defined delay algorithm]] when the maximum number of unsuccessful attempts "
                        + "is exceeded.");
        // no insertion is left anywhere
        for (String code : List.of(high, moderate, rev4)) {
            assertThat(catalog.requirements(code)).allSatisfy(r -> {
                assertThat(r.text() == null ? "" : r.text()).doesNotContain("{{");
                assertThat(r.notes()).allSatisfy(n -> assertThat(n.text()).doesNotContain("{{"));
            });
        }
    }

    private String text(String code, String control) {
        return catalog.requirement(RequirementId.imported(code, control))
                .orElseThrow()
                .text();
    }

    private int items(String code) {
        return catalog.find(RequirementFilter.items().standard(code)).size();
    }

    private CatalogExchange.ImportedStandard importShared(String file) throws Exception {
        return importShared(file, null);
    }

    private CatalogExchange.ImportedStandard importShared(String file, String code) throws Exception {
        return exchange.importOscal(file, Files.readAllBytes(SHARED.resolve(file)), code, null);
    }

    private String storedFileName(String code) {
        return jdbc.sql("SELECT file_name FROM catalog_import WHERE code = ?")
                .param(code)
                .query(String.class)
                .single();
    }

    private static Authentication admin() {
        AccountPrincipal p = new AccountPrincipal(
                new CurrentUser(UUID.randomUUID(), "sysadmin-x", null, Role.SYSTEM_ADMIN), "x", true, false, true);
        return new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities());
    }
}
