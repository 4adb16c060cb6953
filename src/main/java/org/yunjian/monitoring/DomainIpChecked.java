package org.yunjian.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * A monitor compared its site's domain records with the system's approved addresses (政府网站指南 8.4.1.2 b)
 * "应定期进行网站的域名及IP合规性检测"), whatever it found: published after the check's results are stored, so that
 * the obligations calendar counts the periodic duty as done that day. What the check found is in its alerts.
 */
public record DomainIpChecked(UUID systemId, UUID monitorId, Instant at) {}
