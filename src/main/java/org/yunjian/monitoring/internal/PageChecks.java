package org.yunjian.monitoring.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yunjian.monitoring.Monitor;
import org.yunjian.monitoring.probe.Baseline;
import org.yunjian.monitoring.probe.ContentScan;
import org.yunjian.monitoring.probe.FetchLimits;
import org.yunjian.monitoring.probe.FetchResult;
import org.yunjian.monitoring.probe.Fetcher;
import org.yunjian.monitoring.probe.Finding;
import org.yunjian.monitoring.probe.HiddenLinkCheck;
import org.yunjian.monitoring.probe.PageSnapshot;
import org.yunjian.monitoring.probe.TamperCheck;

/**
 * The checks of a page that answered (8.4.1.3, 8.4.1.4): tampering against the approved baseline (its text outside
 * the dynamic regions and the digests of its resources), links and frames hidden from readers or pointing outside
 * the allowed domains, scripts from unknown hosts, words of the harmful-content list and personal data in its text.
 * The words are those of the system's customer's latest list ({@link WordLists}), the shipped sample until it imports one.
 */
@Component
class PageChecks {

    private final Fetcher fetcher;
    private final WordLists words;

    PageChecks(Fetcher fetcher, WordLists words) {
        this.fetcher = fetcher;
        this.words = words;
    }

    /** A baseline ready to store: its JSON, its text's SM3 and how many resources it holds. */
    record Approved(String content, String textSm3, int resources) {}

    /** The page's current content with its resources, as a baseline to approve. */
    Approved baseline(Monitor m, FetchResult page) {
        Baseline b = current(m, PageSnapshot.of(page, m.dynamicRegions()));
        return new Approved(b.toJson(), b.textSm3(), b.resources().size());
    }

    /** The page as the monitor reads it: without its dynamic regions. */
    static PageSnapshot snapshot(Monitor m, FetchResult page) {
        return PageSnapshot.of(page, m.dynamicRegions());
    }

    /**
     * The findings on a page that answered, read once into {@code snapshot} ({@link #snapshot}); {@code
     * storedBaseline} null when none is approved yet.
     */
    List<Finding> page(Monitor m, FetchResult page, PageSnapshot snapshot, String storedBaseline) {
        List<Finding> out = new ArrayList<>();
        if (storedBaseline != null) {
            out.addAll(TamperCheck.compare(Baseline.fromJson(storedBaseline), current(m, snapshot)));
        }
        out.addAll(new HiddenLinkCheck(m.hosts()).check(page));
        out.addAll(ContentScan.of(snapshot.text(), m.url().toString(), words.matcherFor(m.systemId())));
        return out;
    }

    /** Whether harmful content is checked against a word list the monitor's customer imported ({@link WordLists}). */
    boolean wordListImported(Monitor m) {
        return words.imported(m.systemId());
    }

    /** How many resources a stored baseline holds. */
    static int resources(String storedBaseline) {
        return Baseline.fromJson(storedBaseline).resources().size();
    }

    /** The page's text with its resources fetched now and digested, as a baseline is. */
    private Baseline current(Monitor m, PageSnapshot snapshot) {
        FetchLimits limits = TamperCheck.DEFAULT_RESOURCE_LIMITS
                .withDeadline(Duration.ofSeconds(m.timeoutSeconds()))
                .withRedirectHosts(m.hosts());
        return new TamperCheck(fetcher, limits).baseline(snapshot);
    }
}
