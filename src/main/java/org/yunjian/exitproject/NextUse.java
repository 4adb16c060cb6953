package org.yunjian.exitproject;

/**
 * What a sanitised medium may hold afterwards. GB/T 31167 9.4 3. 6.: a medium that held sensitive data
 * never stores public data afterwards, so {@link #PUBLIC_DATA} is refused for it.
 */
public enum NextUse {
    /** Destroyed or withdrawn from use. */
    NONE,
    /** Reused only for sensitive (敏感) data. */
    SENSITIVE_DATA,
    /** Released for public (公开) data. */
    PUBLIC_DATA
}
