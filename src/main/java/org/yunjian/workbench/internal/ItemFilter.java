package org.yunjian.workbench.internal;

import static org.yunjian.shared.FieldValues.nullIfBlank;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.yunjian.assessment.ItemSide;
import org.yunjian.assessment.Records;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.paging.ListFilters;
import org.yunjian.shared.paging.PageRequest;

/**
 * What the item list, the item page's previous / next and table mode are filtered by: 安全层面 and 控制点 (their
 * stored values), side, verdict ({@code NONE} = 未测评) and a text searched in the number, requirement id, requirement
 * text, layer and control point. Carried in the query string, so it survives paging and moving between items.
 */
public record ItemFilter(String layer, String controlPoint, ItemSide side, String verdict, String q) {

    public static final ItemFilter NONE = new ItemFilter(null, null, null, null, null);

    public ItemFilter {
        layer = nullIfBlank(layer);
        controlPoint = nullIfBlank(controlPoint);
        verdict = nullIfBlank(verdict);
        q = q == null || q.isBlank() ? null : q.strip();
    }

    /**
     * The filter and page of a REST list from the raw parameters: {@code side} one of {@link ItemSide}, {@code
     * verdict} one of {@link org.yunjian.assessment.Verdict} or {@code NONE}, {@code q} at most 200 characters; a bad
     * value is a 400 naming it, then a bad {@code page} or {@code size}.
     */
    public static Query query(
            String layer, String controlPoint, String side, String verdict, String q, String page, String size) {
        FieldErrors errors = new FieldErrors();
        String text = ListFilters.text(errors, "q", q);
        ItemSide s = ListFilters.choice(errors, "side", side, ItemSide.class);
        String v = null;
        if (verdict != null && !verdict.isBlank()) {
            v = verdict.strip().toUpperCase(Locale.ROOT);
            if (!v.equals("NONE")) {
                v = Optional.ofNullable(ListFilters.choice(errors, "verdict", v, org.yunjian.assessment.Verdict.class))
                        .map(Enum::name)
                        .orElse(null);
            }
        }
        errors.throwIfAny();
        return new Query(new ItemFilter(layer, controlPoint, s, v, text), PageRequest.of(page, size));
    }

    /** A filter with its page. */
    public record Query(ItemFilter filter, PageRequest page) {}

    public boolean isEmpty() {
        return layer == null && controlPoint == null && side == null && verdict == null && q == null;
    }

    /** Whether the row passes; {@code labels} are the texts the reader sees (number, id, text, layer, point). */
    boolean matches(Records.TestItem i, String... labels) {
        if (layer != null && !layer.equals(i.layer())) {
            return false;
        }
        if (controlPoint != null && !controlPoint.equals(i.controlPoint())) {
            return false;
        }
        if (side != null && side != i.side()) {
            return false;
        }
        if (verdict != null
                && !(verdict.equals("NONE")
                        ? i.verdict() == null
                        : i.verdict() != null && i.verdict().name().equals(verdict))) {
            return false;
        }
        return ListFilters.contains(q, i.requirementId()) || ListFilters.contains(q, labels);
    }

    /** The filter as query parameters ({@code layer=…&side=…}), empty if none; each value URL-encoded. */
    public String params() {
        StringBuilder b = new StringBuilder();
        add(b, "layer", layer);
        add(b, "controlPoint", controlPoint);
        add(b, "side", side == null ? null : side.name());
        add(b, "verdict", verdict);
        add(b, "q", q);
        return b.toString();
    }

    /** The filter as the parameters a {@link org.yunjian.shared.paging.Pager} keeps (null = not set). */
    public java.util.Map<String, Object> filters() {
        java.util.Map<String, Object> filters = new java.util.LinkedHashMap<>();
        filters.put("layer", layer);
        filters.put("controlPoint", controlPoint);
        filters.put("side", side);
        filters.put("verdict", verdict);
        filters.put("q", q);
        return filters;
    }

    /** {@link #params()} as a query string to append to a path: {@code ?…} or empty. */
    public String query() {
        String p = params();
        return p.isEmpty() ? "" : "?" + p;
    }

    /** The filter from {@link #params()} (as carried in a form's hidden field); unknown parts are ignored. */
    public static ItemFilter parse(String params) {
        java.util.Map<String, String> v = new java.util.HashMap<>();
        if (params != null) {
            for (String part : params.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    try {
                        v.put(
                                part.substring(0, eq),
                                java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        // a malformed part is left out, as an unknown one
                    }
                }
            }
        }
        ItemSide side = null;
        try {
            side = v.get("side") == null ? null : ItemSide.valueOf(v.get("side"));
        } catch (IllegalArgumentException e) {
            side = null;
        }
        return new ItemFilter(v.get("layer"), v.get("controlPoint"), side, v.get("verdict"), v.get("q"));
    }

    private static void add(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(b.isEmpty() ? "" : "&")
                    .append(name)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
