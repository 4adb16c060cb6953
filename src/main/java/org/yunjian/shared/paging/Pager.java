package org.yunjian.shared.paging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pager a list page renders under its table (template fragment {@code web/pager :: pager(${pager})}):
 * the totals and links to the first, previous, next and last page that keep the list's filters. Links are
 * relative to the context path ({@code @{…}} in the template adds it).
 */
public record Pager(
        long total, int page, int pages, int size, String first, String previous, String next, String last) {

    /** {@code path}: the list's path; {@code filters}: the request parameters to keep (null or blank dropped). */
    public static Pager of(Paged<?> p, String path, Map<String, ?> filters) {
        Map<String, Object> kept = kept(filters);
        return new Pager(
                p.total(),
                p.page(),
                p.pages(),
                p.size(),
                p.hasPrevious() ? link(path, kept, 1, p.size()) : null,
                p.hasPrevious() ? link(path, kept, p.page() - 1, p.size()) : null,
                p.hasNext() ? link(path, kept, p.page() + 1, p.size()) : null,
                p.hasNext() ? link(path, kept, p.pages(), p.size()) : null);
    }

    /** Whether the page has the default size (a link or form then leaves {@code size} out). */
    public boolean defaultSize() {
        return size == PageRequest.DEFAULT_SIZE;
    }

    public static Pager of(Paged<?> p, String path) {
        return of(p, path, Map.of());
    }

    /**
     * The address of the list at {@code page} with its {@code filters} (null or blank dropped) — where a form posted
     * from a list page sends the browser back to, at the same page with the same filters.
     */
    public static String link(String path, Map<String, ?> filters, PageRequest page) {
        return link(path, kept(filters), page.page(), page.size());
    }

    private static Map<String, Object> kept(Map<String, ?> filters) {
        Map<String, Object> kept = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    private static String link(String path, Map<String, Object> filters, int page, int size) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        filters.forEach((k, v) -> b.queryParam(k, v));
        b.queryParam("page", page);
        if (size != PageRequest.DEFAULT_SIZE) {
            b.queryParam("size", size);
        }
        return b.encode().build().toUriString();
    }
}
