package org.yunjian.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.yunjian.lifecycle.LifecycleWorldTest;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;

/**
 * The migration plan through the REST API with the real services and database: the customer builds it, the provider
 * changes only the steps it owns, the integrator reads only its steps, the assessor records acceptance tests with
 * sealed evidence, bad input refused naming the field with nothing stored, every change audited, strangers 404, and
 * 《迁移实施方案》 in Chinese on A4 with its tables.
 */
class MigrationApiTests extends LifecycleWorldTest {

    @Override
    protected String part() {
        return "/migration";
    }

    String step(CurrentUser u, UUID owner, String description) throws Exception {
        String body = send(post(base + "/steps"), u, """
                {"description":"%s","ownerOrg":"%s","windowStart":"2026-10-10T22:00","windowEnd":"2026-10-11T04:00"}""".formatted(description, owner))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE system_id = ?")
                .param(w.system().id())
                .query(Long.class)
                .single();
    }

    long audited(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ?")
                .param(action)
                .query(Long.class)
                .single();
    }

    @Test
    void customerPlansStepsAndTheProviderChangesOnlyTheStepsItOwns() throws Exception {
        long before = audited("lifecycle.migration.step.update");
        String providers = step(customer, w.provider().id(), "开通云主机并加固");
        String integrators = step(customer, w.agent().id(), "迁移网站程序和数据库");
        send(post(base + "/steps"), provider, """
                {"description":"x","ownerOrg":"%s","windowStart":"2026-10-10T22:00","windowEnd":"2026-10-11T04:00"}""".formatted(w.provider().id()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("云服务客户")));

        send(put(base + "/steps/" + providers).with(IfMatch.version(0)), provider, """
                {"description":"开通云主机并加固","windowStart":"2026-10-10T22:00","windowEnd":"2026-10-11T03:00",
                 "status":"DONE"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.statusLabel").value("已完成"))
                .andExpect(jsonPath("$.ownerName").value(w.provider().name()));
        send(put(base + "/steps/" + integrators), provider, """
                {"description":"改","windowStart":"2026-10-10T22:00","windowEnd":"2026-10-11T03:00"}""")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("负责该步骤")));
        send(put(base + "/steps/" + providers), provider, """
                {"description":"改","ownerOrg":"%s","windowStart":"2026-10-10T22:00","windowEnd":"2026-10-11T03:00"}""".formatted(
                                w.agent().id()))
                .andExpect(status().isForbidden());
        assertThat(audited("lifecycle.migration.step.update")).isEqualTo(before + 1);

        // the integrator sees its own step only, not the rollback plan; a stranger does not learn the system exists
        mvc.perform(get(base).with(as(integrator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps.length()").value(1))
                .andExpect(jsonPath("$.steps[0].id").value(integrators))
                .andExpect(jsonPath("$.rollback").doesNotExist());
        mvc.perform(get(base).with(as(customer)))
                .andExpect(jsonPath("$.steps.length()").value(2))
                .andExpect(jsonPath("$.steps[0].position").value(1));
        mvc.perform(get(base).with(as(stranger))).andExpect(status().isNotFound());
        send(post(base + "/steps"), stranger, "{}").andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        send(post(base + "/steps"), customer, """
                {"description":"迁移","ownerOrg":"%s","windowStart":"2026-10-11T04:00","windowEnd":"2026-10-10T22:00"}""".formatted(w.provider().id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.windowEnd").value("结束时间必须晚于开始时间"));
        send(post(base + "/steps"), customer, """
                {"description":"迁移","ownerOrg":"%s","windowStart":"2026-13-45T10:00","windowEnd":"2026-10-10T22:00"}""".formatted(w.stranger().id()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.ownerOrg").value(containsString("不是本系统的参与单位")))
                .andExpect(jsonPath("$.errors.windowStart").value(containsString("2026-13-45T10:00")));
        send(post(base + "/steps"), customer, """
                {"ownerOrg":"not-an-id","windowStart":"2026-10-10T22:00","windowEnd":"2026-10-11T22:00","status":"SOON"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.description").value("必填"))
                .andExpect(jsonPath("$.errors.ownerOrg").exists())
                .andExpect(jsonPath("$.errors.status").exists());
        assertThat(count("lifecycle_migration_step")).isZero();

        send(put(base), customer, """
                {"rollbackPlan":"切回原机房","parallelStart":"2026-02-30"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.rollbackTrigger").exists())
                .andExpect(jsonPath("$.errors.parallelStart").value(containsString("2026-02-30")));
        send(put(base), customer, """
                {"rollbackPlan":"切回原机房","rollbackTrigger":"首页中断超过 30 分钟","parallelStart":"2026-11-10",
                 "parallelEnd":"2026-11-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.parallelEnd").exists());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_migration_plan WHERE system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isZero();
        send(put(base), provider, """
                {"rollbackPlan":"切回原机房","rollbackTrigger":"首页中断"}""").andExpect(status().isForbidden());
    }

    @Test
    void assessorRecordsAcceptanceWithSealedEvidenceAndChecksCompareTheirValues() throws Exception {
        byte[] report = "安全合规验收测试报告：通过".getBytes(StandardCharsets.UTF_8);
        String body = mvc.perform(multipart(base + "/acceptance")
                        .file(new MockMultipartFile("file", "验收报告.txt", "text/plain", report))
                        .param("test", "漏洞扫描和渗透测试")
                        .param("result", "PASSED")
                        .param("testedOn", "2026-10-15")
                        .with(as(assessor)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.resultLabel").value("通过"))
                .andExpect(jsonPath("$.testerOrgName").value(w.assessor().name()))
                .andExpect(jsonPath("$.files[0].name").value("验收报告.txt"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String href = JsonPath.read(body, "$.files[0].href");
        byte[] back = mvc.perform(get(href).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(header().exists("X-Evidence-SM3"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(back).isEqualTo(report);
        mvc.perform(get(href).with(as(integrator))).andExpect(status().isNotFound());

        // a file of a forbidden type refuses the whole record; the provider may not record acceptance
        long tests = count("lifecycle_migration_acceptance");
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        mvc.perform(multipart(base + "/acceptance")
                        .file(new MockMultipartFile("file", "report.pdf", "application/pdf", exe))
                        .param("test", "配置核查")
                        .param("result", "PASSED")
                        .param("testedOn", "2026-10-15")
                        .with(as(assessor)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.files").exists());
        mvc.perform(multipart(base + "/acceptance")
                        .param("test", "配置核查")
                        .param("result", "MAYBE")
                        .param("testedOn", "15/10/2026")
                        .with(as(assessor)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.result").exists())
                .andExpect(jsonPath("$.errors.testedOn").exists());
        mvc.perform(multipart(base + "/acceptance")
                        .param("test", "配置核查")
                        .param("result", "PASSED")
                        .param("testedOn", "2026-10-15")
                        .with(as(provider)))
                .andExpect(status().isForbidden());
        assertThat(count("lifecycle_migration_acceptance")).isEqualTo(tests);
        assertThat(count("lifecycle_ops_file")).isEqualTo(1);

        send(post(base + "/checks"), provider, """
                {"subject":"附件清单哈希","method":"HASH","sourceValue":"66c7f0aa","targetValue":"66C7F0AA",
                 "checkedOn":"2026-10-11"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.matches").value(true));
        send(post(base + "/checks"), customer, """
                {"subject":"文章记录数","method":"RECORD_COUNT","sourceValue":"184326","targetValue":"184320",
                 "checkedOn":"2026-10-11"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.matches").value(false));
        send(post(base + "/checks"), integrator, "{}").andExpect(status().isForbidden());
        assertThat(audited("lifecycle.migration.acceptance")).isPositive();
        assertThat(audited("lifecycle.migration.check")).isPositive();
    }

    @Test
    void migrationPlanDocumentIsInChineseOnA4WithItsTables() throws Exception {
        step(customer, w.provider().id(), "开通云主机并加固");
        send(put(base).with(IfMatch.version(0)), customer, """
                {"rollbackPlan":"保留原机房完整备份，决定回退后两小时内切回域名解析。",
                 "rollbackTrigger":"切换后首页中断超过 30 分钟","parallelStart":"2026-10-11","parallelEnd":"2026-11-10"}""").andExpect(status().isOk());
        byte[] docx = mvc.perform(
                        get(base + ".docx").header("Accept-Language", "en").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("migration-plan")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Map<String, String> parts = OpsTestSupport.docxParts(docx);
        String xml = parts.get("word/document.xml");
        String text = OpsTestSupport.text(xml);
        assertThat(text)
                .contains(
                        "迁移实施方案",
                        w.system().name(),
                        "一、迁移步骤",
                        "开通云主机并加固",
                        w.provider().name(),
                        "2026-10-10 22:00 至 2026-10-11 04:00",
                        "计划中",
                        "回退触发条件",
                        "切换后首页中断超过 30 分钟",
                        "2026-10-11 至 2026-11-10",
                        "尚未记录安全合规验收测试",
                        "标准依据",
                        "云服务客户应制定政府网站迁移失败的回退方案");
        assertThat(text).doesNotContain("Migration plan", "PLANNED");
        assertThat(xml).contains("<w:tbl>", "w:w=\"11906\"", "w:h=\"16838\"");
        assertThat(parts.values().stream().filter(p -> p.contains("PAGE")).count())
                .isPositive();
        mvc.perform(get(base + ".docx").with(as(integrator))).andExpect(status().isForbidden());
        assertThat(audited("lifecycle.migration.export")).isPositive();
    }
}
