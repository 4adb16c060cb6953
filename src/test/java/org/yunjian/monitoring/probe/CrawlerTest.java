package org.yunjian.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrawlerTest {

    private final Fetcher fetcher = new Fetcher(org.yunjian.support.LoopbackOutbound.POLICY);
    private final Crawler crawler = new Crawler(fetcher, FetchLimits.defaults());
    private LoopbackSite site;

    /**
     * {@code /} links to {@code /a}, {@code /b}, a text file, a PDF and the same server under another host name;
     * {@code /a} to {@code /a/1}, which links to {@code /a/2}; {@code /b} back to {@code /} and to {@code /a}.
     */
    @BeforeEach
    void start() {
        site = LoopbackSite.start();
        String elsewhere = site.uri("localhost", "/elsewhere").toString();
        site.html(
                        "/",
                        "<a href=/a>a</a><a href='b#part'>b</a><a href=/notes.txt>notes</a><a href=/file.pdf>pdf</a>"
                                + "<a href='" + elsewhere
                                + "'>other host</a><a href='mailto:x@example.gov.cn'>mail</a>")
                .html("/a", "<a href=/a/1>a1</a>")
                .html("/a/1", "<a href=/a/2>a2</a>")
                .html("/a/2", "<p>deep</p>")
                .html("/b", "<a href=/>home</a><a href=/a>a</a><div class=clock>12:00</div>")
                .html("/elsewhere", "<p>not this site</p>")
                .page("/notes.txt", "text/plain", "plain text");
    }

    @AfterEach
    void stop() {
        site.close();
        fetcher.close();
    }

    private static List<String> paths(List<?> items) {
        return items.stream()
                .map(i -> i instanceof PageSnapshot p ? p.uri() : ((FetchResult) i).finalUri())
                .map(URI::getPath)
                .toList();
    }

    @Test
    void depthZeroIsTheStartPageOnly() {
        Crawler.Result r = crawler.crawl(site.uri("/"), 0, List.of());
        assertThat(paths(r.pages())).containsExactly("/");
        assertThat(site.requests()).containsExactly("GET /");
    }

    @Test
    void staysOnItsHostBreadthFirstWithinItsDepth() {
        Crawler.Result r = crawler.crawl(site.uri("/"), 1, List.of(".clock"));
        assertThat(paths(r.fetches())).containsExactly("/", "/a", "/b", "/notes.txt");
        assertThat(paths(r.pages())).as("HTML only").containsExactly("/", "/a", "/b");
        assertThat(r.pages().get(2).text()).doesNotContain("12:00");
        assertThat(site.requests()).doesNotContain("GET /elsewhere", "GET /file.pdf", "GET /a/1");

        assertThat(paths(crawler.crawl(site.uri("/"), 2, List.of()).pages())).containsExactly("/", "/a", "/b", "/a/1");
    }

    @Test
    void aStartPageAlreadyFetchedIsNotFetchedAgainButCountsAmongThePages() {
        FetchResult home = fetcher.fetch(site.uri("/"), FetchLimits.defaults());
        Crawler.Result r = crawler.crawl(home, 1, 3, List.of(), Duration.ofSeconds(30));
        assertThat(paths(r.fetches())).containsExactly("/", "/a", "/b");
        assertThat(site.requests()).containsOnlyOnce("GET /");
    }

    @Test
    void stopsFetchingOnceItsBudgetIsSpent() {
        site.handle("/a", e -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            LoopbackSite.respond(e, 200, "text/html", "<p>late</p>");
        });
        long started = System.nanoTime();
        Crawler.Result r = crawler.crawl(site.uri("/"), 1, 10, List.of(), Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(paths(r.fetches())).containsExactly("/", "/a");
        assertThat(r.fetches().get(1).outcome()).isEqualTo(FetchOutcome.TIMEOUT);
    }

    @Test
    void stopsAtThePageCap() {
        Crawler.Result r = crawler.crawl(site.uri("/"), 5, 2, List.of());
        assertThat(r.fetches()).hasSize(2);
        assertThat(paths(r.pages())).containsExactly("/", "/a");
    }

    @Test
    void aFailedStartIsReturnedAsItsFetch() {
        Crawler.Result r = crawler.crawl(site.uri("/nothing"), 3, List.of());
        assertThat(r.pages()).isEmpty();
        assertThat(r.fetches()).singleElement().satisfies(f -> assertThat(f.status())
                .isEqualTo(404));
    }
}
