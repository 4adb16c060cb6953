package org.yunjian.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A logged-in HTTP session (cookie and CSRF token for writes), as a browser or REST client holds one. */
public final class BenchSession {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;
    private String csrf;

    BenchSession(String base) {
        this.base = base;
    }

    void login(String user, String password) throws IOException, InterruptedException {
        String page = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + location);
        }
        csrf = MAPPER.readTree(get("/api/csrf")).get("token").asText();
    }

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    <T> T get(String path, Class<T> type) throws IOException, InterruptedException {
        return MAPPER.readValue(get(path), type);
    }

    JsonNode send(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", csrf)
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return MAPPER.readTree(r.body());
    }

    /** A form post as a browser sends it (CSRF token in the form); answers the status code. */
    int postForm(String path, String form) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    /** A JSON request whose answer may be a problem: the status code and the body. */
    HttpResponse<String> sendRaw(String method, String path, String json) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "application/json")
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", csrf)
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
