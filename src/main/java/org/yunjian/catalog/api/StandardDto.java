package org.yunjian.catalog.api;

import java.util.List;
import org.yunjian.catalog.Standard;

record StandardDto(String code, String title, String titleEn, String designation, String sourceFile,
                   List<Standard.PhaseTerm> phaseTerms, List<Standard.RoleTerm> roleTerms, String notes) {

    static StandardDto of(Standard s) {
        return new StandardDto(s.code(), s.title(), s.titleEn(), s.designation(), s.sourceFile(), s.phaseTerms(),
                s.roleTerms(), s.notes());
    }
}
