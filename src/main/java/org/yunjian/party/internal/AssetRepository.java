package org.yunjian.party.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunjian.party.AssetImportance;
import org.yunjian.party.AssetType;
import org.yunjian.party.SystemAsset;
import org.yunjian.shared.version.Versions;

/**
 * A cloud system's 测评对象 list (table {@code cloud_system_asset}, in {@code position} order) and the list's version
 * ({@code cloud_system.assets_version}): every change of the list increments it, apart from the system's own version,
 * so editing the system and editing its assets never conflict.
 */
@Repository
class AssetRepository {

    private final JdbcClient jdbc;

    AssetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The list, or empty when the system does not exist. */
    Optional<SystemAsset.Inventory> find(UUID systemId) {
        return jdbc.sql("""
                SELECT assets_version FROM cloud_system WHERE id = ?""")
                .param(systemId)
                .query(Long.class)
                .optional()
                .map(v -> new SystemAsset.Inventory(
                        systemId,
                        v,
                        jdbc.sql("""
                                SELECT id, asset_type, name, product_version, importance, note FROM cloud_system_asset
                                WHERE system_id = ? ORDER BY position""")
                                .param(systemId)
                                .query((rs, n) -> new SystemAsset(
                                        rs.getObject(1, UUID.class),
                                        AssetType.valueOf(rs.getString(2)),
                                        rs.getString(3),
                                        rs.getString(4),
                                        AssetImportance.valueOf(rs.getString(5)),
                                        rs.getString(6)))
                                .list()));
    }

    /**
     * Replaces the list if it is still at version {@code expected} (else {@link org.yunjian.shared.version.StaleVersionException});
     * the new version.
     */
    long replace(UUID systemId, long expected, List<SystemAsset> assets) {
        int n = jdbc.sql("""
                UPDATE cloud_system SET assets_version = assets_version + 1 WHERE id = ? AND assets_version = ?""").params(systemId, expected).update();
        Versions.requireUpdated(n, jdbc, """
                (SELECT id, assets_version AS version FROM cloud_system) av""", null, systemId);
        jdbc.sql("""
                DELETE FROM cloud_system_asset WHERE system_id = ?""").param(systemId).update();
        int position = 0;
        for (SystemAsset a : assets) {
            jdbc.sql("""
                            INSERT INTO cloud_system_asset (id, system_id, position, asset_type, name, product_version,
                            importance, note) VALUES (?,?,?,?,?,?,?,?)""")
                    .params(
                            a.id(),
                            systemId,
                            position++,
                            a.type().name(),
                            a.name(),
                            a.version(),
                            a.importance().name(),
                            a.note())
                    .update();
        }
        return expected + 1;
    }
}
