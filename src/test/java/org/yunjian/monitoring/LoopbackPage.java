package org.yunjian.monitoring;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A web page served on loopback for the monitoring tests that drive the platform: every request answers the HTML
 * {@code html} gives at that moment (a test changes it between probes to tamper with the page), as UTF-8.
 */
public final class LoopbackPage implements AutoCloseable {

    private final HttpServer server;

    private LoopbackPage(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code html} at every path of a free loopback port. */
    public static LoopbackPage serving(Supplier<String> html) throws IOException {
        return serving(html, 0);
    }

    /** Serves {@code html} at every path of loopback {@code port} (0: a free one; a site that comes back: its old). */
    public static LoopbackPage serving(Supplier<String> html, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", x -> {
            byte[] b = html.get().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.start();
        return new LoopbackPage(server);
    }

    /** Answers {@code path} (and below it) with {@code handler} instead of the page. */
    public void context(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The page's address: {@code http://127.0.0.1:<port>/}. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
