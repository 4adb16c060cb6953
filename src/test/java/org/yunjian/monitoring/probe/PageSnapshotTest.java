package org.yunjian.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yunjian.crypto.Sm3;

class PageSnapshotTest {

    static final URI PAGE = URI.create("http://www.example.gov.cn/news/index.html");

    @Test
    void keepsTheVisibleTextOneLinePerBlockWithBlanksCollapsed() {
        String html = """
                <html><head><title> 示例  政府网站 </title><style>p { color: red }</style></head>
                <body>
                  <!-- a comment -->
                  <h1>通知　公告</h1>
                  <p>第一段，
                     跨行的文字。</p>
                  <script>document.write('not text')</script>
                  <noscript>enable scripts</noscript>
                  <ul><li>one</li><li>two&nbsp;&nbsp;words</li></ul>
                  <table><tr><td>a</td><td>b</td></tr></table>
                  <span>in</span><span>line</span><br>after break
                </body></html>""";
        PageSnapshot s = PageSnapshot.of(PAGE, html, List.of());
        assertThat(s.lines())
                .containsExactly(
                        "示例 政府网站", "通知 公告", "第一段， 跨行的文字。", "one", "two words", "a", "b", "inline", "after break");
        assertThat(s.textSm3()).isEqualTo(Sm3.digest(s.text()).hex());
    }

    @Test
    void reindentedHtmlHasTheSameText() {
        PageSnapshot a = PageSnapshot.of(PAGE, "<p>Hello <b>world</b>.</p><p>Second.</p>", List.of());
        PageSnapshot b = PageSnapshot.of(PAGE, "<p>\n  Hello\n  <b>world</b>.\n</p>\n\n<p>Second.</p>\n", List.of());
        assertThat(b.textSm3()).isEqualTo(a.textSm3());
    }

    @Test
    void listsResourcesAndLinksAsAbsoluteAddresses() {
        String html = """
                <link rel="stylesheet" href="/css/site.css"><link rel="icon" href="/favicon.ico">
                <link rel="Alternate StyleSheet" href="alt.css">
                <script src="../js/app.js"></script><script src="../js/app.js"></script>
                <img src="img/logo.png"><iframe src="https://map.example.com/embed"></iframe>
                <embed src="/media/a.swf"><object data="/media/b.swf"></object><img src="data:image/png;base64,AAAA">
                <a href="detail.html#top">detail</a><a href="mailto:office@example.gov.cn">mail</a>
                <a href="/path with space/">space</a><a href="javascript:void(0)">js</a>""";
        PageSnapshot s = PageSnapshot.of(PAGE, html, List.of());
        assertThat(s.resources())
                .extracting(URI::toString)
                .containsExactly(
                        "http://www.example.gov.cn/css/site.css",
                        "http://www.example.gov.cn/news/alt.css",
                        "http://www.example.gov.cn/js/app.js",
                        "http://www.example.gov.cn/news/img/logo.png",
                        "https://map.example.com/embed",
                        "http://www.example.gov.cn/media/a.swf",
                        "http://www.example.gov.cn/media/b.swf");
        assertThat(s.links())
                .extracting(URI::toString)
                .containsExactly(
                        "http://www.example.gov.cn/news/detail.html#top",
                        "mailto:office@example.gov.cn",
                        "http://www.example.gov.cn/path%20with%20space/",
                        "javascript:void(0)");
    }

    @Test
    void dynamicRegionsLeaveTextAndResourcesButNotLinks() {
        String html = """
                <div id="ticker"><img src="/today.png"><a href="/today.html">今日要闻 2026-11-26</a></div>
                <p class="date">2026年11月26日</p><p>正文不变。</p>""";
        PageSnapshot s = PageSnapshot.of(PAGE, html, List.of("#ticker", "p.date"));
        assertThat(s.text()).isEqualTo("正文不变。");
        assertThat(s.resources()).isEmpty();
        assertThat(s.links()).containsExactly(URI.create("http://www.example.gov.cn/today.html"));
    }

    @Test
    void aBadDynamicRegionIsRefusedAsConfiguration() {
        assertThat(PageSnapshot.isValidSelector("div.news > p")).isTrue();
        assertThat(PageSnapshot.isValidSelector("div[")).isFalse();
        assertThat(PageSnapshot.isValidSelector(" ")).isFalse();
        assertThatThrownBy(() -> PageSnapshot.of(PAGE, "<p>x</p>", List.of("div[")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedHtmlParsesAsBrowsersParseIt() {
        PageSnapshot unclosed =
                PageSnapshot.of(PAGE, "<div><p>open <b>bold <i>both</div><table><td>cell<a href=x>link", List.of());
        assertThat(unclosed.text()).contains("open bold both").contains("cell").contains("link");
        assertThat(unclosed.links()).containsExactly(URI.create("http://www.example.gov.cn/news/x"));

        byte[] garbage = new byte[200_000];
        new Random(38).nextBytes(garbage);
        FetchResult fetched = FetchResult.of(FetchOutcome.OK, 200, PAGE, "text/html", garbage, 1);
        assertThat(PageSnapshot.of(fetched, List.of()).textSm3()).hasSize(64);

        String line = "<p>" + "长".repeat(5 * 1024 * 1024 / 3) + "<a href=/end>end</a>";
        long began = System.nanoTime();
        PageSnapshot huge = PageSnapshot.of(PAGE, line, List.of());
        assertThat(huge.text()).endsWith("长end");
        assertThat(huge.links()).containsExactly(URI.create("http://www.example.gov.cn/end"));
        assertThat(System.nanoTime() - began)
                .as("a 5 MB line in well under 10 s")
                .isLessThan(10_000_000_000L);
    }

    @Test
    void aFetchedPageIsDecodedWithItsCharset() {
        Charset gbk = Charset.forName("GBK");
        String html = "<html><head><meta charset=\"gbk\"></head><body><p>政务公开</p></body></html>";
        FetchResult declaredInMeta = FetchResult.of(FetchOutcome.OK, 200, PAGE, "text/html", html.getBytes(gbk), 1);
        assertThat(PageSnapshot.of(declaredInMeta, List.of()).text()).isEqualTo("政务公开");

        String plain = "<p>政务公开</p>";
        FetchResult declaredInHeader =
                FetchResult.of(FetchOutcome.OK, 200, PAGE, "text/html; charset=GB2312", plain.getBytes(gbk), 1);
        assertThat(PageSnapshot.of(declaredInHeader, List.of()).text()).isEqualTo("政务公开");

        FetchResult undeclared =
                FetchResult.of(FetchOutcome.OK, 200, PAGE, "text/html", plain.getBytes(StandardCharsets.UTF_8), 1);
        assertThat(PageSnapshot.of(undeclared, List.of()).text()).isEqualTo("政务公开");
    }
}
