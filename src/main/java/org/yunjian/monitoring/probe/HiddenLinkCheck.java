package org.yunjian.monitoring.probe;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.yunjian.monitoring.CheckKind;
import org.yunjian.shared.Msg;

/**
 * Hidden links (暗链) and scripts from unknown hosts (挂马), guide 8.4.1.4, read from a page's HTML without running it.
 *
 * <p>A link ({@code a[href]}, {@code area[href]}) or frame ({@code iframe}/{@code frame}) a reader cannot see raises
 * {@link CheckKind#HIDDEN_LINK}, named by its address, its detail the link's text and the evidence of how it is hidden
 * ({@link Visibility}: inline styles, the page's own {@code <style>} rules, a hidden ancestor); the message says whether
 * it leads outside the allowed domains — the monitored host and the configured ones, subdomains included — which is the
 * 暗链 proper. A visible link to another domain is not an alert. A {@code script[src]} from a host outside the allowed
 * domains raises {@link CheckKind#MALICIOUS_SCRIPT}, as does an inline script whose text writes a {@code <script src>} or
 * a frame from such a host, or creates a script or frame element and sets its {@code src} to one (after undoing the
 * common disguises: {@code '<scr'+'ipt'}, {@code \x3c}, {@code \/}).
 *
 * <p>Not detected, as nothing is run or fetched: rules of external stylesheets; {@code @media} rules; elements hidden or
 * links inserted by a script after the page loads; scripts that build their addresses (string arithmetic beyond
 * {@code '+'}, {@code eval}, {@code String.fromCharCode}, base64); links hidden by being covered by another element or
 * clipped by {@code clip-path}. A link whose page rules hide it until the mouse is over it (a drop-down menu whose
 * {@code :hover} rule shows it) is reported as hidden: the {@code :hover} rule is not applied.
 */
public final class HiddenLinkCheck {

    /** Script text read per inline script: the patterns are linear, but a 5 MB script is not worth more. */
    static final int MAX_SCRIPT_CHARS = 1024 * 1024;

    private static final int MAX_TEXT = 200;
    private static final Pattern CONCATENATION = Pattern.compile("['\"]\\s*\\+\\s*['\"]");
    private static final Pattern WRITTEN_MARKUP = Pattern.compile(
            "<\\s*(?:script|iframe|frame)\\b[^>]{0,1000}?\\bsrc\\s*=\\s*\\\\?['\"]?\\s*((?:https?:)?//[^'\"\\\\\\s>]+)",
            Pattern.CASE_INSENSITIVE);
    /** {@code document.createElement('script')}: a new script or frame, whose variable is found just before it. */
    private static final Pattern CREATES_ELEMENT = Pattern.compile(
            "document\\.createElement\\(\\s*['\"](?:script|i?frame)['\"]\\s*\\)", Pattern.CASE_INSENSITIVE);
    /** {@code s = } (or {@code var s = window.}) at the end of the text before a created element. */
    private static final Pattern ASSIGNED_TO = Pattern.compile("([\\w$]{1,64})\\s*=\\s*(?:window\\.)?$");
    /** Variables of created elements followed per script: a handful in any real one. */
    private static final int MAX_CREATED = 20;

    private final Set<String> allowedDomains;

    /** Links and scripts may lead to the monitored page's host and to {@code allowedDomains} (and their subdomains). */
    public HiddenLinkCheck(Collection<String> allowedDomains) {
        this.allowedDomains = WebAddress.normaliseHosts(allowedDomains);
    }

    /** The findings of a fetched page (decoded with its charset). */
    public List<Finding> check(FetchResult page) {
        return check(page.finalUri(), PageSnapshot.parse(page));
    }

    /** The findings of {@code html} served at {@code page}. */
    public List<Finding> check(URI page, String html) {
        return check(page, Jsoup.parse(html, page.toString()));
    }

