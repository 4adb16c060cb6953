package org.yunjian.catalog.web;

import java.util.Map;

/**
 * The label (message key) the catalog list's forms show for each field: a refused filter's or import's errors name
 * their field by it ({@code templates/web/field-errors.html}, {@link org.yunjian.shared.FieldLabel}).
 */
final class FieldLabels {

    /** The list's filter form. */
    static final Map<String, String> FILTER = Map.of(
            "q", "catalog.search",
            "standard", "catalog.filter.standard",
            "phase", "catalog.filter.phase",
            "role", "catalog.filter.role",
            "layer", "catalog.filter.layer",
            "deploymentModel", "catalog.filter.deploymentModel");

    /** The import form. */
    static final Map<String, String> IMPORT = Map.of(
            "file", "catalog.import.file",
            "code", "catalog.import.code");

    private FieldLabels() {}
}
