package org.yunjian.catalog;

import java.util.Set;

/**
 * A typical security incident of T/CCIA 004-2024 Annex B and the roles liable for it.
 *
 * @param category      the category as printed, e.g. {@code 基础设施层 -物理设备安全}
 * @param relatedClause the body clause whose duties the incident breaches, e.g. {@code 7.1.2} — this catalog's
 *                      inference (table B.1 prints no clause), by category unless {@code relatedDuties} says better
 * @param relatedDuties the duties the incident breaks where the category's clause holds none of them (B.1 13: 6.6 c)
 *                      3), 6.5 c) 1)); empty where the clause is enough
 */
public record Incident(
        String category,
        Set<PartyRole> liableRoles,
        String relatedClause,
        java.util.List<RequirementId> relatedDuties) {

    public Incident {
        liableRoles = Set.copyOf(liableRoles);
        relatedDuties = relatedDuties == null ? java.util.List.of() : java.util.List.copyOf(relatedDuties);
    }

    public Incident(String category, Set<PartyRole> liableRoles, String relatedClause) {
        this(category, liableRoles, relatedClause, java.util.List.of());
    }
}
