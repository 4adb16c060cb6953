package org.yunjian.assessment;

import java.util.List;
import org.yunjian.shared.Msg;

/** Scope selections ({@code MLPS-L3}, {@code GOVWEB:PLANNING}, …) by their names for people. */
public final class Scopes {

    private Scopes() {}

    /** {@code assessment.scope.<selection with ':' as '.'>}. */
    public static Msg name(String selection) {
        if (selection.startsWith(ItemGenerator.IMPORTED)) { // an imported catalog, by its code
            return Msg.of("catalog.scope.imported", selection.substring(ItemGenerator.IMPORTED.length()));
        }
        return Msg.of("assessment.scope." + selection.replace(':', '.'));
    }

    /** Several names as one message, joined in the reader's language. */
    public static Msg names(List<String> selections) {
        return join(selections.stream().map(Scopes::name).toList());
    }

    /** Messages joined as one ({@code assessment.join}: "{0}、{1}" / "{0}, {1}"); empty list → "—". */
    public static Msg join(List<Msg> parts) {
        if (parts.isEmpty()) {
            return Msg.of("assessment.none");
        }
        Msg out = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            out = Msg.of("assessment.join", out, parts.get(i));
        }
        return out;
    }
}
