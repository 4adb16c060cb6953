package org.yunjian.catalog;

/** Position of a node in a standard's tree. */
public enum RequirementKind {
    /** A clause heading that groups control points or items (may carry lead-in text). */
    SECTION,
    /** An 等保 control point (控制点) grouping lettered items. */
    CONTROL_POINT,
    /** A requirement item: the unit that is assessed, allocated and mapped. */
    ITEM
}
