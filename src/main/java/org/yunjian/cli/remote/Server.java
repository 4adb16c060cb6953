package org.yunjian.cli.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
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

    public Server(URI base, String token, Locale locale, Duration timeout) {
        this.base = base;
        this.token = token.strip();
        this.locale = locale;
        this.timeout = timeout;
    }

    /** Why a command ends: the line for stderr and the exit status. */
    public static final class Failure extends RuntimeException {
        private final int status;
        private final int http;
        private final String body;

        public Failure(int status, String line) {
            this(status, line, 0, null);
        }

        Failure(int status, String line, int http, String body) {
            super(line, null, false, false);
            this.status = status;
            this.http = http;
            this.body = body;
        }

        public int status() {
            return status;
        }

        /** The server's HTTP status of a refusal; 0 when the CLI itself refused or reached no server. */
        int http() {
            return http;
        }

        /** The server's answer to a refused request (an RFC 9457 problem), or null. */
        String body() {
            return body;
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

    /** The JSON answer of {@code method path} with {@code body} as JSON. */
    public JsonNode send(String method, String path, Object body) {
        return send(method, path, body, null);
    }

    /**
     * The JSON answer of {@code method path} with {@code body} as JSON (none when null), naming the object's version
     * it replaces in {@code If-Match} when {@code version} is given.
     */
    public JsonNode send(String method, String path, Object body, Long version) {
        byte[] json = body == null ? null : JSON.writeValueAsBytes(body);
        return JSON.readTree(exchange(method, path, "application/json", json, version, JSON_ACCEPT)
                .text());
    }

    /** The bytes of {@code GET path} exactly as the server sent them (a report, a workbook, an export). */
    public byte[] download(String path) {
        return exchange("GET", path, null, null, null, "*/*").body();
    }

    /**
     * The JSON answer of a {@code multipart/form-data} POST of {@code file} as the part {@code file}, with
     * {@code fields} as further parts (the JDK's own HTTP connection, no further library).
     */
    public JsonNode upload(String path, java.nio.file.Path file, Map<String, String> fields) throws IOException {
        String boundary = "yunjian-" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                            + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String name = file.getFileName().toString().replace("\"", "%22").replaceAll("[\\r\\n]", "_");
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(java.nio.file.Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return JSON.readTree(exchange(
                        "POST",
                        path,
                        "multipart/form-data; boundary=" + boundary,
                        body.toByteArray(),
                        null,
                        JSON_ACCEPT)
                .text());
    }

    /** Every row of a paged list ({@code items}, {@code total}), fetched {@value #PAGE} at a time. */
    public List<JsonNode> all(String path) {
        return all(path, null);
    }

    /**
     * Every row of a paged list that the answer holds under {@code field} (null: the answer itself), fetched
     * {@value #PAGE} at a time.
     */
    public List<JsonNode> all(String path, String field) {
        List<JsonNode> rows = new ArrayList<>();
        String join = path.contains("?") ? "&" : "?";
        for (int page = 1; ; page++) {
            JsonNode got = get(path + join + "size=" + PAGE + "&page=" + page);
            JsonNode answer = field == null ? got : got.path(field);
            answer.path("items").forEach(rows::add);
            if (answer.path("items").isEmpty()
                    || rows.size() >= answer.path("total").asLong()
                    || page >= answer.path("pages").asInt(1)) {
                return rows;
            }
        }
    }

    /** A 2xx answer: its status and body. */
    public record Answer(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends the request; an answer outside 2xx, an unreachable server or a time-out is a {@link Failure}. */
    public Answer send(String method, String path) {
        return exchange(method, path, null, null, null, JSON_ACCEPT);
    }

    private static final String JSON_ACCEPT = "application/json, application/problem+json";

    /**
     * One request on the JDK's own {@link HttpURLConnection}: a command makes one or a few calls in a row, for which
     * the JDK's asynchronous {@code HttpClient} (its selector thread, its futures, a TLS context built even for
     * {@code http://}) cost a fifth of a remote command's run. No redirect is followed: the token goes to the
     * address given and nowhere else. Each answer is read whole, so the next call of a paged list reuses the
     * connection.
     */
    private Answer exchange(String method, String path, String contentType, byte[] body, Long version, String accept) {
        try {
            HttpURLConnection c =
                    (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            c.setInstanceFollowRedirects(false);
            c.setUseCaches(false);
            c.setConnectTimeout(10_000);
            c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            c.setRequestMethod(method);
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setRequestProperty("Accept", accept);
            c.setRequestProperty("Accept-Language", locale.toLanguageTag());
            if (contentType != null) {
                c.setRequestProperty("Content-Type", contentType);
            }
            if (version != null) {
                c.setRequestProperty("If-Match", "\"" + version + "\"");
            }
            if (body != null) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            byte[] answer;
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                answer = in == null ? new byte[0] : in.readAllBytes();
            }
            if (status >= 200 && status < 300) {
                return new Answer(status, answer);
            }
            String text = new String(answer, StandardCharsets.UTF_8);
            String line = Texts.get("cli.security.api.refused", status, problem(text));
            throw new Failure(status == 400 ? 2 : 1, line, status, text);
        } catch (ConnectException e) {
            throw input("cli.security.api.unreachable", base);
        } catch (SocketTimeoutException e) {
            throw input("cli.security.api.timeout", timeout.toSeconds());
        } catch (IOException e) {
            throw input("cli.security.api.failed", oneLine(String.valueOf(e.getMessage())));
        }
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
        return host != null
                && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
    }

    public static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ").strip();
    }
}
