package org.yunjian.obligations;

/** How a completion of an obligation was recorded: by a person, from a drill record, from a completed assessment. */
public enum CompletionSource {
    MANUAL,
    DRILL,
    ASSESSMENT
}
