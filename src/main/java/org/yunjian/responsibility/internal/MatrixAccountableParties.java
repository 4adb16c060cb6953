package org.yunjian.responsibility.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Mapping;
import org.yunjian.catalog.RequirementId;
import org.yunjian.responsibility.AccountableParties;
import org.yunjian.responsibility.Assignment;
import org.yunjian.responsibility.ResponsibilityMatrix;

/** {@link AccountableParties} from the current matrix version, through the catalog's cross-references. */
@Component
class MatrixAccountableParties implements AccountableParties {

    private static final String TCCIA = "TCCIA004";

    private final ResponsibilityService service;
    private final Catalog catalog;

    MatrixAccountableParties(ResponsibilityService service, Catalog catalog) {
        this.service = service;
        this.catalog = catalog;
    }

    @Override
    public Optional<Map<String, Set<UUID>>> of(UUID systemId, Collection<String> requirementIds) {
        return service.wholeCurrent(systemId).map(m -> accountable(m, requirementIds));
    }

    private Map<String, Set<UUID>> accountable(ResponsibilityMatrix matrix, Collection<String> requirementIds) {
        Map<String, Set<UUID>> out = new HashMap<>();
        for (String id : requirementIds) {
            RequirementId rid;
            try {
                rid = RequirementId.of(id);
            } catch (IllegalArgumentException e) {
                continue;
            }
            Set<UUID> orgs = new HashSet<>();
            for (Mapping m : catalog.mappings(rid)) {
                RequirementId other = m.other(rid);
                if (other.standardCode().equals(TCCIA)) {
                    matrix.row(other).ifPresent(row -> row.assignments().stream()
                            .map(Assignment::accountable)
                            .forEach(a -> orgs.add(a.organisation())));
                }
            }
            if (!orgs.isEmpty()) {
                out.put(id, orgs);
            }
        }
        return out;
    }
}
