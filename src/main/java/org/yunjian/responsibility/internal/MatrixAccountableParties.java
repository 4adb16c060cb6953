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
    private final MatrixRepository repo;
    private final org.yunjian.responsibility.Duties duties;

    MatrixAccountableParties(
            ResponsibilityService service,
            Catalog catalog,
            MatrixRepository repo,
            org.yunjian.responsibility.Duties duties) {
        this.service = service;
        this.catalog = catalog;
        this.repo = repo;
        this.duties = duties;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public Set<UUID> approvedAccountableForPlatformWork(UUID systemId, Collection<RequirementId> wanted) {
        Set<UUID> orgs = new java.util.LinkedHashSet<>();
        approved(systemId)
                .ifPresent(matrix -> wanted.forEach(duty -> matrix.row(duty)
                        .filter(org.yunjian.responsibility.MatrixRow::applicable)
                        .ifPresent(row -> row.assignments().stream()
                                .map(Assignment::accountable)
                                .forEach(a -> orgs.add(a.organisation())))));
        return orgs;
    }

    /** The newest approved version's matrix, whole (no caller: the platform's own reading). */
    private Optional<ResponsibilityMatrix> approved(UUID systemId) {
        return repo.findBySystem(systemId).flatMap(info -> {
            for (int v = info.currentVersion(); v >= 1; v--) {
                Optional<MatrixRepository.VersionRow> row = repo.version(info.id(), v);
                if (row.isPresent() && row.get().status() == org.yunjian.responsibility.VersionStatus.APPROVED) {
                    return Optional.of(MatrixDocument.read(row.get().document()).matrix(systemId, duties));
                }
            }
            return Optional.empty();
        });
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
