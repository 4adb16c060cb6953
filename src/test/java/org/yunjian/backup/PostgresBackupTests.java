package org.yunjian.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.Application;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.backup.cli.BackupCli;
import org.yunjian.backup.internal.BackupService;
import org.yunjian.cli.CliRunner;
import org.yunjian.crypto.Sm3;
import org.yunjian.evidence.EvidenceService;
import org.yunjian.party.Fixtures;
import org.yunjian.party.PartyTestSupport;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.Role;
import org.yunjian.support.AssessmentItems;
import org.yunjian.support.PostgresForTests;
import org.yunjian.support.TestDatabases;

/**
 * The restore drill on the suite's PostgreSQL: the server's backup holds a {@code pg_dump} snapshot taken as the
 * schema owner; the DBA's {@code pg_restore} into an empty database plus {@code yunjian restore} of the files give
 * a platform whose audit log verifies and whose evidence decrypts to its SM3.
 */
@Tag("postgres")
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
class PostgresBackupTests {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabases.fresh("pg_backup", registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BackupService backups;

    @Value("${spring.datasource.url}")
    String url;

    @TempDir
    Path tmp;

    @Test
    void pgDumpBackupRestoresIntoEmptyDatabaseAndVerifies() throws Exception {
        Fixtures.World w = fixtures.world();
        CurrentUser assessor = user(w.assessor().id());
        String body = ApiAssessments.post(mvc, assessor, w, "备份演练测评");
        String items = AssessmentItems.json(mvc, (String) JsonPath.read(body, "$.id"), as(assessor));
        String item = JsonPath.<List<String>>read(items, "$[*].id").get(0);
        byte[] content = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart("/api/assessment-items/{id}/evidence", item)
                        .file(new MockMultipartFile("file", "证据.pdf", "application/pdf", content))
                        .with(as(assessor)))
                .andExpect(status().isCreated());

        String created = mvc.perform(post("/api/backups").with(as(PartyTestSupport.other(Role.SYSTEM_ADMIN))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.database").value("postgresql"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Path backup = backups.backupDir().resolve((String) JsonPath.read(created, "$.name"));
        Path dump = backup.resolve("database").resolve("yunjian.pgdump");
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(dump)) {
            assertThat(in.read(head)).isEqualTo(5);
        }
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("PGDMP");

        Path keyCopy = tmp.resolve("keys");
        backups.copyKeys(keyCopy);
        Path restored = tmp.resolve("restored");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(BackupCli.run(
                        new PrintWriter(out),
                        new PrintWriter(err),
                        new BackupMessages(Locale.ENGLISH),
                        "restore",
                        "--from",
                        backup.toString(),
                        "--data-dir",
                        restored.toString(),
                        "--keys-from",
                        keyCopy.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("pg_restore --no-owner", dump.toString());

        // what the DBA does: an empty database owned by the schema owner, pg_restore as that owner
        String db = "restored_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c =
                        DriverManager.getConnection(System.getProperty(PostgresForTests.ADMIN_URL), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db + " OWNER yunjian_owner ENCODING 'UTF8'");
        }
        String restoredUrl = url.substring(0, url.lastIndexOf('/') + 1) + db;
        ProcessBuilder pb = new ProcessBuilder(
                        pgRestore(),
                        "--no-owner",
                        "--exit-on-error",
                        "--dbname=" + restoredUrl.substring("jdbc:".length()),
                        "--username=yunjian_owner",
                        dump.toString())
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "owner");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();

        try (ConfigurableApplicationContext opened = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .profiles("cli")
                .run(
                        "--yunjian.data-dir=" + restored,
                        "--spring.datasource.url=" + restoredUrl,
                        "--spring.flyway.url=" + restoredUrl)) {
            StringWriter verify = new StringWriter();
            var cl = opened.getBean(CliRunner.class).commandLine();
            cl.setOut(new PrintWriter(verify));
            assertThat(cl.execute("audit", "verify")).as(verify.toString()).isZero();
            JdbcClient jdbc = opened.getBean(JdbcClient.class);
            List<Map<String, Object>> rows = jdbc.sql("SELECT id, sm3 FROM assessment_evidence WHERE item_id = ?")
                    .param(UUID.fromString(item))
                    .query()
                    .listOfRows();
            assertThat(rows).hasSize(1);
            EvidenceService evidence = opened.getBean(EvidenceService.class);
            UUID id = (UUID) rows.get(0).get("id");
            EvidenceService.Download d = PartyTestSupport.runAs(assessor, () -> evidence.download(id));
            assertThat(Sm3.digest(d.content()).hex()).isEqualTo(rows.get(0).get("sm3"));
        }
    }

    private static String pgRestore() throws java.io.IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pg_restore"))
                    .filter(Files::isExecutable)
                    .sorted()
                    .reduce((a, b) -> b)
                    .map(Path::toString)
                    .orElse("pg_restore");
        }
    }
}
