package org.yunjian.catalog.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.cli.CliRunner;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The crosswalk as a user meets it: the OSCAL 1.2 mapping collection over REST, the pages, and the CLI. */
@SpringBootTest
// the suite's common context (MockMvc and the party fixtures), not one of its own (docs/performance.md, "CI time")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@org.springframework.context.annotation.Import(org.yunjian.party.Fixtures.class)
class CrosswalkEndpointsTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ForeignControls controls;

    @Autowired
    CliRunner cli;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void anonymousCallerGetsNoMappingCollection() throws Exception {
        mvc.perform(get("/api/catalog/crosswalks/nist-sp800-53r5/oscal")).andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(roles = "USER")
    void anySignedInUserDownloadsTheMappingCollectionAsJsonOrXml() throws Exception {
        mvc.perform(get("/api/catalog/crosswalks/nist-sp800-53r5/oscal"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("oscal-mapping.json")))
                .andExpect(jsonPath("$.mapping-collection.metadata.oscal-version", is("1.2.0")))
                .andExpect(jsonPath("$.mapping-collection.provenance.method", is("human")))
                .andExpect(jsonPath(
                        "$.mapping-collection.mappings[0].target-resource.href",
                        is("/api/catalog/standards/MLPS-L3/oscal")))
                .andExpect(jsonPath(
                        "$.mapping-collection.mappings[0].target-gap-summary.unmapped-controls[0].with-ids.length()",
                        is(6)));
        mvc.perform(get("/api/catalog/crosswalks/nist-sp800-53r5/oscal").param("format", "xml"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("xml")))
                .andExpect(content()
                        .string(containsString("<mapping-collection xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\"")))
                .andExpect(content().string(containsString("<oscal-version>1.2.0</oscal-version>")));
        mvc.perform(get("/api/catalog/crosswalks/nist-sp800-53r5/oscal").param("format", "yaml"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.format").exists());
    }

    @Test
    @WithMockUser(roles = "USER")
    void theCrosswalkPageListsEveryItemWithItsControlsAndTheUnmappedOnesInChineseAndEnglish() throws Exception {
        mvc.perform(get("/catalog/crosswalk").param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("NIST SP 800-53 第 5 版映射")))
                .andExpect(content().string(containsString("id=\"crosswalk-item-MLPS-L3-8.2.1.1\"")))
                .andExpect(content().string(containsString("SA-9(5)")))
                .andExpect(content().string(containsString("Processing, Storage, and Service Location")))
                .andExpect(content().string(containsString("部分重叠")))
                .andExpect(content().string(containsString("40 个条款有映射，6 个条款没有对应控制")))
                .andExpect(content().string(containsString("没有要求服务商让客户自主定义访问路径")))
                .andExpect(content().string(containsString("id=\"crosswalk-TCCIA004\"")))
                .andExpect(
                        content().string(containsString("/api/catalog/crosswalks/nist-sp800-53r5/oscal?format=json")))
                .andExpect(content().string(not(containsString("catalog.crosswalk."))));
        mvc.perform(get("/catalog/crosswalk").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("NIST SP 800-53 Rev. 5 crosswalk")))
                .andExpect(content().string(containsString("overlaps in part")))
                .andExpect(content().string(containsString("40 items mapped, 6 items that no control meets")))
                .andExpect(content().string(containsString("SA-9(5) restricts where information processing")));
    }

    @Test
    @WithMockUser(roles = "USER")
    void aRequirementsPageShowsItsNistControlsOrWhyNoneMeetsIt() throws Exception {
        mvc.perform(get("/catalog/requirements/MLPS-L3-8.2.3.3-a").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Related controls in NIST SP 800-53 Rev. 5")))
                .andExpect(content().string(containsString("AC-6(9)")))
                .andExpect(content().string(containsString("Log Use of Privileged Functions")))
                .andExpect(content().string(containsString("80%")));
        mvc.perform(get("/catalog/requirements/MLPS-L3-8.2.4.6-d").param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"requirement-nist-unmapped\"")))
                .andExpect(content().string(containsString("没有关于数据和系统可迁移性的控制")));
        mvc.perform(get("/catalog/requirements/TCCIA004-8.2.1-c-2").param("lang", "en"))
                .andExpect(content().string(containsString("AC-6(1)")));
        mvc.perform(get("/catalog/requirements/GBT31167-9.4-c").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"requirement-nist\""))));
    }

    @Test
    void theCliPrintsTheCrosswalkOrOneControlsMapsAsTextOrJson() {
        Result all = run("catalog", "crosswalk");
        assertThat(all.code()).isZero();
        assertThat(all.out())
                .contains("SA-9(5) Processing, Storage, and Service Location — overlaps in part — MLPS-L3-8.2.1.1")
                .contains("MLPS-L3-8.2.4.6-d no control:")
                .contains(controls.all().size() + " maps, 6 items that no control meets.");
        Result one = run("catalog", "crosswalk", "--control", "AC-6(1)");
        assertThat(one.code()).isZero();
        assertThat(one.out()).contains("AC-6(1)").contains("TCCIA004-8.2.1-c-2").doesNotContain("no control:");
        Result json = run("catalog", "crosswalk", "--control", "ac-2", "--json");
        assertThat(json.code()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(json.out());
        assertThat(doc.path("maps").size()).isEqualTo(controls.mapsOf("ac-2").size());
        assertThat(doc.path("maps").get(0).path("relationship").asString("")).isEqualTo("intersects-with");
        assertThat(doc.path("maps").get(0).path("rationaleZh").asString("")).isNotBlank();
        JsonNode whole = JsonMapper.builder()
                .build()
                .readTree(run("catalog", "crosswalk", "--json").out());
        assertThat(whole.path("unmapped").size()).isEqualTo(6);
        assertThat(run("catalog", "crosswalk", "--control", "not-a-control").code())
                .isEqualTo(2);
    }

    private record Result(int code, String out) {}

    /** In English on this thread; stdout only in {@code out}, stderr apart. */
    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = cli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            return new Result(cl.execute(args), out.toString());
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }
}
