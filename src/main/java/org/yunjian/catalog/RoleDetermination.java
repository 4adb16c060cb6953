package org.yunjian.catalog;

import java.util.List;
import java.util.Set;

/**
 * A row of a T/CCIA 004-2024 Annex A table: what an actor does and which role that makes it.
 *
 * @param actor    the example organisation, e.g. {@code A 组织}
 * @param roleTerm the role as printed, e.g. {@code 云服务提供者（联合）}
 * @param joint    the role is held jointly with another provider
 */
public record RoleDetermination(
        String actor, List<Behaviour> behaviours, String roleTerm, Set<PartyRole> roles, boolean joint) {

    public RoleDetermination {
        behaviours = List.copyOf(behaviours);
        roles = Set.copyOf(roles);
    }

    /** One behaviour, e.g. number 2, name 选择云计算平台软件, text 决定选用 B 组织的云计算平台软件。 */
    public record Behaviour(Integer number, String name, String text) {}
}
