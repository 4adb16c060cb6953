package org.yunjian.catalog;

import java.util.List;

/**
 * One page of requirements: the {@code items} of page {@code page} (1-based) of {@code size}, out of {@code total}
 * matches.
 */
public record RequirementPage(List<Requirement> items, int total, int page, int size) {

    /** Largest page size a caller may ask for. */
    public static final int MAX_SIZE = 1000;

    public RequirementPage {
        items = List.copyOf(items);
    }

    /** Number of pages (at least 1, so an empty result still has its page). */
    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** 1-based position of the first item shown, 0 when there is none. */
    public int from() {
        return items.isEmpty() ? 0 : (page - 1) * size + 1;
    }

    /** 1-based position of the last item shown. */
    public int to() {
        return from() + items.size() - (items.isEmpty() ? 0 : 1);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** Page {@code page} of {@code all}; a page past the last is the last. */
    public static RequirementPage of(List<Requirement> all, int page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int p = Math.min(Math.max(1, page), pages);
        int from = Math.min(all.size(), (p - 1) * size);
        return new RequirementPage(all.subList(from, Math.min(all.size(), from + size)), all.size(), p, size);
    }
}
