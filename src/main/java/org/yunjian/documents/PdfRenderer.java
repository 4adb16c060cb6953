package org.yunjian.documents;

import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import com.openhtmltopdf.render.displaylist.PagedBoxCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.yunjian.documents.internal.OpenHtmlToPdfLogging;
import org.yunjian.shared.Text;

/**
 * Renders well-formed XHTML (with CSS 2.1 and paged media: {@code @page}, page breaks, running
 * headers) into a PDF with the CJK font embedded as a subset.
 *
 * <p>Every PDF it writes is a record meant to be archived (assessment report, 安全运行报告, deletion certificate), so
 * every one is PDF/A-2a ({@link #PDF_A}: fonts embedded, an sRGB output intent, XMP metadata that repeats the document
 * information) and tagged for PDF/UA-1 (a structure tree of the XHTML's elements, the document's language from
 * {@code <html lang>}, its title shown by viewers) — issue 60; veraPDF checks both in the tests
 * (docs/modules/documents.md).
 *
 * <p>The font is available to style sheets as the family {@value #FONT_FAMILY}, and is also the
 * fallback of every element, so Chinese never falls back to a font without its glyphs. Thread-safe:
 * every call builds its own document.
 */
public final class PdfRenderer {

    /** The CSS font family name under which the CJK font is registered. */
    public static final String FONT_FAMILY = "yunjian-cjk";

    /**
     * The font of every element, and the classes {@link TextRuns#xhtml} gives table cells' runs: {@code nw} a word,
     * number or short term kept on one line, {@code brk} a long token that may break anywhere.
     */
    private static final String BASE_STYLE = "<style>body, table, th, td, h1, h2, h3, h4, p, li, pre, code "
            + "{ font-family: '" + FONT_FAMILY + "'; } .nw { white-space: nowrap; } .brk { word-wrap: break-word; }"
            + "</style>";

    /**
     * The PDF/A part and conformance level of every PDF: 2 (ISO 19005-2), level a (accessible: tagged, its text in
     * Unicode, the language given) — which the PDF/UA-1 tagging gives (veraPDF: no rule of 2a or UA-1 fails).
     */
    public static final PdfRendererBuilder.PdfAConformance PDF_A = PdfRendererBuilder.PdfAConformance.PDFA_2_A;

