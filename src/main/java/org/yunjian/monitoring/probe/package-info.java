/**
 * The probes, free of Spring: fetching a page within limits a hostile site cannot exceed, and the checks that read
 * what it answered. Each returns {@link org.yunjian.monitoring.probe.Finding}s; the module decides what they raise.
 */
package org.yunjian.monitoring.probe;
