package org.yunjian.obligations;

/**
 * How a completion of an obligation was recorded: by a person, from a drill record, from a completed assessment, or
 * from a website monitor's check (the domain and IP compliance check, 政府网站指南 8.4.1.2 b)).
 */
public enum CompletionSource {
    MANUAL,
    DRILL,
    ASSESSMENT,
    MONITORING
}
