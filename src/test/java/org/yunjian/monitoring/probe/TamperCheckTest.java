package org.yunjian.monitoring.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.shared.Msg;

class TamperCheckTest {

    static final List<String> REGIONS = List.of("#ticker");

    private final Fetcher fetcher = new Fetcher(org.yunjian.support.LoopbackOutbound.POLICY);
    private final TamperCheck check = new TamperCheck(fetcher);
    private LoopbackSite site;

    @BeforeEach
    void start() {
        site = LoopbackSite.start();
        site.page("/js/app.js", "application/javascript", "console.log('v1');");
        site.page("/css/site.css", "text/css", "body { color: black }");
    }

    @AfterEach
    void stop() {
        site.close();
        fetcher.close();
    }

    private String page(String body, String ticker) {
        return "<html><head><title>区政府</title><link rel=stylesheet href=/css/site.css>"
                + "<script src=/js/app.js></script></head><body><div id=ticker>" + ticker + "</div>" + body
                + "</body></html>";
    }

    private Baseline baselineOf(String html) {
        site.html("/", html);
        FetchResult fetched = fetcher.fetch(site.uri("/"), FetchLimits.defaults());
        return check.baseline(PageSnapshot.of(fetched, REGIONS));
    }

    static final String BODY = "<p>本区今年共受理政务服务事项一万二千件。办结率为百分之九十九。</p><p>欢迎监督。</p>";

    @Test
    void anIdenticalPageRaisesNothing() {
        Baseline approved = baselineOf(page(BODY, "今日 11月26日"));
        Baseline current = baselineOf(page(BODY, "今日 11月26日"));
        assertThat(TamperCheck.compare(approved, current)).isEmpty();
        assertThat(approved.resources().values()).allMatch(r -> r.state() == Baseline.State.FETCHED);
    }

    @Test
    void aChangeInsideADynamicRegionRaisesNothing() {
        Baseline approved = baselineOf(page(BODY, "今日 11月26日 <img src=/a.png>"));
        Baseline current = baselineOf(page(BODY, "今日 11月27日 <a href=/new>新闻</a>"));
        assertThat(TamperCheck.compare(approved, current)).isEmpty();
    }

    @Test
    void aDiffMasksPersonalNumbersAsThePrivacyAlertDoes() {
        // a published 身份证号 (a valid check digit) and a mobile number in the changed sentence and in its context
        String id = "11010519491231002X";
        String before = "<p>办事人员公示。</p><p>联系人身份证号 " + id + "。</p><p>咨询电话 13912345678。</p>";
        Baseline approved = baselineOf(page(before, ""));
        Baseline current = baselineOf(page(before.replace("办事人员公示", "办事人员名单公示"), ""));

        String diff = TamperCheck.compare(approved, current).get(0).detail();
        assertThat(diff).contains("办事人员名单公示").doesNotContain(id).doesNotContain("13912345678");
        String masked = new PrivacyScanner().masked(id);
        assertThat(masked).isNotEqualTo(id);
        assertThat(diff).contains(masked);
        assertThat(diff.lines().filter(l -> l.startsWith("+") || l.startsWith("-")))
                .anyMatch(l -> l.startsWith("+"));
    }

