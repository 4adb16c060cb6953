package org.yunjian.catalog.rest;

import java.util.List;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.Standard;

/**
 * A catalogued standard; {@code nodes}: its requirements of every kind, {@code items}: those that are items,
 * {@code builtIn}: shipped with Yunjian rather than imported — the counts {@code yunjian catalog list} shows.
 */
record StandardDto(
        String code,
        String title,
        String titleEn,
        String designation,
        String sourceFile,
        List<Standard.PhaseTerm> phaseTerms,
        List<Standard.RoleTerm> roleTerms,
        String notes,
        int nodes,
        int items,
        boolean builtIn) {

    static StandardDto of(Standard s, Catalog catalog) {
        return new StandardDto(
                s.code(),
                s.title(),
                s.titleEn(),
                s.designation(),
                s.sourceFile(),
                s.phaseTerms(),
                s.roleTerms(),
                s.notes(),
                catalog.requirements(s.code()).size(),
                catalog.find(RequirementFilter.items().standard(s.code())).size(),
                catalog.isBuiltIn(s.code()));
    }
}
