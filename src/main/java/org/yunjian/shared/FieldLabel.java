package org.yunjian.shared;

import java.util.Map;

/**
 * Which label a field error names. A page's controller gives its forms' labels as a map of field name → the message
 * key of the label the form shows for it ("" for a field refused otherwise than by a field error, e.g. a confirmation
 * with its own alert); a refused form's errors head the page (fragment {@code web/field-errors}), far from the form,
 * and each names its field by that label.
 */
public final class FieldLabel {

    private FieldLabel() {}

    /**
     * {@code message}, the error of {@code field}, naming the field's label ({@code web.labelledValue}: 名称：必填。) and,
     * given a {@code section} text, first the form's section ({@code web.fieldError.inSection}: 登记合同协议 · 名称：必填。);
     * a field without a label keeps its message alone (after the section).
     */
    public static String named(Map<String, String> labels, String section, String field, String message) {
        String key = keyOf(labels, field);
        String named = key == null ? message : Texts.get("web.labelledValue", Texts.get(key), message);
        return section == null ? named : Texts.get("web.fieldError.inSection", section, named);
    }

    /**
     * The label key of {@code field}: its own entry, else that of its last name without indices (the error of
     * {@code assignments[0].chain[1].clause} is about the form's {@code clause}, that of {@code clauses[2]} about
     * {@code clauses}); null when {@code labels} has neither.
     */
    public static String keyOf(Map<String, String> labels, String field) {
        if (labels == null || field == null) {
            return null;
        }
        String key = labels.get(field);
        if (key == null) {
            key = labels.get(field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", ""));
        }
        return key == null || key.isEmpty() ? null : key;
    }
}
