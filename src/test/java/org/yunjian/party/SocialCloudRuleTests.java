package org.yunjian.party;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.cli.CliRunner;
import org.yunjian.support.IfMatch;
import org.yunjian.support.WorldMvcTests;

/**
 * The government-website guide's hard rule 6.3.2 a), quoted from gov-website-cloud-security-guide.txt line 118:
 * "等级保护定级为四级及以上的政府网站禁止采用社会化云计算服务". A level-4 government website on a public (or hybrid)
 * cloud is refused wherever a system is created or changed — REST, the form, the command-line import — with the
 * clause quoted; the same level on a community or private cloud, and a level-4 system of another industry, are not.
 */
@org.yunjian.support.OnePass
class SocialCloudRuleTests extends WorldMvcTests {

    /** Verbatim from the guide (6.3.2 a)). */
    static final String SOURCE = "等级保护定级为四级及以上的政府网站禁止采用社会化云计算服务";

    @Autowired
    CliRunner cli;

    @TempDir
    Path dir;

    static String body(int level, String model, String industry) {
        return """
                {"name":"四级门户","protectionLevel":%d,"deploymentModel":"%s","serviceModel":"IAAS",
                 "industry":"%s","dataClassification":"IMPORTANT","regions":["北京"],"agents":[]}""".formatted(level, model, industry);
    }

    @Test
    @DisplayName(
            "GOVWEB 6.3.2 a) 等级保护定级为四级及以上的政府网站禁止采用社会化云计算服务: REST create on public or hybrid cloud is a 400 quoting it")
    void rejectsLevelFourGovernmentWebsiteOnPublicCloud_GOVWEB_6_3_2_a() throws Exception {
        long before = systems();
        for (String model : new String[] {"PUBLIC", "HYBRID"}) {
            mvc.perform(json(post("/api/systems"), body(4, model, "GOVERNMENT_WEBSITE"))
                            .with(as(user(w.customer().id()))))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.deploymentModel")
                            .value(allOf(containsString("6.3.2 a)"), containsString(SOURCE))));
        }
        mvc.perform(json(
                                post("/api/systems").param("lang", "en"),
                                body(4, "PUBLIC", "GOVERNMENT_WEBSITE")
                                        .replace(
                                                "{",
                                                "{\"customerId\":\""
                                                        + w.customer().id() + "\","))
                        .with(as(admin())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.deploymentModel")
                        .value(allOf(
                                containsString("protection level 4"),
                                containsString("6.3.2 a)"),
                                containsString(SOURCE))));
        assertThat(systems()).isEqualTo(before);
    }

    @Test
    @DisplayName("GOVWEB 6.3.2 a): the rule binds level 4 government websites on 社会化 clouds only")
    void allowsLevelFourOnCommunityOrPrivateCloudAndOtherIndustriesOnPublicCloud_GOVWEB_6_3_2_a() throws Exception {
        mvc.perform(json(post("/api/systems"), body(4, "COMMUNITY", "GOVERNMENT_WEBSITE"))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/systems"), body(4, "PRIVATE", "GOVERNMENT_WEBSITE"))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/systems"), body(3, "PUBLIC", "GOVERNMENT_WEBSITE"))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/systems"), body(4, "PUBLIC", "OTHER"))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isCreated());
    }

    @Test
    @DisplayName("GOVWEB 6.3.2 a): raising a public-cloud government website to level 4 is refused and changes nothing")
    void rejectsRaisingAPublicGovernmentWebsiteToLevelFour_GOVWEB_6_3_2_a() throws Exception {
        String location = mvc.perform(json(post("/api/systems"), body(3, "PUBLIC", "GOVERNMENT_WEBSITE"))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(json(put("/api/systems/" + id), body(4, "PUBLIC", "GOVERNMENT_WEBSITE"))
                        .with(as(user(w.customer().id())))
                        .with(IfMatch.version(0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.deploymentModel").value(containsString(SOURCE)));
        assertThat(jdbc.sql("SELECT protection_level FROM cloud_system WHERE id = ?")
                        .param(java.util.UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    @DisplayName("GOVWEB 6.3.2 a): the system form shows the refusal next to the deployment model, quoting the guide")
    void systemFormShowsTheRefusalNextToTheDeploymentModel_GOVWEB_6_3_2_a() throws Exception {
        long before = systems();
        mvc.perform(post("/systems")
                        .with(as(admin()))
                        .param("name", "四级门户")
                        .param("customerId", w.customer().id().toString())
                        .param("protectionLevel", "4")
                        .param("deploymentModel", "PUBLIC")
                        .param("serviceModel", "IAAS")
                        .param("industry", "GOVERNMENT_WEBSITE")
                        .param("dataClassification", "IMPORTANT")
                        .param("regions", "北京"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("id=\"deploymentModel-error\""), containsString(SOURCE))));
        assertThat(systems()).isEqualTo(before);
    }

    @Test
    @DisplayName("GOVWEB 6.3.2 a): the command-line import refuses the row with exit code 1 and the clause quoted")
    void importRefusesLevelFourGovernmentWebsiteOnPublicCloud_GOVWEB_6_3_2_a() throws Exception {
        Path file = Files.writeString(
                dir.resolve("systems.csv"), """
                name,customerCreditCode,protectionLevel,deploymentModel,serviceModel,industry,dataClassification,regions
                四级门户,%s,4,PUBLIC,IAAS,GOVERNMENT_WEBSITE,IMPORTANT,北京
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
        assertThat(err.toString()).contains("deploymentModel", "6.3.2 a)", SOURCE);
        assertThat(out.toString()).isEmpty();
        assertThat(systems()).isEqualTo(before);
    }
}
