package org.yunjian.party;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.newCreditCode;
import static org.yunjian.party.PartyTestSupport.runAs;
import static org.yunjian.party.PartyTestSupport.user;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.internal.ImportService;
import org.yunjian.party.internal.ImportService.Format;
import org.yunjian.party.internal.ImportService.ImportRejectedException;
import org.yunjian.party.internal.ImportService.RowError;

@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
@org.yunjian.support.OnePass
class ImportTests {

    @Autowired
    ImportService imports;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    ImportService.Result importOrganizations(String content, Format format) {
        return runAs(admin(), () -> imports.importOrganizations(content.getBytes(UTF_8), format));
    }

    ImportService.Result importSystems(String content, Format format) {
        return runAs(admin(), () -> imports.importSystems(content.getBytes(UTF_8), format));
    }

    List<RowError> rejection(Runnable r) {
        try {
            r.run();
        } catch (ImportRejectedException e) {
            return e.rows();
        }
        throw new AssertionError("import was not rejected");
    }

    @Test
    void importsOrganisationsFromCsvWithQuotedFields() {
        String a = newCreditCode();
        String b = newCreditCode();
        var result = importOrganizations("""
                \uFEFFname,creditCode,region,roles
                "某云计算有限公司, 北京分公司",%s,北京,PROVIDER;PARTNER_OM_SERVICE
                "名称含""引号""的测评中心",%s,福建省福州市,"THIRD_PARTY_ASSESSOR;
                PARTNER_SECURITY_SERVICE"
                """.formatted(a, b), Format.CSV);
        assertThat(result.count()).isEqualTo(2);
        Organization first =
                runAs(admin(), () -> fixtures.organizations.get(result.ids().get(0)));
        assertThat(first.name()).isEqualTo("某云计算有限公司, 北京分公司");
        assertThat(first.roles()).containsExactlyInAnyOrder(PartyRole.PROVIDER, PartyRole.PARTNER_OM_SERVICE);
        Organization second =
                runAs(admin(), () -> fixtures.organizations.get(result.ids().get(1)));
        assertThat(second.name()).isEqualTo("名称含\"引号\"的测评中心");
        assertThat(second.roles())
                .containsExactlyInAnyOrder(PartyRole.THIRD_PARTY_ASSESSOR, PartyRole.PARTNER_SECURITY_SERVICE);
    }

    @Test
    void rejectsACsvFileWithSeveralBadRowsListingEveryLineAndStoresNothing() {
        String good = newCreditCode();
        String existing =
                fixtures.organization("已有", PartyRole.CUSTOMER).creditCode().value();
        long before = count("organization");
        String csv = """
                name,creditCode,region,roles
                好组织,%s,北京,CUSTOMER
                坏校验位,91350100M000100Y44,福州,CUSTOMER
                另一好组织,%s,上海,"PROVIDER;CUSTOMER"
                缺地区,%s,,LANDLORD
                "文件内
                重复",%s,北京,CUSTOMER
                已登记,%s,北京,CUSTOMER
                少字段,%s
                """.formatted(good, newCreditCode(), newCreditCode(), good, existing, newCreditCode());
        List<RowError> rows = rejection(() -> importOrganizations(csv, null));
        assertThat(rows).extracting(RowError::position).containsExactly(3, 5, 6, 8, 9);
        assertThat(rows.get(0).errors()).containsOnlyKeys("creditCode");
        assertThat(rows.get(0).errors().get("creditCode")).contains("3");
        assertThat(rows.get(1).errors()).containsOnlyKeys("region", "roles");
        assertThat(rows.get(2).errors().get("creditCode")).contains("2");
        assertThat(rows.get(3).errors().get("creditCode")).contains("已登记");
        assertThat(rows.get(4).errors()).containsKeys("row", "region", "roles");
        assertThat(count("organization")).isEqualTo(before);
    }

    @Test
    void importsSystemsFromJsonReferringToOrganisationsByCreditCode() {
        var w = fixtures.world();
        long before = count("cloud_system");
        var result = importSystems(
                """
                [{"name":"一网通办","customerCreditCode":"%s","protectionLevel":3,"deploymentModel":"HYBRID",
                  "serviceModel":"PAAS","industry":"GOVERNMENT_WEBSITE","dataClassification":"CORE",
                  "regions":["北京","上海"],"providerCreditCode":"%s",
                  "agents":[{"creditCode":"%s","role":"AGENT_SYSTEM_INTEGRATOR"}]},
                 {"name":"行情系统","customerCreditCode":"%s","protectionLevel":"4","deploymentModel":"PRIVATE",
                  "serviceModel":"IAAS","industry":"SECURITIES_FUTURES","dataClassification":"IMPORTANT",
                  "regions":["深圳"]}]
                """.formatted(
                                w.customer().creditCode(),
                                w.provider().creditCode(),
                                w.agent().creditCode(),
                                w.customer().creditCode()),
                null);
        assertThat(result.count()).isEqualTo(2);
        assertThat(count("cloud_system")).isEqualTo(before + 2);
        CloudSystem s = runAs(admin(), () -> fixtures.systems.get(result.ids().get(0)));
        assertThat(s.providerId()).isEqualTo(w.provider().id());
        assertThat(s.agents())
                .containsExactly(new CloudSystem.Agent(w.agent().id(), PartyRole.AGENT_SYSTEM_INTEGRATOR));
        assertThat(s.regions()).containsExactly("北京", "上海");
    }

