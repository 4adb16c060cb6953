package org.yunjian.migration;

/** How a data migration check compares the source and the migrated data. */
public enum MigrationCheckMethod {
    RECORD_COUNT,
    HASH,
    SAMPLE
}
