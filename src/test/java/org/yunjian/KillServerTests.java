package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yunjian.demo.DemoData;
import org.yunjian.support.ServerProcess;
import org.yunjian.support.WebSession;

/** An acknowledged write survives SIGKILL of the server right after the response (H2 with WRITE_DELAY=0). */
class KillServerTests {

    @Test
    void acknowledgedWriteSurvivesSigkill() throws Exception {
        Path dataDir = Files.createTempDirectory("yunjian-kill-");
        String name = "断电测试系统-" + UUID.randomUUID();
        String id;
        try (ServerProcess server = ServerProcess.start(dataDir, "--spring.profiles.active=demo")) {
            WebSession session = new WebSession(server::uri);
            // demo accounts are seeded just after the server starts listening
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (session.login(DemoData.CUSTOMER_USER, DemoData.PASSWORD).contains("error")
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            HttpResponse<String> created = session.postJson("/api/systems", """
                    {"name":"%s","protectionLevel":3,"deploymentModel":"PUBLIC","serviceModel":"IAAS",
                     "industry":"GOVERNMENT_WEBSITE","dataClassification":"IMPORTANT","regions":["北京"],
                     "agents":[]}""".formatted(name));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(created.body());
            assertThat(m.find()).isTrue();
            id = m.group(1);
            server.kill();
        }

        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("db/yunjian") + ";AUTO_SERVER=TRUE", "yunjian", "");
             PreparedStatement ps = c.prepareStatement("SELECT name FROM cloud_system WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("system row present after SIGKILL").isTrue();
                assertThat(rs.getString(1)).isEqualTo(name);
            }
            try (PreparedStatement audit = c.prepareStatement(
                    "SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND outcome = 'SUCCESS'")) {
                audit.setString(1, id);
                try (ResultSet rs = audit.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("audit entry for the write present after SIGKILL").isPositive();
                }
            }
        }
    }
}
