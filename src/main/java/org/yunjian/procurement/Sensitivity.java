package org.yunjian.procurement;

/**
 * How sensitive the information of an inventoried website or application is, in the guide's terms (6.3.2 b): only
 * information that may be published, sensitive information, or citizens' personal information.
 */
public enum Sensitivity {
    PUBLIC_ONLY,
    SENSITIVE,
    PERSONAL
}
