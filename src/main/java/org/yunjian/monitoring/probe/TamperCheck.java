package org.yunjian.monitoring.probe;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.shared.Msg;

/**
 * Tampering (篡改, guide 8.4.1.3 b): a page compared with its approved {@link Baseline}. The text is compared by its
 * SM3; a difference raises one {@link CheckKind#TAMPERING} finding for the page whose detail is a unified diff a person
 * can read (3 lines of context, at most {@value #MAX_DIFF_LINES} lines, the text split at sentence ends so that one
 * changed word shows as one changed line). Each resource that changed, appeared or disappeared raises one finding
 * named by its address. Identical pages, or pages that differ only inside their dynamic regions (removed from both
 * snapshots), raise none.
 *
 * <p>The baseline's resources are fetched from the page's own host only, at most {@value #MAX_RESOURCES} per page,
 * each within its own limits; a resource elsewhere or over the cap is listed without its bytes, and one that cannot be
 * fetched is recorded with its outcome, so "no longer answers" shows as a change rather than passing unnoticed.
 */
public final class TamperCheck {

    public static final int MAX_RESOURCES = 50;
    public static final int MAX_DIFF_LINES = 200;
    static final int CONTEXT_LINES = 3;
    /** A resource is a file (a script, a stylesheet, an image): smaller and quicker than a page. */
    public static final FetchLimits DEFAULT_RESOURCE_LIMITS =
            FetchLimits.defaults().withDeadline(Duration.ofSeconds(5));

    private static final int CONCURRENCY = 4;
    /**
     * Sentences of each side given to the diff: Myers' algorithm costs (n + m) × d, so two unrelated 5 MB pages would
     * take minutes; a defaced page is shown well enough by its first few thousand sentences.
     */
    static final int MAX_DIFF_SENTENCES = 5_000;
    /** After 。！？；!?; and after a full stop followed by a blank (so 3.14 and www.gov.cn stay whole). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[\\u3002\\uff01\\uff1f\\uff1b!?;])|(?<=\\.)\\s+");

    private final Fetcher fetcher;
    private final FetchLimits resourceLimits;

    public TamperCheck(Fetcher fetcher) {
        this(fetcher, DEFAULT_RESOURCE_LIMITS);
    }

    public TamperCheck(Fetcher fetcher, FetchLimits resourceLimits) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.resourceLimits = Objects.requireNonNull(resourceLimits, "resourceLimits");
    }

    /**
     * The baseline of {@code page}: its text and the digests of its resources, those on the page's host fetched now
     * (at most {@value #MAX_RESOURCES}, a few at a time). Used both to approve a page and to take its current state.
     */
    public Baseline baseline(PageSnapshot page) {
        String host = WebAddress.host(page.uri());
        List<URI> toFetch = new ArrayList<>();
        Map<URI, Baseline.Resource> resources = new LinkedHashMap<>();
        for (URI r : page.resources()) {
            if (!Objects.equals(WebAddress.host(r), host)) {
                resources.put(r, Baseline.Resource.unfetched(Baseline.State.OTHER_HOST));
            } else if (toFetch.size() >= MAX_RESOURCES) {
                resources.put(r, Baseline.Resource.unfetched(Baseline.State.OVER_LIMIT));
            } else {
                toFetch.add(r);
            }
        }
        List<FetchResult> fetched = Bounded.map(toFetch, CONCURRENCY, r -> fetcher.fetch(r, resourceLimits));
        for (int i = 0; i < toFetch.size(); i++) {
            resources.put(toFetch.get(i), Baseline.Resource.of(fetched.get(i)));
        }
        return new Baseline(page.uri(), page.text(), null, resources);
    }

    /** The tampering {@code current} shows against {@code approved}; none when they agree. */
    public static List<Finding> compare(Baseline approved, Baseline current) {
        List<Finding> findings = new ArrayList<>();
        if (!approved.textSm3().equals(current.textSm3())) {
            findings.add(new Finding(
                    CheckKind.TAMPERING,
                    "page",
                    Msg.of("monitoring.page.tamper.text", current.page()),
                    diff(approved.text(), current.text())));
        }
        TreeSet<URI> all = new TreeSet<>(approved.resources().keySet());
        all.addAll(current.resources().keySet());
        for (URI uri : all) {
            Baseline.Resource before = approved.resources().get(uri);
            Baseline.Resource after = current.resources().get(uri);
            if (after == null) {
                findings.add(resourceFinding("monitoring.page.tamper.resource.removed", uri, null));
            } else if (before == null) {
                findings.add(resourceFinding("monitoring.page.tamper.resource.added", uri, after.sm3()));
            } else if (changed(before, after)) {
                String detail = digestOrState(before) + " -> " + digestOrState(after);
                findings.add(resourceFinding("monitoring.page.tamper.resource.changed", uri, detail));
            }
        }
        return findings;
    }

    /** Changed when either side has bytes and the digests differ: a resource that stopped (or began) answering too. */
    private static boolean changed(Baseline.Resource before, Baseline.Resource after) {
        boolean eitherFetched = before.state() == Baseline.State.FETCHED || after.state() == Baseline.State.FETCHED;
        return eitherFetched && !Objects.equals(before.sm3(), after.sm3());
    }

    private static String digestOrState(Baseline.Resource r) {
        if (r.state() == Baseline.State.FETCHED) {
            return "SM3 " + r.sm3();
        }
        return r.state() == Baseline.State.FAILED
                ? r.outcome() + (r.status() > 0 ? " " + r.status() : "")
                : r.state().name();
    }

    private static Finding resourceFinding(String key, URI uri, String detail) {
        return new Finding(CheckKind.TAMPERING, uri.toString(), Msg.of(key, uri), detail);
    }

    /**
     * A unified diff of two texts split at sentence ends: hunks with {@value #CONTEXT_LINES} lines of context, without
     * the file header, cut after {@value #MAX_DIFF_LINES} lines with a last line {@code …}.
     */
    static String diff(String before, String after) {
        List<String> a = cap(sentences(before));
        List<String> b = cap(sentences(after));
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("baseline", "current", a, patch, CONTEXT_LINES);
        List<String> hunks = unified.size() > 2 ? unified.subList(2, unified.size()) : unified;
        if (hunks.size() > MAX_DIFF_LINES) {
            hunks = new ArrayList<>(hunks.subList(0, MAX_DIFF_LINES));
            hunks.add("…");
        }
        // the diff goes into the alert, its notifications and reports: personal numbers in it are masked by the same
        // detector that raises privacy alerts (issue 58), never shown in clear beside an alert that masks them
        PrivacyScanner scanner = new PrivacyScanner();
        return hunks.stream().map(line -> masked(scanner, line)).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** A diff line with its personal numbers masked; its first character (+, - or blank) and hunk headers kept. */
    private static String masked(PrivacyScanner scanner, String line) {
        if (line.startsWith("@@") || line.isEmpty()) {
            return line;
        }
        char first = line.charAt(0);
        return first == '+' || first == '-' || first == ' '
                ? first + scanner.masked(line.substring(1))
                : scanner.masked(line);
    }

    private static List<String> cap(List<String> sentences) {
        return sentences.size() > MAX_DIFF_SENTENCES ? sentences.subList(0, MAX_DIFF_SENTENCES) : sentences;
    }

    /** The text's lines, each split after its sentence ends; blank pieces dropped. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (String piece : SENTENCE_END.split(line)) {
                String s = piece.strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
