package org.yunjian.monitoring.probe;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The declarations a page gives its elements itself: the rules of its {@code <style>} blocks (each selector applied
 * with jsoup's {@code select}; {@code @media} and other at-rule blocks skipped; a selector jsoup cannot apply, such as
 * {@code :hover}, skipped — it does not hold while a page sits unread), then the {@code style} attribute. Later
 * declarations win, the style attribute last; specificity and {@code !important} are not weighed. The legacy colour
 * attributes old pages use ({@code <font color>}, {@code bgcolor}) count as declarations too. External stylesheets are
 * not read. A hostile page's cost is capped: at most {@value #MAX_CSS_CHARS} characters of style blocks and {@value
 * #MAX_SELECTORS} selectors.
 */
final class PageStyles {

    static final int MAX_CSS_CHARS = 256 * 1024;
    static final int MAX_SELECTORS = 2_000;

    private final IdentityHashMap<Element, Map<String, String>> fromSheets = new IdentityHashMap<>();

    private PageStyles() {}

    static PageStyles of(Document doc) {
        PageStyles styles = new PageStyles();
        StringBuilder css = new StringBuilder();
        for (Element style : doc.select("style")) {
            if (css.length() + style.data().length() > MAX_CSS_CHARS) {
                break;
            }
            css.append(style.data()).append('\n');
        }
        int applied = 0;
        for (Rule rule : rules(css.toString())) {
            for (String selector : splitTopLevel(rule.selectors(), ',')) {
                if (++applied > MAX_SELECTORS) {
                    return styles;
                }
                Evaluator evaluator;
                try {
                    evaluator = Selector.evaluatorOf(selector.strip());
                } catch (RuntimeException notForJsoup) {
                    continue;
                }
                for (Element e : Selector.select(evaluator, doc)) {
                    styles.fromSheets
                            .computeIfAbsent(e, k -> new LinkedHashMap<>())
                            .putAll(rule.declarations());
                }
            }
        }
        return styles;
    }

    /** What the page declares for {@code e}: property (lower case) to value (lower case, {@code !important} dropped). */
    Map<String, String> declared(Element e) {
        Map<String, String> out = new LinkedHashMap<>();
        if (e.nameIs("font") && e.hasAttr("color")) {
            out.put("color", e.attr("color").strip().toLowerCase(Locale.ROOT));
        }
        if (e.hasAttr("bgcolor")) {
            out.put("background-color", e.attr("bgcolor").strip().toLowerCase(Locale.ROOT));
        }
        Map<String, String> sheets = fromSheets.get(e);
        if (sheets != null) {
            out.putAll(sheets);
        }
        if (e.hasAttr("style")) {
            out.putAll(declarations(e.attr("style")));
        }
        return out;
    }

    record Rule(String selectors, Map<String, String> declarations) {}

    /** The style rules of {@code css}, comments removed, at-rule blocks skipped. */
    static List<Rule> rules(String css) {
        String text = withoutComments(css);
        List<Rule> rules = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                break;
            }
            String prelude = text.substring(i, open).strip();
            int close = matchingBrace(text, open);
            if (prelude.startsWith("@")) {
                int semicolon = prelude.lastIndexOf(';'); // "@import url(x); div" — the rule after the statement
                if (semicolon < 0) {
                    i = close + 1;
                    continue;
                }
                prelude = prelude.substring(semicolon + 1).strip();
            }
            if (!prelude.isEmpty()) {
                rules.add(new Rule(prelude, declarations(text.substring(open + 1, Math.min(close, text.length())))));
            }
            i = close + 1;
        }
        return rules;
    }

    /** {@code a: b; c: d} as a map, names and values in lower case, {@code !important} dropped. */
    static Map<String, String> declarations(String block) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String declaration : splitTopLevel(block, ';')) {
            int colon = declaration.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (value.endsWith("!important")) {
                value = value.substring(0, value.length() - "!important".length())
                        .strip();
            }
            if (!name.isEmpty() && !value.isEmpty()) {
                out.put(name, value);
            }
        }
        return out;
    }

    private static String withoutComments(String css) {
        StringBuilder out = new StringBuilder(css.length());
        int i = 0;
        while (i < css.length()) {
            int start = css.indexOf("/*", i);
            if (start < 0) {
                out.append(css, i, css.length());
                break;
            }
            out.append(css, i, start);
            int end = css.indexOf("*/", start + 2);
            i = end < 0 ? css.length() : end + 2;
        }
        return out.toString();
    }

    /** The index of the brace closing the one at {@code open}, or the text's length when it is never closed. */
    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    /** {@code text} split at {@code separator} outside parentheses, brackets and quotes. */
    static List<String> splitTopLevel(String text, char separator) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == separator && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
