package org.yunjian.catalog;

import java.util.Set;

/**
 * A typical security incident of T/CCIA 004-2024 Annex B and the roles liable for it.
 *
 * @param category      the category as printed, e.g. {@code 基础设施层 -物理设备安全}
 * @param relatedClause the body clause whose duties the incident breaches, e.g. {@code 7.1.2}
 */
public record Incident(String category, Set<CloudRole> liableRoles, String relatedClause) {

    public Incident {
        liableRoles = Set.copyOf(liableRoles);
    }
}
