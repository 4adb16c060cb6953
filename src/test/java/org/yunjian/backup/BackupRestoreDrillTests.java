package org.yunjian.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * The restore drill: a platform with evidence and exit-project files is backed up through the REST API while
 * uploads go on, restored with {@code yunjian restore} into an empty directory, and opened again: the audit log
 * verifies and every evidence file decrypts to its recorded SM3. Runs on the embedded H2 file database of a data
 * directory of its own (the PostgreSQL snapshot is {@code PostgresBackupTests}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
class BackupRestoreDrillTests {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static Path dataDir;

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) throws IOException {
        dataDir = org.yunjian.support.Scratch.directory("yunjian-drill-");
        registry.add("yunjian.data-dir", dataDir::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    BackupService backups;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Value("${yunjian.exit-project.file-dir}")
    Path exitDir;

    @Value("${yunjian.key-dir}")
    Path keyDir;

    @TempDir
    Path tmp;

    Fixtures.World w;
    CurrentUser assessor;
    final CurrentUser sysadmin = PartyTestSupport.other(Role.SYSTEM_ADMIN);

    @BeforeEach
    void world() {
        w = fixtures.world();
        assessor = user(w.assessor().id());
    }

    @Test
    void backupTakenDuringUploadsRestoresIntoEmptyDirectoryWithIntactAuditLogAndEvidence() throws Exception {
        String item = item();
        Map<String, byte[]> uploaded = new ConcurrentHashMap<>();
        for (int i = 0; i < 3; i++) {
            byte[] content = pdf("before " + i);
            uploaded.put(upload(item, content), content);
        }
        // an exit project's stored file (a hand-over manifest as FileStore keeps it: <project>/<record>)
        Path exitFile = exitDir.resolve(UUID.randomUUID().toString())
                .resolve(UUID.randomUUID().toString());
        Files.createDirectories(exitFile.getParent());
        Files.write(exitFile, "{\"path\":\"a.txt\",\"sm3\":\"00\"}\n".getBytes(StandardCharsets.UTF_8));

        // uploads keep going while the backup is taken
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Integer> writes = writer.submit(() -> {
            int n = 0;
            while (!stop.get() && n < 40) {
                byte[] content = pdf("during " + n);
                uploaded.put(upload(item, content), content);
                n++;
            }
            return n;
        });
        String body;
        try {
            body = mvc.perform(post("/api/backups").with(as(sysadmin)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.database").value("h2"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        } finally {
            stop.set(true);
            writes.get();
            writer.shutdown();
        }
        String name = JsonPath.read(body, "$.name");
        Path backup = backups.backupDir().resolve(name);
        mvc.perform(get("/api/backups").with(as(sysadmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value(name))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.items[0].manifestSm3")
                        .value(Sm3.digest(Files.readAllBytes(backup.resolve(BackupManifest.FILE)))
                                .hex()));
        assertThat(Files.list(backup).map(p -> p.getFileName().toString()).toList())
                .as("the backup holds no key")
                .doesNotContain("keys", "audit-hmac.key", "evidence-master.key");
        assertThat(manifestText(backup)).doesNotContain("audit-hmac.key", "audit-anchor.pem");

        Path keyCopy = tmp.resolve("offline-keys");
        assertThat(backups.copyKeys(keyCopy)).isPositive();

        Path restored = tmp.resolve("restored");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BackupCli.run(
                new PrintWriter(out),
                new PrintWriter(err),
                new BackupMessages(Locale.ENGLISH),
                "restore",
                "--from",
                backup.toString(),
                "--data-dir",
                restored.toString(),
                "--keys-from",
                keyCopy.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Restored backup " + name, "The keys were restored");
        assertThat(Files.readAllBytes(restored.resolve("exit-projects").resolve(exitDir.relativize(exitFile))))
                .isEqualTo(Files.readAllBytes(exitFile));

        // open the restored directory as a new process would: the full platform on that directory alone
        try (ConfigurableApplicationContext opened = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .profiles("cli")
                .run("--yunjian.data-dir=" + restored)) {
            StringWriter verifyOut = new StringWriter();
            var cl = opened.getBean(CliRunner.class).commandLine();
            cl.setOut(new PrintWriter(verifyOut));
            assertThat(cl.execute("audit", "verify")).as(verifyOut.toString()).isZero();

            JdbcClient jdbc = opened.getBean(JdbcClient.class);
            List<Map<String, Object>> rows = jdbc.sql("SELECT id, sm3 FROM assessment_evidence WHERE item_id = ?")
                    .param(UUID.fromString(item))
                    .query()
                    .listOfRows();
            assertThat(rows).as("the evidence committed before the snapshot").hasSizeGreaterThanOrEqualTo(3);
            EvidenceService evidence = opened.getBean(EvidenceService.class);
            for (Map<String, Object> row : rows) {
                UUID id = (UUID) row.get("id");
                EvidenceService.Download d = PartyTestSupport.runAs(assessor, () -> evidence.download(id));
                assertThat(Sm3.digest(d.content()).hex()).isEqualTo(row.get("sm3"));
                assertThat(d.content()).isEqualTo(uploaded.get(id.toString()));
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'backup.restore'")
                            .query(Long.class)
                            .single())
                    .as("the first start on the restored directory records the restore")
                    .isEqualTo(1L);
            assertThat(restored.resolve("restored-from.properties")).doesNotExist();
        }
    }

    @Test
    void tamperedBackupIsRefusedBeforeAnythingIsWritten() throws Exception {
        upload(item(), pdf("tamper"));
        Path backup = copy(backups.create().path());
        Path evidenceFile;
        try (Stream<Path> files = Files.list(backup.resolve("evidence"))) {
            evidenceFile = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(evidenceFile);
        bytes[bytes.length / 2] ^= 1;
        Files.write(evidenceFile, bytes);

        Path target = tmp.resolve("target");
        StringWriter err = new StringWriter();
        int code = BackupCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                new BackupMessages(Locale.ENGLISH),
                "restore",
                "--from",
                backup.toString(),
                "--data-dir",
                target.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "nothing was written", "evidence/" + evidenceFile.getFileName(), "does not match the manifest");
        assertThat(target).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no staging directory left")
                    .noneMatch(n -> n.contains("restore-"));
        }
    }

    /**
     * Issue 33, finding 3: a user's password hash changed inside the backup's database, its manifest line recomputed
     * (the file check alone passes), restored silently before manifests were sealed; now the seal refuses it.
     */
    @Test
    void backupWithAlteredDatabaseAndRecomputedManifestLineIsRefusedBeforeAnythingIsWritten() throws Exception {
        var victim = users.createDemoAccount(
                "drill-" + UUID.randomUUID().toString().substring(0, 8),
                "业务用户",
                Role.USER,
                w.customer().id(),
                "Drill-Passw0rd-" + UUID.randomUUID(),
                null);
        Path backup = copy(backups.create().path());
        Path keyCopy = tmp.resolve("keys-for-altered");
        backups.copyKeys(keyCopy);
        plantPasswordHash(backup, victim.id(), "$argon2id$v=19$m=16384,t=2,p=1$planted$planted");

        Path target = tmp.resolve("restored-altered");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BackupCli.run(
                new PrintWriter(out),
                new PrintWriter(err),
                new BackupMessages(Locale.ENGLISH),
                "restore",
                "--from",
                backup.toString(),
                "--data-dir",
                target.toString(),
                "--keys-from",
                keyCopy.toString());
        assertThat(code).as(out.toString()).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "nothing was written",
                        "MANIFEST.sm3",
                        "SM2 signature",
                        "does not verify",
                        "altered after it was taken");
        assertThat(target).doesNotExist();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no staging directory left")
                    .noneMatch(n -> n.contains("restore-"));
        }
    }

    @Test
    void backupSignedByAnotherInstallationIsRefusedNamingIt() throws Exception {
        Path backup = copy(backups.create().path());
        // another installation's keys seal the same manifest (its installation header names that installation)
        Path otherKeys = Files.createDirectories(tmp.resolve("another-installation"));
        var pair = org.yunjian.crypto.Sm2.generateKeyPair();
        Files.writeString(
                otherKeys.resolve("audit-anchor.pub.pem"), org.yunjian.crypto.Pem.writePublicKey(pair.getPublic()));
        byte[] otherHmac = new byte[32];
        new java.security.SecureRandom().nextBytes(otherHmac);
        Path manifestFile = backup.resolve(BackupManifest.FILE);
        BackupManifest manifest = BackupManifest.read(manifestFile);
        Map<String, String> header = new java.util.LinkedHashMap<>(manifest.header());
        header.put(BackupManifest.INSTALLATION, BackupManifest.installation(otherKeys));
        var signer = org.yunjian.crypto.Signer.of(pair.getPrivate());
        var mac = org.yunjian.crypto.HmacSm3.withKey(otherHmac);
        String resealed = ManifestSeal.seal(
                        new BackupManifest(header, manifest.entries()),
                        BackupManifest.FILE,
                        new org.yunjian.shared.keys.InstallationSeal() {
                            @Override
                            public byte[] sign(byte[] data) {
                                return signer.sign(data);
                            }

                            @Override
                            public byte[] mac(byte[] data) {
                                return mac.mac(data);
                            }
                        })
                .text();
        Files.writeString(manifestFile, resealed);

        StringWriter err = new StringWriter();
        int code = BackupCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                new BackupMessages(Locale.ENGLISH),
                "restore",
                "--from",
                backup.toString(),
                "--data-dir",
                tmp.resolve("t").toString(),
                "--check-with",
                keyDir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "nothing was written",
                        "signed by another installation",
                        BackupManifest.installation(otherKeys).substring(0, 12),
                        BackupManifest.installation(keyDir).substring(0, 12));
        assertThat(tmp.resolve("t")).doesNotExist();
    }

    @Test
    void backupWithOneSignatureByteFlippedIsRefused() throws Exception {
        Path backup = copy(backups.create().path());
        Path manifestFile = backup.resolve(BackupManifest.FILE);
        String text = Files.readString(manifestFile);
        var m = java.util.regex.Pattern.compile("(?m)^# signature: ([0-9a-f]+)$")
                .matcher(text);
        assertThat(m.find()).as(text).isTrue();
        int at = m.start(1) + 20;
        char flipped = text.charAt(at) == '0' ? '1' : '0';
        Files.writeString(manifestFile, text.substring(0, at) + flipped + text.substring(at + 1));

        StringWriter err = new StringWriter();
        int code = BackupCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                new BackupMessages(Locale.CHINA),
                "restore",
                "--from",
                backup.toString(),
                "--data-dir",
                tmp.resolve("t").toString(),
                "--check-with",
                keyDir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("恢复被拒绝", "SM2 签名", "核对不通过");
        assertThat(tmp.resolve("t")).doesNotExist();
    }

    /** Backups taken before manifests were sealed: refused naming the way on; restored with the audited override. */
    @Test
    void unsignedBackupIsRefusedUnlessAcceptedExplicitlyAndTheRestoreSaysSo() throws Exception {
        Path backup = copy(backups.create().path());
        Path manifestFile = backup.resolve(BackupManifest.FILE);
        // as the versions before seals (and before the installation header) wrote it
        Files.writeString(
                manifestFile,
                Files.readString(manifestFile).replaceAll("(?m)^# (signature|mac|installation|seal): .*\\n", ""));

        StringWriter err = new StringWriter();
        assertThat(BackupCli.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        new BackupMessages(Locale.ENGLISH),
                        "restore",
                        "--from",
                        backup.toString(),
                        "--data-dir",
                        tmp.resolve("t").toString(),
                        "--check-with",
                        keyDir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("carries no signature", "--accept-unsigned", "backup.create");
        assertThat(tmp.resolve("t")).doesNotExist();

        StringWriter out = new StringWriter();
        assertThat(BackupCli.run(
                        new PrintWriter(out),
                        new PrintWriter(new StringWriter()),
                        new BackupMessages(Locale.ENGLISH),
                        "restore",
                        "--from",
                        backup.toString(),
                        "--data-dir",
                        tmp.resolve("t").toString(),
                        "--accept-unsigned"))
                .isZero();
        assertThat(out.toString()).contains("carries no signature and was restored unchecked");
        assertThat(Files.readString(tmp.resolve("t").resolve("restored-from.properties")))
                .contains("authenticated=false");
    }

    /**
     * Issue 56: with the signature lines stripped, a backup of this installation was restored with
     * {@code --accept-unsigned}. A manifest that names its installation, or says that its version seals backups,
     * was sealed when written: refused even with the override, naming why, before anything is written.
     */
    @Test
    void strippedSealIsRefusedEvenWithAcceptUnsignedWhenTheManifestNamesItsInstallationOrASealingVersion()
            throws Exception {
        Path backup = copy(backups.create().path());
        Path manifestFile = backup.resolve(BackupManifest.FILE);
        String sealed = Files.readString(manifestFile);
        Files.writeString(manifestFile, sealed.replaceAll("(?m)^# (signature|mac): .*\\n", ""));
        StringWriter err = new StringWriter();
        assertThat(restoreAcceptingUnsigned(backup, err, Locale.ENGLISH)).isEqualTo(2);
        assertThat(err.toString())
                .contains("carries no signature", "names the installation", "--accept-unsigned")
                .doesNotContain("compare the manifest");
        assertThat(tmp.resolve("t")).doesNotExist();

        assertThat(sealed).contains("# installation: ", "# seal: required");
        Files.writeString(manifestFile, sealed.replaceAll("(?m)^# (signature|mac|installation): .*\\n", ""));
        err = new StringWriter();
        assertThat(restoreAcceptingUnsigned(backup, err, Locale.CHINA)).isEqualTo(2);
        assertThat(err.toString()).contains("没有签名", "会签名的版本", "--accept-unsigned");
        assertThat(tmp.resolve("t")).doesNotExist();
    }

    private int restoreAcceptingUnsigned(Path backup, StringWriter err, Locale locale) {
        return BackupCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                new BackupMessages(locale),
                "restore",
                "--from",
                backup.toString(),
                "--data-dir",
                tmp.resolve("t").toString(),
                "--accept-unsigned");
    }

    @Test
    void keyCopyOfAnotherInstallationIsRefusedInOneLineBeforeAnythingIsWritten() throws Exception {
        Path backup = copy(backups.create().path());
        assertThat(manifestText(backup)).contains(BackupManifest.INSTALLATION);
        // a consistent key copy (its KEYS.sm3 matches) whose anchor key is another installation's
        Path otherKeys = tmp.resolve("other-installation-keys");
        assertThat(backups.copyKeys(otherKeys)).isPositive();
        Files.writeString(
                otherKeys.resolve("audit-anchor.pub.pem"),
                "-----BEGIN PUBLIC KEY-----\nb3RoZXIgaW5zdGFsbGF0aW9u\n-----END PUBLIC KEY-----\n");
        Files.delete(otherKeys.resolve(BackupManifest.KEYS_FILE));
        BackupManifest.of(otherKeys, Map.of("kind", "keys")).write(otherKeys.resolve(BackupManifest.KEYS_FILE));

        Path target = tmp.resolve("restored-elsewhere");
        StringWriter err = new StringWriter();
        int code = BackupCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                new BackupMessages(Locale.ENGLISH),
                "restore",
                "--from",
                backup.toString(),
                "--data-dir",
                target.toString(),
                "--keys-from",
                otherKeys.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip())
                .contains("different installations", otherKeys.toString())
                .doesNotContain("\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void fileAddedToBackupIsRefused() throws Exception {
        Path backup = copy(backups.create().path());
        Files.writeString(backup.resolve("evidence-extra.sm4"), "planted");
        StringWriter err = new StringWriter();
        int code = BackupCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                new BackupMessages(Locale.ENGLISH),
                "restore",
                "--from",
                backup.toString(),
                "--data-dir",
                tmp.resolve("t").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("evidence-extra.sm4", "does not list");
        assertThat(tmp.resolve("t")).doesNotExist();
    }

    @Test
    void restoreIntoNonEmptyDirectoryIsRefusedNamingIt() throws Exception {
        Path backup = backups.create().path();
        Path target = Files.createDirectories(tmp.resolve("in-use"));
        Files.writeString(target.resolve("yunjian.mv.db"), "an existing installation");
        StringWriter err = new StringWriter();
        int code = BackupCli.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                new BackupMessages(Locale.CHINA),
                "restore",
                "--from",
                backup.toString(),
                "--data-dir",
                target.toString(),
                "--check-with",
                keyDir.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("恢复被拒绝", target.toAbsolutePath().toString(), "不是空目录");
        assertThat(Files.readString(target.resolve("yunjian.mv.db"))).isEqualTo("an existing installation");
        try (Stream<Path> left = Files.list(target)) {
            assertThat(left).hasSize(1);
        }
    }

    @Test
    void keyCopyInsideTheBackupDirectoryIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> backups.copyKeys(backups.backupDir().resolve("keys")))
                .isInstanceOf(BackupException.class)
                .satisfies(e -> assertThat(((BackupException) e).key()).isEqualTo("backup.error.keys-beside-data"));
    }

    @Test
    void backupsPageListsBackupsAndTakesOne() throws Exception {
        mvc.perform(post("/admin/backups").with(as(sysadmin))).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/admin/backups").with(as(sysadmin)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("立即备份", "yunjian-backup-", "密钥目录不在备份中");
        // when it was taken: local time to the minute, not an ISO instant
        assertThat(page)
                .containsPattern("<td>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</td>")
                .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    }

    /**
     * What an attacker with write access to the backups does: opens the backup's H2 database (with the credentials
     * the server uses), changes one user's password hash, zips it again and recomputes its manifest line.
     */
    private void plantPasswordHash(Path backup, UUID user, String hash) throws Exception {
        Path zip = backup.resolve("database").resolve("yunjian.zip");
        Path db = Files.createDirectories(tmp.resolve("altered-db-" + UUID.randomUUID()));
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Files.copy(in, db.resolve(e.getName()));
            }
        }
        var ds = (com.zaxxer.hikari.HikariDataSource) dataSource;
        try (var c = java.sql.DriverManager.getConnection(
                        "jdbc:h2:file:" + db.resolve("yunjian"), ds.getUsername(), ds.getPassword());
                var st = c.prepareStatement("UPDATE user_account SET password_hash = ? WHERE id = ?")) {
            st.setString(1, hash);
            st.setObject(2, user);
            assertThat(st.executeUpdate()).isEqualTo(1);
            c.createStatement().execute("SHUTDOWN");
        }
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("yunjian.mv.db"));
            Files.copy(db.resolve("yunjian.mv.db"), out);
            out.closeEntry();
        }
        Path manifest = backup.resolve(BackupManifest.FILE);
        String line = Sm3.digest(zip).hex() + " " + Files.size(zip) + " database/yunjian.zip";
        Files.writeString(
                manifest,
                Files.readString(manifest)
                        .replaceAll(
                                "(?m)^[0-9a-f]{64} \\d+ database/yunjian\\.zip$",
                                java.util.regex.Matcher.quoteReplacement(line)));
        BackupManifest.read(manifest).check(backup, BackupManifest.FILE); // the file check alone is satisfied
    }

    private String item() throws Exception {
        String body = ApiAssessments.post(mvc, assessor, w, "备份演练测评");
        String id = JsonPath.read(body, "$.id");
        String items = AssessmentItems.json(mvc, id, as(assessor));
        List<String> ids = JsonPath.read(items, "$[*].id");
        return ids.get(0);
    }

    private String upload(String itemId, byte[] content) throws Exception {
        String body = mvc.perform(multipart("/api/assessment-items/{id}/evidence", itemId)
                        .file(new MockMultipartFile("file", "证据.pdf", "application/pdf", content))
                        .with(as(assessor)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + " " + UUID.randomUUID() + "\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String manifestText(Path backup) throws IOException {
        return Files.readString(backup.resolve(BackupManifest.FILE));
    }

    private Path copy(Path backup) throws IOException {
        Path to = tmp.resolve("copy-" + backup.getFileName());
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(backup)) {
            walk.forEach(all::add);
        }
        Collections.sort(all);
        for (Path p : all) {
            Path t = to.resolve(backup.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(t);
            } else {
                Files.copy(p, t);
            }
        }
        return to;
    }
}
