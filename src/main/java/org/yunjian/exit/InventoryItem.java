package org.yunjian.exit;

/**
 * A non-file item of the hand-over inventory (GB/T 31167 9.2): program code, other data, documents, and
 * for encrypted data the decryption method and key custody, for proprietary formats the conversion tool.
 *
 * @param category    what kind of item
 * @param name        short name, e.g. the repository, the key's custodian, the tool
 * @param description free text: what it is, where it is, who holds it
 * @param sensitivity 敏感 or 公开
 * @param covers      optional path glob of the files the item concerns (e.g. the encrypted files)
 */
public record InventoryItem(Category category, String name, String description, Sensitivity sensitivity, String covers)
        implements ManifestEntry {

    public InventoryItem {
        if (category == null) {
            throw new InvalidInputException("exit.item.noCategory");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("exit.item.noName");
        }
        if (sensitivity == null) {
            throw new InvalidInputException("exit.item.noSensitivity", name);
        }
    }

    /** The inventory categories besides files. */
    public enum Category {
        PROGRAM_CODE("program-code"),
        OTHER_DATA("other-data"),
        DOCUMENT("document"),
        DECRYPTION_METHOD("decryption-method"),
        KEY_CUSTODY("key-custody"),
        CONVERSION_TOOL("conversion-tool");

        private final String id;

        Category(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Category parse(String s) {
            for (Category c : values()) {
                if (c.id.equals(s)) {
                    return c;
                }
            }
            throw new InvalidInputException("exit.item.unknownCategory", String.valueOf(s));
        }
    }
}