    /** sRGB IEC 61966-2.1, the output intent PDF/A asks for: the colours in the pages are sRGB. */
    private static final byte[] SRGB = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB)
            .getData();

    static {
        OpenHtmlToPdfLogging.install();
    }

    private final Supplier<CjkFont> fontSource;
    private volatile CjkFont font;

    public PdfRenderer(CjkFont font) {
        this.font = Objects.requireNonNull(font);
        this.fontSource = () -> font;
    }

    private PdfRenderer(Supplier<CjkFont> fontSource) {
        this.fontSource = fontSource;
    }

    /**
     * A renderer that finds its font on first use (see {@link CjkFont#locate}), so that an application
     * without a CJK font still starts and only a PDF request fails, with a message naming the fix.
     */
    public static PdfRenderer locatingFont(Optional<Path> configured) {
        return new PdfRenderer(() -> CjkFont.locate(configured));
    }

    /**
     * @param xhtml a well-formed XHTML document (e.g. a Thymeleaf template written as XML); characters XML cannot
     *        carry (NUL and other controls, lone surrogates, noncharacters — e.g. in a row stored before input was
     *        checked) are rendered as U+FFFD ({@link Text#safe}) instead of failing the document
     * @param metadata title, author and subject written into the PDF's document information
     * @return the PDF bytes
     * @throws IllegalArgumentException if the XHTML is not well-formed, naming the parser's complaint
     */
    /** The producer named in the PDF's document information (the product's name, in both scripts). */
    static final String PRODUCER = "Yunjian \u4e91\u9274";

    public byte[] render(String xhtml, Metadata metadata) {
        String html = withBaseStyle(Text.safe(xhtml), metadata);
        try (PDDocument document = new PDDocument();
                CjkFont.Lease ttf = font().lease()) {
            PDType0Font pdFont = PDType0Font.load(document, ttf.font(), true);
            try (PdfBoxRenderer renderer = builder(document, pdFont, html, true).buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                inlinePropertyLists(document);
                document.setVersion(1.7f); // the catalog's /Version, as the XMP says; the header stays PDFBox's 1.6
                // with object streams, and a cross-reference stream that lists itself (XrefStreamSave): PDFBox leaves
                // that entry out, which qpdf --check reports (issue 60)
                return XrefStreamSave.save(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw wellFormed(e);
        }
    }

    /**
     * The builder of {@link #render} and {@link #pagesOf} alike, so that both lay a document out the same way (PDF/A
     * mode, for one, offers openhtmltopdf no non-embedded standard font to fall back on).
     */
    private static PdfRendererBuilder builder(PDDocument document, PDType0Font font, String html, boolean tagged) {
        // the tagging (a structure tree of every element) changes no page break: the layout pass of pagesOf, whose PDF
        // nobody keeps, goes without it
        return new PdfRendererBuilder()
                .usePDDocument(document)
                .useFont(new PDFontSupplier(font), FONT_FAMILY)
                .withHtmlContent(html, null)
                .withProducer(PRODUCER)
                .usePdfAConformance(PDF_A)
                .usePdfUaAccessibility(tagged)
                .useColorProfile(SRGB);
    }

    /**
     * Writes the marked-content property lists of the pages (the tagging's {@code /Artifact} of every painted
     * background and border, with its bounding box: 11,000 in the demo's report) inside their pages' resources
     * instead of each as an object of its own with its own cross-reference entry.
     */
    private static void inlinePropertyLists(PDDocument document) {
        for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
            org.apache.pdfbox.pdmodel.PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            org.apache.pdfbox.cos.COSDictionary properties =
                    resources.getCOSObject().getCOSDictionary(org.apache.pdfbox.cos.COSName.PROPERTIES);
            if (properties == null) {
                continue;
            }
            for (org.apache.pdfbox.cos.COSName name : properties.keySet()) {
                if (properties.getDictionaryObject(name) instanceof org.apache.pdfbox.cos.COSDictionary list) {
                    list.setDirect(true);
                    properties.setItem(name, list);
                }
            }
        }
    }

    /**
     * The page (from 1) on which the element with each of {@code ids} begins when {@code xhtml} is laid out as
     * {@link #render} lays it out; null for an id the document does not have. Only lays the document out: nothing is
     * painted, no font subset is made and no PDF written, which is what most of a rendering costs.
     *
     * @throws IllegalArgumentException if the XHTML is not well-formed, naming the parser's complaint
     */
    public List<Integer> pagesOf(String xhtml, List<String> ids) {
        String html = withBaseStyle(Text.safe(xhtml), null);
        try (PDDocument document = new PDDocument();
                CjkFont.Lease ttf = font().lease()) {
            PDType0Font pdFont = PDType0Font.load(document, ttf.font(), true);
            try (PdfBoxRenderer renderer =
                    builder(document, pdFont, html, false).buildPdfRenderer()) {
                renderer.layout();
                CssContext c = renderer.getSharedContext().newLayoutContextInstance();
                List<PageBox> pageBoxes = renderer.getRootBox().getLayer().getPages();
                List<Integer> pages = new ArrayList<>();
                for (String id : ids) {
                    Box box = renderer.getSharedContext().getBoxById(id);
                    pages.add(box == null ? null : pageOf(c, box, pageBoxes) + 1);
                }
                return pages;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PDF layout failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw wellFormed(e);
        }
    }

    /**
     * The page a bookmark to {@code box} points at: where its border box begins, or its content where that is on a
     * later page (a heading whose top margin ends one page and whose text begins the next) — as openhtmltopdf's
     * {@code PdfBoxBookmarkManager.createBoxDestination} finds it for the PDF's outline.
     */
    private static int pageOf(CssContext c, Box box, List<PageBox> pages) {
        double y =
                PagedBoxCollector.findAdjustedBoundsForBorderBox(c, box, pages).getMinY();
        if (box.getContainingLayer().getCurrentTransformMatrix() == null) {
            int content = PagedBoxCollector.findContentStartY(box);
            if (PagedBoxCollector.findPageForY(c, content, pages) > PagedBoxCollector.findPageForY(c, y, pages)) {
                y = content;
            }
        }
        return PagedBoxCollector.findPageForY(c, y, pages);
    }

    private static RuntimeException wellFormed(RuntimeException e) {
        if (e.getClass().getName().contains("XRRuntimeException")) {
            return new IllegalArgumentException("xhtml-not-well-formed: " + e.getMessage(), e);
        }
        return e;
    }

    /**
     * The font, located now if not yet.
     *
     * @throws FontUnavailableException if there is none
     */
    public CjkFont font() {
        CjkFont f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    font = fontSource.get();
                }
                f = font;
            }
        }
        return f;
    }

    /**
     * Puts the default font rule first in the head, so a document's own styles still win, and the metadata as
     * {@code <meta>} elements: openhtmltopdf writes the document information (and the XMP metadata PDF/A wants to
     * match it) from those, replacing any set on the document beforehand; {@code <meta name="title">} comes before
     * the page's {@code <title>}.
     */
    private static String withBaseStyle(String xhtml, Metadata metadata) {
        int head = xhtml.indexOf("<head");
        if (head >= 0) {
            int end = xhtml.indexOf('>', head);
            if (end > 0) {
                return xhtml.substring(0, end + 1) + metaElements(metadata) + BASE_STYLE + xhtml.substring(end + 1);
            }
        }
        return xhtml;
    }

    private static String metaElements(Metadata metadata) {
        if (metadata == null) {
            return "";
        }
        StringBuilder meta = new StringBuilder();
        meta(meta, "title", metadata.title());
        meta(meta, "author", metadata.author());
        meta(meta, "subject", metadata.subject());
        return meta.toString();
    }

    private static void meta(StringBuilder out, String name, String content) {
        if (!content.isBlank()) {
            out.append("<meta name=\"")
                    .append(name)
                    .append("\" content=\"")
                    .append(TextRuns.escape(Text.safe(content)))
                    .append("\"/>");
        }
    }

    /** Document information of a PDF. */
    public record Metadata(String title, String author, String subject) {
        public Metadata {
            Objects.requireNonNull(title, "title");
            author = author == null ? "" : author;
            subject = subject == null ? "" : subject;
        }
    }
}
