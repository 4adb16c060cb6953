package org.yunjian.monitoring.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yunjian.crypto.Sm3;
import org.yunjian.monitoring.CheckCoverage;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.probe.Attachments;
import org.yunjian.monitoring.probe.ContentScan;
import org.yunjian.monitoring.probe.Crawler;
import org.yunjian.monitoring.probe.DeadLinkCheck;
import org.yunjian.monitoring.probe.FetchLimits;
import org.yunjian.monitoring.probe.FetchOutcome;
import org.yunjian.monitoring.probe.FetchResult;
import org.yunjian.monitoring.probe.Fetcher;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.monitoring.probe.HiddenLinkCheck;
import org.yunjian.monitoring.probe.PageSnapshot;
import org.yunjian.monitoring.probe.WordMatcher;
import org.yunjian.shared.Msg;

/**
 * The checks of a probe that cost many fetches (guide 8.4.1.3 a: 网页及附件; dead links): the same-host pages linked
 * from the monitored one to the monitor's crawl depth get the hidden-link and content checks too; the documents the
 * checked pages link to (PDF, DOCX, XLSX, told by content) are scanned for harmful words and personal numbers; the
 * checked pages' links are asked whether they still answer; the other sites they link to, whether their domain's
 * registration has lapsed ({@link ExternalDomains}). Only the monitored host and the allowed ones are fetched
 * (each on an address the platform may probe), each fetch within the monitor's limits, at most {@value #MAX_PAGES}
 * pages, {@value #MAX_ATTACHMENTS} attachments and {@value #MAX_LINKS} links, all within one budget
 * ({@code yunjian.monitoring.deep-budget}, 60 s). A probe runs them only when they are due ({@link DeepCheckState}).
 */
@Component
class DeepChecks {

    static final int MAX_PAGES = 20;
    static final int MAX_ATTACHMENTS = 10;
    static final int MAX_LINKS = 50;
    static final int LINK_CONCURRENCY = 4;
    /** An attachment's bytes, at most: more is refused as too large, never read. */
    static final int ATTACHMENT_BYTES = 10 * 1024 * 1024;

    /** Links that name a document by their file name (the type itself is told by the bytes). */
    private static final Pattern DOCUMENT = Pattern.compile(".*\\.(?:pdf|docx?|xlsx?|wps|et)$");

    private final Fetcher fetcher;
    private final AddressPolicy addresses;
    private final WordLists words;
    private final AlertService alerts;
    private final ExternalDomains external;
    private final java.time.Clock clock;
    private final Attachments attachments = new Attachments(new Attachments.Limits(
            ATTACHMENT_BYTES, Attachments.Limits.DEFAULT.maxChars(), Attachments.Limits.DEFAULT.maxInflatedBytes()));
    private final Duration every;
    private final Duration budget;

    DeepChecks(
            Fetcher fetcher,
            AddressPolicy addresses,
            WordLists words,
            AlertService alerts,
            ExternalDomains external,
            java.time.Clock clock,
            @Value("${yunjian.monitoring.deep-every:PT6H}") Duration every,
            @Value("${yunjian.monitoring.deep-budget:PT60S}") Duration budget) {
        this.fetcher = fetcher;
        this.addresses = addresses;
        this.words = words;
        this.alerts = alerts;
        this.external = external;
        this.clock = clock;
        this.every = every;
        this.budget = budget;
    }

