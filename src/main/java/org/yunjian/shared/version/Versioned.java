package org.yunjian.shared.version;

/**
 * A REST representation of a record that may be updated: its stored {@code version}. The web shell sends it as the
 * response's {@code ETag}, the value an update names in {@code If-Match} (see {@link Versions}).
 */
public interface Versioned {

    long version();
}
