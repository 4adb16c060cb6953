/**
 * Storage: the embedded database and the data directory closed to other local OS users, with the H2 settings that keep
 * every acknowledged commit after {@code kill -9}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Storage",
        allowedDependencies = {"shared"})
package org.yunjian.storage;
