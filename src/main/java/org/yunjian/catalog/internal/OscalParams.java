package org.yunjian.catalog.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yunjian.catalog.internal.OscalModel.Catalog;
import org.yunjian.catalog.internal.OscalModel.Control;
import org.yunjian.catalog.internal.OscalModel.Group;
import org.yunjian.catalog.internal.OscalModel.Param;

/**
 * Renders OSCAL parameter insertions ({@code {{ insert: param, ac-2_prm_1 }}}) the way NIST prints SP 800-53: a
 * parameter with a value as its value, a selection as {@code [Selection (one or more): a; b]}, any other as
 * {@code [Assignment: organization-defined <label>]} ("organization-defined" added where the label lacks it, as in
 * the rev5 catalogs). Choices may insert further parameters; they render the same way, nested.
 */
final class OscalParams {

    private static final Pattern INSERT =
            Pattern.compile("\\{\\{\\s*insert:\\s*param,\\s*([^\\s}]+)\\s*}}( (?=[;,.:)]))?");
    private static final int MAX_NESTING = 8;

    private final Map<String, Param> byId;

    private OscalParams(Map<String, Param> byId) {
        this.byId = byId;
    }

    /** Every parameter of the catalog (its own, its groups' and controls'); OSCAL ids are unique in a document. */
    static OscalParams of(Catalog c) {
        Map<String, Param> byId = new HashMap<>();
        c.params().forEach(p -> byId.putIfAbsent(p.id(), p));
        collectControls(c.controls(), byId);
        collectGroups(c.groups(), byId);
        return new OscalParams(byId);
    }

    private static void collectGroups(List<Group> groups, Map<String, Param> byId) {
        for (Group g : groups) {
            g.params().forEach(p -> byId.putIfAbsent(p.id(), p));
            collectControls(g.controls(), byId);
            collectGroups(g.groups(), byId);
        }
    }

    private static void collectControls(List<Control> controls, Map<String, Param> byId) {
        for (Control k : controls) {
            k.params().forEach(p -> byId.putIfAbsent(p.id(), p));
            collectControls(k.controls(), byId);
        }
    }

    /** {@code text} with every insertion rendered; null stays null; an unknown parameter keeps its insertion. */
    String render(String text) {
        return render(text, 0);
    }

    private String render(String text, int depth) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher m = INSERT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Param p = byId.get(m.group(1));
            String rendered = p == null || depth >= MAX_NESTING ? m.group() : param(p, depth);
            m.appendReplacement(sb, Matcher.quoteReplacement(rendered));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String param(Param p, int depth) {
        if (!p.values().isEmpty()) {
            return String.join(
                    ", ",
                    p.values().stream().map(v -> render(v.strip(), depth + 1)).toList());
        }
        if (p.isSelection()) {
            String how = "one-or-more".equals(p.howMany()) ? "Selection (one or more)" : "Selection";
            return "[" + how + ": "
                    + String.join(
                            "; ",
                            p.choices().stream()
                                    .map(c -> render(c.strip(), depth + 1))
                                    .toList()) + "]";
        }
        String label =
                p.label() == null || p.label().isBlank() ? p.id() : p.label().strip();
        boolean prefixed = label.toLowerCase(Locale.ROOT).startsWith("organization-defined");
        return "[Assignment: " + (prefixed ? label : "organization-defined " + label) + "]";
    }
}
