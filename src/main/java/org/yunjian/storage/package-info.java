/**
 * Storage: the embedded database and the data directory closed to other local OS users (no TCP server, a
 * generated database password kept with the keys, owner-only directories and files checked at start), and the
 * H2 settings that keep every acknowledged commit after {@code kill -9}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Storage")
package org.yunjian.storage;
