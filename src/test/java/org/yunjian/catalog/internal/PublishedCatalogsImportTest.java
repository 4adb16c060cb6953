package org.yunjian.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;

/**
 * The catalogs NIST publishes (../shared/oscal: SP 800-53 rev5 HIGH and MODERATE baselines, JSON and XML, and rev4)
 * import under codes that keep their numbers, and a second import under a code already taken never replaces the
 * first unless asked to.
 */
@SpringBootTest
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
        CatalogExchange.ImportedStandard high = importShared("NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json");
        CatalogExchange.ImportedStandard moderate = importShared("NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.xml");
        CatalogExchange.ImportedStandard rev4 = importShared("NIST_SP-800-53_rev4_catalog-min.json");

        assertThat(high.code()).isEqualTo("NIST-SP80053-REV5-HIGH-IMPACT");
        assertThat(moderate.code()).isEqualTo("NIST-SP80053-REV5-MODERATE-IMPACT");
        assertThat(rev4.code()).isEqualTo("NIST-SP80053-REV4");
        // the baselines hold 370 and 287 controls, rev4 922 (../shared/oscal/README.md); their statements are items too
        assertThat(high.requirements()).isGreaterThanOrEqualTo(370);
        assertThat(moderate.requirements()).isGreaterThanOrEqualTo(287).isLessThan(high.requirements());
        assertThat(rev4.requirements()).isGreaterThanOrEqualTo(922);
        assertThat(catalog.standard(high.code())).isPresent();
        assertThat(catalog.standard(moderate.code())).isPresent();
        assertThat(catalog.standard(rev4.code())).isPresent();

        // the same catalog again (or another one deriving the same code): refused, the first one kept as it was
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        byte[] again = Files.readAllBytes(SHARED.resolve("NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json"));
        mvc.perform(multipart("/api/catalog/import").file(new MockMultipartFile("file", "again.json", "application/json", again))
                        .with(authentication(admin())).with(csrf()).locale(Locale.ENGLISH)
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type", is("urn:yunjian:problem:catalog-exists")))
                .andExpect(jsonPath("$.detail", containsString("already imported under the code NIST-SP80053-REV5-HIGH-IMPACT")));
        assertThat(storedFileName(high.code())).isEqualTo("NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json");

        // asked to replace: it is replaced
        mvc.perform(multipart("/api/catalog/import").file(new MockMultipartFile("file", "again.json", "application/json", again))
                        .param("replace", "true").with(authentication(admin())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code", is(high.code())));
        assertThat(storedFileName(high.code())).isEqualTo("again.json");
    }

    private CatalogExchange.ImportedStandard importShared(String file) throws Exception {
        return exchange.importOscal(file, Files.readAllBytes(SHARED.resolve(file)), null, false);
    }

    private String storedFileName(String code) {
        return jdbc.sql("SELECT file_name FROM catalog_import WHERE code = ?").param(code).query(String.class).single();
    }

    private static Authentication admin() {
        AccountPrincipal p = new AccountPrincipal(new CurrentUser(UUID.randomUUID(), "sysadmin-x", null, Role.SYSTEM_ADMIN),
                "x", true, false, true);
        return new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities());
    }
}
