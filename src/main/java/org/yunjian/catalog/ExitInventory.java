package org.yunjian.catalog;

import java.util.List;

/**
 * One part of an exit hand-over inventory as a standard prescribes it (GB/T 31167-2014 9.2,
 * JR/T 8.1.3): the category, the fields each entry must state, and the kinds of content it covers.
 */
public record ExitInventory(Category category, List<Field> fields, List<String> contents) {

    public ExitInventory {
        fields = List.copyOf(fields);
        contents = List.copyOf(contents);
    }

    public enum Category {
        DATA_FILES,
        PROGRAM_CODE,
        OTHER_DATA,
        DOCUMENTS
    }

    /**
     * @param key    stable key for code, e.g. {@code checksum}
     * @param name   the standard's term, e.g. 校验值
     * @param values the allowed values where the standard enumerates them (类型: 敏感 / 公开)
     */
    public record Field(String key, String name, String nameEn, List<String> values) {
        public Field {
            values = List.copyOf(values);
        }
    }
}
