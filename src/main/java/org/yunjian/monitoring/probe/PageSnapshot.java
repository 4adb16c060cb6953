package org.yunjian.monitoring.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Selector;
import org.yunjian.crypto.Sm3;

/**
 * What a page shows and loads, as a tamper baseline compares it (guide 8.4.1.3 b): its visible text, normalised, with
 * the SM3 of that text; the resources it loads ({@code script[src]}, stylesheets, {@code img}, {@code iframe}/{@code
 * frame}, {@code embed}, {@code object}) and the links it offers ({@code a[href]}, {@code area[href]}), as absolute
 * addresses in page order without repeats.
 *
 * <p>The text is the page's {@code <title>} and the body's text as a reader sees it: scripts, styles, {@code noscript},
 * {@code template} and comments dropped; one line per block (a paragraph, a list item, a table cell, a {@code <br>}, a line of a
 * {@code <pre>}), whitespace inside a line (including the ideographic space U+3000 and no-break spaces) collapsed to one space, empty lines dropped — so
 * re-indenting the HTML changes nothing, and a changed word changes one line. The page's <em>dynamic regions</em>
 * (CSS selectors its monitor declares: a news ticker, today's date) are removed before text and resources are taken;
 * the links are the whole page's (a dead link in a ticker is still dead). Malformed HTML is read as jsoup and browsers
 * read it (HTML5 tree building); it is never an error.
 */
public record PageSnapshot(URI uri, String text, String textSm3, List<URI> resources, List<URI> links) {

    private static final Pattern BLANKS = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u3000\\ufeff]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\n\\r]");
    private static final String DROPPED = "script, style, noscript, template";

    public PageSnapshot {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(text, "text");
        String digest = Sm3.digest(text).hex();
        if (textSm3 != null && !textSm3.equals(digest)) {
            throw new IllegalArgumentException("textSm3 " + textSm3);
        }
        textSm3 = digest;
        resources = List.copyOf(resources);
        links = List.copyOf(links);
    }

    /** The snapshot of {@code html} served at {@code uri}, without the elements matching {@code dynamicRegions}. */
    public static PageSnapshot of(URI uri, String html, Collection<String> dynamicRegions) {
        List<Evaluator> regions = compile(dynamicRegions);
        return of(uri, Jsoup.parse(html, uri.toString()), regions);
    }

    /**
     * The snapshot of a fetched page, its bytes decoded as a browser would: the charset of the {@code Content-Type}
     * header, else a byte-order mark or {@code <meta charset>} (GBK pages declare it so), else UTF-8.
     */
    public static PageSnapshot of(FetchResult page, Collection<String> dynamicRegions) {
        List<Evaluator> regions = compile(dynamicRegions);
        return of(page.finalUri(), parse(page), regions);
    }

    /**
     * Whether {@code css} is a selector jsoup can apply: the monitor's form checks a dynamic region with this when it
     * is saved, so that a snapshot never meets a bad one.
     */
    public static boolean isValidSelector(String css) {
        try {
            Selector.evaluatorOf(css);
            return css != null && !css.isBlank();
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    /** The text as lines, one per block of the page. */
    public List<String> lines() {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** The fetched page's HTML parsed with its charset (see {@link #of(FetchResult, Collection)}). */
    static Document parse(FetchResult page) {
        String charset = page.charset().map(Charset::name).orElse(null);
        try {
            return Jsoup.parse(
                    new ByteArrayInputStream(page.bodyBytes()),
                    charset,
                    page.finalUri().toString());
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
    }

    private static List<Evaluator> compile(Collection<String> dynamicRegions) {
        List<Evaluator> out = new ArrayList<>();
        for (String css : dynamicRegions) {
            if (!isValidSelector(css)) {
                throw new IllegalArgumentException("dynamic region " + css);
            }
            out.add(Selector.evaluatorOf(css));
        }
        return out;
    }

    private static PageSnapshot of(URI uri, Document doc, List<Evaluator> regions) {
        List<URI> links = addresses(doc.select("a[href], area[href]"), "href", false);
        for (Evaluator region : regions) {
            Selector.select(region, doc).remove();
        }
        List<URI> resources = new ArrayList<>();
        for (Element e :
                doc.select("script[src], link[href], img[src], iframe[src], frame[src], embed[src], object[data]")) {
            if (e.nameIs("link") && !isStylesheet(e)) {
                continue;
            }
            resources.addAll(
                    addresses(List.of(e), e.nameIs("object") ? "data" : e.nameIs("link") ? "href" : "src", true));
        }
        doc.select(DROPPED).remove();
        return new PageSnapshot(uri, visibleText(doc), null, List.copyOf(new LinkedHashSet<>(resources)), links);
    }

    private static boolean isStylesheet(Element link) {
        for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (rel.equals("stylesheet")) {
                return true;
            }
        }
        return false;
    }

    /** The elements' {@code attribute} as absolute addresses: web ones only when {@code webOnly}, without repeats. */
    static List<URI> addresses(Iterable<Element> elements, String attribute, boolean webOnly) {
        Set<URI> out = new LinkedHashSet<>();
        for (Element e : elements) {
            WebAddress.parse(e.absUrl(attribute))
                    .map(u -> webOnly ? WebAddress.withoutFragment(u) : u)
                    .filter(u -> !webOnly || WebAddress.isWeb(u))
                    .ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** The title and the body's text, one line per block, blanks collapsed (see the class comment). */
    static String visibleText(Document doc) {
        StringBuilder raw = new StringBuilder();
        raw.append(doc.title()).append('\n');
        NodeTraversor.traverse(
                new NodeVisitor() {
                    private int preformatted;

                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            String whole = t.getWholeText();
                            raw.append(
                                    preformatted > 0
                                            ? whole
                                            : LINE_BREAKS.matcher(whole).replaceAll(" "));
                        } else if (node instanceof Element e) {
                            preformatted += e.nameIs("pre") || e.nameIs("textarea") ? 1 : 0;
                            if (e.isBlock() || e.nameIs("br")) {
                                raw.append('\n');
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e) {
                            preformatted -= e.nameIs("pre") || e.nameIs("textarea") ? 1 : 0;
                            if (e.isBlock()) {
                                raw.append('\n');
                            }
                        }
                    }
                },
                doc.body());
        StringBuilder text = new StringBuilder(raw.length());
        for (String line : raw.toString().split("[\\n\\r]")) {
            String collapsed = BLANKS.matcher(line).replaceAll(" ").strip();
            if (!collapsed.isEmpty()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(collapsed);
            }
        }
        return text.toString();
    }
}
