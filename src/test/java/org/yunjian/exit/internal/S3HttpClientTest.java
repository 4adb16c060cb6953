package org.yunjian.exit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.yunjian.exit.ExitTexts;
import org.yunjian.exit.S3Settings;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/** The connection pool made for a plain {@code http://} endpoint: it never sets up TLS, and says so when asked to. */
class S3HttpClientTest {

    private static S3Settings settings(String endpoint) {
        return new S3Settings(endpoint, null, "k", "s", 4, S3Settings.DEFAULT_PART_SIZE, S3Settings.DEFAULT_MEMORY, 0);
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "s3-http-client-test");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void aPlainEndpointsClientRefusesTlsNamingTheHost() throws Exception {
        Locale before = ExitTexts.locale();
        ExitTexts.use(Locale.ENGLISH);
        List<Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket server = new ServerSocket(0);
                SdkHttpClient http = S3Source.httpClient(settings("http://127.0.0.1:" + server.getLocalPort()), 2)) {
            Thread acceptor = daemon(() -> {
                try {
                    accepted.add(server.accept()); // the TCP connection is made; TLS is what gets refused
                } catch (IOException ignored) {
                    // closed by the test
                }
            });
            SdkHttpFullRequest https = SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.GET)
                    .uri(URI.create("https://127.0.0.1:" + server.getLocalPort() + "/bucket/key"))
                    .build();
            assertThatThrownBy(() -> http.prepareRequest(
                                    HttpExecuteRequest.builder().request(https).build())
                            .call())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("the endpoint is http://, so no TLS connection is made to 127.0.0.1");
            acceptor.join(5_000);
            assertThat(accepted).hasSize(1);
        } finally {
            ExitTexts.use(before);
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void anHttpsEndpointsClientStillSetsUpTls() throws Exception {
        try (ServerSocket server = new ServerSocket(0);
                SdkHttpClient http = S3Source.httpClient(settings("https://127.0.0.1:" + server.getLocalPort()), 2)) {
            daemon(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("not a TLS handshake\r\n".getBytes());
                } catch (IOException ignored) {
                    // closed by the test
                }
            });
            SdkHttpFullRequest https = SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.GET)
                    .uri(URI.create("https://127.0.0.1:" + server.getLocalPort() + "/bucket/key"))
                    .build();
            // a real handshake is attempted (and fails on the garbage), not the plain endpoint's refusal
            assertThatThrownBy(() -> http.prepareRequest(
                                    HttpExecuteRequest.builder().request(https).build())
                            .call())
                    .isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("no TLS connection is made"));
        }
    }
}
