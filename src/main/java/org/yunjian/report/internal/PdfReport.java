package org.yunjian.report.internal;

import static org.yunjian.report.ReportText.*;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.yunjian.assessment.ScoreResult;
import org.yunjian.documents.PdfRenderer;
import org.yunjian.documents.TextRuns;
import org.yunjian.shared.Texts;

/**
 * The assessment report as PDF: the Thymeleaf template {@code report/pdf.html} (well-formed XHTML;
 * every value goes in through {@code th:text}, which escapes it, so nothing the users typed becomes markup)
 * rendered by the documents module with the CJK font embedded: the chapters of {@link ReportChapters}, a bookmark
 * outline of chapters and sections, the report number in the page header and "第 x 页 共 y 页" in the footer (CSS
 * margin boxes and page counters). Bar charts are drawn with CSS boxes.
 */
@Component
public class PdfReport {

    static final String TEMPLATE = "report/pdf";

    private final ITemplateEngine templates;
    private final PdfRenderer renderer;

    PdfReport(ITemplateEngine templates, PdfRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    public byte[] render(ReportData d) {
        return renderer.render(
                xhtml(d),
                new PdfRenderer.Metadata(
                        title(d) + " · " + d.system().name(),
                        d.assessorName(),
                        d.assessment().name()));
    }

    /** The XHTML the PDF is rendered from (tests check that user input stays text). */
    String xhtml(ReportData d) {
        return xhtml(d, false);
    }

    /**
     * The pages the entries of the report's outline ({@link #bookmarks}: chapters, the table of contents and the
     * chapters' level-2 sections, in order, each followed by its sections; null where unknown) land on when the report is laid out with the Word document's page
     * setup and type sizes (A4, 2.54 / 2.8 cm margins, 小四 body, 五号 tables, every chapter on a new page): the
     * DOCX writes them into its table of contents. An estimate of Word's and LibreOffice's own layout — their fonts
     * and line breaking differ — measured by {@code DocxInLibreOfficeTests}.
     */
    List<Integer> headingPages(ReportData d) {
        List<String> ids = new java.util.ArrayList<>();
        for (Mark top : bookmarks(ReportChapters.front(d), ReportChapters.body(d))) {
            ids.add(top.href().substring(1));
            top.children().forEach(child -> ids.add(child.href().substring(1)));
        }
        return renderer.pagesOf(xhtml(d, true), ids);
    }

    /** The report laid out as the Word document is ({@link #headingPages}), as a PDF: never handed out. */
    byte[] docxLayout(ReportData d) {
        return renderer.render(xhtml(d, true), new PdfRenderer.Metadata(title(), "", ""));
    }

    private String xhtml(ReportData d, boolean docxLayout) {
        Context ctx = new Context(Texts.locale());
        ctx.setVariable("docxLayout", docxLayout);
        ctx.setVariable("cells", new Cells());
        ctx.setVariable("lang", Texts.locale().getLanguage().equals("en") ? "en" : "zh-CN");
        ctx.setVariable("title", title(d));
        ctx.setVariable("systemName", d.system().name());
        ctx.setVariable("templateLine", coverLine(d));
        ctx.setVariable("headerNumber", t("report.header.number", d.reportNumber()));
        ctx.setVariable("draft", d.draft());
        ctx.setVariable("draftNotice", draftNotice(d.assessment().status()));
        ctx.setVariable("coverRows", coverPageRows(d));
        ctx.setVariable("colon", t("report.cover.colon"));
        ctx.setVariable("toc", t("report.toc"));
        List<ReportOutline.Section> front = ReportChapters.front(d);
        List<ReportOutline.Section> body = ReportChapters.body(d);
        List<ReportOutline.Section> all = new java.util.ArrayList<>(front);
        all.addAll(body);
        ctx.setVariable("sections", all);
        ctx.setVariable("bookmarks", bookmarks(front, body));
        List<String> footer = footerParts();
        ctx.setVariable("pageBefore", footer.get(0));
        ctx.setVariable("pageMiddle", footer.get(1));
        ctx.setVariable("pageAfter", footer.get(2));
        return templates.process(TEMPLATE, ctx);
    }

    /** Table cells cut into runs a line may not break inside ({@link TextRuns}); the template prints each as a span. */
    static final class Cells {
        public List<TextRuns.Run> of(String text) {
            return TextRuns.of(text);
        }
    }

    /** One bar of a chart: the label, the rate as text and the bar's width in percent of the track. */
    record Bar(String name, String label, String width) {}

    static List<Bar> bars(List<ScoreResult.Group> groups) {
        return groups.stream()
                .map(g -> new Bar(
                        g.name(),
                        rate(g),
                        String.format(Locale.ROOT, "%.2f", g.scored() == 0 ? 0 : Math.max(0, Math.min(100, g.rate())))))
                .toList();
    }

    /** An entry of the PDF's bookmark outline. */
    record Mark(String name, String href, List<Mark> children) {}

    /** The outline: the front chapters, the table of contents, the body chapters with their level-2 sections. */
    static List<Mark> bookmarks(List<ReportOutline.Section> front, List<ReportOutline.Section> body) {
        List<Mark> out = new java.util.ArrayList<>();
        front.forEach(s -> out.add(new Mark(s.heading(), "#" + s.anchor(), List.of())));
        out.add(new Mark(t("report.toc"), "#toc", List.of()));
        for (ReportOutline.Section s : body) {
            List<Mark> subs = new java.util.ArrayList<>();
            for (int i = 0; i < s.blocks().size(); i++) {
                if (s.blocks().get(i) instanceof ReportOutline.Sub sub && sub.level() == 2) {
                    subs.add(new Mark(sub.text(), "#" + s.anchor() + "-" + i, List.of()));
                }
            }
            out.add(new Mark(s.heading(), "#" + s.anchor(), subs));
        }
        return out;
    }
}
