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
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.Requirement;
import org.yunjian.catalog.RequirementFilter;
import org.yunjian.catalog.RequirementId;
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

    /**
     * The clauses whose hardware-provider duties Annex A's behaviours tell apart: table A.1 lists "D 组织	提供物理机房。
     * 硬件提供者" and "E 组织	提供物理服务器。	硬件提供者" — two hardware providers doing different things. 7.1.1 (机房选址与建设安全:
     * "确保机房的选址、设计、供电、消防…") is the machine room's; 7.1.2 (物理设备安全: "按照与云服务提供者的协议约定提供物理设备…") the
     * physical devices'.
     */
    static final Map<String, Behaviour> HARDWARE_BEHAVIOUR_CLAUSES = Map.of(
            "7.1.1", Behaviour.PROVIDE_MACHINE_ROOM,
            "7.1.2", Behaviour.PROVIDE_PHYSICAL_SERVERS);

    /**
     * A bare lead-in: nothing but the role it introduces ("客户应：", "云服务合作者中各角色分工：", "安全服务提供者"), its sub-items
     * being the duties ({@code bare-lead-in} in {@code responsibility/standard-words.properties}).
     */
    static final java.util.regex.Pattern BARE_LEAD_IN =
            java.util.regex.Pattern.compile(StandardWords.get("bare-lead-in"));

    public static Duties of(Catalog catalog) {
        Map<RequirementId, Requirement> items = new LinkedHashMap<>();
        for (Requirement r : catalog.find(RequirementFilter.items().standard(RoleAssistant.STANDARD))) {
            if (r.clause() != null && r.clause().matches("[6-9](\\..*)?") && r.layer() != null) {
                items.put(r.id(), r);
            }
        }
        List<Duty> out = new ArrayList<>();
        for (Requirement r : items.values()) {
            boolean container = r.children().stream().anyMatch(items::containsKey);
            out.add(new Duty(
                    r.id(),
                    r.parent(),
                    r.clause(),
                    r.layer(),
                    r.phases(),
                    roles(r, items),
                    SERVICE_MODEL_ITEMS.get(r.id()),
                    container && BARE_LEAD_IN.matcher(r.text().strip()).matches(),
                    HARDWARE_BEHAVIOUR_CLAUSES.get(r.clause()),
                    condition(r, items)));
        }
        return new Duties(out);
    }

    /**
     * The roles of an item: those the catalog gives it, or for an item with sub-items the union of its sub-items'
     * (C-1: "云服务合作者中各角色分工：" over a software, an O&M and a security item names no hardware provider).
     */
    private static Set<PartyRole> roles(Requirement r, Map<RequirementId, Requirement> items) {
        List<Requirement> children = r.children().stream()
                .map(items::get)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (children.isEmpty()) {
            return PartyRole.ordered(r.roles());
        }
        Set<PartyRole> out = EnumSet.noneOf(PartyRole.class);
        children.forEach(c -> out.addAll(roles(c, items)));
        return out;
    }

    /** The condition of the item or of an item it belongs to. */
    private static ApplicabilityQuestion condition(Requirement r, Map<RequirementId, Requirement> items) {
        for (Requirement at = r; at != null; at = at.parent() == null ? null : items.get(at.parent())) {
            for (ApplicabilityQuestion q : ApplicabilityQuestion.values()) {
                if (q.duty().equals(at.id())) {
                    return q;
                }
            }
        }
        return null;
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