    @Test
    void rejectsAJsonFileWithBadRowsListingEveryIndex() {
        var w = fixtures.world();
        long before = count("cloud_system");
        List<RowError> rows = rejection(() -> importSystems(
                """
                [{"name":"好系统","customerCreditCode":"%s","protectionLevel":2,"deploymentModel":"PUBLIC",
                  "serviceModel":"SAAS","industry":"OTHER","dataClassification":"GENERAL","regions":["北京"]},
                 {"name":"坏级别","customerCreditCode":"%s","protectionLevel":5,"deploymentModel":"PUBLIC",
                  "serviceModel":"SAAS","industry":"OTHER","dataClassification":"GENERAL","regions":["北京"]},
                 "not an object",
                 {"name":"服务商不是客户","customerCreditCode":"%s","protectionLevel":2,"deploymentModel":"PUBLIC",
                  "serviceModel":"SAAS","industry":"OTHER","dataClassification":"GENERAL","regions":[],
                  "color":"red"}]
                """.formatted(
                                w.customer().creditCode(),
                                w.customer().creditCode(),
                                w.provider().creditCode()),
                Format.JSON));
        assertThat(rows).extracting(RowError::position).containsExactly(1, 2, 3);
        assertThat(rows.get(0).errors()).containsOnlyKeys("protectionLevel");
        assertThat(rows.get(2).errors()).containsKeys("customerCreditCode", "regions", "color");
        assertThat(count("cloud_system")).isEqualTo(before);
    }

    @Test
    void importsSystemsFromCsvWithAgents() {
        var w = fixtures.world();
        var result = importSystems(
                """
                name,customerCreditCode,protectionLevel,deploymentModel,serviceModel,industry,dataClassification,regions,providerCreditCode,agents
                门户,%s,3,PUBLIC,IAAS,GOVERNMENT_WEBSITE,IMPORTANT,北京;天津,%s,%s:AGENT_SYSTEM_INTEGRATOR
                """.formatted(
                                w.customer().creditCode(),
                                w.provider().creditCode(),
                                w.agent().creditCode()),
                null);
        assertThat(result.count()).isEqualTo(1);
    }

    @Test
    void rejectsFilesItCannotRead() {
        for (String content : List.of(
                "",
                "name,creditCode\nx,y\n",
                "nom,creditCode,region,roles\n",
                "[{\"name\": ",
                "name,creditCode,region,roles\n\"open,quote\n")) {
            List<RowError> rows = rejection(() -> importOrganizations(content, null));
            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.position()).isNull();
                assertThat(r.errors()).containsKey("file");
            });
        }
        List<RowError> rows = rejection(() ->
                runAs(admin(), () -> imports.importOrganizations(new byte[] {'n', (byte) 0xC3, (byte) 0x28}, null)));
        assertThat(rows.get(0).errors().get("file")).contains("UTF-8");
    }

    @Test
    void rejectsOversizedFiles() {
        byte[] big = new byte[imports.maxBytes() + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        List<RowError> rows = rejection(() -> runAs(admin(), () -> imports.importOrganizations(big, Format.CSV)));
        assertThat(rows.get(0).errors().get("file")).contains("5");
    }

    @Test
    void onlySystemAdministratorsImport() {
        var org = fixtures.organization("业务单位", PartyRole.CUSTOMER);
        assertThatThrownBy(() -> runAs(user(org.id()), () -> imports.importOrganizations("x".getBytes(UTF_8), null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void importsOverRestAndReportsBadRowsAsAProblem() throws Exception {
        String ok = "name,creditCode,region,roles\n接口导入,%s,北京,CUSTOMER\n".formatted(newCreditCode());
        mvc.perform(multipart("/api/import/organizations")
                        .file(new MockMultipartFile("file", "../../etc/passwd", "text/plain", ok.getBytes(UTF_8)))
                        .with(as(admin())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.count").value(1));
        long before = count("organization");
        String bad = "name,creditCode,region,roles\n,%s,北京,CUSTOMER\n好,%s,北京,CUSTOMER\n坏,123,北京,CUSTOMER\n"
                .formatted(newCreditCode(), newCreditCode());
        mvc.perform(multipart("/api/import/organizations")
                        .param("format", "csv")
                        .file(new MockMultipartFile("file", "orgs.csv", "text/csv", bad.getBytes(UTF_8)))
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['line 2']").value(containsString("name")))
                .andExpect(jsonPath("$.errors['line 4']").value(containsString("creditCode")))
                .andExpect(jsonPath("$.rows[1].line").value(4));
        assertThat(count("organization")).isEqualTo(before);
        mvc.perform(multipart("/api/import/systems")
                        .file(new MockMultipartFile("file", "s.json", "application/json", "[]".getBytes(UTF_8)))
                        .with(as(user(
                                fixtures.organization("u", PartyRole.CUSTOMER).id()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void rowErrorsAreKeyedByField() {
        List<RowError> rows = rejection(() -> importOrganizations("[{\"name\":\"x\",\"roles\":\"CUSTOMER\"}]", null));
        assertThat(rows.get(0).errors()).isInstanceOf(Map.class).containsKeys("creditCode", "region");
    }
}
