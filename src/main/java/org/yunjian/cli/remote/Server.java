package org.yunjian.cli.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yunjian.shared.Texts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running Yunjian server reached through its REST API with an API token ({@code Authorization: Bearer}), in the
 * CLI's language ({@code Accept-Language}). No Spring, no database: what a call cannot do ends in a {@link Failure}
 * that carries the one line for stderr, in the user's language, and the exit status the CLI uses (1 refused by the
 * server, 2 bad input or the server unreachable).
 */
public final class Server {

    public static final String SERVER_ENV = "YUNJIAN_SERVER";
    public static final String TOKEN_ENV = "YUNJIAN_TOKEN";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE = 200;

    private final URI base;
    private final String token;
    private final Locale locale;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public Server(URI base, String token, Locale locale, Duration timeout) {
        this.base = base;
        this.token = token.strip();
        this.locale = locale;
        this.timeout = timeout;
    }

    /** Why a command ends: the line for stderr and the exit status. */
    public static final class Failure extends RuntimeException {
        private final int status;

        public Failure(int status, String line) {
            super(line, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A refusal of the CLI itself (bad input, no token, no server): exit status 2. */
    public static Failure input(String key, Object... args) {
        return new Failure(2, Texts.get(key, args));
    }

    /**
     * The server's address, refused unless it is {@code https://} or {@code http://} to this machine: the token
     * would cross the network in clear.
     */
    public static URI address(String given) {
        URI uri;
        try {
            uri = URI.create(given.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw input("cli.security.api.badServer", given);
        }
        if (uri.getHost() == null) {
            throw input("cli.security.api.badServer", given);
        }
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback(uri.getHost()))) {
            throw input("cli.security.api.notHttps", given);
        }
        return uri;
    }

    public URI base() {
        return base;
    }

    /** The JSON answer of {@code GET path}. */
    public JsonNode get(String path) {
        return JSON.readTree(send("GET", path).body());
    }

    /** The JSON answer of {@code POST path} without a body. */
    public JsonNode post(String path) {
        return JSON.readTree(send("POST", path).body());
    }

    /** Every row of a paged list ({@code items}, {@code total}), fetched {@value #PAGE} at a time. */
    public List<JsonNode> all(String path) {
        List<JsonNode> rows = new ArrayList<>();
        String join = path.contains("?") ? "&" : "?";
        for (int page = 1; ; page++) {
            JsonNode answer = get(path + join + "size=" + PAGE + "&page=" + page);
            answer.path("items").forEach(rows::add);
            if (answer.path("items").isEmpty() || rows.size() >= answer.path("total").asLong()
                    || page >= answer.path("pages").asInt(1)) {
                return rows;
            }
        }
    }

    /** Sends the request; an answer outside 2xx, an unreachable server or a time-out is a {@link Failure}. */
    public HttpResponse<String> send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Language", locale.toLanguageTag()).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw input("cli.security.api.unreachable", base);
        } catch (HttpTimeoutException e) {
            throw input("cli.security.api.timeout", timeout.toSeconds());
        } catch (IOException e) {
            throw input("cli.security.api.failed", oneLine(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw input("cli.security.api.failed", e.toString());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String line = Texts.get("cli.security.api.refused", status, problem(response.body()));
        throw new Failure(status == 400 ? 2 : 1, line);
    }

    /** "title: detail" of an RFC 9457 body, or the body's first 200 characters if it is none. */
    public static String problem(String body) {
        try {
            Map<?, ?> p = JSON.readValue(body, Map.class);
            Object title = p.get("title");
            Object detail = p.get("detail");
            String text = (title == null ? "" : title.toString())
                    + (detail == null || detail.equals(title) ? "" : (title == null ? "" : ": ") + detail);
            Object errors = p.get("errors");
            if (errors instanceof Map<?, ?> fields && !fields.isEmpty()) {
                text += " " + fields;
            }
            return oneLine(text);
        } catch (RuntimeException notJson) {
            return oneLine(body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    public static boolean loopback(String host) {
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1"));
    }

    public static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ").strip();
    }
}