    /**
     * What the deep checks read of the monitored page: its links (every other page, attachment and link they check is
     * reached through them), as one SM3 — a page whose date or counter changes on every answer does not make them run
     * on every probe.
     */
    static String fingerprint(PageSnapshot page) {
        StringBuilder links = new StringBuilder();
        page.links().forEach(l -> links.append(l).append('\n'));
        return Sm3.hex(links.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a probe that read {@code page} runs the deep checks, after they last ran as {@code state}. */
    boolean due(DeepCheckState state, PageSnapshot page, Instant now) {
        return state.due(fingerprint(page), now, every);
    }

    /** What the deep checks found and which of their checks ran in their time budget (dead links, linked domains). */
    record Ran(List<Finding> findings, Set<CheckKind> ran) {}

    /** The deep checks of the monitored page that answered {@code answer}, read as {@code page}. */
    Ran check(Monitor m, FetchResult answer, PageSnapshot page) {
        Set<CheckKind> ran = java.util.EnumSet.noneOf(CheckKind.class);
        long until = System.nanoTime() + budget.toNanos();
        FetchLimits limits = FetchLimits.defaults()
                .withDeadline(Duration.ofSeconds(m.timeoutSeconds()))
                .withRedirectHosts(m.hosts());
        List<Finding> out = new ArrayList<>();
        Set<URI> links = new LinkedHashSet<>(page.links());
        Set<URI> answered = new HashSet<>();
        WordMatcher matcher = words.matcherFor(m.systemId());
        if (m.crawlDepth() > 0) {
            crawl(m, answer, page, limits, until, out, links, answered, matcher);
        }
        Map<String, Boolean> reachable = new HashMap<>();
        List<URI> ours = links.stream()
                .filter(l -> reachable.computeIfAbsent(host(l), h -> mayFetch(h, m.hosts())))
                .toList();
        ours.stream()
                .filter(l -> l.getRawPath() != null
                        && DOCUMENT.matcher(l.getRawPath().toLowerCase(Locale.ROOT))
                                .matches())
                .distinct()
                .limit(MAX_ATTACHMENTS)
                .forEach(a -> attachment(a, limits.withMaxBodyBytes(ATTACHMENT_BYTES), until, out, matcher));
        Duration left = left(until);
        if (!left.isZero()) {
            FetchLimits linkLimits = DeadLinkCheck.DEFAULT_LIMITS
                    .withRedirectHosts(m.hosts())
                    .withDeadline(min(min(DeadLinkCheck.DEFAULT_LIMITS.deadline(), limits.deadline()), left));
            // a page the crawl just got is not asked again
            List<URI> unasked = ours.stream().filter(l -> !answered.contains(l)).toList();
            DeadLinkCheck dead = new DeadLinkCheck(fetcher, linkLimits, MAX_LINKS, LINK_CONCURRENCY);
            List<Finding> found = dead.check(page.uri(), unasked);
            out.addAll(found);
            // the links that answered now: their dead-link alerts close themselves
            Set<String> judged = new HashSet<>();
            answered.forEach(l -> judged.add(l.toString()));
            dead.checkable(page.uri(), unasked).forEach(l -> judged.add(l.toString()));
            alerts.recovered(m, List.of(CheckCoverage.subjects(CheckKind.DEAD_LINK, judged, found)), clock.instant());
            ran.add(CheckKind.DEAD_LINK);
        }
        if (!left(until).isZero()) {
            // the other sites linked: has their registration lapsed (a squatter's name still answers)
            ExternalDomains.Checked linked = external.check(m, links, until);
            out.addAll(linked.findings());
            alerts.recovered(m, List.of(linked.coverage()), clock.instant());
            ran.add(CheckKind.EXTERNAL_DOMAIN);
        }
        return new Ran(out, ran);
    }

    /**
     * The same-host pages to the crawl depth: their hidden links and content; their links join {@code links}, the
     * addresses that answered {@code answered}.
     */
    private void crawl(
            Monitor m,
            FetchResult answer,
            PageSnapshot page,
            FetchLimits limits,
            long until,
            List<Finding> out,
            Set<URI> links,
            Set<URI> answered,
            WordMatcher words) {
        Duration left = left(until);
        if (left.isZero()) {
            return;
        }
        // from the monitored page as it answered (not fetched again): one page more than the pages it adds
        Crawler.Result crawl =
                new Crawler(fetcher, limits).crawl(answer, m.crawlDepth(), MAX_PAGES + 1, m.dynamicRegions(), left);
        Map<URI, FetchResult> fetched = new HashMap<>();
        crawl.fetches().forEach(f -> {
            fetched.putIfAbsent(f.finalUri(), f);
            if (f.succeeded()) {
                answered.add(f.finalUri());
            }
        });
        HiddenLinkCheck hidden = new HiddenLinkCheck(m.hosts());
        for (PageSnapshot other : crawl.pages()) {
            if (other.uri().equals(page.uri())) {
                continue;
            }
            FetchResult crawled = fetched.get(other.uri());
            if (crawled != null) {
                out.addAll(hidden.check(crawled));
            }
            out.addAll(ContentScan.of(other.text(), other.uri().toString(), words));
            links.addAll(other.links());
        }
    }

    /**
     * A linked document: its text scanned like a page's; one the platform will not read (too large, a zip bomb,
     * damaged, encrypted) is a finding named by its address, so it is seen that it was not checked. One that does not
     * answer is the dead-link check's.
     */
    private void attachment(URI link, FetchLimits limits, long until, List<Finding> out, WordMatcher words) {
        Duration left = left(until);
        if (left.isZero()) {
            return;
        }
        FetchResult r = fetcher.fetch(link, limits.withDeadline(min(limits.deadline(), left)));
        String where = link.toString();
        if (r.outcome() == FetchOutcome.TOO_LARGE) {
            out.add(unread(where, new Attachments.Refused(Attachments.Refusal.TOO_LARGE, r.mediaType())));
            return;
        }
        if (!r.succeeded()) {
            return;
        }
        Attachments.Extraction e = attachments.extract(r.body());
        if (e instanceof Attachments.Extracted text) {
            out.addAll(ContentScan.of(text.text(), where, words));
        } else if (e instanceof Attachments.Refused refused
                && refused.refusal() != Attachments.Refusal.UNSUPPORTED_TYPE) {
            out.add(unread(where, refused));
        }
    }

    private static Finding unread(String where, Attachments.Refused refused) {
        Msg why = refused.message(where);
        return new Finding(CheckKind.HARMFUL_CONTENT, where, why, null);
    }

    /** Whether links to {@code host} may be fetched: one of the monitor's hosts, on addresses the platform probes. */
    private boolean mayFetch(String host, Set<String> hosts) {
        if (host == null || !hosts.contains(host)) {
            return false;
        }
        // a name that does not resolve will not answer: a dead link
        return !addresses.resolve(host).blocked();
    }

    private static String host(URI link) {
        String scheme = link.getScheme();
        if (link.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            return null;
        }
        return link.getHost().toLowerCase(Locale.ROOT);
    }

    private static Duration left(long until) {
        long nanos = until - System.nanoTime();
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(nanos);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
