package org.yunjian.catalog.api;

import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.PageRequest;

/**
 * The filter and paging parameters the requirement lists share ({@code GET /api/catalog/requirements} and
 * {@code /api/catalog/search}), bound once from the query string and read once: Spring binds the record from the
 * request's parameters, springdoc lists each component as a query parameter of its own ({@code @ParameterObject}).
 * The raw strings are kept so that a bad value is a 400 naming its parameter, not a binding error.
 */
record RequirementListParams(String standard, String kind, String phase, String role, String layer,
                             String deploymentModel, String page, String size) {

    /**
     * The requirement filter; refused (400 naming each field) with any error already in {@code errors} (the query
     * text's) when a filter value is unknown.
     */
    RequirementFilter filter(Catalog catalog, FieldErrors errors) {
        RequirementFilter filter = FilterParams.parse(catalog, standard, kind, phase, role, layer, deploymentModel,
                errors);
        errors.throwIfAny();
        return filter;
    }

    /** The page asked for: a page or size out of range is a 400 naming it. */
    PageRequest pageRequest() {
        return PageRequest.of(page, size);
    }
}
