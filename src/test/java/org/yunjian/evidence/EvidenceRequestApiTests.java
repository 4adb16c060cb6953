package org.yunjian.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.crypto.Sm3;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.IfMatch;

/**
 * Evidence requests (资料清单) and reusable evidence through the REST API, real services and database: routing with
 * and without a responsibility matrix, answering a line, who sees what, a refused upload, one file for several
 * items, and carrying evidence into a later assessment with its hash, encryption and tamper detection intact.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class EvidenceRequestApiTests {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Value("${yunjian.assessment.evidence-dir}")
    Path evidenceDir;

    @Autowired
    org.yunjian.cli.CliRunner cli;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    Fixtures.World w;
    CurrentUser assessor;
    CurrentUser customer;
    CurrentUser provider;
    CurrentUser stranger;

    @BeforeEach
    void world() {
        w = fixtures.world();
        assessor = user(w.assessor().id());
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        stranger = user(w.stranger().id());
    }

    // --- helpers

    String createStarted() throws Exception {
        String body = ApiAssessments.post(mvc, assessor, w, "年度测评");
        String id = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/assessments/{id}/transitions", id)
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"IN_PROGRESS\"}"))
                .andExpect(status().isOk());
        return id;
    }

    List<String> items(String id, String side) throws Exception {
        return JsonPath.read(AssessmentItems.json(mvc, id, as(assessor), "side", side), "$[*].id");
    }

    String itemOf(String id, String requirementId, String side) throws Exception {
        List<String> ids = JsonPath.read(
                AssessmentItems.json(mvc, id, as(assessor), "side", side),
                "$[?(@.requirementId == '" + requirementId + "')].id");
        return ids.get(0);
    }

    ResultActions routing(String id, String... itemIds) throws Exception {
        return mvc.perform(get("/api/assessments/{id}/evidence-routing", id)
                .param("itemId", itemIds)
                .with(as(assessor)));
    }

    static String line(String title, List<String> items, String addressee) {
        return """
                {"title":"%s","itemIds":[%s],"dueDate":"%s"%s}""".formatted(
                title,
                String.join(",", items.stream().map(i -> "\"" + i + "\"").toList()),
                LocalDate.now().plusDays(14),
                addressee == null ? "" : ",\"addressee\":\"" + addressee + "\"");
    }

    ResultActions send(CurrentUser who, String id, String... lines) throws Exception {
        return mvc.perform(post("/api/assessments/{id}/evidence-requests", id)
                .with(as(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lines\":[" + String.join(",", lines) + "]}"));
    }

    List<String> sendOk(String id, String... lines) throws Exception {
        return JsonPath.read(
                send(assessor, id, lines)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[*].id");
    }

    ResultActions answer(CurrentUser who, String lineId, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/evidence-request-lines/{id}/evidence", lineId)
                .file(new MockMultipartFile("file", name, "application/pdf", content))
                .with(as(who))
                .with(IfMatch.requestLine(jdbc, lineId)));
    }

    String answerOk(CurrentUser who, String lineId, String name, byte[] content, LocalDate validUntil)
            throws Exception {
        var req = multipart("/api/evidence-request-lines/{id}/evidence", lineId)
                .file(new MockMultipartFile("file", name, "application/pdf", content))
                .with(as(who))
                .with(IfMatch.requestLine(jdbc, lineId));
        if (validUntil != null) {
            req.param("validUntil", validUntil.toString());
        }
        return JsonPath.read(
                mvc.perform(req)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    List<String> evidenceOfItem(CurrentUser who, String itemId) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/assessment-items/{id}", itemId).with(as(who)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.evidence[*].id");
    }

    long audits(String objectId, String action, String outcome) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND action = ? AND outcome = ?")
                .params(objectId, action, outcome)
                .query(Long.class)
                .single();
    }

    long storedFiles() throws Exception {
        if (!Files.isDirectory(evidenceDir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(evidenceDir)) {
            return s.count();
        }
    }

    // --- routing

    @Test
    void routesLinesBySideWithoutAResponsibilityMatrix() throws Exception {
        String id = createStarted();
        String platform = items(id, "CLOUD_PLATFORM").get(0);
        String tenant = items(id, "CUSTOMER_SYSTEM").get(0);
        routing(id, platform)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.party").value("PROVIDER"))
                .andExpect(jsonPath("$.organisationId").value(w.provider().id().toString()))
                .andExpect(jsonPath("$.basis").value("SIDE"));
        routing(id, tenant)
                .andExpect(jsonPath("$.party").value("CUSTOMER"))
                .andExpect(jsonPath("$.basis").value("SIDE"));
        routing(id, platform, tenant).andExpect(jsonPath("$.party").value("CUSTOMER"));
        mvc.perform(get("/api/assessments/{id}/evidence-routing", id)
                        .param("itemId", platform)
                        .with(as(customer)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/assessments/{id}/evidence-routing", id)
                        .param("itemId", platform)
                        .with(as(stranger)))
                .andExpect(status().isNotFound());

        var sent = JsonPath.parse(send(
                        assessor,
                        id,
                        line("虚拟化安全配置说明", List.of(platform), null),
                        line("业务系统安全管理制度", List.of(tenant), null),
                        line("平台数据清除承诺", List.of(platform), "CUSTOMER"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(sent.<List<String>>read("$[*].addresseeOrgId"))
                .containsExactly(
                        w.provider().id().toString(),
                        w.customer().id().toString(),
                        w.customer().id().toString());
        assertThat(sent.<List<String>>read("$[*].routing")).containsExactly("SIDE", "SIDE", "CHOSEN");
        assertThat(sent.<List<String>>read("$[*].status")).containsOnly("PENDING");
    }

    @Test
    void routesByTheResponsibilityMatrixWhereTheSystemHasOne() throws Exception {
        String id = createStarted();
        // 8.2.6.1-d (SLA: data returned and deleted at contract end) is assessed on the customer's side, but the
        // catalog maps it onto T/CCIA 9.3 b), for which the generated matrix makes the provider accountable
        String item = itemOf(id, "MLPS-L3-8.2.6.1-d", "CUSTOMER_SYSTEM");
        routing(id, item)
                .andExpect(jsonPath("$.party").value("CUSTOMER"))
                .andExpect(jsonPath("$.basis").value("SIDE"));
        mvc.perform(post("/api/systems/{id}/responsibility", w.system().id()).with(as(customer)))
                .andExpect(status().isCreated());
        routing(id, item)
                .andExpect(jsonPath("$.party").value("PROVIDER"))
                .andExpect(jsonPath("$.basis").value("MATRIX"));
        send(assessor, id, line("服务水平协议", List.of(item), null))
                .andExpect(status().isCreated())
                .andExpect(
                        jsonPath("$[0].addresseeOrgId").value(w.provider().id().toString()))
                .andExpect(jsonPath("$[0].routing").value("MATRIX"));
        // an item the catalog maps onto no duty still goes by its side
        routing(id, items(id, "CUSTOMER_SYSTEM").get(0))
                .andExpect(jsonPath("$.basis").value("SIDE"));
    }

    @Test
    void refusesARequestWithEveryProblemNamedPerLine() throws Exception {
        String id = createStarted();
        String platform = items(id, "CLOUD_PLATFORM").get(0);
        send(assessor, id, """
                {"title":"","itemIds":[],"dueDate":"2020-01-01"}""", line("配置", List.of(platform), null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['lines[0].title']").exists())
                .andExpect(jsonPath("$.errors['lines[0].itemIds']").exists())
                .andExpect(jsonPath("$.errors['lines[0].dueDate']").exists());
        mvc.perform(get("/api/assessments/{id}/evidence-requests", id).with(as(assessor)))
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.total").value(0));
        send(customer, id, line("配置", List.of(platform), null)).andExpect(status().isForbidden());
        send(stranger, id, line("配置", List.of(platform), null)).andExpect(status().isNotFound());
    }

    // --- answering and access

    @Test
    void providerUploadsAgainstItsLineAndTheFileSupportsAllTheLinesItems() throws Exception {
        String id = createStarted();
        List<String> platform = items(id, "CLOUD_PLATFORM");
        List<String> lines = sendOk(
                id,
                line("虚拟机隔离说明", List.of(platform.get(0), platform.get(1)), null),
                line("备份策略", List.of(platform.get(2)), null));

        mvc.perform(get("/api/evidence-requests").with(as(provider)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.addressed.items.length()").value(2))
                .andExpect(jsonPath("$.addressed.total").value(2));
        // paged and filtered in SQL: one page with the total; title contains, status; a bad size is a 400
        mvc.perform(get("/api/evidence-requests")
                        .param("size", "1")
                        .param("page", "2")
                        .with(as(provider)))
                .andExpect(jsonPath("$.addressed.items.length()").value(1))
                .andExpect(jsonPath("$.addressed.total").value(2))
                .andExpect(jsonPath("$.addressed.pages").value(2));
        mvc.perform(get("/api/evidence-requests").param("q", "隔离").with(as(provider)))
                .andExpect(jsonPath("$.addressed.items[*].title").value(org.hamcrest.Matchers.contains("虚拟机隔离说明")));
        mvc.perform(get("/api/evidence-requests").param("status", "SUBMITTED").with(as(provider)))
                .andExpect(jsonPath("$.addressed.total").value(0));
        mvc.perform(get("/api/evidence-requests").param("size", "0").with(as(provider)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").exists());
        mvc.perform(get("/api/evidence-requests").param("status", "LOST").with(as(provider)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.status").exists());
        mvc.perform(get("/api/evidence-requests").with(as(customer)))
                .andExpect(jsonPath("$.addressed.items.length()").value(0));
        mvc.perform(get("/api/assessments/{id}/evidence-requests", id).with(as(customer)))
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/evidence-request-lines/{id}", lines.get(0)).with(as(customer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/evidence-request-lines/{id}", lines.get(0)).with(as(stranger)))
                .andExpect(status().isNotFound());
        answer(customer, lines.get(0), "冒名.pdf", PDF).andExpect(status().isNotFound());
        answer(stranger, lines.get(0), "冒名.pdf", PDF).andExpect(status().isNotFound());

        String ev = answerOk(provider, lines.get(0), "虚拟机隔离说明.pdf", PDF, null);
        assertThat(evidenceOfItem(assessor, platform.get(0))).containsExactly(ev);
        assertThat(evidenceOfItem(assessor, platform.get(1))).containsExactly(ev);
        assertThat(evidenceOfItem(assessor, platform.get(2))).isEmpty();
        mvc.perform(get("/api/evidence/{id}", ev).with(as(provider)))
                .andExpect(jsonPath("$.ownerOrgId").value(w.provider().id().toString()))
                .andExpect(jsonPath("$.sm3").value(Sm3.hex(PDF)));
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(customer))).andExpect(status().isOk());
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/evidence-request-lines/{id}", lines.get(0)).with(as(provider)))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.evidenceId").value(ev));
        assertThat(audits(lines.get(0), "assessment.request.answer", "SUCCESS")).isEqualTo(1);
        answer(provider, lines.get(0), "again.pdf", PDF).andExpect(status().isConflict());

        mvc.perform(get("/api/evidence-requests").with(as(assessor)))
                .andExpect(jsonPath("$.toReview.items.length()").value(1));
        decide(provider, lines.get(0), true, null).andExpect(status().isForbidden());
        decide(assessor, lines.get(0), false, "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.comment").exists());
        decide(assessor, lines.get(0), false, "请提供盖章版本")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.comment").value("请提供盖章版本"));
        String second = answerOk(provider, lines.get(0), "虚拟机隔离说明-盖章.pdf", PDF, null);
        decide(assessor, lines.get(0), true, null)
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.evidenceId").value(second));
        decide(assessor, lines.get(0), true, null).andExpect(status().isConflict());
        assertThat(audits(lines.get(0), "assessment.request.return", "SUCCESS")).isEqualTo(1);
        assertThat(audits(lines.get(0), "assessment.request.accept", "SUCCESS")).isEqualTo(1);
        assertThat(audits(id, "assessment.request.send", "SUCCESS")).isEqualTo(1);
    }

    ResultActions decide(CurrentUser who, String lineId, boolean accept, String comment) throws Exception {
        return mvc.perform(put("/api/evidence-request-lines/{id}/decision", lineId)
                .with(as(who))
                .with(IfMatch.requestLine(jdbc, lineId))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        comment == null
                                ? "{\"accept\":" + accept + "}"
                                : "{\"accept\":" + accept + ",\"comment\":\"" + comment + "\"}"));
    }

    @Test
    void providerCannotSeeTheCustomersUnsharedEvidenceOrLines() throws Exception {
        String id = createStarted();
        String tenant = items(id, "CUSTOMER_SYSTEM").get(0);
        List<String> lines = sendOk(id, line("业务系统日志审计报告", List.of(tenant), null));
        String ev = answerOk(customer, lines.get(0), "审计报告.pdf", PDF, null);
        mvc.perform(get("/api/evidence-request-lines/{id}", lines.get(0)).with(as(provider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/evidence/{id}", ev).with(as(provider))).andExpect(status().isNotFound());
        mvc.perform(get("/api/assessments/{id}/evidence/{e}/content", id, ev).with(as(provider)))
                .andExpect(status().isNotFound());
        assertThat(evidenceOfItem(provider, tenant)).isEmpty();
        mvc.perform(get("/api/assessments/{id}/evidence", id).with(as(provider)))
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/assessments/{id}/evidence", id).with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(assessor))).andExpect(status().isOk());
    }

    @Test
    void aRefusedUploadLeavesNothingStoredAndTheLineWaiting() throws Exception {
        String id = createStarted();
        List<String> lines =
                sendOk(id, line("配置截图", List.of(items(id, "CLOUD_PLATFORM").get(0)), null));
        long files = storedFiles();
        answer(provider, lines.get(0), "配置截图.pdf", EXE)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").exists());
        answer(provider, lines.get(0), "空.pdf", new byte[0]).andExpect(status().isBadRequest());
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_evidence WHERE assessment_id = ?")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(get("/api/evidence-request-lines/{id}", lines.get(0)).with(as(provider)))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.evidenceId").isEmpty());
    }

    // --- several items

    @Test
    void assessorLinksOneFileToSeveralItemsAndUnlinksAgain() throws Exception {
        String id = createStarted();
        List<String> platform = items(id, "CLOUD_PLATFORM");
        String ev = JsonPath.read(
                mvc.perform(multipart("/api/assessment-items/{id}/evidence", platform.get(0))
                                .file(new MockMultipartFile("file", "机房照片.pdf", "application/pdf", PDF))
                                .with(as(assessor)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String body =
                "{\"assessmentId\":\"%s\",\"itemIds\":[\"%s\",\"%s\"]}".formatted(id, platform.get(1), platform.get(2));
        mvc.perform(post("/api/evidence/{id}/links", ev)
                        .with(IfMatch.evidence(jdbc, ev))
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/evidence/{id}/links", ev)
                        .with(IfMatch.evidence(jdbc, ev))
                        .with(as(stranger))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/evidence/{id}/links", ev)
                        .with(IfMatch.evidence(jdbc, ev))
                        .with(as(assessor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));
        assertThat(evidenceOfItem(assessor, platform.get(2))).containsExactly(ev);
        mvc.perform(get("/api/assessments/{id}/evidence", id).with(as(assessor)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].links.length()").value(3));
        assertThat(audits(ev, "assessment.evidence.link", "SUCCESS")).isEqualTo(2);

        mvc.perform(delete("/api/evidence/{id}/links/{item}", ev, platform.get(0))
                        .with(as(assessor))
                        .with(IfMatch.evidence(jdbc, ev)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/evidence/{id}/links/{item}", ev, platform.get(1))
                        .with(as(assessor))
                        .with(IfMatch.evidence(jdbc, ev)))
                .andExpect(status().isNoContent());
        assertThat(evidenceOfItem(assessor, platform.get(0))).isEmpty();
        mvc.perform(delete("/api/evidence/{id}/links/{item}", ev, platform.get(2))
                        .with(as(assessor))
                        .with(IfMatch.evidence(jdbc, ev)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:evidence-last-link"));
        assertThat(audits(ev, "assessment.evidence.unlink", "SUCCESS")).isEqualTo(2);
        // the file still downloads, whatever item it was uploaded for
        mvc.perform(get("/api/evidence/{id}/content", ev).with(as(assessor))).andExpect(status().isOk());
    }

    // --- reuse in a later assessment (the acceptance test)

    @Test
    void evidenceReusedInASecondAssessmentKeepsItsHashAndTamperingIsStillDetectedOnDownload() throws Exception {
        String first = createStarted();
        String firstItem = items(first, "CLOUD_PLATFORM").get(0);
        List<String> lines = sendOk(first, line("等保备案证明", List.of(firstItem), null));
        String ev = answerOk(
                provider, lines.get(0), "备案证明.pdf", PDF, LocalDate.now().plusYears(1));
        String blob = jdbc.sql("SELECT blob_name FROM assessment_evidence WHERE id = ?")
                .param(UUID.fromString(ev))
                .query(String.class)
                .single();
        long files = storedFiles();

        String second = createStarted();
        String secondItem = items(second, "CLOUD_PLATFORM").get(0);
        mvc.perform(get("/api/assessments/{id}/carry-candidates", second).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.evidence.id == '" + ev + "')].expired")
                        .value(false));
        mvc.perform(get("/api/assessments/{id}/carry-candidates", second).with(as(provider)))
                .andExpect(status().isForbidden());
        String carry = "{\"evidenceId\":\"%s\",\"itemIds\":[\"%s\"]}".formatted(ev, secondItem);
        mvc.perform(post("/api/assessments/{id}/carried-evidence", second)
                        .with(as(provider))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(carry))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/assessments/{id}/carried-evidence", second)
                        .with(as(assessor))
                        .with(IfMatch.evidence(jdbc, ev))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(carry))
                .andExpect(status().isOk());
        assertThat(audits(ev, "assessment.evidence.carry", "SUCCESS")).isEqualTo(1);

        // the same evidence object: one row, the same blob and SM3, no new file
        assertThat(evidenceOfItem(assessor, secondItem)).containsExactly(ev);
        mvc.perform(get("/api/assessments/{id}/evidence", second).with(as(assessor)))
                .andExpect(jsonPath("$.items[0].evidence.id").value(ev))
                .andExpect(jsonPath("$.items[0].evidence.sm3").value(Sm3.hex(PDF)))
                .andExpect(jsonPath("$.items[0].carriedFrom.assessmentId").value(first));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_evidence WHERE sm3 = ? AND blob_name = ?")
                        .params(Sm3.hex(PDF), blob)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(storedFiles()).isEqualTo(files);
        byte[] content = mvc.perform(get("/api/assessments/{id}/evidence/{e}/content", second, ev)
                        .with(as(provider)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(content).isEqualTo(PDF);

        // the carried file cannot be deleted from under the later assessment
        mvc.perform(delete("/api/evidence/{id}", ev).with(as(provider)).with(IfMatch.evidence(jdbc, ev)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:evidence-carried"));

        Path file = evidenceDir.resolve(blob);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        mvc.perform(get("/api/assessments/{id}/evidence/{e}/content", second, ev)
                        .with(as(assessor)))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:evidence-integrity"));
        assertThat(audits(ev, "assessment.evidence.download", "FAILURE")).isEqualTo(1);
    }

    @Test
    void expiredEvidenceCannotBeCarried() throws Exception {
        String first = createStarted();
        List<String> lines = sendOk(
                first, line("渗透测试报告", List.of(items(first, "CLOUD_PLATFORM").get(0)), null));
        String ev = answerOk(provider, lines.get(0), "渗透测试报告.pdf", PDF, null);
        mvc.perform(put("/api/evidence/{id}/validity", ev)
                        .with(IfMatch.evidence(jdbc, ev))
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validUntil\":\"2020-01-01\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/evidence/{id}/validity", ev)
                        .with(IfMatch.evidence(jdbc, ev))
                        .with(as(provider))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validUntil\":\"" + LocalDate.now().minusDays(2) + "\"}"))
                .andExpect(status().isNoContent());

        String second = createStarted();
        mvc.perform(get("/api/assessments/{id}/carry-candidates", second).with(as(assessor)))
                .andExpect(jsonPath("$.items[?(@.evidence.id == '" + ev + "')].expired")
                        .value(true));
        mvc.perform(post("/api/assessments/{id}/carried-evidence", second)
                        .with(as(assessor))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evidenceId\":\"%s\",\"itemIds\":[\"%s\"]}"
                                .formatted(ev, items(second, "CLOUD_PLATFORM").get(0))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:evidence-expired"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("has expired")));
        assertThat(audits(ev, "assessment.evidence.carry", "DENIED")).isEqualTo(1);
        assertThat(evidenceOfItem(assessor, items(second, "CLOUD_PLATFORM").get(0)))
                .isEmpty();
    }

    // --- command line

    @Test
    void providerListsAndAnswersItsLinesFromTheCommandLine() throws Exception {
        String id = createStarted();
        List<String> lines =
                sendOk(id, line("资产清单", List.of(items(id, "CLOUD_PLATFORM").get(0)), null));
        String username = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        org.yunjian.security.TestAccounts.create(
                users,
                new org.yunjian.security.UserAdministration.NewUser(
                        username,
                        "命令行云服务商",
                        org.yunjian.security.Role.USER,
                        w.provider().id(),
                        "Provider-Cli-Test-2026!"));
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        var commandLine = cli.commandLine();
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            assertThat(commandLine.execute("assessment", "requests", "--as", username))
                    .as(err.toString())
                    .isZero();
            assertThat(out.toString()).contains(lines.get(0), "资产清单", "Awaiting submission", "1 test item(s)");
            Path exe = dir.resolve("tool.pdf");
            Files.write(exe, EXE);
            assertThat(commandLine.execute(
                            "assessment", "answer-request", lines.get(0), exe.toString(), "--as", username))
                    .isEqualTo(2);
            Path file = dir.resolve("资产清单.pdf");
            Files.write(file, PDF);
            assertThat(commandLine.execute(
                            "assessment",
                            "answer-request",
                            lines.get(0),
                            file.toString(),
                            "--valid-until",
                            LocalDate.now().plusMonths(6).toString(),
                            "--as",
                            username))
                    .as(err.toString())
                    .isZero();
            assertThat(out.toString()).contains("submitted", Sm3.hex(PDF));
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        mvc.perform(get("/api/evidence-request-lines/{id}", lines.get(0)).with(as(assessor)))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }
}
