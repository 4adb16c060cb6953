package org.yunjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunjian.audit.internal.AuditTestSupport.cli;
import static org.yunjian.audit.internal.AuditTestSupport.publish;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunjian.audit.internal.AuditTestSupport.CliResult;
import org.yunjian.cli.CliRunner;
import org.yunjian.shared.Texts;

/**
 * Issue 33, first low finding: whoever can write the key directory (and delete database rows) but holds no key
 * truncated the newest entries: entries and anchors after N deleted, their lines cut from the anchor export (which
 * lives in the key directory by default), the head witness rewound to N — and {@code audit verify} said OK. The
 * witness now carries an HMAC-SM3 and the newest anchor it saw, so a rewind without the key is named; the export is
 * checked against the witness and the database; a verification without an off-site anchor copy says what it cannot
 * rule out.
 */
@org.yunjian.support.CommonContext
@Tag("database")
class KeyDirectoryTruncationAttackTest {

    private static final int ENTRIES = 263;
    private static final int KEPT = 200;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    CliRunner cliRunner;

    @Autowired
    HeadWitness witness;

    @Autowired
    AuditProperties properties;

    @Autowired
    AuditLog auditLog;

    JdbcClient jdbc;

    @Autowired
    void tamperer(Environment env, JdbcClient app) {
        this.jdbc = AuditTestSupport.tamperer(env, app);
    }

    @BeforeEach
    void entriesWithThreeAnchors() throws Exception {
        AuditTestSupport.emptyLog(jdbc, witness);
        Files.deleteIfExists(properties.anchorExport());
        publish(events, ENTRIES); // anchors at 100 and 200 (anchor-every)
        auditLog.anchorNow(); // and one at 263 (the time interval's)
        assertThat(Files.readAllLines(properties.anchorExport(), StandardCharsets.UTF_8))
                .hasSize(3);
    }

    @AfterEach
    void cleanUp() {
        AuditTestSupport.emptyLog(jdbc, witness);
    }

    @Test
    void truncationWithRewoundWitnessAndCutExportIsNamed() throws Exception {
        assertThat(cli(cliRunner, "audit", "verify").exitCode()).isZero();
        truncateDatabaseTo(KEPT);
        cutExportAfter(KEPT);
        // the rewound witness as the attacker writes it: entry 200's number and MAC, both readable in the database
        String mac = jdbc.sql("SELECT mac FROM audit_event WHERE seq = ?")
                .param(KEPT)
                .query(String.class)
                .single();
        Path file = properties.keyDir().resolve(HeadWitness.FILE);
        Files.writeString(file, KEPT + " " + mac + "\n");

        CliResult r = cli(cliRunner, "audit", "verify");
        assertThat(r.exitCode()).as(r.out()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "head witness in the old format without a MAC",
                        "a rewind hiding removed newest entries (truncation) cannot be ruled out");

        // the same rewind imitating the new format: a MAC line it cannot compute
        Files.writeString(file, KEPT + " " + mac + "\nanchor " + KEPT + "\nhmac-sm3 " + "0".repeat(64) + "\n");
        CliResult forged = cli(cliRunner, "audit", "verify");
        assertThat(forged.exitCode()).as(forged.out()).isEqualTo(1);
        assertThat(forged.out())
                .contains(
                        "head witness fails its MAC: someone without the audit key rewrote it",
                        "the newest entries were removed (truncation)");
        assertThat(cli(cliRunner, Texts.CHINESE, "audit", "verify").out()).contains("头见证的 MAC 校验不通过", "截断");

        // the server goes on writing: the forged witness is not built on, and the finding stays
        publish(events, 1);
        CliResult later = cli(cliRunner, "audit", "verify");
        assertThat(later.exitCode()).as(later.out()).isEqualTo(1);
        assertThat(later.out())
                .contains("head witness failed its MAC (or was unreadable) when entry " + (KEPT + 1) + " was written");
    }

