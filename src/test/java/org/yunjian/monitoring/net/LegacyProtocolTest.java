package org.yunjian.monitoring.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where the JDK may still offer TLS 1.0 and 1.1 (enabled again in {@code java.security}), {@link TlsCheck} offers each
 * on its own and reports a server that accepts it, and reports a negotiated version below TLS 1.2. Run in a JVM of
 * its own ({@link LegacyProtocolProbe}): the setting is read once per JVM, when the JDK's TLS starts.
 */
class LegacyProtocolTest {

    @Test
    void serverAcceptingTls11IsReportedWhereTheJdkCanOfferIt() throws Exception {
        List<String> lines = runProbe();

        assertThat(lines)
                .containsSubsequence(
                        "offered TLSv1,TLSv1.1",
                        "server TLSv1.1,TLSv1.2 negotiated TLSv1.2 tested TLSv1,TLSv1.1",
                        "finding protocol:TLSv1.1 monitoring.net.tls.protocolAccepted",
                        "server TLSv1.1 negotiated TLSv1.1 tested TLSv1,TLSv1.1",
                        "finding protocol:TLSv1.1 monitoring.net.tls.protocolNegotiated");
        assertThat(lines).noneMatch(l -> l.startsWith("finding protocol:TLSv1 "));
        assertThat(lines.stream().filter(l -> l.startsWith("finding"))).hasSize(2);
    }

    private static List<String> runProbe() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LegacyProtocolProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            return out.lines().toList();
        } finally {
            p.destroyForcibly();
        }
    }
}
