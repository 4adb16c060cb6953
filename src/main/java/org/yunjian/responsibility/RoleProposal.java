package org.yunjian.responsibility;

import java.util.List;
import java.util.Objects;
import org.yunjian.catalog.PartyRole;
import org.yunjian.catalog.RequirementId;

/**
 * A role the {@link RoleAssistant} proposes for an organisation, with the Annex A rows that support it (most
 * behaviours in common first).
 *
 * @param joint   the organisation is one of several cloud service providers (A.2, A.3: 云服务提供者（联合）)
 * @param support the Annex A rows ({@code TCCIA004-A.1-1} …) that make this role out of the same behaviours
 */
public record RoleProposal(PartyRole role, boolean joint, List<RequirementId> support) {

    public RoleProposal {
        Objects.requireNonNull(role, "role");
        support = List.copyOf(support);
    }
}
