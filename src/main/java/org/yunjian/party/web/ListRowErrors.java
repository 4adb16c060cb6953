package org.yunjian.party.web;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yunjian.shared.Texts;

/**
 * Field errors of a list field ({@code agents[1].role}, {@code regions[0]}) placed where a person looks for them.
 * A form leaves its blank rows out of what it sends, so the service's item {@code k} is the form's {@code k}-th
 * non-blank row: {@link #forRow} finds the errors of one form row, to show next to it without the field path.
 */
final class ListRowErrors {

    private static final Pattern ITEM = Pattern.compile("^[A-Za-z]+\\[(\\d+)](?:\\..*)?$");

    private ListRowErrors() {}

    /** The messages of form row {@code row} of list {@code field}; {@code blank} tells which rows were left out. */
    static List<String> forRow(Map<String, String> errors, String field, IntPredicate blank, int row) {
        if (errors == null || blank.test(row)) {
            return List.of();
        }
        int sent = 0;
        for (int i = 0; i < row; i++) {
            if (!blank.test(i)) {
                sent++;
            }
        }
        String item = field + "[" + sent + "]";
        return errors.entrySet().stream()
                .filter(e -> e.getKey().equals(item) || e.getKey().startsWith(item + "."))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The messages of every item of {@code field}, each with its position for people: "第 2 项：…". */
    static List<String> numbered(Map<String, String> errors, String field) {
        return errors.entrySet().stream()
                .filter(e -> e.getKey().startsWith(field + "["))
                .map(e -> {
                    Matcher m = ITEM.matcher(e.getKey());
                    return m.matches()
                            ? Texts.get("party.error.listItem", Integer.parseInt(m.group(1)) + 1, e.getValue())
                            : e.getValue();
                })
                .toList();
    }
}
