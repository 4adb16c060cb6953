package org.yunjian.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yunjian.catalog.PartyRole;
import org.yunjian.party.Engagement;
import org.yunjian.party.Fixtures;
import org.yunjian.party.Organization;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.support.IfMatch;

/**
 * The Annex B liability lookup and incidents recorded against a system, through the REST API with the real services
 * and database: search in Chinese and English, the analysis naming the system's organisations, contacts and matrix
 * rows, recording with the analysis frozen and audited, bad input refused naming the field, strangers and partners
 * not named kept out, the Word export in Chinese.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class LiabilityApiTests {

    static final String MALWARE = "TCCIA004-B-9";
    static final String PASSWORDS = "TCCIA004-B-14";
    static final String HARDWARE_ROW = "TCCIA004-7.1.2-c-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAdministration users;

    Fixtures.World w;
    Organization software;
    Organization hardware;
    CurrentUser customer;
    CurrentUser provider;
    String system;
    String contact;

    @BeforeEach
    void world() {
        w = fixtures.world();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        software = fixtures.organization("平台软件商 " + tag, PartyRole.PARTNER_SOFTWARE);
        hardware = fixtures.organization("服务器厂商 " + tag, PartyRole.PARTNER_HARDWARE);
        fixtures.engagement(
                "云平台运营 " + tag,
                w.system(),
                new Engagement.Participant(software.id(), PartyRole.PARTNER_SOFTWARE),
                new Engagement.Participant(hardware.id(), PartyRole.PARTNER_HARDWARE));
        contact = "硬件值班 " + tag;
        org.yunjian.security.TestAccounts.create(
                users,
                new UserAdministration.NewUser(
                        "hw-" + tag, contact, Role.USER, hardware.id(), "Hardware-Contact-2026!"));
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        system = "/api/systems/" + w.system().id();
    }

    ResultActions call(MockHttpServletRequestBuilder b, CurrentUser u) throws Exception {
        return mvc.perform(b.with(as(u)));
    }

    ResultActions record(CurrentUser u, String json) throws Exception {
        return mvc.perform(post(system + "/incidents")
                .with(as(u))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String recorded(String incident, String title) throws Exception {
        String body = record(customer, """
                {"incident":"%s","occurredAt":"2026-11-20T16:30","title":"%s","description":"机房巡检发现服务器固件被植入恶意程序。",
                 "reference":"GD-2026-117"}""".formatted(incident, title))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    void generateMatrix() throws Exception {
        call(post(system + "/responsibility"), customer).andExpect(status().isCreated());
    }

    long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM responsibility_incident WHERE system_id = ?")
                .param(w.system().id())
                .query(Long.class)
                .single();
    }

    @Test
    void findsIncidentsByChineseAndEnglishTextAndByCategory() throws Exception {
        call(get("/api/responsibility/incidents").param("q", "物理设备存在恶意程序"), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(MALWARE)))
                .andExpect(jsonPath("$[0].liableRoles[0]").value("PARTNER_HARDWARE"))
                .andExpect(jsonPath("$[0].relatedClause").value("7.1.2"))
                .andExpect(jsonPath("$[0].liableRoleLabels[0]").value("硬件提供者"));
        call(
                        get("/api/responsibility/incidents")
                                .param("q", "malicious programs")
                                .header("Accept-Language", "en"),
                        customer)
                .andExpect(jsonPath("$[0].id").value(MALWARE))
                .andExpect(jsonPath("$[0].text").value(containsString("malicious programs")))
                .andExpect(jsonPath("$[0].categoryLabel").value("Infrastructure – physical equipment security"));
        call(get("/api/responsibility/incidents").param("category", "PHYSICAL_EQUIPMENT"), customer)
                .andExpect(jsonPath("$.length()").value(3));
        call(get("/api/responsibility/incidents"), customer)
                .andExpect(jsonPath("$.length()").value(16));
        call(get("/api/responsibility/incidents").param("category", "NO_SUCH"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.category").exists());
    }

    @Test
    void analysisNamesTheHoldersTheirContactsAndTheMatrixRows() throws Exception {
        // without a matrix: the standard's answer only
        call(get(system + "/responsibility/liability/{i}", MALWARE), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.onMatrix").value(false))
                .andExpect(jsonPath("$.liable[0].role").value("PARTNER_HARDWARE"))
                .andExpect(jsonPath("$.liable[0].holders.length()").value(0))
                .andExpect(jsonPath("$.rows.length()").value(0));
        generateMatrix();
        call(get(system + "/responsibility/liability/{i}", MALWARE), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.onMatrix").value(true))
                .andExpect(jsonPath("$.matrixVersion").value(1))
                .andExpect(jsonPath("$.liable[0].holders[0].name").value(hardware.name()))
                .andExpect(jsonPath("$.liable[0].holders[0].contacts").value(hasItem(contact)))
                .andExpect(jsonPath("$.rows[*].duty").value(hasItem(HARDWARE_ROW)))
                .andExpect(jsonPath("$.rows[?(@.duty == '" + HARDWARE_ROW + "')].parties[0].implementerName")
                        .value(hasItem(hardware.name())))
                .andExpect(jsonPath("$.rows[?(@.duty == '" + HARDWARE_ROW + "')].ref")
                        .value(hasItem("7.1.2 c) 1)")));
        call(get(system + "/responsibility/liability/{i}", "TCCIA004-B-99"), customer)
                .andExpect(status().isNotFound());
    }

    @Test
    void recordingFreezesTheAnalysisAndIsAudited() throws Exception {
        generateMatrix();
        String id = recorded(MALWARE, "服务器固件恶意程序");
        // the customer then makes the provider accountable for the hardware row: a new matrix version
        mvc.perform(put(system + "/responsibility/rows/{duty}", HARDWARE_ROW)
                        .with(as(customer))
                        .with(IfMatch.currentMatrix(jdbc, w.system().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"assignments":[{"organisation":"%s","role":"PROVIDER","chain":[]}]}""".formatted(w.provider().id())))
                .andExpect(status().isOk());
        call(get(system + "/responsibility/liability/{i}", MALWARE), customer)
                .andExpect(jsonPath("$.matrixVersion").value(2))
                .andExpect(jsonPath("$.rows[?(@.duty == '" + HARDWARE_ROW + "')].parties[0].accountableName")
                        .value(hasItem(w.provider().name())));

        call(get(system + "/incidents/{i}", id), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("服务器固件恶意程序"))
                .andExpect(jsonPath("$.occurredAtText").value("2026-11-20 16:30"))
                .andExpect(jsonPath("$.reference").value("GD-2026-117"))
                .andExpect(jsonPath("$.analysis.matrixVersion").value(1))
                .andExpect(jsonPath("$.analysis.liable[0].holders[0].name").value(hardware.name()))
                .andExpect(jsonPath("$.analysis.rows[?(@.duty == '" + HARDWARE_ROW + "')].parties[0].accountableName")
                        .value(hasItem(hardware.name())));
        call(get(system + "/incidents"), provider)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(hasItem(id)))
                .andExpect(jsonPath("$.total").value(1));
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("responsibility.incident.record");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        generateMatrix();
        String future = Instant.now().plus(2, ChronoUnit.DAYS).toString();
        record(customer, """
                {"incident":"TCCIA004-B-99","occurredAt":"2026-11-20T16:30","title":"标题","description":"经过"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.incident").exists())
                .andExpect(jsonPath("$.errors.occurredAt").doesNotExist());
        record(customer, """
                {"incident":"%s","occurredAt":"%s","title":"标题","description":"经过"}""".formatted(MALWARE, future))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.occurredAt").value("发生时间不能晚于现在。"));
        record(customer, """
                {"incident":"%s","occurredAt":"2026-11-20T16:30","title":"  ","description":"经过"}""".formatted(MALWARE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.title").exists());
        record(customer, """
                {"incident":"%s","occurredAt":"yesterday","title":"标题","description":""}""".formatted(MALWARE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.occurredAt").exists())
                .andExpect(jsonPath("$.errors.description").exists());
        assertThat(stored()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'responsibility.incident.record' "
                                + "AND detail LIKE ?")
                        .param("%" + w.system().name() + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void strangerOrganisationGetsNotFound() throws Exception {
        String id = recorded(MALWARE, "服务器固件恶意程序");
        CurrentUser stranger = user(w.stranger().id());
        call(get(system + "/incidents"), stranger).andExpect(status().isNotFound());
        call(get(system + "/incidents/{i}", id), stranger).andExpect(status().isNotFound());
        call(get(system + "/incidents/{i}.docx", id), stranger).andExpect(status().isNotFound());
        call(get(system + "/responsibility/liability/{i}", MALWARE), stranger).andExpect(status().isNotFound());
        record(stranger, """
                {"incident":"%s","occurredAt":"2026-11-20T16:30","title":"探测","description":"探测"}""".formatted(MALWARE)).andExpect(status().isNotFound());
        // the incident is not another system's either
        call(get("/api/systems/" + w.strangersSystem().id() + "/incidents/{i}", id), stranger)
                .andExpect(status().isNotFound());
        assertThat(stored()).isOne();
    }

    @Test
    void incidentsArePagedAndFilteredOnTheServer() throws Exception {
        String first = recorded(MALWARE, "固件恶意程序 一");
        String second = recorded(MALWARE, "固件恶意程序 二");
        String third = recorded(PASSWORDS, "管理员口令泄露");
        call(get(system + "/incidents").param("size", "2"), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.pages").value(2))
                .andExpect(jsonPath("$.size").value(2));
        call(get(system + "/incidents").param("size", "2").param("page", "2"), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.page").value(2));
        call(get(system + "/incidents").param("q", "恶意程序"), customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].id").value(containsInAnyOrder(first, second)));
        call(get(system + "/incidents").param("q", PASSWORDS.toLowerCase(java.util.Locale.ROOT)), customer)
                .andExpect(jsonPath("$.items[*].id").value(contains(third)));
        call(get(system + "/incidents").param("size", "201"), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").exists());
    }

    @Test
    void partnersSeeOnlyIncidentsThatNameThemAndDoNotRecord() throws Exception {
        generateMatrix();
        String malware = recorded(MALWARE, "服务器固件恶意程序");
        String passwords = recorded(PASSWORDS, "管理员口令泄露");
        CurrentUser hardwareUser = user(hardware.id());
        CurrentUser softwareUser = user(software.id());

        call(get(system + "/incidents"), hardwareUser)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(hasItem(malware)))
                .andExpect(jsonPath("$.items[*].id").value(not(hasItem(passwords))))
                // the total counts only what the partner may see
                .andExpect(jsonPath("$.total").value(1));
        call(get(system + "/incidents/{i}", passwords), hardwareUser).andExpect(status().isNotFound());
        call(get(system + "/incidents"), softwareUser)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.total").value(0));
        call(get(system + "/incidents/{i}", malware), softwareUser).andExpect(status().isNotFound());
        record(hardwareUser, """
                {"incident":"%s","occurredAt":"2026-11-20T16:30","title":"硬件","description":"硬件"}""".formatted(MALWARE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("云服务客户和云服务商")));
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void wordExportHoldsTheIncidentAndItsAnalysisInChinese() throws Exception {
        generateMatrix();
        String id = recorded(MALWARE, "服务器固件恶意程序");
        byte[] docx = call(get(system + "/incidents/{i}.docx", id), customer)
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String xml = documentXml(docx);
        assertThat(xml)
                .contains(
                        "安全责任事件记录",
                        "服务器固件恶意程序",
                        "2026-11-20 16:30",
                        "GD-2026-117",
                        "表 B.9",
                        "物理设备",
                        hardware.name(),
                        contact,
                        "7.1.2 c) 1)",
                        "责任分工矩阵第 1 版",
                        "硬件提供者");
        assertThat(xml).doesNotContain("PARTNER_HARDWARE", hardware.id().toString());
        assertThat(xml).contains("w:w=\"11906\"", "w:h=\"16838\"");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .contains("responsibility.incident.export");

        String en = documentXml(call(get(system + "/incidents/{i}.docx", id).header("Accept-Language", "en"), customer)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray());
        assertThat(en).contains("Security incident record", "Hardware provider", "Responsibility matrix version 1");
    }

    static String documentXml(byte[] docx) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no word/document.xml");
    }

    static List<String> ids(String json) {
        return JsonPath.read(json, "$[*].id");
    }
}
