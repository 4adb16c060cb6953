package org.yunjian.monitoring.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A web site on 127.0.0.1 for the probes' tests: pages, statuses and redirects by exact path (anything else is a 404),
 * every request recorded as {@code "GET /path"}. Reached as {@code http://127.0.0.1:port} or, as another host name
 * for the same socket, {@code http://localhost:port}.
 */
final class LoopbackSite implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-site");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final String scheme;

    private LoopbackSite(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            HttpHandler h = routes.get(exchange.getRequestURI().getPath());
            try (exchange) {
                if (h == null) {
                    respond(exchange, 404, "text/html", "<p>not here</p>");
                } else {
                    h.handle(exchange);
                }
            }
        });
        server.start();
    }

    static LoopbackSite start() {
        try {
            return new LoopbackSite(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoopbackSite startTls(SSLContext tls) {
        try {
            HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new LoopbackSite(s, "https");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoopbackSite handle(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    LoopbackSite page(String path, String contentType, String body) {
        return handle(path, e -> respond(e, 200, contentType, body));
    }

    LoopbackSite html(String path, String body) {
        return page(path, "text/html; charset=utf-8", body);
    }

    LoopbackSite status(String path, int status) {
        return handle(path, e -> respond(e, status, "text/plain", "status " + status));
    }

    LoopbackSite redirect(String path, String location) {
        return handle(path, e -> {
            e.getResponseHeaders().add("Location", location);
            e.sendResponseHeaders(302, -1);
        });
    }

    static void respond(HttpExchange e, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().add("Content-Type", contentType);
        boolean head = e.getRequestMethod().equals("HEAD");
        e.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = e.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI uri(String path) {
        return uri("127.0.0.1", path);
    }

    URI uri(String host, String path) {
        return URI.create(scheme + "://" + host + ":" + port() + path);
    }

    /** The requests served so far, as {@code "GET /path"}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
