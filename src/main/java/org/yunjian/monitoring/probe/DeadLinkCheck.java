package org.yunjian.monitoring.probe;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.shared.Msg;

/**
 * Dead links on a monitored page: each {@code http}/{@code https} link (same-page anchors, {@code mailto:}, {@code
 * javascript:} and other schemes skipped; repeats and fragments folded), at most {@code maxLinks} in page order, asked
 * with HEAD — or GET when HEAD is refused with 405 or 501 — within short limits (redirects may go to any host: a link
 * elsewhere moves where it likes), a few at a time. A 4xx or 5xx answer, or no answer (refused, unresolvable, a TLS
 * failure, the deadline, a redirect loop), raises {@link CheckKind#DEAD_LINK} named by the link, its message naming
 * the status or the failure.
 */
public final class DeadLinkCheck {

    public static final int DEFAULT_MAX_LINKS = 100;
    public static final int DEFAULT_CONCURRENCY = 4;
    /** A liveness question: 5 s, and no more than 64 KiB of any body a GET brings. */
    public static final FetchLimits DEFAULT_LIMITS = FetchLimits.defaults()
            .withDeadline(Duration.ofSeconds(5))
            .withMaxBodyBytes(64 * 1024)
            .withRedirectsToAnyHost();

    private final Fetcher fetcher;
    private final FetchLimits limits;
    private final int maxLinks;
    private final int concurrency;

    public DeadLinkCheck(Fetcher fetcher) {
        this(fetcher, DEFAULT_LIMITS, DEFAULT_MAX_LINKS, DEFAULT_CONCURRENCY);
    }

    public DeadLinkCheck(Fetcher fetcher, FetchLimits limits, int maxLinks, int concurrency) {
        if (maxLinks < 0 || concurrency < 1) {
            throw new IllegalArgumentException("maxLinks " + maxLinks + ", concurrency " + concurrency);
        }
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.maxLinks = maxLinks;
        this.concurrency = concurrency;
    }

    /** The dead links of a snapshot's page. */
    public List<Finding> check(PageSnapshot page) {
        return check(page.uri(), page.links());
    }

    /** The dead links among {@code links} found on {@code page}. */
    public List<Finding> check(URI page, Collection<URI> links) {
        List<URI> toCheck = checkable(page, links);
        List<FetchResult> answers = Bounded.map(toCheck, concurrency, this::ask);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < toCheck.size(); i++) {
            URI link = toCheck.get(i);
            FetchResult r = answers.get(i);
            if (r.outcome() == FetchOutcome.OK || r.outcome() == FetchOutcome.TOO_LARGE) {
                if (r.status() >= 400) {
                    findings.add(new Finding(
                            CheckKind.DEAD_LINK,
                            link.toString(),
                            Msg.of("monitoring.page.dead.status", link, r.status()),
                            null));
                }
            } else {
                findings.add(new Finding(
                        CheckKind.DEAD_LINK,
                        link.toString(),
                        Msg.of("monitoring.page.dead.failure", link, Msg.of(outcomeKey(r.outcome()))),
                        null));
            }
        }
        return findings;
    }

    /** The message key that names a fetch's outcome: {@code monitoring.page.outcome.<OUTCOME>}. */
    public static String outcomeKey(FetchOutcome outcome) {
        return "monitoring.page.outcome." + outcome.name();
    }

    private FetchResult ask(URI link) {
        FetchResult head = fetcher.fetch(Fetcher.Method.HEAD, link, limits);
        if (head.outcome() == FetchOutcome.OK && (head.status() == 405 || head.status() == 501)) {
            return fetcher.fetch(Fetcher.Method.GET, link, limits);
        }
        return head;
    }

    /**
     * The web links to ask, in page order: no fragments, no repeats, not the page itself, at most {@code maxLinks} —
     * the links a {@link #check} judges (a link's finding has the link as its subject).
     */
    public List<URI> checkable(URI page, Collection<URI> links) {
        URI self = WebAddress.canonical(page);
        Set<URI> seen = new LinkedHashSet<>();
        List<URI> out = new ArrayList<>();
        for (URI link : links) {
            if (out.size() >= maxLinks) {
                break;
            }
            if (!WebAddress.isWeb(link)) {
                continue;
            }
            URI canonical = WebAddress.canonical(link);
            if (canonical.equals(self) || !seen.add(canonical)) {
                continue;
            }
            out.add(WebAddress.withoutFragment(link));
        }
        return out;
    }
}