    @Test
    void theExportCutAloneIsNamedAgainstTheWitnessAndTheDatabase(@TempDir Path offSite) throws Exception {
        // the newest line cut: the witness saw anchor 263 committed
        cutExportAfter(KEPT);
        Path copy = offSite.resolve("anchors.jsonl");
        Files.copy(properties.anchorExport(), copy);
        CliResult r = cli(cliRunner, "audit", "verify", "--anchors", copy.toString());
        assertThat(r.exitCode()).as(r.out()).isEqualTo(1);
        assertThat(r.out())
                .contains("the anchor export ends at entry " + KEPT
                        + ", but the head witness records the anchor at entry " + ENTRIES + " as committed");

        // the export cut at the database's last anchor as well (whoever writes the key directory cannot tell the
        // witness's newest anchor apart from the database's): the witness still names the missing one
        truncateDatabaseTo(KEPT);
        Files.copy(properties.anchorExport(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliResult both = cli(cliRunner, "audit", "verify", "--anchors", copy.toString());
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.out())
                .contains(
                        "anchor at entry " + ENTRIES + " no longer in the database, but the head witness "
                                + "records it as committed",
                        "the anchor export ends at entry " + KEPT);
    }

    @Test
    void aNewLogWhoseFirstTransactionWritesSeveralEntriesIsNoRestart(
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions) {
        AuditTestSupport.emptyLog(jdbc, witness);
        // a fresh installation's first set-up writes its first entries in one transaction (the demo: ten)
        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(t -> publish(events, 10));
        assertThat(witness.state()).get().satisfies(s -> {
            assertThat(s.confirmed().seq()).isEqualTo(10);
            assertThat(s.restarted())
                    .as("no witness is missing before the log's first entry")
                    .isNull();
        });
        assertThat(cli(cliRunner, "audit", "verify").out()).doesNotContain("head witness was missing");
        // a witness deleted while the log goes on is still named
        witness.reset();
        new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(t -> publish(events, 3));
        assertThat(witness.state().get().restarted()).isEqualTo(new HeadWitness.Restart(13, "missing"));
    }

    @Test
    void verificationSaysWhenItRanWithoutAnOffSiteAnchorCopy(@TempDir Path offSite) throws Exception {
        CliResult none = cli(cliRunner, "audit", "verify");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out())
                .contains(
                        "OK: " + ENTRIES + " entries, 3 anchors verified",
                        "note: No off-site anchor copy was checked",
                        "could have removed the newest entries together with their anchors, export lines and head witness");
        assertThat(cli(cliRunner, Texts.CHINESE, "audit", "verify").out())
                .contains("本次校验没有核对异地锚点副本", "也没有配置位于密钥目录之外的锚点导出文件");

        // the configured export lies in the key directory: no off-site copy either
        assertThat(properties.anchorExport().startsWith(properties.keyDir())).isTrue();
        CliResult inKeyDir = cli(
                cliRunner,
                "audit",
                "verify",
                "--anchors",
                properties.anchorExport().toString());
        assertThat(inKeyDir.exitCode()).isZero();
        assertThat(inKeyDir.out()).contains("lies in the key directory and is no off-site copy");

        Path copy = offSite.resolve("anchors.jsonl");
        Files.copy(properties.anchorExport(), copy);
        CliResult checked = cli(cliRunner, "audit", "verify", "--anchors", copy.toString(), "--json");
        assertThat(checked.exitCode()).isZero();
        assertThat(checked.out()).contains("\"offSite\":true", "\"notes\":[]");
    }

    private void truncateDatabaseTo(long n) {
        jdbc.sql("DELETE FROM audit_event WHERE seq > ?").param(n).update();
        jdbc.sql("DELETE FROM audit_anchor WHERE seq > ?").param(n).update();
        jdbc.sql(
                        "UPDATE audit_head SET last_seq = ?, last_mac = (SELECT mac FROM audit_event WHERE seq = ?) WHERE id = 1")
                .params(n, n)
                .update();
    }

    /** Keeps the export's lines of anchors up to entry {@code n} (what a key-directory writer does to the file). */
    private void cutExportAfter(long n) throws Exception {
        Path export = properties.anchorExport();
        java.util.regex.Pattern seq = java.util.regex.Pattern.compile("\"seq\":(\\d+)");
        List<String> kept = Files.readAllLines(export, StandardCharsets.UTF_8).stream()
                .filter(l -> {
                    var m = seq.matcher(l);
                    return m.find() && Long.parseLong(m.group(1)) <= n;
                })
                .toList();
        Files.write(export, kept, StandardCharsets.UTF_8);
    }
}
