package org.yunjian.catalog;

import java.util.List;
import java.util.Set;

/**
 * One of the catalogued standards.
 *
 * @param code        prefix of its requirement ids, e.g. {@code MLPS-L3}
 * @param title       title as in the source text
 * @param designation the standard's number and scope, e.g. {@code GB/T 31167-2014 §9}
 * @param sourceFile  the working copy the catalog is transcribed from, under {@code docs/standards/}
 * @param phaseTerms  the standard's own lifecycle terms and the normalised phases they map to
 * @param roleTerms   the standard's own role terms and the roles they map to
 */
public record Standard(
        String code,
        String title,
        String titleEn,
        String designation,
        String sourceFile,
        List<PhaseTerm> phaseTerms,
        List<RoleTerm> roleTerms,
        String notes) {

    public Standard {
        phaseTerms = List.copyOf(phaseTerms);
        roleTerms = List.copyOf(roleTerms);
    }

    public record PhaseTerm(String term, Set<Phase> phases) {
        public PhaseTerm {
            phases = Set.copyOf(phases);
        }
    }

    public record RoleTerm(String term, Set<PartyRole> roles) {
        public RoleTerm {
            roles = Set.copyOf(roles);
        }
    }
}
