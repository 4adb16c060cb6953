package org.yunjian.shared.keys;

/**
 * Whether this installation is being set up for the first time: nothing has been recorded yet, so no data
 * depends on any key and the key directory may create its secrets. Implemented by the audit module (every
 * security-relevant action writes an audit entry, so an empty audit log means an empty installation).
 */
public interface FirstSetUp {

    boolean firstSetUp();
}
