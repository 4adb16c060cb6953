package org.yunjian.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.yunjian.assessment.AssessmentStatus;
import org.yunjian.assessment.AssessorKind;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.EvidenceInfo;
import org.yunjian.assessment.Records.Remediation;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.assessment.RemediationStatus;
import org.yunjian.assessment.RiskLevel;
import org.yunjian.assessment.ScoringPolicy.ScoredItem;
import org.yunjian.assessment.Verdict;
import org.yunjian.assessment.internal.GbDefaultScoringPolicy;
import org.yunjian.catalog.DeploymentModel;
import org.yunjian.documents.PdfRenderer;
import org.yunjian.party.CloudSystem;
import org.yunjian.party.DataClassification;
import org.yunjian.party.Industry;
import org.yunjian.party.ServiceModel;

/** Whatever users typed, the PDF's XHTML stays well-formed and their text stays text. */
class ReportMarkupTest {

    static final String HOSTILE = "<script>alert(1)</script> & <img src=x onerror=alert(2)> ]]> &amp; \"'<!--";

    static ReportData hostileReport() {
        Instant now = Instant.parse("2026-11-21T08:00:00Z");
        UUID id = UUID.randomUUID();
        AssessmentInfo a = new AssessmentInfo(
                id,
                HOSTILE,
                UUID.randomUUID(),
                UUID.randomUUID(),
                AssessorKind.THIRD_PARTY,
                AssessmentStatus.IN_REVIEW,
                List.of(),
                List.of("MLPS-L3"),
                now,
                now,
                null,
                "YJ-2026-000001");
        CloudSystem s = new CloudSystem(
                a.systemId(),
                HOSTILE,
                UUID.randomUUID(),
                3,
                DeploymentModel.values()[0],
                ServiceModel.values()[0],
                Industry.values()[0],
                DataClassification.values()[0],
                List.of("北京"),
                UUID.randomUUID(),
                List.of(),
                now,
                now);
        TestItem item = new TestItem(
                UUID.randomUUID(),
                id,
                0,
                "MLPS-L3-8.2.4.7-a",
                ItemSide.CLOUD_PLATFORM,
                "安全计算环境",
                HOSTILE,
                Verdict.NON_COMPLIANT,
                HOSTILE,
                HOSTILE,
                RiskLevel.HIGH,
                HOSTILE,
                now);
        EvidenceInfo e = new EvidenceInfo(
                UUID.randomUUID(),
                item.id(),
                id,
                HOSTILE,
                "text/plain",
                12,
                "ab".repeat(32),
                "blob",
                UUID.randomUUID(),
                HOSTILE,
                UUID.randomUUID(),
                false,
                now,
                0);
        var score = new GbDefaultScoringPolicy()
                .score(List.of(new ScoredItem(
                        item.requirementId() + "/" + item.side(),
                        item.layer(),
                        item.controlPoint(),
                        item.verdict(),
                        item.riskLevel())));
        Remediation r = new Remediation(
                UUID.randomUUID(),
                item.id(),
                id,
                s.customerId(),
                java.time.LocalDate.of(2027, 2, 19),
                RemediationStatus.OPEN,
                HOSTILE,
                now,
                now);
        return new ReportData(
                a,
                s,
                HOSTILE,
                HOSTILE,
                HOSTILE,
                now,
                score,
                List.of(new ReportData.ItemReport(
                        1, item, "8.2.4.7", HOSTILE, "安全计算环境", HOSTILE, List.of(e), List.of())),
                List.of(new ReportData.RemediationRow(r, 1, item.requirementId(), HOSTILE, HOSTILE)),
                "YJ-2026-000001",
                List.of(HOSTILE),
                java.util.Map.of());
    }

    @Test
    void userTextIsEscapedAndTheXhtmlStaysWellFormed() throws Exception {
        String xhtml = pdfReport().xhtml(hostileReport());

        assertThat(xhtml)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("]]>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("img").getLength()).isZero();
        assertThat(doc.getDocumentElement().getTextContent()).contains(HOSTILE);
    }

    /**
     * Issue 58: a revision starts from the content frozen at approval — what thaws must render as what was frozen
     * (every field, hostile text, remediation rows and all).
     */
    @Test
    void theFrozenContentThawsToTheReportItWasAndRendersTheSame() {
        ReportData d = hostileReport();
        RevisionBasis basis = new RevisionBasis();
        ReportData thawed = basis.thaw(basis.freeze(d));
        assertThat(pdfReport().xhtml(thawed)).isEqualTo(pdfReport().xhtml(d));
        assertThat(basis.freeze(thawed)).isEqualTo(basis.freeze(d));
        assertThat(thawed.items().get(0).evidence()).hasSize(1);
    }

    @Test
    void docxCarriesTheTextUnchanged() throws Exception {
        ReportData d = hostileReport();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new ByteArrayInputStream(new DocxReport(pdfReport()).render(d)))) {
            StringBuilder all = new StringBuilder();
            doc.getTables().forEach(t -> all.append(t.getText()));
            assertThat(all.toString()).contains(HOSTILE);
        }
    }

    static PdfReport pdfReport() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
        return new PdfReport(engine, PdfRenderer.locatingFont(java.util.Optional.empty()));
    }
}
