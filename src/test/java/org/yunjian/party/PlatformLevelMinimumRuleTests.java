package org.yunjian.party;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.OrganizationApiTests.json;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.cli.CliRunner;
import org.yunjian.support.IfMatch;
import org.yunjian.support.WorldMvcTests;

/**
 * Issue 59: the platform-level minimums of JR/T 证券期货业云技术应用安全规范 (jrt-securities-futures-cloud-security-spec.txt)
 * — 7.2 (line 522) "私有云应符合JR/T 0060中的第二级或以上安全要求。", 7.3 (line 532) "行业云应符合JR/T 0060中的第三级或以上安全
 * 要求。", 7.4 (line 550) "公共云应符合JR/T 0060中的第三级或以上安全要求。" — and 等保 8.2.2.1 a)
 * (mlps2-cloud-extension-level3-assessment-guide.txt) "应保证云计算平台不承载高于其安全保护等级的业务应用系统" for every
 * industry. A platform level below either is refused wherever a system is created or changed: REST (400 problem), the
 * form (the message next to the field, the input kept) and the command-line import (exit 1).
 */
@org.yunjian.support.OnePass
class PlatformLevelMinimumRuleTests extends WorldMvcTests {

    static final String JRT_7_2 = "私有云应符合JR/T 0060中的第二级或以上安全要求。";
    static final String JRT_7_3 = "行业云应符合JR/T 0060中的第三级或以上安全要求。";
    static final String JRT_7_4 = "公共云应符合JR/T 0060中的第三级或以上安全要求。";
    static final String MLPS_8_2_2_1_A = "应保证云计算平台不承载高于其安全保护等级的业务应用系统";

    @Autowired
    CliRunner cli;

    @TempDir
    Path dir;

    static String body(int level, String model, String industry, Integer platform) {
        return PlatformLevelRuleTests.body(level, model, industry, platform);
    }

