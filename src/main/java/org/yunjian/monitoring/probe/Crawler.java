package org.yunjian.monitoring.probe;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pages of one site a monitor covers: from a start address, breadth first, the pages on the same host (by name,
 * {@link WebAddress}) up to a link depth ({@code 0}: the start page only) and a cap on the pages fetched, each with the
 * {@link Fetcher} within its limits and one at a time (a monitor is a polite visitor). Only answers whose content type
 * is HTML are read for links and snapshotted; every fetch is returned, so a page that failed is seen. Links to files
 * that are plainly not pages ({@code .pdf}, {@code .doc}, images, archives…) are not fetched: attachments are another
 * probe's.
 */
public final class Crawler {

    public static final int DEFAULT_MAX_PAGES = 50;

    private static final Pattern NOT_A_PAGE = Pattern.compile(
            ".*\\.(?:pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|gz|tar|jpe?g|png|gif|bmp|webp|svg|ico|mp[34]|avi|"
                    + "mov|flv|wmv|exe|apk|dmg|iso|css|js)$");

    private final Fetcher fetcher;
    private final FetchLimits limits;

    public Crawler(Fetcher fetcher, FetchLimits limits) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** What a crawl saw: the snapshots of the HTML pages and every fetch made, both in the order fetched. */
    public record Result(List<PageSnapshot> pages, List<FetchResult> fetches) {
        public Result {
            pages = List.copyOf(pages);
            fetches = List.copyOf(fetches);
        }
    }

    /** At most {@value #DEFAULT_MAX_PAGES} pages. */
    public Result crawl(URI start, int depth, Collection<String> dynamicRegions) {
        return crawl(start, depth, DEFAULT_MAX_PAGES, dynamicRegions);
    }

    /**
     * The pages reachable from {@code start} on its host within {@code depth} links, at most {@code maxPages}
     * fetched; {@code dynamicRegions} are removed from each snapshot ({@link PageSnapshot}).
     */
    public Result crawl(URI start, int depth, int maxPages, Collection<String> dynamicRegions) {
        return crawl(start, depth, maxPages, dynamicRegions, null);
    }

    /**
     * As {@link #crawl(URI, int, int, Collection)}, all the fetches together within {@code budget} (null: no budget
     * beyond each fetch's deadline): a fetch gets at most what is left of it, and none starts once it is spent.
     */
    public Result crawl(URI start, int depth, int maxPages, Collection<String> dynamicRegions, Duration budget) {
        return crawl(start, null, depth, maxPages, dynamicRegions, budget);
    }

    /**
     * As {@link #crawl(URI, int, int, Collection, Duration)} from a page already fetched ({@code start}, the address
     * that answered): it is not fetched again, but counts among the {@code maxPages} and is in the result.
     */
    public Result crawl(
            FetchResult start, int depth, int maxPages, Collection<String> dynamicRegions, Duration budget) {
        return crawl(start.finalUri(), start, depth, maxPages, dynamicRegions, budget);
    }

    private Result crawl(
            URI start,
            FetchResult prefetched,
            int depth,
            int maxPages,
            Collection<String> dynamicRegions,
            Duration budget) {
        long until = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
        if (depth < 0 || maxPages < 0) {
            throw new IllegalArgumentException("depth " + depth + ", maxPages " + maxPages);
        }
        for (String region : dynamicRegions) {
            if (!PageSnapshot.isValidSelector(region)) {
                throw new IllegalArgumentException("dynamic region " + region);
            }
        }
        List<PageSnapshot> pages = new ArrayList<>();
        List<FetchResult> fetches = new ArrayList<>();
        if (!WebAddress.isWeb(start)) {
            return new Result(pages, List.of(prefetched != null ? prefetched : fetcher.fetch(start, limits)));
        }
        String host = WebAddress.host(start);
        Set<URI> seen = new HashSet<>();
        Queue<Queued> queue = new ArrayDeque<>();
        queue.add(new Queued(WebAddress.withoutFragment(start), 0));
        seen.add(WebAddress.canonical(start));
        while (!queue.isEmpty() && fetches.size() < maxPages) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                break;
            }
            Queued next = queue.remove();
            FetchResult fetched =
                    prefetched != null && fetches.isEmpty() ? prefetched : fetcher.fetch(next.uri(), within(left));
            fetches.add(fetched);
            seen.add(WebAddress.canonical(fetched.finalUri()));
            if (!fetched.succeeded() || !fetched.isHtml() || !host.equals(WebAddress.host(fetched.finalUri()))) {
                continue;
            }
            PageSnapshot page = PageSnapshot.of(fetched, dynamicRegions);
            pages.add(page);
            if (next.depth() >= depth) {
                continue;
            }
            for (URI link : page.links()) {
                if (WebAddress.isWeb(link)
                        && host.equals(WebAddress.host(link))
                        && !NOT_A_PAGE.matcher(path(link)).matches()
                        && seen.add(WebAddress.canonical(link))) {
                    queue.add(new Queued(WebAddress.withoutFragment(link), next.depth() + 1));
                }
            }
        }
        return new Result(pages, fetches);
    }

    /** The limits, their deadline no later than {@code leftNanos} from now. */
    private FetchLimits within(long leftNanos) {
        return leftNanos < limits.deadline().toNanos() ? limits.withDeadline(Duration.ofNanos(leftNanos)) : limits;
    }

    private record Queued(URI uri, int depth) {}

    private static String path(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
    }
}
