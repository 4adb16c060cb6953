package org.yunjian.catalog.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * REST and pages over the shipped catalog. MockMvc is built with Spring Security applied by hand:
 * Boot 4 moved the MockMvc security auto-configuration to a module this project does not use.
 */
@SpringBootTest
// the suite's common context (MockMvc and the party fixtures), not one of its own (docs/performance.md, "CI time")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@org.springframework.context.annotation.Import(org.yunjian.party.Fixtures.class)
class CatalogEndpointsTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    org.yunjian.catalog.Catalog catalog;

    @Autowired
    org.yunjian.catalog.CatalogExchange exchange;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void anonymousCallerIsRejected() throws Exception {
        mvc.perform(get("/api/catalog/requirements")).andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(roles = "USER")
    void listsTheFiveStandards() throws Exception {
        // the five built in, plus whatever a demo test sharing this database imported before (the demo imports one)
        int standards = 5 + exchange.imported().size();
        mvc.perform(get("/api/catalog/standards"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", is(standards)))
                .andExpect(jsonPath("$.items.length()", is(standards)))
                .andExpect(
                        jsonPath("$.items[*].code", hasItems("MLPS-L3", "GOVWEB", "GBT31167", "JRT-SF", "TCCIA004")));
        mvc.perform(get("/api/catalog/standards").param("q", "mlps").param("size", "1"))
                .andExpect(jsonPath("$.total", is(1)))
                .andExpect(jsonPath("$.items[0].code", is("MLPS-L3")));
        mvc.perform(get("/api/catalog/standards").param("q", "没有这样的标准")).andExpect(jsonPath("$.total", is(0)));
        mvc.perform(get("/api/catalog/standards").param("size", "201"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").exists());
    }

    @Test
    @WithMockUser(roles = "AUDIT_ADMIN")
    void filtersRequirementsByStandardPhaseAndRole() throws Exception {
        mvc.perform(get("/api/catalog/requirements")
                        .param("standard", "JRT-SF")
                        .param("phase", "EXIT")
                        .param("role", "PROVIDER")
                        .param("kind", "ITEM"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].standard", everyItem(is("JRT-SF"))))
                .andExpect(jsonPath("$.items[*].phases", everyItem(hasItem("EXIT"))))
                .andExpect(jsonPath("$.items[*].roles", everyItem(hasItem("PROVIDER"))))
                .andExpect(jsonPath("$.items[*].id", hasItem("JRT-SF-8.3.2-1-2")));
    }

    @Test
    @WithMockUser(roles = "USER")
    void requirementsComeAPageAtATimeWithTheTotalEvenWithoutPageOrSize() throws Exception {
        int total = catalog.find(org.yunjian.catalog.RequirementFilter.any().standard("MLPS-L3"))
                .size();
        org.assertj.core.api.Assertions.assertThat(total).isGreaterThan(50);
        mvc.perform(get("/api/catalog/requirements").param("standard", "MLPS-L3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()", is(50)))
                .andExpect(jsonPath("$.page", is(1)))
                .andExpect(jsonPath("$.size", is(50)))
                .andExpect(jsonPath("$.total", is(total)))
                .andExpect(jsonPath("$.pages", is((total + 49) / 50)));
        mvc.perform(get("/api/catalog/requirements")
                        .param("standard", "MLPS-L3")
                        .param("page", "2")
                        .param("size", "40"))
                .andExpect(jsonPath("$.items.length()", is(Math.min(40, total - 40))))
                .andExpect(jsonPath("$.page", is(2)));
        mvc.perform(get("/api/catalog/requirements").param("q", "剩余信息").param("size", "1"))
                .andExpect(jsonPath("$.items.length()", is(1)))
                .andExpect(jsonPath("$.total").isNumber());
        mvc.perform(get("/api/catalog/requirements").param("size", "201"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").exists());
        mvc.perform(get("/api/catalog/requirements").param("page", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.page").exists());
    }

    @Test
    @WithMockUser(roles = "USER")
    void theCatalogPageUsesTheSharedPagerAndFiltersKeepingItsFiltersInTheLinks() throws Exception {
        mvc.perform(get("/catalog")
                        .param("standard", "MLPS-L3")
                        .param("phase", "OPERATION")
                        .param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"catalog-filter\"")))
                .andExpect(content().string(containsString("<option value=\"OPERATION\" selected=\"selected\"")))
                .andExpect(content().string(containsString("<option value=\"MLPS-L3\" selected=\"selected\"")))
                .andExpect(content().string(containsString("id=\"catalog-pager\"")))
                .andExpect(content()
                        .string(containsString("href=\"/catalog?standard=MLPS-L3&amp;phase=OPERATION&amp;page=1\"")));
        mvc.perform(get("/catalog").param("standard", "MLPS-L3").param("page", "99"))
                .andExpect(content().string(containsString("id=\"catalog-nomatch\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"catalog-items\""))));
        mvc.perform(get("/catalog").param("page", "x")).andExpect(status().isBadRequest());
        mvc.perform(get("/catalog").param("phase", "LATER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"catalog-filter-errors\"")))
                .andExpect(content().string(containsString("data-field=\"phase\">阶段：无法识别的取值“LATER”")));
        mvc.perform(get("/catalog").param("phase", "LATER").param("lang", "en"))
                .andExpect(content()
                        .string(containsString("data-field=\"phase\">Phase: unknown value &quot;LATER&quot;")));
    }

    @Test
    @WithMockUser(roles = "USER")
    void returnsOneRequirementWithItsAssessmentAttributes() throws Exception {
        mvc.perform(get("/api/catalog/requirements/MLPS-L3-8.2.4.7-a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mlps.controlPoint", is("剩余信息保护")))
                .andExpect(jsonPath("$.text", is("应保证虚拟机所使用的内存和存储空间回收时得到完全清除")))
                .andExpect(jsonPath("$.mlps.testMethod.steps[0].types[0]", is("EXAMINE")))
                .andExpect(jsonPath("$.parent", is("MLPS-L3-8.2.4.7")));
    }

    @Test
    @WithMockUser(roles = "USER")
    void listsCrossReferencesByTopicAndShowsThemOnTheRequirement() throws Exception {
        mvc.perform(get("/api/catalog/mappings").param("topic", "EXIT_ACCESS_REVOCATION"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].topic", everyItem(is("EXIT_ACCESS_REVOCATION"))))
                .andExpect(jsonPath("$.items[*].to", hasItem("GOVWEB-9.3.1-d")));
        mvc.perform(get("/api/catalog/mappings")
                        .param("topic", "EXIT_ACCESS_REVOCATION")
                        .param("q", "govweb-9.3.1-d")
                        .param("size", "1"))
                .andExpect(jsonPath("$.total", is(1)))
                .andExpect(jsonPath("$.items[0].to", is("GOVWEB-9.3.1-d")));
        mvc.perform(get("/api/catalog/search").param("q", "访问控制").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()", is(2)))
                .andExpect(jsonPath("$.size", is(2)))
                .andExpect(jsonPath("$.pages").isNumber());
        mvc.perform(get("/api/catalog/requirements/GBT31167-9.1-d"))
                .andExpect(jsonPath("$.mappings[*].to", hasItem("JRT-SF-8.1.1-1-3")));
        mvc.perform(get("/catalog/requirements/GOVWEB-9.3.1-d"))
                .andExpect(content().string(containsString("id=\"requirement-mappings\"")));
    }

    @Test
    @WithMockUser(roles = "USER")
    void rejectsUnknownFilterValuesNamingTheField() throws Exception {
        mvc.perform(get("/api/catalog/requirements")
                        .param("phase", "LATER")
                        .param("standard", "ISO27001")
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.phase", containsString("unknown value \"LATER\"")))
                .andExpect(jsonPath("$.errors.standard", containsString("no standard \"ISO27001\"")));
    }

    /** Both requirement lists bind the same filter and paging parameters, and refuse a bad one the same way. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/catalog/requirements", "/api/catalog/search"})
    @WithMockUser(roles = "USER")
    void bothRequirementListsFilterAndPageAlikeAndRefuseABadValueNamingTheField(String list) throws Exception {
        mvc.perform(get(list)
                        .param("q", "访问")
                        .param("standard", "MLPS-L3")
                        .param("kind", "ITEM")
                        .param("role", "PROVIDER")
                        .param("page", "2")
                        .param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page", is(2)))
                .andExpect(jsonPath("$.size", is(1)))
                .andExpect(jsonPath("$.items.length()", is(1)))
                .andExpect(jsonPath("$.items[*]..standard", everyItem(is("MLPS-L3"))))
                .andExpect(jsonPath("$.items[*]..kind", everyItem(is("ITEM"))))
                .andExpect(jsonPath("$.items[*]..roles", everyItem(hasItem("PROVIDER"))));
        String[][] bad = {
            {"kind", "FOO", "unknown value \"FOO\"; one of SECTION, CONTROL_POINT, ITEM"},
            {"size", "0", "The page size must be a whole number from 1 to 200."},
            {"page", "-1", "The page number must be a whole number from 1 to 1,000,000."}
        };
        for (String[] b : bad) {
            mvc.perform(get(list).param("q", "访问").param(b[0], b[1]).header("Accept-Language", "en"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type", is("urn:yunjian:problem:validation")))
                    .andExpect(jsonPath("$.detail", is("Invalid input: " + b[0])))
                    .andExpect(jsonPath("$.errors.length()", is(1)))
                    .andExpect(jsonPath("$.errors." + b[0], is(b[2])));
        }
    }

    @Test
    @WithMockUser(roles = "USER")
    void malformedIdIsABadRequestAndUnknownIdIsNotFound() throws Exception {
        mvc.perform(get("/api/catalog/requirements/not an id").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.id", containsString("not a requirement id")));
        mvc.perform(get("/api/catalog/requirements/MLPS-L3-9.9.9-z")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "USER")
    void catalogPageListsFilteredItems() throws Exception {
        mvc.perform(get("/catalog").param("standard", "GBT31167").param("role", "PROVIDER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("GBT31167-9.4-c-1")))
                .andExpect(content().string(containsString("id=\"catalog-items\"")));
    }

    @Test
    @WithMockUser(roles = "USER")
    void catalogPageShowsAFieldErrorForAnUnknownPhase() throws Exception {
        mvc.perform(get("/catalog").param("phase", "LATER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")));
    }

    @Test
    @WithMockUser(roles = "USER")
    void requirementPageShowsTextAttributesAndAssessment() throws Exception {
        mvc.perform(get("/catalog/requirements/MLPS-L3-8.2.4.4-b"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("提供ESC、虚拟机镜像和快照的完整性校验记录、结果")))
                .andExpect(content().string(containsString("id=\"requirement-mlps\"")))
                .andExpect(content().string(containsString("ESC → ECS")));
        mvc.perform(get("/catalog/requirements/GBT31167-9.2-a"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"requirement-inventory\"")));
        mvc.perform(get("/catalog/requirements/TCCIA004-B-9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"requirement-incident\"")));
        mvc.perform(get("/catalog/requirements/NOPE-1")).andExpect(status().isNotFound());
    }

    /**
     * Issue 36 L-6: the gov guide's 5.2.1 (line 64 "1. 政府网站迁移到云面临的安全风险") describes risks and 5.3 defines
     * roles; the page and REST say so, so nobody reads them as duties.
     */
    @Test
    @WithMockUser(roles = "USER")
    void govGuide5_2_1RisksAnd5_3DefinitionsAreMarkedAsNoDutyOnThePageAndInRest() throws Exception {
        mvc.perform(get("/api/catalog/requirements/GOVWEB-5.2.1-a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nature").value("RISK"));
        mvc.perform(get("/api/catalog/requirements/GOVWEB-5.3-5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nature").value("DEFINITION"));
        mvc.perform(get("/api/catalog/requirements/GOVWEB-5.4-5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nature").value("DUTY"))
                .andExpect(jsonPath("$.phases.length()").value(1))
                .andExpect(jsonPath("$.phases[0]").value("EXIT"));
        mvc.perform(get("/catalog/requirements/GOVWEB-5.2.1-a"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"requirement-nature\"")))
                .andExpect(content().string(containsString("风险描述，不是职责")));
        mvc.perform(get("/catalog/requirements/GOVWEB-6.3.1-0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("形成网站现状梳理报告")));
    }
    /**
     * REST clients read what each filter and paging parameter of the requirement list means from the OpenAPI
     * document: all nine are there, each with a description (the search takes the same ones).
     */
    @Test
    @WithMockUser(roles = "USER")
    void describesEachQueryParameterOfTheRequirementListInOpenApi() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String path : java.util.List.of("/api/catalog/requirements", "/api/catalog/search")) {
            java.util.List<java.util.Map<String, Object>> parameters =
                    com.jayway.jsonpath.JsonPath.read(docs, "$.paths['" + path + "'].get.parameters");
            java.util.Map<String, String> described = new java.util.TreeMap<>();
            parameters.forEach(p -> described.put((String) p.get("name"), (String) p.get("description")));
            org.assertj.core.api.Assertions.assertThat(described)
                    .as(path)
                    .containsOnlyKeys(
                            "q", "standard", "kind", "phase", "role", "layer", "deploymentModel", "page", "size");
            described.forEach((name, description) -> org.assertj.core.api.Assertions.assertThat(description)
                    .as(path + " " + name)
                    .isNotBlank());
        }
    }

    /**
     * Issue 59, JR/T introduction (jrt-securities-futures-cloud-security-spec.txt line 73) "在本文件中，黑体字部分表示较高等级中
     * 增加或增强的要求。": the working copy lost the bold marks, so wherever JR/T items are shown — a requirement's page and
     * the catalog list, in both languages, the REST items and the OSCAL export — the platform says it does not know
     * which are bold, and takes no item's strength on itself; other standards' pages say nothing of it.
     */
    @Test
    @WithMockUser(roles = "USER")
    void jrtPagesRestAndOscalSayTheSourcesBoldMarkingIsUnknown_JrtIntroduction() throws Exception {
        String zh = "本平台的文本在转换时丢失了全部黑体标记，平台不知道哪些条目为黑体";
        String en =
                "the platform’s copy lost all bold marking in conversion, so the platform does not know which items are bold";
        mvc.perform(get("/catalog/requirements/JRT-SF-7.3-5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"requirement-bold-unknown\"")))
                .andExpect(content().string(containsString(zh)));
        mvc.perform(get("/catalog/requirements/JRT-SF-7.3-5").param("lang", "en"))
                .andExpect(content().string(containsString(en)));
        mvc.perform(get("/catalog").param("standard", "JRT-SF"))
                .andExpect(content().string(containsString("id=\"catalog-bold-unknown\"")));
        mvc.perform(get("/catalog").param("standard", "JRT-SF").param("lang", "en"))
                .andExpect(content().string(containsString(en)));
        mvc.perform(get("/catalog/requirements/MLPS-L3-8.2.1.1"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("requirement-bold-unknown"))));
        mvc.perform(get("/catalog").param("standard", "MLPS-L3"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("catalog-bold-unknown"))));

        mvc.perform(get("/api/catalog/requirements/JRT-SF-7.3-5"))
                .andExpect(jsonPath("$.bold", is(false)))
                .andExpect(jsonPath("$.boldMarkingKnown", is(false)));
        mvc.perform(get("/api/catalog/requirements").param("standard", "JRT-SF"))
                .andExpect(jsonPath("$.items[*].boldMarkingKnown", everyItem(is(false))));
        mvc.perform(get("/api/catalog/requirements/MLPS-L3-8.2.1.1"))
                .andExpect(jsonPath("$.boldMarkingKnown", is(true)));
        mvc.perform(get("/api/catalog/standards/JRT-SF/oscal").param("format", "json"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"bold-marking\"")));
    }
}
