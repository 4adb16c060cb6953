package org.yunjian.monitoring.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A loopback server for the TLS tests: a TLS server presenting a given chain (optionally only some protocol
 * versions), a server that accepts connections and never answers, or one that answers with plain text.
 */
public final class TlsTestServer implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tls-test-server");
        t.setDaemon(true);
        return t;
    });
    private final Mode mode;

    private enum Mode {
        TLS,
        SILENT,
        PLAIN_TEXT
    }

    private TlsTestServer(ServerSocket server, Mode mode) {
        this.server = server;
        this.mode = mode;
        if (mode != Mode.SILENT) {
            pool.execute(this::accept);
        }
    }

    public static TlsTestServer tls(TestPki.Issued issued, String... protocols) throws Exception {
        return tls(0, issued, protocols);
    }

    /** On loopback {@code port} (0: a free one; a server replaced: the old one's). */
    public static TlsTestServer tls(int port, TestPki.Issued issued, String... protocols) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] password = "test".toCharArray();
        ks.setKeyEntry("server", issued.key(), password, issued.chain().toArray(java.security.cert.Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket s =
                (SSLServerSocket) context.getServerSocketFactory().createServerSocket(port, 50, TestPki.loopback());
        if (protocols.length > 0) {
            s.setEnabledProtocols(protocols);
        }
        return new TlsTestServer(s, Mode.TLS);
    }

    /** Accepts (the kernel completes the connection) but never says a word. */
    static TlsTestServer silent() throws IOException {
        return new TlsTestServer(new ServerSocket(0, 50, TestPki.loopback()), Mode.SILENT);
    }

    /** Answers every connection with an HTTP error in plain text and closes it. */
    static TlsTestServer plainText() throws IOException {
        return new TlsTestServer(new ServerSocket(0, 50, TestPki.loopback()), Mode.PLAIN_TEXT);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                pool.execute(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(5_000);
            if (mode == Mode.PLAIN_TEXT) {
                s.getOutputStream()
                        .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            ((SSLSocket) s).startHandshake();
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // until the client closes
            }
        } catch (IOException | RuntimeException clientWentAway) {
            // the check closes its connections as it likes
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
