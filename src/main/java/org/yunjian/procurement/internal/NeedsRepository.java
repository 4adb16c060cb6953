package org.yunjian.procurement.internal;

import static org.yunjian.shared.Jdbc.instant;
import static org.yunjian.shared.Jdbc.utc;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.catalog.RequirementId;
import org.yunjian.procurement.MigrationDecision;
import org.yunjian.procurement.NeedsAnalysis;
import org.yunjian.shared.version.VersionedRow;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Portable SQL for a system's needs analysis: one row, the inventory as a JSON array. */
@Repository
class NeedsRepository {

    private static final TypeReference<List<NeedsAnalysis.InventoryItem>> ITEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    NeedsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NeedsAnalysis> find(UUID systemId) {
        return jdbc.sql("""
                SELECT * FROM lifecycle_needs_analysis WHERE system_id = ?""")
                .param(systemId)
                .query((rs, n) -> new NeedsAnalysis(
                        json.readValue(rs.getString("inventory"), ITEMS),
                        MigrationDecision.valueOf(rs.getString("decision")),
                        rs.getString("reasons"),
                        rs.getString("compute_needs"),
                        rs.getString("storage_needs"),
                        rs.getString("bandwidth_needs"),
                        rs.getString("availability"),
                        rs.getString("security_needs"),
                        duties(rs.getString("cited_duties")),
                        rs.getString("updated_by"),
                        instant(rs, "updated_at"),
                        rs.getLong("version")))
                .optional();
    }

    /**
     * Stores the analysis over version {@code expected} of the stored one ({@code 0}: none stored yet, so it is
     * inserted at version 1); a stale-version conflict naming when it was changed if the stored one moved on.
     */
    void save(UUID systemId, NeedsAnalysis a, long expected) {
        ROW.save(
                jdbc,
                COLUMNS,
                new Object[] {
                    json.writeValueAsString(a.inventory()),
                    a.decision().name(),
                    a.reasons(),
                    a.compute(),
                    a.storage(),
                    a.bandwidth(),
                    a.availability(),
                    a.security(),
                    String.join(
                            " ",
                            a.citedDuties().stream().map(RequirementId::value).toList()),
                    a.updatedBy(),
                    utc(a.updatedAt())
                },
                new Object[] {systemId},
                expected);
    }

    private static final VersionedRow ROW = new VersionedRow("lifecycle_needs_analysis", "updated_at", "system_id");
    private static final List<String> COLUMNS = List.of(
            "inventory",
            "decision",
            "reasons",
            "compute_needs",
            "storage_needs",
            "bandwidth_needs",
            "availability",
            "security_needs",
            "cited_duties",
            "updated_by",
            "updated_at");

    private static List<RequirementId> duties(String stored) {
        return stored == null || stored.isBlank()
                ? List.of()
                : Arrays.stream(stored.split(" ")).map(RequirementId::of).toList();
    }
}
