package org.yunjian.lifecycle;

import java.util.Map;

/**
 * One section of the cross-system lifecycle overview ({@code /lifecycle/overview}). The page asks every bean of this
 * type, in {@link #order()}, for its content; each renders its own template fragment. Overdue obligations, upcoming
 * obligations and per-system counts are here; overdue plan duties and systems stuck at a gate can join as further
 * beans.
 */
public interface OverviewSection {

    /** Position on the page, smaller first. */
    int order();

    /**
     * The section's content for the current user: the fragment to render ({@code "obligations/calendar-overview ::
     * overdue"}) and the model it reads (under {@code section.data()}).
     */
    Content content();

    /**
     * @param id       the section element's id
     * @param titleKey message key of its heading
     * @param fragment the Thymeleaf fragment that renders it
     * @param data     what the fragment reads
     */
    record Content(String id, String titleKey, String fragment, Map<String, Object> data) {}
}
