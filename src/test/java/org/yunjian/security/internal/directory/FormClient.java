package org.yunjian.security.internal.directory;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person's browser, without JavaScript: keeps cookies per host, follows redirects itself (so each hop between the
 * application and the provider is a real request), and posts forms with the CSRF token the page carried.
 */
final class FormClient {

    record Page(int status, URI uri, String body, String location) {

        /** The value of the hidden {@code _csrf} field of the page's forms. */
        String csrf() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                    .matcher(body);
            if (!m.find()) {
                throw new AssertionError("no CSRF field on " + uri + ":\n" + body);
            }
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Page get(String url) throws IOException, InterruptedException {
        return follow(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    Page post(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return follow(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Sends {@code request} and follows redirects (GET), at most 15; the last page. */
    private Page follow(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < 15 && r.statusCode() / 100 == 3; hops++) {
            URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
            r = http.send(
                    HttpRequest.newBuilder(next)
                            .header("Accept", "text/html")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return new Page(
                r.statusCode(),
                r.uri(),
                r.body(),
                r.headers().firstValue("Location").orElse(null));
    }

    /** A request of its own with a bearer token (no cookies sent: a fresh client): the status. */
    static int bearer(String url, String token) throws IOException, InterruptedException {
        return bearerResponse(url, token).statusCode();
    }

    /** As {@link #bearer}, the whole answer. */
    static HttpResponse<String> bearerResponse(String url, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