    private List<Finding> check(URI page, Document doc) {
        Set<String> allowed = new HashSet<>(allowedDomains);
        String host = WebAddress.host(page);
        if (host != null) {
            allowed.add(host);
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        Visibility visibility = new Visibility(PageStyles.of(doc));
        for (Element e : doc.select("a[href], area[href], iframe[src], frame[src]")) {
            String attribute = e.hasAttr("href") ? "href" : "src";
            List<URI> target = PageSnapshot.addresses(List.of(e), attribute, false);
            if (target.isEmpty() || !WebAddress.isWeb(target.get(0))) {
                continue;
            }
            URI uri = target.get(0);
            Optional<Visibility.Hidden> hidden = visibility.hidden(e);
            if (hidden.isPresent()) {
                boolean foreign = !WebAddress.withinDomains(WebAddress.host(uri), allowed);
                Msg why = Msg.of(hidden.get().reason().key());
                String key = foreign ? "monitoring.page.hidden.foreign" : "monitoring.page.hidden.internal";
                String text = clip(e.text());
                String detail = text.isEmpty()
                        ? hidden.get().evidence()
                        : text + "\n" + hidden.get().evidence();
                findings.putIfAbsent(
                        "link " + uri,
                        new Finding(CheckKind.HIDDEN_LINK, uri.toString(), Msg.of(key, uri, why), detail));
            }
        }
        for (Element script : doc.select("script")) {
            if (script.hasAttr("src")) {
                for (URI uri : PageSnapshot.addresses(List.of(script), "src", true)) {
                    String scriptHost = WebAddress.host(uri);
                    if (!WebAddress.withinDomains(scriptHost, allowed)) {
                        findings.putIfAbsent(
                                "script " + uri,
                                new Finding(
                                        CheckKind.MALICIOUS_SCRIPT,
                                        uri.toString(),
                                        Msg.of("monitoring.page.script.foreign", uri, scriptHost),
                                        clip(script.outerHtml())));
                    }
                }
            } else {
                for (Injected injected : injected(script.data())) {
                    String injectedHost = WebAddress.host(injected.uri());
                    if (!WebAddress.withinDomains(injectedHost, allowed)) {
                        findings.putIfAbsent(
                                "script " + injected.uri(),
                                new Finding(
                                        CheckKind.MALICIOUS_SCRIPT,
                                        injected.uri().toString(),
                                        Msg.of("monitoring.page.script.injects", injected.uri(), injectedHost),
                                        injected.excerpt()));
                    }
                }
            }
        }
        return List.copyOf(findings.values());
    }

    /** An address an inline script loads a script or frame from, with the text around it. */
    record Injected(URI uri, String excerpt) {}

    /** The absolute addresses an inline script writes as script or frame markup, or sets as a created element's src. */
    static List<Injected> injected(String script) {
        String text = script.length() > MAX_SCRIPT_CHARS ? script.substring(0, MAX_SCRIPT_CHARS) : script;
        text = CONCATENATION
                .matcher(text.replace("\\x3c", "<")
                        .replace("\\x3C", "<")
                        .replace("\\u003c", "<")
                        .replace("\\u003C", "<")
                        .replace("\\/", "/"))
                .replaceAll("");
        List<Injected> out = new ArrayList<>();
        collect(WRITTEN_MARKUP.matcher(text), text, out);
        Set<String> created = new LinkedHashSet<>();
        for (Matcher m = CREATES_ELEMENT.matcher(text); m.find() && created.size() < MAX_CREATED; ) {
            Matcher variable = ASSIGNED_TO.matcher(text.substring(Math.max(0, m.start() - 80), m.start()));
            if (variable.find()) {
                created.add(variable.group(1));
            }
        }
        for (String variable : created) {
            String v = "(?<![\\w$.])" + Pattern.quote(variable);
            Pattern srcSet =
                    Pattern.compile(v + "\\s*(?:\\.\\s*src\\s*=|\\.\\s*setAttribute\\(\\s*['\"]src['\"]\\s*,)\\s*"
                            + "['\"]((?:https?:)?//[^'\"\\s]+)['\"]");
            collect(srcSet.matcher(text), text, out);
        }
        return out;
    }

    private static void collect(Matcher m, String text, List<Injected> out) {
        while (m.find()) {
            String address = m.group(1);
            WebAddress.parse(address.startsWith("//") ? "http:" + address : address)
                    .filter(WebAddress::isWeb)
                    .ifPresent(uri -> out.add(new Injected(uri, excerpt(text, m.start(), m.end()))));
        }
    }

    private static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - 40);
        int to = Math.min(text.length(), Math.max(end, from + MAX_TEXT / 2) + 20);
        return clip(text.substring(from, to).replaceAll("\\s+", " ").strip());
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
