package org.yunjian.exitproject.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yunjian.crypto.Sm3;
import org.yunjian.documents.PdfRenderer;
import org.yunjian.support.PdfInspection;

/**
 * Issue 37: the PDF of a certificate the platform issued before the certificate became a record (the fixture of
 * {@code exit.StoredCertificateTest}) renders from the record through the template, with the facts, both signatures
 * and no missing glyph.
 */
class StoredCertificatePdfTest {

    @Test
    void aStoredCertificateRendersItsFactsAndBothSignatures() throws IOException {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream("/org/yunjian/exit/deletion-certificate-ce0c38d.json")) {
            file = in.readAllBytes();
        }
        CertificatePdf certificate = new CertificatePdf(
                PdfRenderer.locatingFont(Optional.empty()),
                CertificatePdfCellsTest.templates(),
                names -> names.stream().collect(Collectors.toMap(Function.identity(), Function.identity())),
                new org.yunjian.exitproject.ExitClauses(org.yunjian.catalog.internal.CatalogLoading.fromClasspath()));
        byte[] pdf = certificate.render(
                new Records.CertificateInfo(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "YJ-DEL-2026-000001",
                        "user-4bedac8b",
                        Instant.parse("2026-11-26T02:35:19Z"),
                        new String(file, StandardCharsets.UTF_8),
                        Sm3.hex(file)),
                Locale.SIMPLIFIED_CHINESE);
        org.yunjian.support.Qpdf.check(pdf, "deletion-certificate"); // issue 60
        org.yunjian.support.PdfA.checkRecord(pdf, "deletion-certificate"); // PDF/A-2a, tagged (PDF/UA-1)
        if (System.getProperty("yunjian.certificate.out") != null) { // to look at it
            java.nio.file.Files.write(
                    java.nio.file.Path.of(System.getProperty("yunjian.certificate.out"), "stored-certificate-zh.pdf"),
                    pdf);
        }

        PdfInspection inspection = new PdfInspection(pdf);
        String flat = inspection.text(1, inspection.pages()).replaceAll("\\s+", "");
        assertThat(flat)
                .contains(
                        "数据删除证明",
                        "YJ-DEL-2026-000001",
                        "门户网站c9b094",
                        "集成商c9b094（系统集成商）",
                        "DISK-0042",
                        "示办函〔2026〕12号",
                        "2026-11-2610:35（北京时间）",
                        "云服务商会签",
                        "平台电子签名",
                        Sm3.hex(file),
                        "0/0/0/0");
        assertThat(inspection.missingGlyphs(1, inspection.pages())).isEmpty();
    }
}
