package org.yunjian.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A logged-in HTTP session against a running server, as a REST client would hold one (cookie + CSRF token). */
public final class WebSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Function<String, URI> base;
    private String csrf;

    public WebSession(Function<String, URI> base) {
        this.base = base;
    }

    /** Form login; returns the redirect target. */
    public String login(String username, String password) throws IOException, InterruptedException {
        String page = get("/login").body();
        csrf = find(CSRF_INPUT, page);
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(base.apply("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", username, "password", password, "_csrf", csrf))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        String home = get("/").body();
        String token = find(CSRF_META, home);
        if (token != null) {
            csrf = token;
        }
        return location;
    }

    /**
     * Form login, tried again every 50 ms until accepted or {@code deadline} ({@link System#nanoTime()}) passes: a
     * server started in demo mode seeds its accounts just after it starts listening.
     */
    public WebSession loginOnceSeeded(String username, String password, long deadline)
            throws IOException, InterruptedException {
        while (login(username, password).contains("error") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return this;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.apply(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(base.apply(path))
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any method, with the session's cookie and CSRF token and the given headers (e.g. Accept-Language). */
    public HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.apply(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends without waiting, so a test can act the moment a response arrives (e.g. kill the server on a 201). */
    public java.util.concurrent.CompletableFuture<HttpResponse<String>> postJsonAsync(String path, String json) {
        return client.sendAsync(
                HttpRequest.newBuilder(base.apply(path))
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Takes the session's current CSRF token from {@code /api/csrf} (after a login step that changed it). */
    public void refreshCsrf() throws IOException, InterruptedException {
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"")
                .matcher(get("/api/csrf").body());
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    private static String find(Pattern p, String html) {
        Matcher m = p.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
