package org.yunjian.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal HTTP/1.1 client on a raw socket: one request per connection, from a chosen loopback address, with the
 * request line and headers sent byte for byte as given (percent sequences, control characters and all), which
 * java.net.http and MockMvc would refuse or normalise.
 */
public final class RawHttp {

    private RawHttp() {}

    /** The status, the header lines and the body (read as UTF-8) of an answer. */
    public record Response(int status, List<String> headers, String body) {

        public List<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream()
                    .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip())
                    .toList();
        }

        public String first(String name) {
            List<String> all = header(name);
            return all.isEmpty() ? null : all.get(0);
        }
    }

    /**
     * Sends {@code head} (the request line and headers, each ending in CRLF, written as ISO-8859-1) plus Host and
     * {@code Connection: close}, then {@code body}, from {@code from} to the server on loopback {@code port}.
     */
    public static Response send(int port, String from, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            socket.shutdownOutput();
            return read(socket.getInputStream());
        }
    }

    /** A logged-in session: the {@code Cookie} header line to send and the page's CSRF token. */
    public record Session(String cookieHeader, String csrf) {}

    /** Form login from {@code from}; the session it opened (the CSRF token read from the home page). */
    public static Session login(int port, String from, String username, String password) throws IOException {
        Response page = send(port, from, "GET /login HTTP/1.1\r\n", null);
        String cookies = cookies(page, "");
        byte[] form = ("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(find(CSRF_INPUT, page.body()), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        Response login = send(
                port,
                from,
                "POST /login HTTP/1.1\r\nCookie: " + cookies + "\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length + "\r\n",
                form);
        if (login.status() != 302 || login.first("Location").contains("error")) {
            throw new IllegalStateException("login as " + username + " failed: " + login.status());
        }
        cookies = cookies(login, cookies);
        Response home = send(port, from, "GET / HTTP/1.1\r\nCookie: " + cookies + "\r\n", null);
        return new Session("Cookie: " + cookies(home, cookies) + "\r\n", find(CSRF_META, home.body()));
    }

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private static String find(Pattern p, String html) {
        Matcher m = p.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    /** The cookies {@code r} sets, replacing those of the same name in {@code before} ("a=1; b=2"). */
    private static String cookies(Response r, String before) {
        java.util.Map<String, String> jar = new java.util.LinkedHashMap<>();
        for (String c : before.isEmpty() ? new String[0] : before.split("; ")) {
            jar.put(c.substring(0, c.indexOf('=')), c);
        }
        for (String set : r.header("Set-Cookie")) {
            String c = set.split(";")[0];
            jar.put(c.substring(0, c.indexOf('=')), c);
        }
        return String.join("; ", jar.values());
    }

    /** An answer read to the end of the connection (a chunked body is joined). */
    public static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String[] lines = new String(all, 0, split, StandardCharsets.UTF_8).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String> headers = List.of(lines).subList(1, lines.length);
        byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
        Response head = new Response(status, headers, "");
        if ("chunked".equalsIgnoreCase(head.first("Transfer-Encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int eol = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            int size = Integer.parseInt(
                    new String(chunked, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = from; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
