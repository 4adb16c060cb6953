package org.yunjian.catalog.rest;

import io.swagger.v3.oas.annotations.Parameter;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.paging.PageRequest;

/**
 * The filter and paging parameters the requirement lists share ({@code GET /api/catalog/requirements} and
 * {@code /api/catalog/search}), bound once from the query string and read once: Spring binds the record from the
 * request's parameters, springdoc lists each component as a query parameter of its own ({@code @ParameterObject}).
 * The raw strings are kept so that a bad value is a 400 naming its parameter, not a binding error; an unknown
 * filter value's 400 lists the valid ones.
 */
record RequirementListParams(
        @Parameter(
                description =
                        "Standard code, e.g. MLPS-L3 or TCCIA004 (GET /api/catalog/standards lists them); none: all standards")
        String standard,

        @Parameter(description = "Requirement kind: SECTION, CONTROL_POINT or ITEM; none: all kinds")
        String kind,

        @Parameter(
                description =
                        "Lifecycle phase the requirement applies to: PLANNING, ACQUISITION_MIGRATION, OPERATION or EXIT")
        String phase,

        @Parameter(
                description =
                        "Cloud role the requirement names, e.g. CUSTOMER, PROVIDER or THIRD_PARTY_ASSESSOR (any PartyRole name)")
        String role,

        @Parameter(description = "Layer: MANAGEMENT, INFRASTRUCTURE, PLATFORM or SERVICE")
        String layer,

        @Parameter(description = "Deployment model the requirement applies to: PRIVATE, COMMUNITY or PUBLIC")
        String deploymentModel,

        @Parameter(description = "Page number, from 1 (default 1)")
        String page,

        @Parameter(description = "Rows per page, 1 to 200 (default 50)")
        String size) {

    /**
     * The requirement filter; refused (400 naming each field) with any error already in {@code errors} (the query
     * text's) when a filter value is unknown.
     */
    RequirementFilter filter(Catalog catalog, FieldErrors errors) {
        RequirementFilter filter =
                FilterParams.parse(catalog, standard, kind, phase, role, layer, deploymentModel, errors);
        errors.throwIfAny();
        return filter;
    }

    /** The page asked for: a page or size out of range is a 400 naming it. */
    PageRequest pageRequest() {
        return PageRequest.of(page, size);
    }
}
