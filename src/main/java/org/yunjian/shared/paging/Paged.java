package org.yunjian.shared.paging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list with the total across all pages: the response shape of every paginated REST list
 * ({@code items}, {@code page} from 1, {@code size}, {@code total} rows matching the filters, {@code pages}).
 */
public record Paged<T>(
        @Schema(description = "The rows of this page") List<T> items,
        @Schema(description = "This page's number, from 1") int page,

        @Schema(description = "Rows per page asked for (at most 200)")
        int size,

        @Schema(description = "Rows matching the filters, across all pages")
        long total,

        @Schema(description = "Number of pages (at least 1)")
        int pages) {

    public Paged {
        items = List.copyOf(items);
    }

    public static <T> Paged<T> of(List<T> items, PageRequest request, long total) {
        int pages = (int) Math.max(1, (total + request.size() - 1) / request.size());
        return new Paged<>(items, request.page(), request.size(), total, pages);
    }

    /**
     * A page cut from a list already complete in memory — for lists whose length a domain rule bounds (the items
     * of one assessment, the members of one team), never for a table that grows with use.
     */
    public static <T> Paged<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size());
        return of(all.subList(from, to), request, all.size());
    }

    public <R> Paged<R> map(Function<? super T, ? extends R> f) {
        return new Paged<>(items.stream().<R>map(f).toList(), page, size, total, pages);
    }

    /** Whether a page comes after this one. */
    public boolean hasNext() {
        return page < pages;
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
