package org.yunjian.responsibility;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
import org.yunjian.party.PartyRole;
import org.yunjian.party.ServiceModel;

/**
 * The duties of T/CCIA 004-2024 §6–§9: every item (a), 1), unmarked bullet) of the four layers, in document
 * order, read once from the catalog.
 *
 * <p>Service model: the only place §6–§9 distinguish IaaS, PaaS and SaaS is 9.1 b) 1)–3) ("对于IaaS层云产品…",
 * "对于PaaS层云产品…", "对于SaaS层云产品…"); those three items are restricted to their model. Nothing else in the
 * standard varies the allocation by service model, so nothing else does here.
 */
public final class Duties {

    /** 9.1 b) 1)–3), each applying to one service model only. */
    static final Map<RequirementId, ServiceModel> SERVICE_MODEL_ITEMS = Map.of(
            RequirementId.of("TCCIA004-9.1-b-1"), ServiceModel.IAAS,
            RequirementId.of("TCCIA004-9.1-b-2"), ServiceModel.PAAS,
            RequirementId.of("TCCIA004-9.1-b-3"), ServiceModel.SAAS);

    private final List<Duty> all;
    private final Map<RequirementId, Duty> byId;
    private final Map<String, List<Duty>> byClause;

    private Duties(List<Duty> all) {
        this.all = List.copyOf(all);
        Map<RequirementId, Duty> ids = new LinkedHashMap<>();
        Map<String, List<Duty>> clauses = new LinkedHashMap<>();
        for (Duty d : all) {
            ids.put(d.id(), d);
            clauses.computeIfAbsent(d.clause(), k -> new ArrayList<>()).add(d);
        }
        clauses.replaceAll((k, v) -> List.copyOf(v));
        this.byId = Collections.unmodifiableMap(ids);
        this.byClause = Collections.unmodifiableMap(clauses);
    }

    public static Duties of(Catalog catalog) {
        List<Duty> out = new ArrayList<>();
        for (Requirement r : catalog.find(RequirementFilter.items().standard(RoleAssistant.STANDARD))) {
            if (r.clause() != null && r.clause().matches("[6-9](\\..*)?") && r.layer() != null) {
                Set<PartyRole> roles = r.roles().isEmpty() ? EnumSet.noneOf(PartyRole.class) : CatalogRoles.of(r.roles());
                out.add(new Duty(r.id(), r.parent(), r.clause(), r.layer(), r.phases(), roles,
                        SERVICE_MODEL_ITEMS.get(r.id())));
            }
        }
        return new Duties(out);
    }

    public List<Duty> all() {
        return all;
    }

    public Optional<Duty> get(RequirementId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The duties of one clause ({@code 7.1.2}), in document order; empty for a clause without items. */
    public List<Duty> ofClause(String clause) {
        return byClause.getOrDefault(clause, List.of());
    }
}
