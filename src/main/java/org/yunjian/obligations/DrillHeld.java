package org.yunjian.obligations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An emergency drill was held on a system (published when a drill record is saved), so that the obligations
 * calendar counts the next drill from it: the general drill obligation, and the one of its category.
 *
 * @param category what it rehearsed, or null for a drill recorded before drills had categories
 */
public record DrillHeld(UUID systemId, LocalDate heldOn, DrillCategory category) {}
