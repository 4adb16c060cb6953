package org.yunjian.monitoring.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.yunjian.documents.PdfRenderer;
import org.yunjian.documents.TextRuns;
import org.yunjian.monitoring.report.OperationReport;
import org.yunjian.monitoring.report.ReportMonth;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * The 安全运行报告 as PDF: the template {@code monitoring/report-pdf.html} over the report's blocks, rendered with the
 * embedded CJK font by the documents module, the page's header and number on every page.
 */
@Component
class ReportPdf {

    static final String TEMPLATE = "monitoring/report-pdf";

    private final PdfRenderer pdf;
    private final ITemplateEngine templates;

    ReportPdf(PdfRenderer pdf, ITemplateEngine templates) {
        this.pdf = pdf;
        this.templates = templates;
    }

    byte[] render(OperationReport report, ReportMonth month) {
        Context ctx = new Context(report.language());
        ctx.setVariable("lang", report.language().getLanguage().equals("en") ? "en" : "zh-CN");
        ctx.setVariable("report", report);
        ctx.setVariable("cells", new Cells());
        return pdf.render(
                templates.process(TEMPLATE, ctx),
                new PdfRenderer.Metadata(
                        report.title(),
                        report.systemName(),
                        Texts.render(
                                Msg.of("monitoring.report.metaSubject", report.systemName(), month.toString()),
                                report.language())));
    }

    /** A time as the report prints it, kept on one line (the line breaker would break after its colon). */
    private static final java.util.regex.Pattern TIME =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

    /**
     * A table cell's lines, each cut into runs a line may not break inside ({@link TextRuns}; a time is one); the
     * template prints a line as a block and each run as a span.
     */
    public static final class Cells {
        public List<List<TextRuns.Run>> lines(String text) {
            return java.util.Arrays.stream((text == null ? "" : text).split("\n", -1))
                    .map(line -> TIME.matcher(line).matches()
                            ? List.of(new TextRuns.Run(line, TextRuns.Kind.KEEP))
                            : TextRuns.of(line))
                    .toList();
        }
    }
}
