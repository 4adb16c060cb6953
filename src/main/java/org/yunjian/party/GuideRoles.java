package org.yunjian.party;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.yunjian.catalog.PartyRole;

/**
 * The one mapping between the roles the standards name and who holds them on a cloud system, used by the lifecycle
 * plan's assignment, the responsibility matrix's views and the assessment's choice of assessor alike (issue 36 L-1,
 * L-2).
 * <ul>
 * <li>The customer and the provider are the same parties in every text: the guides' 云服务客户 / 云服务商, JR/T's
 * 委托方 / 受托方 (JR/T 3.6 "使用云服务的证券期货机构。") and T/CCIA 004-2024's 客户 / 云服务提供者.</li>
 * <li>T/CCIA's partners act for the provider (T/CCIA 004-2024 3.5 云服务合作者:
 * "支撑或协助云服务提供者对云计算平台行使决策和控制权的活动参与方。包括软件提供者、硬件提供者、运维服务提供者、安全服务提供者。").</li>
 * <li>The government-website guide's agents act for the customer (3.4 云服务代理商:
 * "负责支撑或协助云服务客户和其他云服务提供者之间进行协商的参与方。" "注：包括网站开发商、系统集成商、安全服务商等。") and its
 * assessor is independent of both (3.6 第三方评估机构: "独立于云计算服务相关方的专业评估机构。"): neither is a T/CCIA role, so
 * a responsibility matrix never says who holds them.</li>
 * </ul>
 * Hence: a T/CCIA role is held by the matrix's participants where the system has a matrix (the matrix may have decided
 * roles with the Annex A assistant), else by the organisations registered on the system in it; a role T/CCIA does not
 * have (the agents, the third-party assessor) is always held by the organisations registered on the system in it — as
 * its agents or as participants of its engagements — matrix or not.
 */
public final class GuideRoles {

    private GuideRoles() {}

    /** Whether T/CCIA 004-2024 has the role (customer, provider, the four partners), so that a matrix may assign it. */
    public static boolean inTccia(PartyRole role) {
        return !role.isAgent() && role != PartyRole.THIRD_PARTY_ASSESSOR;
    }

    /** The T/CCIA roles, in declaration order (what a matrix participant may hold). */
    public static List<PartyRole> tcciaRoles() {
        return java.util.Arrays.stream(PartyRole.values())
                .filter(GuideRoles::inTccia)
                .toList();
    }

    /**
     * Who holds each role on a system.
     *
     * @param registered every organisation registered on the system (customer, provider, agents, engagement
     *                   participants) with the roles it is registered in ({@link Parties#registeredRoles})
     * @param matrix     the participants of the system's current responsibility matrix with their T/CCIA roles, or
     *                   null when the system has no matrix
     * @return each held role with its holders, in registration (or matrix) order
     */
    public static Map<PartyRole, List<UUID>> holders(
            Map<UUID, Set<PartyRole>> registered, Map<UUID, Set<PartyRole>> matrix) {
        Map<PartyRole, List<UUID>> out = new EnumMap<>(PartyRole.class);
        if (matrix != null) {
            matrix.forEach(
                    (org, roles) -> roles.stream().filter(GuideRoles::inTccia).forEach(r -> add(out, r, org)));
        }
        registered.forEach((org, roles) ->
                roles.stream().filter(r -> matrix == null || !inTccia(r)).forEach(r -> add(out, r, org)));
        return out;
    }

    /**
     * The organisations registered on a system in a role T/CCIA does not have (an agent, the third-party assessor):
     * whom the assessment offers and accepts as the system's third-party assessor, as the plan gives it the assessor's
     * duties.
     *
     * @throws IllegalArgumentException for a T/CCIA role, whose holders a matrix may decide
     */
    public static List<UUID> registeredHolders(Map<UUID, Set<PartyRole>> registered, PartyRole role) {
        if (inTccia(role)) {
            throw new IllegalArgumentException(role.name());
        }
        return holders(registered, null).getOrDefault(role, List.of());
    }

    /** Whether the holders of {@code role} come from the matrix (a T/CCIA role on a system that has one). */
    public static boolean fromMatrix(PartyRole role, boolean hasMatrix) {
        return hasMatrix && inTccia(role);
    }

    private static void add(Map<PartyRole, List<UUID>> m, PartyRole r, UUID org) {
        List<UUID> l = m.computeIfAbsent(r, k -> new ArrayList<>());
        if (!l.contains(org)) {
            l.add(org);
        }
    }
}