    @Test
    void aChangedWordRaisesTamperingWithADiffShowingTheWord() {
        Baseline approved = baselineOf(page(BODY, ""));
        Baseline current = baselineOf(page(BODY.replace("百分之九十九", "百分之五十"), ""));

        List<Finding> findings = TamperCheck.compare(approved, current);
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.kind()).isEqualTo(CheckKind.TAMPERING);
        assertThat(f.subject()).isEqualTo("page");
        assertThat(f.message()).isEqualTo(Msg.of("monitoring.page.tamper.text", site.uri("/")));
        assertThat(f.detail().lines().filter(l -> l.startsWith("-") || l.startsWith("+")))
                .as("the one sentence, before and after")
                .containsExactly("-办结率为百分之九十九。", "+办结率为百分之五十。");
        assertThat(f.detail()).contains(" 本区今年共受理政务服务事项一万二千件。").startsWith("@@");
    }

    @Test
    void aChangedScriptFileRaisesTamperingNamingIt() {
        Baseline approved = baselineOf(page(BODY, ""));
        site.page("/js/app.js", "application/javascript", "console.log('v1');new Image().src='//evil.example/'");
        Baseline current = baselineOf(page(BODY, ""));

        List<Finding> findings = TamperCheck.compare(approved, current);
        URI script = site.uri("/js/app.js");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(CheckKind.TAMPERING);
            assertThat(f.subject()).isEqualTo(script.toString());
            assertThat(f.message()).isEqualTo(Msg.of("monitoring.page.tamper.resource.changed", script));
            assertThat(f.detail())
                    .contains(approved.resources().get(script).sm3())
                    .contains(current.resources().get(script).sm3());
        });
    }

    @Test
    void anAddedOrRemovedResourceRaisesTampering() {
        Baseline approved = baselineOf(page(BODY, ""));
        site.page("/js/extra.js", "application/javascript", "1");
        Baseline current = baselineOf(page(BODY + "<script src=/js/extra.js></script>", "")
                .replace("<link rel=stylesheet href=/css/site.css>", ""));

        assertThat(TamperCheck.compare(approved, current))
                .extracting(Finding::subject, f -> f.message().key())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                site.uri("/css/site.css").toString(), "monitoring.page.tamper.resource.removed"),
                        org.assertj.core.groups.Tuple.tuple(
                                site.uri("/js/extra.js").toString(), "monitoring.page.tamper.resource.added"));
    }

    @Test
    void aResourceThatCannotBeFetchedIsRecordedAndItsRecoveryIsAChange() {
        String html = page(BODY + "<img src=/later.png>", "");
        Baseline approved = baselineOf(html);
        Baseline.Resource missing = approved.resources().get(site.uri("/later.png"));
        assertThat(missing.state()).isEqualTo(Baseline.State.FAILED);
        assertThat(missing.status()).isEqualTo(404);

        site.page("/later.png", "image/png", "png");
        assertThat(TamperCheck.compare(approved, baselineOf(html)))
                .extracting(Finding::subject)
                .containsExactly(site.uri("/later.png").toString());
    }

    @Test
    void resourcesOnOtherHostsAreListedButNotFetched() {
        URI elsewhere = site.uri("localhost", "/cdn/lib.js");
        Baseline b = baselineOf(page(BODY + "<script src=" + elsewhere + "></script>", ""));
        assertThat(b.resources().get(elsewhere).state()).isEqualTo(Baseline.State.OTHER_HOST);
        assertThat(site.requests()).doesNotContain("GET /cdn/lib.js");
    }

    @Test
    void atMostFiftyResourcesAreFetched() {
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            images.append("<img src=/img/").append(i).append(".png>");
        }
        Baseline b = baselineOf(page(BODY + images, ""));
        assertThat(b.resources().values().stream()
                        .filter(r -> r.state() == Baseline.State.OVER_LIMIT)
                        .count())
                .isEqualTo(62 - TamperCheck.MAX_RESOURCES);
        assertThat(site.requests().stream().filter(r -> r.startsWith("GET /img/")))
                .hasSize(TamperCheck.MAX_RESOURCES - 2);
    }

    @Test
    void aBaselineSurvivesJsonAndRefusesATamperedCopy() {
        Baseline approved = baselineOf(page(BODY, ""));
        String json = approved.toJson();
        assertThat(Baseline.fromJson(json)).isEqualTo(approved);

        String forged = json.replace("欢迎监督", "欢迎投资");
        assertThatThrownBy(() -> Baseline.fromJson(forged)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Baseline.fromJson("{not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongDiffIsCutAtTwoHundredLines() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            a.append("Line ").append(i).append(" old.\n");
            b.append("Line ").append(i).append(" new.\n");
        }
        List<String> lines =
                TamperCheck.diff(a.toString(), b.toString()).lines().toList();
        assertThat(lines).hasSize(TamperCheck.MAX_DIFF_LINES + 1);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("…");
    }

    @Test
    void sentencesSplitAtTheirEndsButNotInsideNumbersOrNames() {
        assertThat(TamperCheck.sentences("第一句。第二句！Third one. Fourth: 3.14 at www.gov.cn; end"))
                .containsExactly("第一句。", "第二句！", "Third one.", "Fourth: 3.14 at www.gov.cn;", "end");
    }
}
