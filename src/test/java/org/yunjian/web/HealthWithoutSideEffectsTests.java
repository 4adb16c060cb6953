package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.yunjian.notification.internal.DemoMailSink;

/**
 * Issue 56, finding 4: an anonymous {@code GET /actuator/health} opened a connection to the mail server (Spring Boot's
 * mail health indicator) and logged a 27 KB stack trace each time; in the demo (no SMTP server) the health was DOWN
 * (503) for ever. The demo's mail sink is pointed at a loopback socket that counts (and drops) every connection: the
 * anonymous health endpoints answer 200 UP, with no details, without a single connection and without a stack trace.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
@org.yunjian.support.OnePass
class HealthWithoutSideEffectsTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void anonymousHealthOpensNoMailConnectionAndLogsNoStackTrace() throws Exception {
        // the log of the health requests (other classes run beside this one: only health and mail loggers count)
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        DemoMailSink sink = context.getBean(DemoMailSink.class);
        String host = sink.getHost();
        int smtpPort = sink.getPort();
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket smtp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread counter = new Thread(() -> {
                while (!smtp.isClosed()) {
                    try (Socket s = smtp.accept()) {
                        accepted.incrementAndGet();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            counter.setDaemon(true);
            counter.start();
            sink.setHost("127.0.0.1");
            sink.setPort(smtp.getLocalPort());
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            for (int i = 0; i < 30; i++) {
                for (String path :
                        new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(path).isEqualTo(200);
                    assertThat(r.body())
                            .as(path)
                            .contains("\"status\":\"UP\"")
                            .doesNotContain("components")
                            .doesNotContain("details")
                            .doesNotContain("mail");
                }
            }
            assertThat(accepted).as("connections to the mail server").hasValue(0);
            assertThat(logged.list)
                    .filteredOn(e ->
                            e.getLoggerName().toLowerCase(java.util.Locale.ROOT).matches(".*(health|mail).*")
                                    || e.getFormattedMessage()
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .contains("health check"))
                    .as("log lines of the health requests")
                    .isEmpty();
            smtp.close();
            counter.join(5000);
        } finally {
            root.detachAppender(logged);
            sink.setHost(host);
            sink.setPort(smtpPort);
        }
    }

    @Test
    void springBootsConnectingMailHealthIndicatorIsNotInTheContext() {
        assertThat(context.getBeanNamesForType(org.springframework.boot.mail.health.MailHealthIndicator.class))
                .isEmpty();
    }
}
