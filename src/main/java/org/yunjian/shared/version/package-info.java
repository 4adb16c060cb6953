/** Optimistic locking, one mechanism for every update of a stored record: the version an update names, the refusals when it is missing or stale. */
package org.yunjian.shared.version;