    private void refused(String body, String lang, org.hamcrest.Matcher<String> message) throws Exception {
        long before = systems();
        mvc.perform(json(post("/api/systems").param("lang", lang), body)
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.platformLevel").value(message));
        assertThat(systems()).isEqualTo(before);
    }

    private void accepted(String body) throws Exception {
        mvc.perform(json(post("/api/systems"), body).with(as(user(w.customer().id()))))
                .andExpect(status().isCreated());
    }

    @Test
    @DisplayName("JR/T 7.3 行业云应符合JR/T 0060中的第三级或以上安全要求: a 行业云 (community cloud) platform at level 2 is a 400 "
            + "quoting 7.3, even for a level-2 system")
    void rejectsACommunityCloudPlatformBelowLevelThree_JRT_7_3() throws Exception {
        refused(
                body(2, "COMMUNITY", "SECURITIES_FUTURES", 2),
                "zh-CN",
                allOf(
                        containsString("社区云"),
                        containsString("第三级或以上"),
                        containsString("7.3"),
                        containsString(JRT_7_3),
                        not(containsString(MLPS_8_2_2_1_A))));
        refused(
                body(2, "COMMUNITY", "SECURITIES_FUTURES", 2),
                "en",
                allOf(containsString("level 3 or above"), containsString("level 2"), containsString(JRT_7_3)));
        accepted(body(2, "COMMUNITY", "SECURITIES_FUTURES", 3));
    }

    @Test
    @DisplayName("JR/T 7.2 私有云应符合JR/T 0060中的第二级或以上安全要求: a private cloud platform at level 1 is refused; level 2 passes")
    void rejectsAPrivateCloudPlatformBelowLevelTwo_JRT_7_2() throws Exception {
        refused(
                body(1, "PRIVATE", "SECURITIES_FUTURES", 1),
                "zh-CN",
                allOf(containsString("第二级或以上"), containsString("7.2"), containsString(JRT_7_2)));
        accepted(body(2, "PRIVATE", "SECURITIES_FUTURES", 2));
        accepted(body(1, "PRIVATE", "SECURITIES_FUTURES", 2));
    }

    @Test
    @DisplayName("JR/T 7.4 公共云应符合JR/T 0060中的第三级或以上安全要求: a public (and a hybrid) platform at level 2 is refused")
    void rejectsAPublicOrHybridCloudPlatformBelowLevelThree_JRT_7_4() throws Exception {
        for (String model : new String[] {"PUBLIC", "HYBRID"}) {
            refused(
                    body(2, model, "SECURITIES_FUTURES", 2),
                    "zh-CN",
                    allOf(containsString("第三级或以上"), containsString("7.4"), containsString(JRT_7_4)));
        }
        accepted(body(2, "PUBLIC", "SECURITIES_FUTURES", 3));
        accepted(body(3, "HYBRID", "SECURITIES_FUTURES", 4));
    }

    @Test
    @DisplayName(
            "JR/T 7.2–7.4: the minimums are JR/T's, for securities and futures systems only; an unrecorded platform level is "
                    + "not refused")
    void theMinimumsBindSecuritiesSystemsWithARecordedPlatformLevelOnly_JRT_7_2_to_7_4() throws Exception {
        accepted(body(1, "PRIVATE", "OTHER", 1));
        accepted(body(2, "COMMUNITY", "GOVERNMENT_WEBSITE", 2));
        accepted(body(2, "COMMUNITY", "SECURITIES_FUTURES", null));
        // the rule is the domain type's, by deployment model
        assertThat(CloudSystem.PlatformMinimum.of(Industry.SECURITIES_FUTURES, DeploymentModel.PRIVATE))
                .contains(new CloudSystem.PlatformMinimum(2, "JRT-SF-7.2-1"));
        assertThat(CloudSystem.PlatformMinimum.of(Industry.SECURITIES_FUTURES, DeploymentModel.COMMUNITY))
                .contains(new CloudSystem.PlatformMinimum(3, "JRT-SF-7.3-2"));
        assertThat(CloudSystem.PlatformMinimum.of(Industry.SECURITIES_FUTURES, DeploymentModel.PUBLIC))
                .contains(new CloudSystem.PlatformMinimum(3, "JRT-SF-7.4-2"));
        assertThat(CloudSystem.PlatformMinimum.of(Industry.OTHER, DeploymentModel.PUBLIC))
                .isEmpty();
    }

    @Test
    @DisplayName("等保 8.2.2.1 a) 应保证云计算平台不承载高于其安全保护等级的业务应用系统: a level-3 government website on a "
            + "level-2 platform is a 400 quoting 8.2.2.1 a), as is any other industry")
    void rejectsAGovernmentWebsiteAboveItsPlatform_MLPS_8_2_2_1_a() throws Exception {
        refused(
                body(3, "PUBLIC", "GOVERNMENT_WEBSITE", 2),
                "zh-CN",
                allOf(
                        containsString("第二级"),
                        containsString("第三级"),
                        containsString("8.2.2.1 a)"),
                        containsString(MLPS_8_2_2_1_A),
                        not(containsString("6.1"))));
        refused(
                body(4, "PRIVATE", "OTHER", 3),
                "en",
                allOf(
                        containsString("level 3"),
                        containsString("level 4"),
                        containsString("8.2.2.1 a)"),
                        containsString(MLPS_8_2_2_1_A)));
        accepted(body(3, "PUBLIC", "GOVERNMENT_WEBSITE", 3));
        accepted(body(3, "PUBLIC", "GOVERNMENT_WEBSITE", 4));
        accepted(body(3, "PUBLIC", "GOVERNMENT_WEBSITE", null));
        assertThat(CloudSystem.platformBelowSystem(3, 2)).isTrue();
        assertThat(CloudSystem.platformBelowSystem(3, 3)).isFalse();
        assertThat(CloudSystem.platformBelowSystem(3, null)).isFalse();
    }

    @Test
    @DisplayName(
            "等保 8.2.2.1 a), JR/T 7.3: a securities system breaking both is told both, quoting 8.2.2.1 a), 6.1 and 7.3")
    void aSecuritiesSystemBreakingBothRulesIsToldBoth_MLPS_8_2_2_1_a_JRT_7_3() throws Exception {
        refused(
                body(3, "COMMUNITY", "SECURITIES_FUTURES", 2),
                "zh-CN",
                allOf(
                        containsString(JRT_7_3),
                        containsString(MLPS_8_2_2_1_A),
                        containsString(PlatformLevelRuleTests.SOURCE_6_1)));
    }

    @Test
    @DisplayName(
            "等保 8.2.2.1 a): lowering the platform of a stored government website below it is refused and changes nothing")
    void rejectsLoweringThePlatformOfAStoredSystem_MLPS_8_2_2_1_a() throws Exception {
        String location = mvc.perform(json(post("/api/systems"), body(3, "PUBLIC", "GOVERNMENT_WEBSITE", 3))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(json(put("/api/systems/" + id), body(3, "PUBLIC", "GOVERNMENT_WEBSITE", 2))
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.version(0)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.platformLevel").value(containsString(MLPS_8_2_2_1_A)));
        assertThat(jdbc.sql("SELECT platform_level FROM cloud_system WHERE id = ?")
                        .param(UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    @DisplayName("JR/T 7.3: the system form shows the refusal next to the platform level and keeps what was typed")
    void systemFormShowsTheMinimumRefusalAndKeepsTheInput_JRT_7_3() throws Exception {
        long before = systems();
        mvc.perform(post("/systems")
                        .with(as(admin()))
                        .param("name", "行业云交易系统")
                        .param("customerId", w.customer().id().toString())
                        .param("protectionLevel", "2")
                        .param("platformLevel", "2")
                        .param("deploymentModel", "COMMUNITY")
                        .param("serviceModel", "IAAS")
                        .param("industry", "SECURITIES_FUTURES")
                        .param("dataClassification", "IMPORTANT")
                        .param("regions", "上海"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"platformLevel-error\""),
                                containsString(JRT_7_3),
                                containsString("value=\"行业云交易系统\""),
                                containsString("<option value=\"2\" selected=\"selected\""))));
        assertThat(systems()).isEqualTo(before);
    }

    @Test
    @DisplayName(
            "等保 8.2.2.1 a), JR/T 7.2: the command-line import refuses the rows with exit code 1 and the clauses quoted")
    void importRefusesPlatformsBelowTheRules_MLPS_8_2_2_1_a_JRT_7_2() throws Exception {
        Path file = Files.writeString(
                dir.resolve("systems.csv"), """
                name,customerCreditCode,protectionLevel,deploymentModel,serviceModel,industry,dataClassification,regions,platformLevel
                门户,%1$s,3,PUBLIC,IAAS,GOVERNMENT_WEBSITE,IMPORTANT,北京,2
                交易系统,%1$s,1,PRIVATE,IAAS,SECURITIES_FUTURES,IMPORTANT,上海,1
                """.formatted(w.customer().creditCode()), UTF_8);
        long before = systems();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = cli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(commandLine.execute("import", "systems", "--file", file.toString()))
                    .isEqualTo(1);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(err.toString())
                .contains("第 2 行", "第 3 行", "platformLevel", "8.2.2.1 a)", MLPS_8_2_2_1_A, "7.2", JRT_7_2);
        assertThat(out.toString()).isEmpty();
        assertThat(systems()).isEqualTo(before);
    }
}
