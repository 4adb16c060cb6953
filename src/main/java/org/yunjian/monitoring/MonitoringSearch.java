package org.yunjian.monitoring;

import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;

/**
 * The monitors and alerts the current user may find (global search), by the monitoring pages' own rule: whoever sees
 * a cloud system sees its monitors and their alerts; nobody finds another organisation's.
 */
public interface MonitoringSearch {

    /** One page of the visible monitors whose name or address contains {@code q} (any case), by name. */
    Paged<Monitor> monitors(String q, PageRequest page);

    /**
     * One page of the visible alerts whose subject or monitor's name contains {@code q} (any case), newest first,
     * each with its monitor's name.
     */
    Paged<FoundAlert> alerts(String q, PageRequest page);

    /** An alert found, with the name of the monitor that raised it. */
    record FoundAlert(Alert alert, String monitorName) {}
}
