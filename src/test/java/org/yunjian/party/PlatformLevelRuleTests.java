package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.OrganizationApiTests.json;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yunjian.support.WorldMvcTests;

/**
 * JR/T's platform-level rules, quoted from jrt-securities-futures-cloud-security-spec.txt: 6.1 (line 364) "委托方选择云计算
 * 平台时，应要求云计算平台及其所有组成部分的网络安全保护等级不低于拟放置在云计算平台上的系统的网络安全保护等级。" and, for a
 * private cloud, 7.2 (line 524) "私有云不应承载高于其安全保护等级的业务应用系统。". A system records the level of the platform
 * carrying it; a securities/futures system on a lower platform is refused with the clauses quoted.
 */
@org.yunjian.support.OnePass
class PlatformLevelRuleTests extends WorldMvcTests {

    static final String SOURCE_6_1 = "委托方选择云计算平台时，应要求云计算平台及其所有组成部分的网络安全保护等级不低于拟放置在云计算平台上的系统的网络安全保护等级。";
    static final String SOURCE_7_2 = "私有云不应承载高于其安全保护等级的业务应用系统。";

    static String body(int level, String model, String industry, Integer platform) {
        return """
                {"name":"交易系统","protectionLevel":%d,"deploymentModel":"%s","serviceModel":"IAAS",
                 "industry":"%s","dataClassification":"IMPORTANT","regions":["上海"],"agents":[]%s}""".formatted(level, model, industry, platform == null ? "" : ",\"platformLevel\":" + platform);
    }

    @Test
    @DisplayName(
            "JR/T 7.2 私有云不应承载高于其安全保护等级的业务应用系统: a level-4 system on a level-3 private cloud is a 400 quoting 6.1 and 7.2")
    void rejectsAPrivateCloudBelowTheSystemItCarries_JRT_7_2_and_6_1() throws Exception {
        long before = systems();
        mvc.perform(json(post("/api/systems"), body(4, "PRIVATE", "SECURITIES_FUTURES", 3))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.platformLevel")
                        .value(allOf(
                                containsString("7.2"),
                                containsString(SOURCE_7_2),
                                containsString("6.1"),
                                containsString(SOURCE_6_1))));
        assertThat(systems()).isEqualTo(before);
    }

    @Test
    @DisplayName(
            "JR/T 6.1 云计算平台…网络安全保护等级不低于拟放置在云计算平台上的系统: a community or public platform below the system is refused too")
    void rejectsAnyPlatformBelowTheSystemOnASecuritiesSystem_JRT_6_1() throws Exception {
        mvc.perform(json(post("/api/systems").param("lang", "en"), body(3, "COMMUNITY", "SECURITIES_FUTURES", 2))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.platformLevel")
                        .value(allOf(
                                containsString("level 2"),
                                containsString(SOURCE_6_1),
                                not(containsString(SOURCE_7_2)))));
    }

    @Test
    @DisplayName(
            "JR/T 6.1, 7.2, 等保 8.2.2.1 a): a platform at or above the system's level (and JR/T's minimum), or an unrecorded one, passes; the level is stored and shown")
    void acceptsAPlatformAtOrAboveTheSystemAndShowsIt_JRT_6_1() throws Exception {
        String location = mvc.perform(json(post("/api/systems"), body(3, "PRIVATE", "SECURITIES_FUTURES", 3))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.platformLevel").value(3))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(json(post("/api/systems"), body(4, "PRIVATE", "SECURITIES_FUTURES", null))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isCreated());
        // another industry passes at the system's level (等保 8.2.2.1 a) binds it too, JR/T's minimums do not)
        mvc.perform(json(post("/api/systems"), body(2, "PUBLIC", "OTHER", 2))
                        .with(as(user(w.customer().id()))))
                .andExpect(status().isCreated());
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/systems/" + id)
                        .with(as(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"system-platformLevel\"")));
    }

    @Test
    @DisplayName("JR/T 7.2: the system form shows the refusal next to the platform level, quoting the text")
    void systemFormShowsThePlatformLevelRefusal_JRT_7_2() throws Exception {
        long before = systems();
        mvc.perform(post("/systems")
                        .with(as(admin()))
                        .param("name", "交易系统")
                        .param("customerId", w.customer().id().toString())
                        .param("protectionLevel", "4")
                        .param("platformLevel", "3")
                        .param("deploymentModel", "PRIVATE")
                        .param("serviceModel", "IAAS")
                        .param("industry", "SECURITIES_FUTURES")
                        .param("dataClassification", "IMPORTANT")
                        .param("regions", "上海"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("id=\"platformLevel-error\""), containsString(SOURCE_7_2))));
        assertThat(systems()).isEqualTo(before);
    }
}
