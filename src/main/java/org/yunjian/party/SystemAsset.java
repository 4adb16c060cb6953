package org.yunjian.party;

import java.util.List;
import java.util.UUID;

/**
 * One 测评对象 of a cloud system: an asset the assessment covers (a server, a database, the cloud management
 * platform …) with its version and 重要程度, in the order the system's list keeps them.
 *
 * @param version the product or software version, or null if not recorded
 * @param note    an optional remark (deployment, quantity …), or null
 */
public record SystemAsset(
        UUID id, AssetType type, String name, String version, AssetImportance importance, String note) {

    /** An asset as a client sends it: every value as text, checked by the party module (field errors, 400). */
    public record Input(String type, String name, String version, String importance, String note) {

        /** The stored asset as input again (to keep it unchanged in a list being replaced). */
        public static Input of(SystemAsset a) {
            return new Input(
                    a.type().name(), a.name(), a.version(), a.importance().name(), a.note());
        }
    }

    /** A system's 测评对象 list as stored, with the list's version (each change increments it). */
    public record Inventory(UUID systemId, long version, List<SystemAsset> assets) {
        public Inventory {
            assets = List.copyOf(assets);
        }
    }
}
