package org.yunjian.exitproject.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yunjian.documents.PdfRenderer;
import org.yunjian.exit.CanonicalJson;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.support.LineBreaksInCells;

/**
 * Issue 34, finding 4: the deletion certificate's tables (eight columns for the media, six for the verification runs)
 * printed "ha/nd/ove/r", "已完/成" and "核/验/对/象". Rendered in Chinese and English, no cell breaks a Latin word, a
 * number or a short term; the 64-digit digests still wrap inside their column.
 */
class CertificatePdfCellsTest {

    static final String SM3 = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";

    static final String CERTIFICATE = """
            {"certificate": {"number": "YJ-DEL-2026-000012", "id": "%1$s",
              "system": {"name": "示例市人民政府门户网站", "deploymentModel": "PUBLIC", "serviceModel": "IAAS", "protectionLevel": 3},
              "parties": {"customer": {"name": "示例市人民政府办公厅"}, "provider": {"name": "示例政务云计算有限公司"},
                "agents": [{"name": "示例系统集成有限公司", "role": "AGENT_SYSTEM_INTEGRATOR"}]},
              "scope": "门户网站全部业务数据、数据库备份与对象存储 handover 目录",
              "issuedAt": "2026-11-20T02:00:00Z", "issuer": {"name": "customer", "organization": {"name": "示例市人民政府办公厅"}},
              "checklist": [{"item": "12", "status": "DONE", "note": "handover signed", "by": "customer"},
                            {"item": "20", "status": "DONE", "note": "architecture documents returned", "by": "provider"}],
              "inventoryApproval": {"approvedBy": "customer", "approvedAt": "2026-11-10T02:00:00Z"},
              "manifests": [{"fileName": "manifest-handover.json", "fileSm3": "%2$s", "files": 1200, "bytes": 987654321,
                             "sensitiveFiles": 20, "signature": "VALID"}],
              "inventoryItems": [{"category": "program-code", "name": "handover", "description": "Medium architecture", "sensitivity": "公开"}],
              "verificationRuns": [{"target": "handover", "clean": true, "totals": {"expected": 1200, "ok": 1200, "missing": 0,
                                    "extra": 0, "sizeMismatch": 0, "hashMismatch": 0, "unreadable": 0},
                                    "reportSm3": "%2$s", "manifestSm3": "%2$s"}],
              "authorisation": {"signatory": "张主任", "authorisedOn": "2026-11-12", "reference": "示政办〔2026〕12号", "retainUntil": "2026-11-15"},
              "deletionPlan": {"method": "crypto-erase", "plannedOn": "2026-11-16"},
              "deletion": {"deletedOn": "2026-11-18", "method": "crypto-erase", "backups": "已完成", "operator": "李工", "witness": "张工", "result": "已完成"},
              "sanitisations": [{"mediumId": "DISK-0012", "mediumType": "SSD", "heldSensitive": true, "method": "PURGE",
                                 "nextUse": "SENSITIVE_DATA", "operator": "李工", "witness": "张工", "date": "2026-11-18", "result": "100.00%%"}],
              "deviceDisposals": []},
             "signature": {"algorithm": "SM3withSM2", "userId": "1234567812345678", "signer": "platform", "value": "%3$s"}}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void noCellBreaksAWordANumberOrAShortTerm(String tag) throws IOException {
        Locale language = Locale.forLanguageTag(tag);
        String json = CERTIFICATE.formatted(UUID.nameUUIDFromBytes(tag.getBytes()), SM3, "MEUCIQ" + SM3);
        CertificatePdf certificate = new CertificatePdf(
                PdfRenderer.locatingFont(Optional.empty()),
                templates(),
                names -> Map.of("customer", "李客户", "provider", "王运营"),
                new org.yunjian.exitproject.ExitClauses(org.yunjian.catalog.internal.CatalogLoading.fromClasspath()));

        byte[] pdf = certificate.render(
                new Records.CertificateInfo(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "YJ-DEL-2026-000012",
                        "customer",
                        Instant.parse("2026-11-20T02:00:00Z"),
                        CanonicalJson.write(CanonicalJson.parseObject(json)),
                        SM3),
                language);

        List<String> texts = new ArrayList<>(List.of(
                "handover",
                "architecture",
                "Medium",
                "100.00%",
                "12",
                "20",
                "manifest-handover.json",
                "YJ-DEL-2026-000012",
                "2026-11-18",
                "SSD",
                "DISK-0012",
                "SM3withSM2"));
        for (String key : List.of(
                "exitproject.cert.target",
                "exitproject.cert.result",
                "exitproject.cert.expected",
                "exitproject.cert.ok",
                "exitproject.cert.differences",
                "exitproject.cert.medium",
                "exitproject.cert.mediumType",
                "exitproject.cert.heldSensitive",
                "exitproject.cert.method",
                "exitproject.cert.nextUse",
                "exitproject.cert.operatorWitness",
                "exitproject.cert.date",
                "exitproject.cert.item",
                "exitproject.cert.status",
                "exitproject.cert.note",
                "exitproject.cert.by",
                "exitproject.cert.passed",
                "exitproject.checklist.status.DONE",
                "exitproject.cert.files",
                "exitproject.cert.size",
                "exitproject.cert.sensitiveFiles",
                "exitproject.cert.signature",
                "exitproject.cert.category",
                "exitproject.cert.itemName",
                "exitproject.cert.sensitivity")) {
            texts.add(Texts.render(Msg.of(key), language));
        }
        texts.add("已完成");
        if (System.getProperty("yunjian.certificate.out") != null) { // to look at it
            java.nio.file.Files.write(
                    java.nio.file.Path.of(System.getProperty("yunjian.certificate.out"), "certificate-" + tag + ".pdf"),
                    pdf);
        }
        assertThat(LineBreaksInCells.brokenWords(pdf, LineBreaksInCells.keptRuns(texts)))
                .isEmpty();
    }

    /** The templates from the classpath, as the application resolves them. */
    static org.thymeleaf.ITemplateEngine templates() {
        org.thymeleaf.spring6.SpringTemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();
        org.thymeleaf.templateresolver.ClassLoaderTemplateResolver resolver =
                new org.thymeleaf.templateresolver.ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
