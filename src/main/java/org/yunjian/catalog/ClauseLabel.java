package org.yunjian.catalog;

import org.yunjian.shared.Msg;

/**
 * How a catalog item's place in its standard is labelled, the one rule every page, document, REST answer and CLI
 * line uses:
 * <ul>
 *     <li>a marker the standard prints stays as printed: {@code 6.2.1 a)}, {@code 5 a) 1)}, GB/T 31167's
 *     {@code 9.1 1.} (the catalog's item {@code a}), {@code 8.2.2 b) 1) a)};</li>
 *     <li>a paragraph the catalog numbered because the standard prints no marker is "第N段" / "¶N"
 *     ({@code 6.1 第1段}, {@code 7.3 第1段}); an unmarked bullet below it or below a printed item is "第N项" /
 *     "bullet N" ({@code 6.3.3 第3段 第2项}, {@code 6.6 c) 4) 第1项});</li>
 *     <li>a duty the catalog drew from a section's lead-in is "引导语" / "lead-in" ({@code 9.3.5 引导语});</li>
 *     <li>a section or control point is its clause number.</li>
 * </ul>
 * Where a label may be read next to another standard's clauses (gates, the contract checklist) {@link #cited}
 * prefixes the standard's short name ({@code GB/T 31167 9.1 1.}). Words come from the catalog bundles.
 */
public final class ClauseLabel {

    private static final String GBT31167 = "GBT31167";

    private ClauseLabel() {}

    /** The label in the reader's language, e.g. {@code 6.1 第1段} / {@code 6.1 ¶1}. */
    public static Msg of(Requirement r) {
        Msg out = Msg.of("catalog.label.clause", r.clause());
        if (r.item() == null) {
            return out;
        }
        String[] parts = r.item().split("-");
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            out = Msg.of(
                    "catalog.label.item", out, last ? own(r, parts[i], i) : ancestor(r.standardCode(), parts[i], i));
        }
        return out;
    }

    /** The label rendered for the current reader. */
    public static String text(Requirement r) {
        return of(r).text();
    }

    /** The label after the standard's short name, for lines read next to other standards' clauses. */
    public static Msg cited(Requirement r) {
        return Msg.of("catalog.label.cited", Msg.of("catalog.standard.short." + r.standardCode()), of(r));
    }

    private static Object own(Requirement r, String part, int depth) {
        if (r.derivedFromLeadIn()) {
            return Msg.of("catalog.label.leadIn");
        }
        if (r.sourceLabel() != null && !r.sourceLabel().isBlank()) {
            return r.sourceLabel();
        }
        return unmarked(part, depth);
    }

    /**
     * The marker an ancestor item prints, from its segment: every standard prints letters as {@code a)} except
     * GB/T 31167, whose catalog letters stand for the printed {@code 1.}, {@code 2.}; a number directly below the
     * clause is an unmarked paragraph, a deeper number is printed {@code 4)} (T/CCIA) — JR/T prints no marker at any
     * depth. ClauseLabelTest checks this against every ancestor's own printed marker in the five catalogs.
     */
    private static Object ancestor(String standard, String part, int depth) {
        if (part.chars().allMatch(Character::isLetter)) {
            return GBT31167.equals(standard) ? (part.charAt(0) - 'a' + 1) + "." : part + ")";
        }
        if (depth == 0 || standard.equals("JRT-SF")) {
            return unmarked(part, depth);
        }
        return part + ")";
    }

    private static Msg unmarked(String part, int depth) {
        return Msg.of(depth == 0 ? "catalog.label.paragraph" : "catalog.label.bullet", part);
    }
}
